/**
 * The responses table as the user mapped it in Settings → Sheet and columns: one sheet, one header row,
 * a column letter per role. Read like the canonical Responses sheet, with the Units and Recommendations
 * sheets beside it when the workbook has them.
 */

import { cellAt, columnIndex, columnLetter, width, type Sheet, type Workbook } from "../grid";
import { ROLE_LABELS, headerRole, type Role } from "../headers";
import type { Mapping } from "../model";
import { displayText, joinWithAnd } from "../text";
import { LayoutError } from "./errors";
import type { ColumnMap } from "./table";

export const LAYOUT_ID = "mapped";
export const LAYOUT_NAME = "your column mapping";

/** The roles a mapping must give a column: without them there is no response to read. */
export const REQUIRED_ROLES: readonly Role[] = ["number", "unit", "acceptance"];

/** The roles a mapping may give a column, in the order the pane offers them. */
export const OPTIONAL_ROLES: readonly Role[] = [
  "action", "responsible", "budget", "targetDate", "status", "comments", "evidence", "responseDate",
];

/** Rows scanned for a header row, and offered as header rows in the pane. */
const SCAN_ROWS = 30;

/** Columns offered per sheet: a stray cell far to the right must not make the pane list thousands. */
const MAX_COLUMNS = 256;

const WHERE = "Settings → Sheet and columns";
const FIX = "Choose the sheet and columns again there, or use automatic recognition.";

