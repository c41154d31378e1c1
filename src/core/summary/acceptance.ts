/** What one cell of the Section 0 matrix says: the answers of a column's addressed units (SPEC section 6). */

import type { Recommendation, Response, ResponseMatrix, Unit } from "../model";
import { displayText, firstSentence, joinWithAnd, normalizeKey } from "../text";
import { ANSWERS, type Answer } from "../vocabulary";
import type { CellStyle } from "../sheet-spec";
import { summaryWords, type SummaryWords } from "./words";

/** A column of the matrix: a division (its units in Units order) or a single unit. */
export interface SummaryColumn {
  label: string;
  units: string[];
}

/** The matrix columns: divisions in order of first appearance in Units, or every unit in Units order. */
export function summaryColumns(units: readonly Unit[], by: "division" | "unit"): SummaryColumn[] {
  if (by === "unit") return units.map((u) => ({ label: u.code, units: [u.code] }));
  const byKey = new Map<string, SummaryColumn>();
  for (const u of units) {
    const label = u.division || u.code;
    const key = normalizeKey(label);
    const column = byKey.get(key);
    if (column) column.units.push(u.code);
    else byKey.set(key, { label, units: [u.code] });
  }
  return [...byKey.values()];
}

/** The first response row of each (recommendation, unit): later duplicates are `duplicate-response`'s business, not the summary's. */
export function firstResponses(matrix: ResponseMatrix): (number: string, unit: string) => Response | undefined {
  // Maps by number, then unit: no key string built per lookup, and the summary looks up every pair several times.
  const first = new Map<string, Map<string, Response>>();
  for (const r of matrix.responses) {
    if (r.number === null || r.unit === null) continue;
    let ofNumber = first.get(r.number);
    if (!ofNumber) first.set(r.number, (ofNumber = new Map()));
    if (!ofNumber.has(r.unit)) ofNumber.set(r.unit, r);
  }
  return (number, unit) => first.get(number)?.get(unit);
}

/** An addressed unit's answer: anything but Accepted, Partially accepted or Rejected (no row, blank, `-`, Not applicable, unknown text) is No response. */
export function answerOf(response: Response | undefined): Answer {
  const a = response?.acceptance;
  if (a?.kind === "known" && a.value !== "Not applicable") return a.value;
  return "No response";
}

/**
 * The answer that colours a matrix cell: the least favourable answer actually given (Rejected, then Partially
 * accepted, then Accepted); No response only when no addressed unit of the column answered; null when none is addressed.
 */
export function colourAnswer(answers: readonly Answer[]): Answer | null {
  if (answers.length === 0) return null;
  for (const a of ["Rejected", "Partially accepted", "Accepted"] as const) if (answers.includes(a)) return a;
  return "No response";
}

/**
 * The text of a matrix cell from the addressed units of its column, given in Units order:
 * `NA` when none, the answer when all agree, else `Accepted (CWM and GCP); Partially accepted (SCYCLE)`.
 */
export function acceptanceCellText(units: readonly { code: string; answer: Answer }[], words: SummaryWords = summaryWords("en")): string {
  if (units.length === 0) return words.notAddressed;
  const groups = ANSWERS.map((answer) => ({ answer, codes: units.filter((u) => u.answer === answer).map((u) => u.code) })).filter(
    (g) => g.codes.length > 0,
  );
  if (groups.length === 1) return words.answers[groups[0].answer];
  return groups.map((g) => `${words.answers[g.answer]} (${joinWithAnd(g.codes, words.and)})`).join("; ");
}

/** Counts of answers, in ANSWERS order. */
export type AnswerCounts = Record<Answer, number>;

/** Zero counts. */
export function noAnswers(): AnswerCounts {
  return { Accepted: 0, "Partially accepted": 0, Rejected: 0, "No response": 0 };
}

/** (Accepted + Partially accepted) / addressed, or null when nothing was addressed. */
export function acceptanceRate(c: AnswerCounts): number | null {
  const addressed = ANSWERS.reduce((n, a) => n + c[a], 0);
  return addressed === 0 ? null : (c.Accepted + c["Partially accepted"]) / addressed;
}

/**
 * Fills of matrix cells by their worst answer: Excel's own Good / Neutral / Bad styles (familiar to its users)
 * plus a grey, each with dark text of the same hue; the words carry the meaning for colour-blind readers and in print.
 */
export const ANSWER_STYLES: Record<Answer, Pick<CellStyle, "fill" | "fontColor">> = {
  Accepted: { fill: "#C6EFCE", fontColor: "#006100" },
  "Partially accepted": { fill: "#FFEB9C", fontColor: "#9C5700" },
  Rejected: { fill: "#FFC7CE", fontColor: "#9C0006" },
  "No response": { fill: "#D9D9D9", fontColor: "#262626" },
};

/** Chart bar colours: Okabe–Ito hues (bluish green, orange, vermillion, grey), told apart by colour-blind readers. */
export const CHART_COLORS: Record<Answer, string> = {
  Accepted: "#009E73",
  "Partially accepted": "#E69F00",
  Rejected: "#D55E00",
  "No response": "#999999",
};

/** A label longer than this (characters) is cut after a whole word: about five lines of the printed label column. */
const LABEL_LENGTH = 120;

/** `1. Strengthen quality control of data entry.`: the number and the first sentence, tags stripped and a leading `Recommendation 1:` dropped. */
export function recommendationLabel(rec: Recommendation, words: SummaryWords = summaryWords("en")): string {
  const sentence = recommendationSentence(rec, LABEL_LENGTH);
  return sentence ? `${rec.number}. ${sentence}` : words.recommendationNo(rec.number);
}

/**
 * The first sentence of a recommendation's text (cut after a whole word with `…` past `limit` characters), tags
 * stripped and a leading `Recommendation 1:` dropped ("" when it has no text).
 */
export function recommendationSentence(rec: Pick<Recommendation, "number" | "text">, limit?: number): string {
  let text = displayText(rec.text);
  const m = /^(?:recommendation|recommandation|rec\.?)\s*(?:no\.?|n°|nº|#)?\s*\(?(\d+\s*[a-z]?)\)?\s*[:.)–—-]\s*/i.exec(text);
  if (m && normalizeKey(m[1]).replace(/\s/g, "") === normalizeKey(rec.number).replace(/\s/g, "")) text = text.slice(m[0].length);
  return text ? firstSentence(text, limit) : "";
}
