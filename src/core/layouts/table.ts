/**
 * Reading a table with a header row: finding the header row, mapping columns to roles,
 * and the label cells above it (`Title`, `Date of response`).
 */

import { cellAt, isBlank, width, type CellValue, type Sheet } from "../grid";
import { headerPeriod, headerRole, type Role } from "../headers";
import { displayText, normalizeKey } from "../text";

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

/**
 * The header row among the first rows: the one mapping the most roles, among rows that have all `required` roles.
 * Returns null when no row has them all.
 */
export function findHeaderRow(sheet: Sheet, required: readonly Role[], scanRows = 30): ColumnMap | null {
  let best: ColumnMap | null = null;
  let bestScore = -1;
  const last = Math.min(sheet.rows.length, scanRows);
  const w = width(sheet); // once, not for every candidate row: it reads every row of the sheet
  for (let r = 0; r < last; r++) {
    const map = mapColumns(sheet, r, w);
    if (!required.every((role) => map.roles[role] !== undefined)) continue;
    const score = Object.keys(map.roles).length + map.followUps.length;
    if (score > bestScore) {
      best = map;
      bestScore = score;
    }
  }
  return best;
}

/** The roles a header row lacks, for a message. */
export function missingRoles(sheet: Sheet, required: readonly Role[], scanRows = 30): Role[] {
  let bestMissing: Role[] = [...required];
  const last = Math.min(sheet.rows.length, scanRows);
  const w = width(sheet);
  for (let r = 0; r < last; r++) {
    const map = mapColumns(sheet, r, w);
    const missing = required.filter((role) => map.roles[role] === undefined);
    if (missing.length < bestMissing.length) bestMissing = missing;
  }
  return bestMissing;
}

/** True when every cell of the row is blank. */
export function isBlankRow(sheet: Sheet, row: number): boolean {
  const r = sheet.rows[row];
  return !r || r.every((v) => isBlank(v));
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