/** The mapped sheet: by its exact name, else by its name in any case (a sheet renamed `responses`). */
function mappedSheet(workbook: Workbook, name: string): Sheet | undefined {
  return workbook.sheets.find((s) => s.name === name) ?? workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** The column map a mapping describes on its sheet; throws LayoutError saying what no longer fits and how to fix it. */
export function columnMapOf(workbook: Workbook, mapping: Mapping): { sheet: Sheet; map: ColumnMap } {
  const sheet = mappedSheet(workbook, mapping.sheet);
  if (!sheet) {
    const sheets = joinWithAnd(workbook.sheets.map((s) => `'${s.name}'`)) || "no sheets";
    throw new LayoutError(`The sheet '${mapping.sheet}' chosen in ${WHERE} is no longer in the workbook (it has ${sheets}). ${FIX}`);
  }
  const missing = REQUIRED_ROLES.filter((role) => !mapping.columns[role]);
  if (missing.length > 0) {
    const names = joinWithAnd(missing.map((r) => `"${ROLE_LABELS[r]}"`));
    throw new LayoutError(`The column mapping in ${WHERE} gives no column for ${names}. ${FIX}`);
  }
  const headerRow = mapping.headerRow - 1;
  if (headerRow >= sheet.rows.length) {
    throw new LayoutError(
      `The header row ${mapping.headerRow} chosen in ${WHERE} is below the last row of the sheet '${sheet.name}' (row ${sheet.rows.length}). ${FIX}`,
    );
  }
  const w = width(sheet);
  const checkInside = (letter: string, what: string) => {
    if (columnIndex(letter) < w) return;
    const end = w === 0 ? "that sheet is empty" : `that sheet ends at column ${columnLetter(w - 1)}`;
    throw new LayoutError(`The column mapping in ${WHERE} puts ${what} in column ${letter} of the sheet '${sheet.name}', but ${end}. ${FIX}`);
  };
  const roles: Partial<Record<Role, number>> = {};
  const followUps: number[] = [];
  for (const [role, letter] of Object.entries(mapping.columns) as [Role, string][]) {
    checkInside(letter, role === "followUp" ? "a follow-up status" : `"${ROLE_LABELS[role]}"`);
    if (role === "followUp") followUps.push(columnIndex(letter));
    else roles[role] = columnIndex(letter);
  }
  for (const letter of mapping.followUps ?? []) {
    checkInside(letter, "a follow-up status");
    followUps.push(columnIndex(letter));
  }
  const headers = Array.from({ length: w }, (_, c) => displayText(cellAt(sheet, headerRow, c)));
  // A column is read once as a status: not again as a follow-up
  const followUpCols = [...new Set(followUps)].filter((c) => c !== roles.status).sort((a, b) => a - b);
  return { sheet, map: { headerRow, roles, followUps: followUpCols, headers } };
}

/** A column as the pane offers it: `D`, its header text, and the role that header suggests. */
export interface HeaderChoice {
  letter: string;
  text: string;
  role: Role | null;
}

/** A sheet as the pane offers it: its best-guessed header row (1-based) and the first rows' cells as header choices. */
export interface SheetChoice {
  name: string;
  headerRow: number;
  /** The headers of `headerRow`. */
  headers: HeaderChoice[];
  /** The first rows (up to 30), each as header choices, for when the user picks another header row. */
  rows: HeaderChoice[][];
}

/** The sheets and columns the pane offers for a mapping, each sheet with its best-guessed header row and roles. */
export function proposeMapping(workbook: Workbook): { sheets: SheetChoice[] } {
  return { sheets: workbook.sheets.map(sheetChoice) };
}

/** A sheet's first rows as header choices, and the likeliest header row among them. */
export function sheetChoice(sheet: Sheet): SheetChoice {
  const w = Math.min(width(sheet), MAX_COLUMNS);
  const rows: HeaderChoice[][] = [];
  for (let r = 0; r < Math.min(sheet.rows.length, SCAN_ROWS); r++) {
    rows.push(
      Array.from({ length: w }, (_, c) => {
        const text = displayText(cellAt(sheet, r, c));
        return { letter: columnLetter(c), text, role: headerRole(text) };
      }),
    );
  }
  const best = bestHeaderRow(rows);
  return { name: sheet.name, headerRow: best + 1, headers: rows[best] ?? [], rows };
}

/**
 * The likeliest header row: the row naming the most roles when it names at least two of No., Unit and
 * Acceptance; else the first row about as wide as the table (a title above is one cell; a data row below
 * may hold `Accepted`, which also names a role).
 */
function bestHeaderRow(rows: HeaderChoice[][]): number {
  let best = -1;
  let bestScore = 0;
  rows.forEach((row, r) => {
    const roles = new Set(row.map((h) => h.role).filter((role): role is Role => role !== null));
    const required = REQUIRED_ROLES.filter((role) => roles.has(role)).length;
    if (required >= 2 && roles.size + required > bestScore) {
      best = r;
      bestScore = roles.size + required;
    }
  });
  if (best >= 0) return best;
  const filled = rows.map((row) => row.filter((h) => h.text !== "").length);
  const widest = Math.max(0, ...filled);
  const wide = filled.findIndex((n) => n > 0 && n >= Math.min(2, widest) && n * 2 >= widest);
  return Math.max(wide, 0);
}

/** The mapping the headers suggest: each role's first column, every follow-up status column. */
export function guessedMapping(sheet: string, headerRow: number, headers: readonly HeaderChoice[]): Mapping {
  const columns: Mapping["columns"] = {};
  const followUps: string[] = [];
  for (const h of headers) {
    if (h.role === "followUp") followUps.push(h.letter);
    else if (h.role && [...REQUIRED_ROLES, ...OPTIONAL_ROLES].includes(h.role) && !columns[h.role]) columns[h.role] = h.letter;
  }
  // Without a Unit header, a `Division`, `Code` or `Unit name` column is the likeliest to name the unit
  const unitLike = headers.find((h) => h.role === "division" || h.role === "code" || h.role === "name");
  if (!columns.unit && unitLike) columns.unit = unitLike.letter;
  return { sheet, headerRow, columns, followUps };
}

/**
 * The mapping the pane starts from: the saved one while its sheet is still there, else the guess on the sheet
 * where most roles find a column (No., Unit and Acceptance counting double). Null for a workbook without sheets.
 */
export function startingMapping(proposal: { sheets: SheetChoice[] }, saved?: Mapping): Mapping | null {
  if (saved && proposal.sheets.some((s) => s.name === saved.sheet)) return saved;
  let best: Mapping | null = null;
  let bestScore = -1;
  for (const s of proposal.sheets) {
    const guess = guessedMapping(s.name, s.headerRow, s.headers);
    const roles = Object.keys(guess.columns) as Role[];
    const score = roles.length + roles.filter((r) => REQUIRED_ROLES.includes(r)).length + (guess.followUps?.length ?? 0);
    if (score > bestScore) {
      best = guess;
      bestScore = score;
    }
  }
  return best;
}
