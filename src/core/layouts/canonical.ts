/**
 * The canonical workbook (SPEC section 2): sheets `Units`, `Recommendations` and `Responses`,
 * each a table with a header row.
 */

import { cellAt, isBlank, type CellAddress, type CellValue, type Sheet, type Workbook } from "../grid";
import { ROLE_LABELS, headerPeriod, type Role } from "../headers";
import type { Recommendation, Response, StatusCell, StatusColumn, Unit } from "../model";
import { normalizeRecommendationNumber } from "../numbers";
import { displayText, normalizeKey } from "../text";
import { UnitDirectory } from "../units";
import { readAcceptance, readStatus } from "../vocabulary";
import { readDate } from "../dates";
import type { Block } from "./blocks";
import { blockColumnMap, isBlankRow, labelsAbove, missingRoles, type ColumnMap } from "./table";
import type { DetailReading, Layout, ReadContext } from "./layout";
import { RowStatus, TableColumns } from "./row-cells";

export const LAYOUT_ID = "canonical";

const SHEET_NAMES = {
  units: ["units", "unites", "unit", "programme units", "divisions"],
  recommendations: ["recommendations", "recommandations", "recommendation"],
  responses: ["responses", "reponses", "management responses", "management response", "reponses de la direction"],
} as const;

const REQUIRED = {
  units: ["code", "division"] as Role[],
  recommendations: ["number", "recommendation", "addressedTo"] as Role[],
  responses: ["number", "unit", "acceptance"] as Role[],
};

const TITLE_LABELS = ["title", "titre", "evaluation title", "name of evaluation", "nom de l evaluation", "evaluation"];
const DATE_LABELS = ["date of response", "response date", "date de reponse", "date"];

/** The sheet whose name is one of `names` (case, accents and punctuation ignored). */
function sheetNamed(workbook: Workbook, names: readonly string[]): Sheet | undefined {
  return workbook.sheets.find((s) => names.includes(normalizeKey(s.name)));
}

/** The sheet the canonical reader takes for the responses (`Responses`, `Réponses`...), if any. */
export function canonicalResponsesSheet(workbook: Workbook): Sheet | undefined {
  return sheetNamed(workbook, SHEET_NAMES.responses);
}

/** True when a sheet's name is one the canonical workbook gives its Units sheet. */
export function isUnitsSheetName(name: string): boolean {
  return (SHEET_NAMES.units as readonly string[]).includes(normalizeKey(name));
}

/** A table block's column map when it has every `required` role, else null. */
function tableWith(block: Block, required: readonly Role[]): ColumnMap | null {
  if (block.shape !== "table") return null;
  const map = blockColumnMap(block.sheet, block.headers[0]);
  return required.every((role) => map.roles[role] !== undefined) ? map : null;
}

/** A list's score: higher on a sheet named for it. */
function listScore(block: Block, names: readonly string[]): number {
  return names.includes(normalizeKey(block.sheet.name)) ? 0.8 : 0.5;
}

/** The canonical Responses table: No., Unit and Acceptance, on a sheet named Responses. */
export const canonicalResponses: Layout = {
  id: LAYOUT_ID,
  name: "the response matrix layout (Units, Recommendations, Responses)",
  blockName: "responses table",
  classify(block) {
    return tableWith(block, REQUIRED.responses) && (SHEET_NAMES.responses as readonly string[]).includes(normalizeKey(block.sheet.name)) ? 0.8 : 0;
  },
  read(block, context) {
    const map = blockColumnMap(block.sheet, block.headers[0]);
    return { part: "answers", detail: readTable(block.sheet, map, context, block) };
  },
};

/** A list of units: Code and Division (the canonical Units sheet, wherever it sits). */
export const unitsList: Layout = {
  id: "units",
  name: "a list of units",
  blockName: "list of units",
  classify: (block) => (tableWith(block, REQUIRED.units) ? listScore(block, SHEET_NAMES.units) : 0),
  read: (block) => ({ part: "units", units: readUnits(block.sheet, blockColumnMap(block.sheet, block.headers[0]), block.end) }),
};

