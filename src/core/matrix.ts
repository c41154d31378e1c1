/** Questions the rules and the summary ask of a response matrix. */

import type { CellAddress } from "./grid";
import type { DateReading } from "./dates";
import type { Role } from "./headers";
import type { Recommendation, Response, ResponseMatrix, Section0Matrix, StatusCell } from "./model";
import { memoizeText } from "./text";
import type { Status } from "./vocabulary";

/** Recommendations by number (the first one of each number). */
export function recommendationByNumber(matrix: ResponseMatrix): Map<string, Recommendation> {
  const m = new Map<string, Recommendation>();
  for (const r of matrix.recommendations) if (!m.has(r.number)) m.set(r.number, r);
  return m;
}

/** Long `addressedTo` lists as sets, made once per list: rules ask about every row, and "All" can name hundreds of units. */
const addressedSets = new WeakMap<readonly string[], { length: number; units: ReadonlySet<string> }>();

/** Whether a unit is among a recommendation's addressees. */
export function isAddressed(rec: Recommendation, unit: string): boolean {
  const list = rec.addressedTo;
  if (list.length <= 16) return list.includes(unit);
  let entry = addressedSets.get(list);
  if (!entry || entry.length !== list.length) addressedSets.set(list, (entry = { length: list.length, units: new Set(list) }));
  return entry.units.has(unit);
}

/** `Recommendation 3` / `unit SDP` phrases for messages. */
export function recLabel(number: string | null): string {
  return number === null ? "a row with no recommendation number" : `Recommendation ${number}`;
}

/** The unit as the workbook writes it, for messages. */
export function unitLabel(response: Response): string {
  return response.unit ?? (response.unitText || "(no unit)");
}

/** True when the row's acceptance is Accepted or Partially accepted. */
export function isAccepting(response: Response): boolean {
  return response.acceptance.kind === "known" && (response.acceptance.value === "Accepted" || response.acceptance.value === "Partially accepted");
}

/** The row's acceptance as a word in a sentence: "accepted", "partially accepted". */
export function acceptedWord(response: Response): string {
  return response.acceptance.kind === "known" ? response.acceptance.value.toLowerCase() : "accepted";
}

/** True when the row's acceptance is this value. */
export function acceptanceIs(response: Response, value: string): boolean {
  return response.acceptance.kind === "known" && response.acceptance.value === value;
}

/** True when the layout has any status information (Status, follow-up or C/O column). */
export function hasStatusColumns(matrix: ResponseMatrix): boolean {
  return matrix.statusColumns.length > 0;
}

/**
 * The roles the block a response was read from has a column for (the matrix's, for a response of no block):
 * a rule about a column fires only for rows of blocks that have it (SPEC 5).
 */
export function columnsOf(matrix: ResponseMatrix, response: Response): ReadonlySet<Role> {
  return (response.block !== undefined && matrix.blocks?.[response.block]?.columns) || matrix.columns;
}

/** A response's cell of a role, when the block it was read from has that column (else undefined: no rule speaks of it). */
export function cellOf(matrix: ResponseMatrix, response: Response, role: Role): CellAddress | undefined {
  return columnsOf(matrix, response).has(role) ? response.cells[role] : undefined;
}

/** True when the block a response was read from has status information (Status, follow-up or C/O column). */
export function hasStatusColumnsFor(matrix: ResponseMatrix, response: Response): boolean {
  const block = response.block === undefined ? undefined : matrix.blocks?.[response.block];
  return (block ? block.statusColumns : matrix.statusColumns).length > 0;
}

/** The hand-made Section 0 matrices to check against the detailed responses: every such block's (else `section0`). */
export function checkedSection0s(matrix: ResponseMatrix): Section0Matrix[] {
  const checked = (matrix.blocks ?? []).flatMap((b) => (b.use === "checked" && b.section0 ? [b.section0] : []));
  return checked.length ? checked : matrix.section0 ? [matrix.section0] : [];
}

/**
 * True when a target-date cell says there is no date: blank, a dash, `N/A`, `TBD` (missing-date's). Any other
 * text, written-out placeholders such as `To be decided` included, is a text that is not a date (invalid-date's).
 */
export function saysNoDate(date: DateReading): boolean {
  return date.kind === "blank" || (date.kind === "text" && isPlaceholder(date.text) && !/\p{L}{4}/u.test(date.text));
}

/** The last filled status cell of the row, in column order (blank and `No response` skipped). */
export function latestStatusCell(response: Response): StatusCell | null {
  for (let i = response.statuses.length - 1; i >= 0; i--) {
    if (response.statuses[i].reading.kind !== "blank") return response.statuses[i];
  }
  return null;
}

/** The latest known status of the row; `O` (open) and unknown text count as not Implemented. */
export function latestStatus(response: Response): Status | "open" | "unknown" | null {
  const cell = latestStatusCell(response);
  if (!cell) return null;
  const r = cell.reading;
  return r.kind === "known" ? r.value : r.kind === "open" ? "open" : r.kind === "unknown" ? "unknown" : null;
}

/**
 * The `overdue` rule's test, shared with the tracker: accepted or partially accepted, the target date is before the
 * "as of" date, and the latest status is not Implemented. Only where the layout has a target date and status
 * information (SPEC 5); a rejected recommendation is not expected to be implemented, so it cannot be late.
 */
export function isOverdue(matrix: ResponseMatrix, response: Response): boolean {
  const t = response.targetDate;
  // The block the row was read from must have both a target date and status information
  return (
    t.kind === "date" && t.serial < matrix.asOf && isAccepting(response) && columnsOf(matrix, response).has("targetDate") &&
    hasStatusColumnsFor(matrix, response) && latestStatus(response) !== "Implemented"
  );
}

const PLACEHOLDERS = new Set([
  "n/a", "na", "n a", "n.a.", "n.a", "tbd", "tbc", "to be determined", "to be decided", "none", "nil", "-", "no response received", "no response",
]);

/** Longer than any placeholder word, with single inner spaces only: text that says something (most cells, so checked first). */
const WORDY = /^[^\s\-–—.?]\S*(?: \S+)*$/;

/**
 * True when the cell text is a placeholder that says nothing: `-`, `N/A`, `TBD`. Remembered by text: several rules
 * ask it of every row, and a column repeats few texts.
 */
export const isPlaceholder: (text: string) => boolean = memoizeText(placeholder);

function placeholder(text: string): boolean {
  if (text.length > 24 && WORDY.test(text)) return false;
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  return t === "" || /^[-–—.?]+$/.test(t) || PLACEHOLDERS.has(t);
}

/** True when the acceptance reads `Not applicable` or `-` (the unit says the recommendation is not for it). */
export function isNotApplicable(response: Response): boolean {
  return response.acceptance.kind === "dash" || acceptanceIs(response, "Not applicable");
}

/**
 * Calls `visit` with each response row, in order: the rules' passes over the rows go through this one loop, so that
 * in a fresh process each rule's body is compiled as a function of its own (and used for every row after) rather
 * than each rule's loop being compiled midway, a compilation a short pass ends before it is ready.
 */
export function eachResponse(matrix: ResponseMatrix, visit: (response: Response) => void): void {
  const rows = matrix.responses;
  for (let i = 0; i < rows.length; i++) visit(rows[i]);
}
