/** Every word the Section 0 summary sheet writes, in English and French (SPEC section 6, Language). */

import type { Period } from "../headers";
import type { Severity } from "../model";
import { SEVERITY_WORDS } from "../severity";
import type { Answer } from "../vocabulary";
import type { ImplementationColumn } from "./implementation";

export const SUMMARY_LANGUAGES = ["en", "fr"] as const;
export type SummaryLanguage = (typeof SUMMARY_LANGUAGES)[number];

export interface SummaryWords {
  title: string;
  evaluation: string;
  generated: string;
  asOf: string;
  recommendation: string;
  /** A recommendation named by its number alone: `Recommendation 4`. */
  recommendationNo: (number: string) => string;
  answers: Record<Answer, string>;
  /** A cell of a column none of whose units is addressed. */
  notAddressed: string;
  /** Joins the last two units of a list: `CWM and GCP`. */
  and: string;
  /** Totals rows and columns: what each count counts. */
  unitsThat: Record<Answer, string>;
  acceptanceRate: string;
  unitsByRecommendation: string;
  allRecommendations: string;
  legendTitle: string;
  /** What each fill of the matrix means, in the order of the legend. */
  legend: { fill: Answer | null; text: string }[];
  statuses: Record<ImplementationColumn, string>;
  implemented: string;
  latestStatusTitle: string;
  followUpTitle: (period: string) => string;
  total: string;
  /** `6 months`, `1 year`, `2 years`. */
  months: (n: number) => string;
  years: (n: number) => string;
  chartTitle: string;
  checksTitle: string;
  severities: Record<Severity, string>;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const ENGLISH: SummaryWords = {
  title: "Section 0 – Summary of response",
  evaluation: "Evaluation",
  generated: "Generated",
  asOf: "As of",
  recommendation: "Recommendation",
  recommendationNo: (n) => `Recommendation ${n}`,
  answers: { Accepted: "Accepted", "Partially accepted": "Partially accepted", Rejected: "Rejected", "No response": "No response" },
  notAddressed: "NA",
  and: "and",
  unitsThat: {
    Accepted: "Units that accepted",
    "Partially accepted": "Units that partially accepted",
    Rejected: "Units that rejected",
    "No response": "Units with no response",
  },
  acceptanceRate: "Acceptance rate",
  unitsByRecommendation: "Units by answer, per recommendation",
  allRecommendations: "All recommendations",
  legendTitle: "Colours: the least favourable answer given in the cell (the words say the same)",
  legend: [
    { fill: "Rejected", text: "Rejected: at least one unit rejected" },
    { fill: "Partially accepted", text: "Partially accepted: at least one unit partially accepted, none rejected" },
    { fill: "Accepted", text: "Accepted: every unit that answered accepted" },
    { fill: "No response", text: "No response: no unit of the column has answered" },
    { fill: null, text: "NA: not addressed to any unit of the column" },
  ],
  statuses: {
    "Not started": "Not started",
    Planned: "Planned",
    "Under implementation": "Under implementation",
    Implemented: "Implemented",
    "Not implemented": "Not implemented",
    "Open / other": "Open / other",
    "No status": "No status",
  },
  implemented: "% implemented",
  latestStatusTitle: "Implementation status of accepted and partially accepted recommendations (latest status)",
  followUpTitle: (period) => `Follow-up status: ${period}`,
  total: "Total",
  months: (n) => `${n} month${n === 1 ? "" : "s"}`,
  years: (n) => `${n} year${n === 1 ? "" : "s"}`,
  chartTitle: "Acceptance by recommendation (number of units)",
  checksTitle: "Checks when generated (kept outside the print area: not printed)",
  severities: {
    error: capital(SEVERITY_WORDS.error.many),
    warning: capital(SEVERITY_WORDS.warning.many),
    info: capital(SEVERITY_WORDS.info.many),
  },
};

const FRENCH: SummaryWords = {
  title: "Section 0 – Résumé de la réponse",
  evaluation: "Évaluation",
  generated: "Généré le",
  asOf: "Situation au",
  recommendation: "Recommandation",
  recommendationNo: (n) => `Recommandation ${n}`,
  answers: {
    Accepted: "Acceptée",
    "Partially accepted": "Partiellement acceptée",
    Rejected: "Rejetée",
    "No response": "Pas de réponse",
  },
  notAddressed: "Sans objet",
  and: "et",
  unitsThat: {
    Accepted: "Unités ayant accepté",
    "Partially accepted": "Unités ayant partiellement accepté",
    Rejected: "Unités ayant rejeté",
    "No response": "Unités sans réponse",
  },
  acceptanceRate: "Taux d'acceptation",
  unitsByRecommendation: "Unités par réponse, pour chaque recommandation",
  allRecommendations: "Toutes les recommandations",
  legendTitle: "Couleurs : la réponse la moins favorable donnée dans la case (les mots disent la même chose)",
  legend: [
    { fill: "Rejected", text: "Rejetée : au moins une unité l'a rejetée" },
    { fill: "Partially accepted", text: "Partiellement acceptée : au moins une unité l'a partiellement acceptée, aucune ne l'a rejetée" },
    { fill: "Accepted", text: "Acceptée : toutes les unités qui ont répondu l'ont acceptée" },
    { fill: "No response", text: "Pas de réponse : aucune unité de la colonne n'a répondu" },
    { fill: null, text: "Sans objet : adressée à aucune unité de la colonne" },
  ],
  statuses: {
    "Not started": "Non commencé",
    Planned: "Prévu",
    "Under implementation": "En cours de mise en œuvre",
    Implemented: "Mis en œuvre",
    "Not implemented": "Non mis en œuvre",
    "Open / other": "Ouvert / autre",
    "No status": "Sans statut",
  },
  implemented: "% mis en œuvre",
  latestStatusTitle: "État de mise en œuvre des recommandations acceptées et partiellement acceptées (dernier statut)",
  followUpTitle: (period) => `Suivi : ${period}`,
  total: "Total",
  months: (n) => `${n} mois`,
  years: (n) => `${n} an${n === 1 ? "" : "s"}`,
  chartTitle: "Acceptation par recommandation (nombre d'unités)",
  checksTitle: "Contrôles à la génération (hors de la zone d'impression : non imprimés)",
  severities: { error: "Erreurs", warning: "Avertissements", info: "Remarques" },
};

/** The summary's words in a language. */
export function summaryWords(language: SummaryLanguage): SummaryWords {
  return language === "fr" ? FRENCH : ENGLISH;
}

/** A follow-up period in the summary's language: `6 months` / `6 mois`, `1 year` / `1 an`, a calendar year as it is. */
export function periodText(period: Period, words: SummaryWords): string {
  if (period.months === null) return period.label;
  return period.months % 12 === 0 ? words.years(period.months / 12) : words.months(period.months);
}