/** A list of recommendations: No., Recommendation and Addressed to (the canonical Recommendations sheet). */
export const recommendationsList: Layout = {
  id: "recommendations",
  name: "a list of recommendations",
  blockName: "list of recommendations",
  classify: (block) => (tableWith(block, REQUIRED.recommendations) ? listScore(block, SHEET_NAMES.recommendations) : 0),
  read(block) {
    const map = blockColumnMap(block.sheet, block.headers[0]);
    let count = 0;
    for (let r = map.headerRow + 1; r < block.end; r++) if (normalizeRecommendationNumber(cellAt(block.sheet, r, map.roles.number!)) !== null) count++;
    return { part: "recommendations", count, read: (directory) => readRecommendations(block.sheet, map, directory, block.end) };
  },
};

/** The sentence for a Responses sheet that has no table of responses: the columns its likeliest header row lacks. */
export function noResponsesTableSentence(workbook: Workbook): string | null {
  const sheet = canonicalResponsesSheet(workbook);
  if (!sheet) return null;
  const missing = missingRoles(sheet, REQUIRED.responses).map((r) => `"${ROLE_LABELS[r]}"`);
  return (
    `The sheet '${sheet.name}' has no header row with the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. ` +
    `Add ${missing.length > 1 ? "these headers" : "this header"} above the table (or map the columns in the task pane settings).`
  );
}

function text(sheet: Sheet, row: number, col: number | undefined): string {
  return col === undefined ? "" : displayText(cellAt(sheet, row, col));
}

function at(sheet: Sheet, row: number, col: number): CellAddress {
  return { sheet: sheet.name, row, col };
}

function readUnits(sheet: Sheet, map: ColumnMap, end: number): Unit[] {
  const units: Unit[] = [];
  const seen = new Set<string>();
  for (let r = map.headerRow + 1; r < end; r++) {
    if (isBlankRow(sheet, r)) continue;
    const code = text(sheet, r, map.roles.code);
    if (!code || seen.has(normalizeKey(code))) continue;
    seen.add(normalizeKey(code));
    const name = text(sheet, r, map.roles.name);
    const aliases = text(sheet, r, map.roles.aliases)
      .split(";")
      .map((a) => a.trim())
      .filter(Boolean);
    units.push({ code, name, division: text(sheet, r, map.roles.division) || code, aliases, at: at(sheet, r, map.roles.code!) });
  }
  return units;
}

function readRecommendations(sheet: Sheet, map: ColumnMap, directory: UnitDirectory, end: number): Recommendation[] {
  const recs: Recommendation[] = [];
  const numberCol = map.roles.number!;
  for (let r = map.headerRow + 1; r < end; r++) {
    if (isBlankRow(sheet, r)) continue;
    const number = normalizeRecommendationNumber(cellAt(sheet, r, numberCol));
    if (number === null) continue;
    const addressedCol = map.roles.addressedTo!;
    const addressed = directory.addressedTo(text(sheet, r, addressedCol));
    recs.push({
      number,
      text: text(sheet, r, map.roles.recommendation),
      priority: text(sheet, r, map.roles.priority),
      category: text(sheet, r, map.roles.category),
      addressedTo: addressed.units,
      addressedUnknown: addressed.unknown,
      at: at(sheet, r, numberCol),
      addressedAt: at(sheet, r, addressedCol),
    });
  }
  return recs;
}

const NO_ROWS: ReadonlySet<number> = new Set();

/** The status columns of a responses table, left to right (Status, then follow-ups). */
export function statusColumns(map: ColumnMap): StatusColumn[] {
  const cols: StatusColumn[] = [];
  if (map.roles.status !== undefined) {
    const header = map.headers[map.roles.status];
    cols.push({ role: "status", header, col: map.roles.status, period: null, openClosed: normalizeKey(header) === "c o" });
  }
  for (const c of map.followUps) {
    cols.push({ role: "followUp", header: map.headers[c], col: c, period: headerPeriod(map.headers[c]), openClosed: false });
  }
  return cols.sort((a, b) => a.col - b.col);
}

