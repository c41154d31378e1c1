/**
 * Column roles and their header synonyms in English and French (SPEC section 2).
 * A header matches a role when, compared case-, accent- and punctuation-insensitively,
 * it equals or starts with one of the role's synonyms.
 */

import { normalizeKey } from "./text";

export const ROLES = [
  "number", "recommendation", "unit", "division", "code", "name", "aliases", "addressedTo", "priority", "category",
  "acceptance", "action", "responsible", "budget", "targetDate", "status", "followUp", "comments", "evidence",
  "responseDate",
] as const;
export type Role = (typeof ROLES)[number];

/** Human names of roles, for messages. */
export const ROLE_LABELS: Record<Role, string> = {
  number: "No.", recommendation: "Recommendation", unit: "Unit", division: "Division", code: "Code", name: "Name",
  aliases: "Aliases", addressedTo: "Addressed to", priority: "Priority", category: "Category", acceptance: "Acceptance",
  action: "Planned action", responsible: "Responsible", budget: "Budget", targetDate: "Target date", status: "Status",
  followUp: "Follow-up status", comments: "Comments", evidence: "Evidence", responseDate: "Response date",
};

const SYNONYMS: [Role, string[]][] = [
  ["number", ["No", "No.", "Rec. no.", "Rec no", "Recommendation no.", "Recommendation number", "#", "N°", "Nº", "Numéro", "Recommandation n°", "Ref", "Réf"]],
  ["recommendation", ["Recommendation", "Recommendation text", "Recommandation", "Texte"]],
  ["addressedTo", ["Addressed to", "Responsible units", "Responsible unit(s)", "For action by", "Adressée à", "Adressé à", "Destinataires"]],
  ["unit", ["Unit", "Programme unit", "Program unit", "Office", "Entity", "Division/Unit", "Unité", "Entité", "Bureau", "Service"]],
  ["division", ["Division", "Department", "Group", "Département", "Direction"]],
  ["code", ["Code", "Unit code", "Code unité"]],
  ["name", ["Name", "Unit name", "Nom"]],
  ["aliases", ["Aliases", "Alias", "Other spellings", "Autres noms"]],
  ["priority", ["Priority", "Critical/Important", "Priorité"]],
  ["category", ["Category", "Theme", "Catégorie", "Thème"]],
  ["acceptance", [
    "Acceptance", "Accepted?", "Accepted? (Yes/No)", "Accepted Partially accepted Rejected", "Management response",
    "Acceptation", "Acceptée ?", "Acceptée", "Réponse de la direction",
  ]],
  ["action", ["Planned action", "Proposed action", "Key actions", "Action plan", "Action prévue", "Actions prévues", "Actions proposées", "Plan d'action"]],
  ["responsible", ["Responsible", "Title of responsible individual", "Focal point", "Responsable"]],
  ["budget", ["Budget", "Budget allocated", "Budget alloué"]],
  ["targetDate", ["Target date", "Implementation date", "Due date", "Deadline", "Timeframe", "Date cible", "Date de mise en œuvre", "Échéance"]],
  ["status", ["Status", "Implementation status", "C/O", "Statut", "État"]],
  ["comments", ["Comments", "Client comments", "Remarks", "Commentaires", "Observations"]],
  ["evidence", ["Evidence", "Means of verification", "Preuve", "Justificatif"]],
  ["responseDate", ["Response date", "Date of response", "Date de réponse"]],
];

/**
 * Synonyms by their first word, longest first within each, so `Recommendation no.` wins over `Recommendation`,
 * `Responsible units` over `Responsible`. A synonym matches a header whose words start with its words, so only
 * the synonyms sharing the header's first word need a look (every cell of every row is asked about).
 */
const BY_FIRST_WORD = new Map<string, { role: Role; key: string }[]>();
for (const { role, key } of SYNONYMS.flatMap(([role, words]) => words.map((w) => ({ role, key: normalizeKey(w) })))
  .filter((s) => s.key !== "")
  .sort((a, b) => b.key.length - a.key.length)) {
  const first = key.split(" ")[0];
  BY_FIRST_WORD.set(first, [...(BY_FIRST_WORD.get(first) ?? []), { role, key }]);
}

/** A follow-up period named by a header: `6 months`, `one year`, `2 ans`, `2025`. */
export interface Period {
  label: string;
  /** Months after the response date, when the header names a duration. */
  months: number | null;
  /** Calendar year, when the header names only a year. */
  year: number | null;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, a: 1, un: 1, une: 1, two: 2, deux: 2, three: 3, trois: 3, four: 4, quatre: 4, five: 5, cinq: 5, six: 6,
  twelve: 12, eighteen: 18, douze: 12, dix: 10, ten: 10,
};

/** The period a header names, or null. */
export function headerPeriod(header: string): Period | null {
  const key = normalizeKey(header);
  const num = (w: string): number | null => (/^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w] ?? null);
  let m = /\b(\d+|one|two|three|six|twelve|eighteen|un|deux|trois|six|douze|dix|ten)\s+(months?|mois)\b/.exec(key);
  if (m && num(m[1]) !== null) return { label: `${num(m[1])} months`, months: num(m[1]), year: null };
  m = /\b(\d+|one|a|two|three|four|five|un|une|deux|trois|quatre|cinq)\s+(years?|ans?|annees?)\b/.exec(key);
  if (m && num(m[1]) !== null) {
    const n = num(m[1])!;
    return { label: n === 1 ? "1 year" : `${n} years`, months: n * 12, year: null };
  }
  m = /\b(19\d\d|20\d\d)\b/.exec(key);
  if (m) return { label: m[1], months: null, year: Number(m[1]) };
  return null;
}

const FOLLOW_UP_WORDS = new Set(["status", "statut", "etat", "état", "update", "mise", "situation", "follow", "suivi", "implementation"]);

/**
 * True when a text's first word (accents and case aside) can start a header: a cheap test that lets a reader pass
 * over the many cells that name no column without working out their key.
 */
export function mayNameRole(text: string): boolean {
  const m = /^[\s\p{P}]*(?:<[^>]*>[\s\p{P}]*)*([\p{L}]{1,30})/u.exec(text);
  if (!m) return /^[\s<>/]*(#|n°|nº)/i.test(text);
  const word = m[1].toLowerCase();
  return BY_FIRST_WORD.has(word) || BY_FIRST_WORD.has(word.normalize("NFD").replace(/\p{M}/gu, "")) || FOLLOW_UP_WORDS.has(word);
}

const FOLLOW_UP_START = /^(status|statut|etat|update|mise a jour|situation|follow up|suivi|implementation status|etat de mise en oeuvre)\b/;

/** The role a header names, or null. Follow-up status headers are status headers that name a period. */
export function headerRole(header: string): Role | null {
  if (/^\s*(#|n°|nº)\s*$/i.test(header)) return "number"; // normalise to nothing
  const key = normalizeKey(header);
  if (key === "") return null;
  if (FOLLOW_UP_START.test(key) && headerPeriod(header)) return "followUp";
  const space = key.indexOf(" ");
  for (const { role, key: syn } of BY_FIRST_WORD.get(space < 0 ? key : key.slice(0, space)) ?? []) {
    if (key === syn || key.startsWith(syn + " ")) return role;
  }
  return null;
}
