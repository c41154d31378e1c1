/**
 * A French workbook and its English twin (SPEC section 4): the same answers, written with French sheet names,
 * headers and words, give the same findings (rule, cell, recommendation, unit, severity).
 */

import { describe, expect, it } from "vitest";
import type { CellValue, Workbook } from "../../src/core/grid";
import type { Finding } from "../../src/core/model";
import { readWorkbook } from "../../src/core/read";
import { validate } from "../../src/core/validate";

/** One row per language: [English, French]. */
type Twin = [CellValue, CellValue];
const t = (en: CellValue, fr: CellValue = en): Twin => [en, fr];

const UNITS: Twin[][] = [
  [t("Code"), t("Name", "Nom"), t("Division"), t("Aliases", "Alias")],
  [t("CWM"), t("Chemicals and Waste Management Programme", "Programme produits chimiques et déchets"), t("Planet", "Planète"), t("")],
  [t("GCP"), t("Green Development and Climate Change Programme", "Programme croissance verte et climat"), t("Planet", "Planète"), t("")],
  [t("PTP"), t("Peacekeeping Training Programme", "Programme de formation au maintien de la paix"), t("Peace", "Paix"), t("PTPU")],
];

const RECOMMENDATIONS: Twin[][] = [
  [t("No.", "N°"), t("Recommendation", "Recommandation"), t("Priority", "Priorité"), t("Category", "Catégorie"), t("Addressed to", "Adressée à")],
  [t("1"), t("Strengthen quality control.", "Renforcer le contrôle qualité."), t("High", "Haute"), t("Data", "Données"), t("All", "Tous")],
  [t("2"), t("Improve learner engagement.", "Améliorer l'engagement des apprenants."), t(""), t(""), t("Planet", "Planète")],
  [t("3"), t("Share good practices.", "Partager les bonnes pratiques."), t(""), t(""), t("CWM, GCP and PTP", "CWM, GCP et PTP")],
];

const ACCEPTED = t("Accepted", "Acceptée");
const PARTIAL = t("Partially accepted", "Partiellement acceptée");
const REJECTED = t("Rejected", "Rejetée");
const ONGOING = t("Under implementation", "En cours");
const DONE = t("Implemented", "Mis en œuvre");
const PLANNED = t("Planned", "Prévu");
const ACTION = t("Train all staff on the policy.", "Former tout le personnel à la politique.");
const LATER = t("31 December 2030", "31 décembre 2030");
const _ = t("");

const RESPONSES: Twin[][] = [
  [t("No.", "N°"), t("Unit", "Unité"), t("Acceptance", "Acceptation"), t("Planned action", "Action prévue"), t("Target date", "Date cible"),
    t("Status", "Statut"), t("Status at 6 months", "Statut à 6 mois"), t("Comments", "Commentaires")],
  [t("1"), t("CWM"), ACCEPTED, ACTION, LATER, ONGOING, DONE, _],
  [t("1"), t("GCP"), PARTIAL, ACTION, t("31 December 2024", "31 décembre 2024"), PLANNED, _, _],
  [t("1"), t("PTP"), REJECTED, _, _, ONGOING, _, _],
  [t("2"), t("CWM"), ACCEPTED, t("-"), _, _, _, _],
  [t("2"), t("GCP"), t("No response received", "Pas de réponse"), _, _, _, _, _],
  [t("2"), t("PTP"), ACCEPTED, ACTION, LATER, PLANNED, _, _],
  [t("2"), t("Peacekeeping Training Programme", "Programme de formation au maintien de la paix"), ACCEPTED, ACTION, LATER, PLANNED, _, _],
  [t("3"), t("CWM"), t("Acepted", "Acceptéee"), ACTION, t("Q2 2024", "2e trimestre 2024"), PLANNED, _, _],
  [t("3"), t("PTP"), ACCEPTED, ACTION, LATER, DONE, PLANNED, t("Done, then reopened.", "Fait, puis rouvert.")],
  [t("3"), t("GCP"), t("Not applicable", "Sans objet"), _, _, _, _, _],
  [t("3"), t("XYZ"), ACCEPTED, ACTION, LATER, PLANNED, _, _],
  [t("4"), t("CWM"), ACCEPTED, ACTION, LATER, t("Implemnted", "Mis en oeuvr"), _, _],
];