/** Reads the rows of a responses table (up to row `end`, excluded); a blank `No.` inherits the number from the row above. */
export function readResponseRows(
  sheet: Sheet,
  map: ColumnMap,
  directory: UnitDirectory | null,
  end = sheet.rows.length,
  skip: ReadonlySet<number> = NO_ROWS,
): Response[] {
  const responses: Response[] = [];
  const statusCols = statusColumns(map);
  const statusOptions = statusCols.map((column) => ({ openClosed: column.openClosed }));
  const roles = Object.entries(map.roles) as [Role, number][];
  const table = new TableColumns(sheet.name, roles);
  let lastNumber: string | null = null;
  for (let r = map.headerRow + 1; r < end; r++) {
    if (isBlankRow(sheet, r) || skip.has(r)) continue;
    // Every cell as text once; the role texts below are taken from it
    const values = rowTexts(sheet.rows[r]);
    const numberCell: CellValue = map.roles.number === undefined ? "" : cellAt(sheet, r, map.roles.number);
    const unitText = textAt(values, map.roles.unit);
    const acceptanceCell = map.roles.acceptance === undefined ? "" : cellAt(sheet, r, map.roles.acceptance);
    let number: string | null;
    if (isBlank(numberCell)) {
      if (!unitText && isBlank(acceptanceCell)) continue; // a stray note under the table
      number = lastNumber;
    } else {
      number = normalizeRecommendationNumber(numberCell);
      lastNumber = number;
    }
    const statuses: StatusCell[] = new Array(statusCols.length);
    for (let i = 0; i < statusCols.length; i++) {
      statuses[i] = new RowStatus(statusCols[i], readStatus(cellAt(sheet, r, statusCols[i].col), statusOptions[i]), sheet.name, r);
    }
    responses.push({
      row: r,
      number,
      numberText: textAt(values, map.roles.number),
      unitText,
      unit: directory ? directory.resolve(unitText) : unitText || null,
      acceptance: readAcceptance(acceptanceCell),
      action: textAt(values, map.roles.action),
      responsible: textAt(values, map.roles.responsible),
      budget: textAt(values, map.roles.budget),
      targetDate: map.roles.targetDate === undefined ? { kind: "blank" } : readDate(cellAt(sheet, r, map.roles.targetDate)),
      statuses,
      comments: textAt(values, map.roles.comments),
      evidence: textAt(values, map.roles.evidence),
      responseDate: map.roles.responseDate === undefined ? { kind: "blank" } : readDate(cellAt(sheet, r, map.roles.responseDate)),
      cells: table.cellsOf(r),
      values,
      block: 0, // set once the matrix lists its blocks (a number from the start: one shape for every row)
    });
  }
  return responses;
}

/** Every cell of a row as text (a loop rather than map(): it runs for every cell of the table). */
function rowTexts(row: readonly CellValue[] | undefined): string[] {
  if (!row) return [];
  const texts: string[] = new Array(row.length); // as long as the row, no longer: every row's texts are kept
  for (let c = 0; c < row.length; c++) texts[c] = displayText(row[c]);
  return texts;
}

/** A role's text from a row's texts ("" when the table has no such column or the row stops short). */
function textAt(values: readonly string[], col: number | undefined): string {
  return col === undefined ? "" : (values[col] ?? "");
}

/** How a unit without a Units sheet is told apart: its comparison key, or its text when that has none (`😀`, `:`). */
function unitKey(unitText: string): string {
  return normalizeKey(unitText) || unitText;
}

/** Units in order of first appearance in the responses, for workbooks without a Units sheet. */
export function unitsFromResponses(responses: Response[]): Unit[] {
  const units: Unit[] = [];
  const seen = new Set<string>();
  for (const r of responses) {
    if (!r.unitText || seen.has(unitKey(r.unitText))) continue;
    seen.add(unitKey(r.unitText));
    units.push({ code: r.unitText, name: "", division: r.unitText, aliases: [], at: r.cells.unit ?? null });
  }
  return units;
}

