/**
 * Reading a table with a header row: finding the header row, mapping columns to roles,
 * and the label cells above it (`Title`, `Date of response`).
 */

import { cellAt, isBlank, width, type CellValue, type Sheet } from "../grid";
import { headerPeriod, headerRole, type Role } from "../headers";
import { displayText, normalizeKey } from "../text";
import { normalizeRecommendationNumber } from "../numbers";
import type { HeaderRows } from "./blocks";

export interface ColumnMap {
  /** 0-based row of the header. */
  headerRow: number;
  /** The column of each role found (first one wins; follow-ups are listed in `followUps`). */
  roles: Partial<Record<Role, number>>;
  /** Follow-up status columns, left to right. */
  followUps: number[];
  headers: string[];
}

/** Maps each header cell of a row to a role. `w` is the sheet's width, when the caller already knows it. */
export function mapColumns(sheet: Sheet, headerRow: number, w = width(sheet)): ColumnMap {
  const roles: Partial<Record<Role, number>> = {};
  const followUps: number[] = [];
  const headers: string[] = [];
  for (let c = 0; c < w; c++) {
    const header = displayText(cellAt(sheet, headerRow, c));
    headers[c] = header;
    const role = headerRole(header);
    if (role === "followUp") followUps.push(c);
    else if (role && roles[role] === undefined) roles[role] = c;
  }
  return { headerRow, roles, followUps, headers };
}

/** The roles a sheet's likeliest header row lacks (the row lacking fewest), for a message. */
export function missingRoles(sheet: Sheet, required: readonly Role[]): Role[] {
  let bestMissing: Role[] = [...required];
  for (let r = 0; r < sheet.rows.length && bestMissing.length > 0; r++) {
    if (isBlankRow(sheet, r)) continue;
    const map = mapColumns(sheet, r, sheet.rows[r].length);
    const missing = required.filter((role) => map.roles[role] === undefined);
    if (missing.length < bestMissing.length) bestMissing = missing;
  }
  return bestMissing;
}

const blockMaps = new WeakMap<HeaderRows, ColumnMap>();

/**
 * The column map of a block's header: its one row as it is, or its two rows read as one (as formHeaderOf reads
 * them). Made once per header: every layout asks when it classifies the block. Treat it as read-only.
 */
export function blockColumnMap(sheet: Sheet, header: HeaderRows): ColumnMap {
  let map = blockMaps.get(header);
  if (!map) {
    map = header.firstRow === header.headerRow ? mapColumns(sheet, header.headerRow, sheet.rows[header.headerRow]?.length ?? 0) : formHeaderOf(sheet, header);
    blockMaps.set(header, map);
  }
  return map;
}

/** True when every cell of the row is blank. */
export function isBlankRow(sheet: Sheet, row: number): boolean {
  return isBlankCells(sheet.rows[row]);
}

/** Whether a row's cells (undefined past the sheet's rows) are all blank. */
export function isBlankCells(cells: readonly CellValue[] | undefined): boolean {
  if (!cells) return true;
  for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c])) return false;
  return true;
}

/** Label cells above a table: `Title: ...`, `Date of response: ...`. Keys are normalised labels. */
export function labelsAbove(sheet: Sheet, beforeRow: number): Map<string, CellValue> {
  const labels = new Map<string, CellValue>();
  for (let r = 0; r < beforeRow; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const label = normalizeKey(row[c]);
      if (!label || label.length > 40 || labels.has(label)) continue;
      for (let k = c + 1; k < row.length; k++) {
        if (!isBlank(row[k])) {
          labels.set(label, row[k]);
          break;
        }
      }
    }
  }
  return labels;
}

/** Whether a header names a period: re-exported for readers that classify status columns. */
export { headerPeriod };