const SHEETS = { en: ["Units", "Recommendations", "Responses"], fr: ["Unités", "Recommandations", "Réponses"] };

function twin(lang: 0 | 1): Workbook {
  const names = lang === 0 ? SHEETS.en : SHEETS.fr;
  const rows = (table: Twin[][]) => table.map((row) => row.map((cell) => cell[lang]));
  return {
    name: lang === 0 ? "responses.xlsx" : "reponses.xlsx",
    sheets: [
      { name: names[0], rows: rows(UNITS) },
      { name: names[1], rows: rows(RECOMMENDATIONS) },
      { name: names[2], rows: rows(RESPONSES) },
    ],
  };
}

/** A finding with its sheet named as in the English twin. */
function comparable(f: Finding, names: string[]) {
  return [f.rule, f.severity, SHEETS.en[names.indexOf(f.sheet)], f.cell, f.recommendation, f.unit, f.suggestion];
}

/** What a reading says, whatever the language of the words it was read from. */
function meaning(r: { kind: string; value?: string; suggestion?: string | null; serial?: number }) {
  return [r.kind, r.value ?? r.suggestion ?? r.serial ?? null];
}

describe("the French twin", () => {
  const en = readWorkbook(twin(0), { asOf: "2025-06-30" });
  const fr = readWorkbook(twin(1), { asOf: "2025-06-30" });
  const enFindings = validate(en).map((f) => comparable(f, SHEETS.en));
  const frFindings = validate(fr).map((f) => comparable(f, SHEETS.fr));

  it("is read by the same layout into the same units, recommendations, addressing and answers", () => {
    expect([en.layout, fr.layout]).toEqual(["canonical", "canonical"]);
    expect(fr.units.map((u) => [u.code, u.aliases])).toEqual(en.units.map((u) => [u.code, u.aliases]));
    expect(fr.recommendations.map((r) => [r.number, r.priority === "Haute" ? "High" : r.priority, r.addressedTo])).toEqual(
      en.recommendations.map((r) => [r.number, r.priority, r.addressedTo]),
    );
    const answers = (m: typeof en) =>
      m.responses.map((r) => [r.number, r.unit, meaning(r.acceptance), meaning(r.targetDate), r.statuses.map((s) => [s.column.period?.months ?? null, meaning(s.reading)])]);
    expect(answers(fr)).toEqual(answers(en));
  });

  it("gives the same findings, cell for cell", () => {
    expect(frFindings).toEqual(enFindings);
  });

  it("finds in both what the twins were written to hold", () => {
    expect(enFindings.map(([rule, , sheet, cell, rec, unit]) => [rule, sheet, cell, rec, unit])).toEqual([
      ["overdue", "Responses", "E3", "1", "GCP"],
      ["partial-unexplained", "Responses", "H3", "1", "GCP"],
      ["missing-justification", "Responses", "D4", "1", "PTP"],
      ["rejected-with-progress", "Responses", "F4", "1", "PTP"],
      ["missing-action", "Responses", "D5", "2", "CWM"],
      ["missing-date", "Responses", "E5", "2", "CWM"],
      ["missing-status", "Responses", "F5", "2", "CWM"],
      ["no-response-received", "Responses", "C6", "2", "GCP"],
      ["not-addressed", "Responses", "C7", "2", "PTP"],
      ["duplicate-response", "Responses", "B8", "2", "PTP"],
      ["not-addressed", "Responses", "C8", "2", "PTP"],
      ["unknown-acceptance", "Responses", "C9", "3", "CWM"],
      ["invalid-date", "Responses", "E9", "3", "CWM"],
      ["status-regression", "Responses", "G10", "3", "PTP"],
      ["missing-response", "Responses", "C11", "3", "GCP"],
      ["unknown-unit", "Responses", "B12", "3", "XYZ"],
      ["unknown-recommendation", "Responses", "A13", "4", "CWM"],
      ["unknown-status", "Responses", "F13", "4", "CWM"],
    ]);
    expect(frFindings.filter((f) => f[6] !== null).map((f) => [f[0], f[6]])).toEqual([
      ["unknown-acceptance", "Accepted"],
      ["unknown-status", "Implemented"],
    ]);
  });
});