/**
 * The workbook's units once its responses are read: the Units sheet's when it lists any; else the responses'
 * in order of first appearance, each response then naming its unit by that first spelling (`cwm` below `CWM` is `CWM`).
 */
export function settleUnits(listed: Unit[], responses: Response[]): { units: Unit[]; directory: UnitDirectory; unitsListed: boolean } {
  if (listed.length > 0) return { units: listed, directory: new UnitDirectory(listed), unitsListed: true };
  const units = unitsFromResponses(responses);
  const codes = new Map(units.map((u) => [unitKey(u.code), u.code]));
  for (const r of responses) if (r.unit !== null) r.unit = codes.get(unitKey(r.unitText)) ?? r.unit;
  return { units, directory: new UnitDirectory(units), unitsListed: false };
}

/** A label's value from the rows above the tables of the given sheets. */
function label(sheets: { sheet: Sheet; headerRow: number }[], names: string[]): CellValue | null {
  for (const { sheet, headerRow } of sheets) {
    const labels = labelsAbove(sheet, headerRow);
    for (const n of names) {
      const v = labels.get(n);
      if (v !== undefined) return v;
    }
  }
  return null;
}

/**
 * Reads a table of responses: the canonical Responses table, or the one the user mapped (Settings → Sheet and
 * columns). Unit names resolve through the listed units; the title and response date come from labels above it
 * or above the lists of units and recommendations. Header rows repeated inside the block are not answers.
 */
export function readTable(sheet: Sheet, map: ColumnMap, context: ReadContext, block?: Block): DetailReading {
  const listed = context.listedUnits;
  const repeats = new Set((block?.headers.slice(1) ?? []).flatMap((h) => [h.firstRow, h.headerRow]));
  const responses = readResponseRows(sheet, map, listed.length ? new UnitDirectory(listed) : null, block?.end ?? sheet.rows.length, repeats);
  const lists = context.blocks.filter((b) => b !== block && b.shape === "table" && (context.layoutOf(b) === unitsList || context.layoutOf(b) === recommendationsList));
  // Recommendations first, as the canonical workbook's labels were looked for
  lists.sort((a, b) => Number(context.layoutOf(a) === unitsList) - Number(context.layoutOf(b) === unitsList));
  const headerRows = [{ sheet, headerRow: map.headerRow }, ...lists.map((b) => ({ sheet: b.sheet, headerRow: b.headers[0].headerRow }))];
  const titleCell = label(headerRows, TITLE_LABELS);
  const dateCell = label(headerRows, DATE_LABELS);
  const responseDate = dateCell === null ? null : readDate(dateCell);
  const columns = new Set<Role>(Object.keys(map.roles) as Role[]);
  if (map.followUps.length) columns.add("followUp");
  return {
    responses,
    units: null,
    recommendations: null,
    texts: new Map(),
    columns,
    statusColumns: statusColumns(map),
    title: titleCell === null ? "" : displayText(titleCell),
    responseDate: responseDate?.kind === "date" ? responseDate.serial : null,
  };
}

/**
 * Recommendations implied by the responses when no list exists: each addressed to the units
 * that have a row for it whose acceptance is not `Not applicable` (SPEC section 2).
 */
export function impliedRecommendations(responses: Response[], directory: UnitDirectory): Recommendation[] {
  const byNumber = new Map<string, { at: CellAddress; units: string[] }>();
  for (const r of responses) {
    if (r.number === null) continue;
    let entry = byNumber.get(r.number);
    if (!entry) {
      entry = { at: r.cells.number ?? r.cells.unit ?? { sheet: "", row: r.row, col: 0 }, units: [] };
      byNumber.set(r.number, entry);
    }
    const na = r.acceptance.kind === "dash" || (r.acceptance.kind === "known" && r.acceptance.value === "Not applicable");
    if (r.unit && !na) entry.units.push(r.unit);
  }
  return [...byNumber].map(([number, e]) => ({
    number,
    text: "",
    priority: "",
    category: "",
    addressedTo: directory.sort(e.units),
    addressedUnknown: [],
    at: e.at,
    addressedAt: null,
  }));
}
