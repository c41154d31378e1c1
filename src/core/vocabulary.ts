/**
 * Acceptance and status words in English and French (SPEC section 4), with "did you mean" suggestions.
 */

import type { CellValue } from "./grid";
import { displayText, editDistance, memoizeText, normalizeKey } from "./text";

export const ACCEPTANCES = ["Accepted", "Partially accepted", "Rejected", "No response", "Not applicable"] as const;
export type Acceptance = (typeof ACCEPTANCES)[number];

/** Answers a unit can give, in the order the summary lists them. */
export const ANSWERS = ["Accepted", "Partially accepted", "Rejected", "No response"] as const;
export type Answer = (typeof ANSWERS)[number];

export const STATUSES = ["Not started", "Planned", "Under implementation", "Implemented", "Not implemented"] as const;
export type Status = (typeof STATUSES)[number];

const ACCEPTANCE_WORDS: Record<Acceptance, string[]> = {
  Accepted: ["Accepted", "Accept", "Agreed", "Yes", "Y", "Acceptée", "Accepté", "Acceptee", "Oui"],
  "Partially accepted": [
    "Partially accepted", "Partially agreed", "Partly accepted", "Accepted in part", "Partially accept",
    "Partiellement acceptée", "Partiellement accepté", "Acceptée en partie", "Accepté en partie",
  ],
  Rejected: ["Rejected", "Not accepted", "Disagreed", "No", "N", "Rejetée", "Rejeté", "Non acceptée", "Non accepté", "Non"],
  "No response": ["No response", "No response received", "Not received", "Pas de réponse"],
  "Not applicable": ["NA", "N/A", "N A", "n.a.", "Not applicable", "Sans objet", "Non applicable"],
};

const STATUS_WORDS: Record<Status, string[]> = {
  "Not started": ["Not started", "Not yet started", "Pending", "Non commencé", "Non commence"],
  Planned: ["Planned", "Plan", "To be implemented", "Prévu", "Planifié"],
  "Under implementation": [
    "Under implementation", "In progress", "Ongoing", "Partially implemented", "Started", "En cours",
    "En cours de mise en œuvre",
  ],
  Implemented: [
    "Implemented", "Completed", "Done", "Closed", "C", "Already in full compliance", "In full compliance",
    "Mis en œuvre", "Réalisé",
  ],
  "Not implemented": ["Not implemented", "Abandoned", "Withdrawn", "Non mis en œuvre"],
};

function index<T extends string>(words: Record<T, string[]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [canonical, list] of Object.entries(words) as [T, string[]][]) {
    for (const w of [canonical, ...list]) m.set(normalizeKey(w), canonical);
  }
  return m;
}

const ACCEPTANCE_INDEX = index(ACCEPTANCE_WORDS);
const STATUS_INDEX = index(STATUS_WORDS);
const ACCEPTANCE_LIST = [...ACCEPTANCE_INDEX];
const STATUS_LIST = [...STATUS_INDEX];

/** What a cell of the acceptance column says. */
export type AcceptanceReading =
  | { kind: "blank" }
  | { kind: "dash" } // `-`: Not applicable where the unit is not addressed, a non-answer where it is
  | { kind: "known"; value: Acceptance }
  | { kind: "unknown"; text: string; suggestion: Acceptance | null };

// Remembered per text: a column holds a handful of words many thousand times, and a typo's "did you mean"
// costs an edit distance to every word. Readings are shared, so never changed.
const acceptanceOfText = memoizeText(readAcceptanceUncached);
const statusOfText = memoizeText((text: string) => readStatusUncached(text, false));
const statusOfTextOpenClosed = memoizeText((text: string) => readStatusUncached(text, true));

/** Reads an acceptance cell: `Acepted` -> unknown with suggestion `Accepted`; `Oui` -> Accepted. */
export function readAcceptance(v: CellValue): AcceptanceReading {
  return typeof v === "string" ? acceptanceOfText(v) : readAcceptanceUncached(v);
}

/** Excel's formula errors. `#N/A` is not the answer "N/A", though its comparison key is the same. */
const FORMULA_ERROR = /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

function readAcceptanceUncached(v: CellValue): AcceptanceReading {
  const text = displayText(v);
  if (text === "") return { kind: "blank" };
  if (/^[-–—]+$/.test(text)) return { kind: "dash" };
  if (FORMULA_ERROR.test(text)) return { kind: "unknown", text, suggestion: null };
  if (typeof v === "boolean") return { kind: "known", value: v ? "Accepted" : "Rejected" };
  const key = normalizeKey(text);
  const hit = ACCEPTANCE_INDEX.get(key);
  if (hit) return { kind: "known", value: hit };
  return { kind: "unknown", text, suggestion: nearest(key, ACCEPTANCE_LIST) };
}

/** Normalises an acceptance word to its canonical form, or null when it is not in the vocabulary. */
export function normalizeAcceptance(v: CellValue): Acceptance | null {
  const r = readAcceptance(v);
  return r.kind === "known" ? r.value : null;
}

/** What a status cell says. `No response` counts as blank; `O` only means open in a C/O column. */
export type StatusReading =
  | { kind: "blank" }
  | { kind: "known"; value: Status }
  | { kind: "open" } // OIOS `O`: filled, not implemented
  | { kind: "unknown"; text: string; suggestion: Status | null };

/** Reads a status or follow-up status cell. */
export function readStatus(v: CellValue, opts: { openClosed?: boolean } = {}): StatusReading {
  const openClosed = opts.openClosed === true;
  if (typeof v === "string") return openClosed ? statusOfTextOpenClosed(v) : statusOfText(v);
  return readStatusUncached(v, openClosed);
}

function readStatusUncached(v: CellValue, openClosed: boolean): StatusReading {
  const text = displayText(v);
  if (text === "" || /^[-–—]+$/.test(text)) return { kind: "blank" };
  if (FORMULA_ERROR.test(text)) return { kind: "unknown", text, suggestion: null };
  const key = normalizeKey(text);
  if (ACCEPTANCE_INDEX.get(key) === "No response") return { kind: "blank" };
  if (openClosed && key === "o") return { kind: "open" };
  const hit = STATUS_INDEX.get(key);
  if (hit) return { kind: "known", value: hit };
  return { kind: "unknown", text, suggestion: nearest(key, STATUS_LIST) };
}

/** Normalises a status word to its canonical form, or null. */
export function normalizeStatus(v: CellValue): Status | null {
  const r = readStatus(v);
  return r.kind === "known" ? r.value : null;
}

/** Position in the status order (Not started 0 ... Not implemented 4). */
export function statusRank(s: Status): number {
  return STATUSES.indexOf(s);
}

/**
 * The nearest known word, when it is close enough to be a likely typo. `words` is an index's entries as a list
 * (ACCEPTANCE_LIST, STATUS_LIST), made once: every unknown text is compared with each.
 */
function nearest<T extends string>(key: string, words: readonly (readonly [string, T])[]): T | null {
  if (key.length < 3) return null;
  let best: T | null = null;
  let bestD = Infinity;
  const max = Math.max(1, Math.floor(key.length / 3));
  for (let i = 0; i < words.length; i++) {
    const word = words[i][0];
    const canonical = words[i][1];
    if (word.length < 3) continue;
    const d = editDistance(key, word, max);
    if (d < bestD) {
      bestD = d;
      best = canonical;
    }
  }
  return bestD <= max ? best : null;
}