/** `Recommendation`, `Rec. no.` ... before a number: the word is dropped, and the separator after the number may then be left out. */
const RECOMMENDATION_WORD = /^(?:recommendation|recommandation|rec\.?)\s*(?:no\.?|n°|nº|#)?\s*/i;
/** `4. Text`, `1) Text`, `(2) Text`, `13 a) Text`: a number, a separator, then the text (case matters: `13 a)` is a sub-item, `1 Take` is not). */
const NUMBERED = /^\(?(\d{1,4})(?:\s*([a-z])(?![a-z]))?\s*(?:\)\s*[.:–—-]?|[.:–—-])\s+(\S[\s\S]*)$/;
const AFTER_WORD = /^\(?(\d{1,4})(?:\s*([a-z])(?![a-z]))?\s*\)?\s*[.:–—-]?\s+(\S[\s\S]*)$/;

/**
 * The number and text of a recommendation cell: `1.` (text elsewhere), `<p>4. Programme Units ...</p>`,
 * `Recommendation 5. UNITAR ...`. Null when the cell holds no recommendation number.
 */
export function recommendationCell(v: CellValue): { number: string; text: string } | null {
  if (typeof v === "string") {
    const s = displayText(v);
    const word = RECOMMENDATION_WORD.exec(s);
    const m = word && word[0] !== "" ? AFTER_WORD.exec(s.slice(word[0].length)) : NUMBERED.exec(s);
    if (m) return { number: `${m[1]}${m[2] ?? ""}`, text: m[3] };
  }
  const whole = normalizeRecommendationNumber(v);
  return whole === null ? null : { number: whole, text: "" };
}

/** Footnote marks forms put on headers (`C/ O³`, `Implementation date⁴`, `Critical¹`): not part of the name. */
const FOOTNOTE_MARKS = /[¹²³⁰-⁹*†‡]+/g;

/** A header cell's text, tags and footnote marks removed: `C/ O³` -> `C/ O`. */
export function headerText(v: CellValue): string {
  const s = displayText(v);
  return /[¹²³⁰-⁹*†‡]/.test(s) ? s.replace(FOOTNOTE_MARKS, " ").replace(/\s+/g, " ").trim() : s;
}

/** Maps header texts (one per column) to roles, as mapColumns does for one row. */
export function columnMapOfTexts(headerRow: number, headers: string[]): ColumnMap {
  const roles: Partial<Record<Role, number>> = {};
  const followUps: number[] = [];
  headers.forEach((header, c) => {
    const role = headerRole(header);
    if (role === "followUp") followUps.push(c);
    else if (role && roles[role] === undefined) roles[role] = c;
  });
  return { headerRow, roles, followUps, headers };
}

/** A form's header: one row, or two (`firstRow` above `headerRow`); `keys` are each column's header texts, as keys. */
export interface FormHeader extends ColumnMap {
  firstRow: number;
  keys: string[][];
}

/**
 * A form's header: one row, or two where a group label sits above its sub-headers
 * (`Management Response and Planned Action` over `Accepted Partially Accepted Rejected`, `Planned action` ...),
 * taking per column the lower row's text, else the upper's (a merged cell keeps its text in its top row).
 * A `Recommendation` column holding numbers is the No. column, and the unnamed column beside it (the other half
 * of the merged header) the recommendation text.
 */
export function formHeaderOf(sheet: Sheet, rows: HeaderRows): FormHeader {
  const { firstRow, headerRow } = rows;
  const w = Math.max(sheet.rows[firstRow]?.length ?? 0, sheet.rows[headerRow]?.length ?? 0);
  const lower = Array.from({ length: w }, (_, c) => headerText(cellAt(sheet, headerRow, c)));
  const upper = firstRow < headerRow ? Array.from({ length: w }, (_, c) => headerText(cellAt(sheet, firstRow, c))) : lower;
  const headers = lower.map((t, c) => t || upper[c]);
  const map = columnMapOfTexts(headerRow, headers);
  numbersUnderRecommendation(sheet, map);
  const keys = headers.map((_, c) => [...new Set([upper[c], lower[c]].map((t) => normalizeKey(t)).filter(Boolean))]);
  return { ...map, firstRow, keys };
}

/** SPEC 2: `Recommendation` names the No. column when its cells are numbers; the text is then in the unnamed column beside it. */
function numbersUnderRecommendation(sheet: Sheet, map: ColumnMap): void {
  const c = map.roles.recommendation;
  if (map.roles.number !== undefined || c === undefined) return;
  const headerKey = normalizeKey(map.headers[c]);
  for (let r = map.headerRow + 1; r < Math.min(sheet.rows.length, map.headerRow + 12); r++) {
    const v = cellAt(sheet, r, c);
    if (isBlank(v) || normalizeKey(v) === headerKey) continue;
    if (recommendationCell(v) === null) return;
    map.roles.number = c;
    delete map.roles.recommendation;
    if (c + 1 < map.headers.length && map.headers[c + 1] === "") map.roles.recommendation = c + 1;
    return;
  }
}

/** True when the row repeats the form's header (a header printed again on every page): two cells or more as in the header. */
export function repeatsHeader(sheet: Sheet, row: number, header: FormHeader): boolean {
  const cells = sheet.rows[row] ?? [];
  let same = 0;
  for (let c = 0; c < cells.length && c < header.keys.length; c++) {
    if (header.keys[c].length && header.keys[c].includes(normalizeKey(headerText(cells[c]))) && ++same >= 2) return true;
  }
  return false;
}

/** Labels of a form's cover block: the evaluation's title, and the date of the response. */
export const TITLE_LABELS = ["title", "titre", "evaluation title", "name of evaluation", "nom de l evaluation"];
export const DATE_LABELS = ["date of response", "response date", "date de reponse", "date"];

/**
 * A label's value from above a form's table (rows before `headerRow` of `sheet`), else from the top rows of the
 * workbook's other sheets (a form's cover block may sit on its Section 0 sheet).
 */
export function formLabel(sheets: readonly Sheet[], sheet: Sheet, headerRow: number, names: readonly string[], scanRows = 30): CellValue | null {
  const places = [sheet, ...sheets.filter((s) => s !== sheet)];
  for (const s of places) {
    const labels = labelsAbove(s, s === sheet ? headerRow : Math.min(s.rows.length, scanRows));
    for (const name of names) {
      const v = labels.get(name);
      if (v !== undefined) return v;
    }
  }
  return null;
}
