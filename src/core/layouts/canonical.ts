/**
 * The canonical workbook (SPEC section 2): sheets `Units`, `Recommendations` and `Responses`,
 * each a table with a header row.
 */

import { cellAt, isBlank, type CellAddress, type CellValue, type Sheet, type Workbook } from "../grid";
import { ROLE_LABELS, headerPeriod, type Role } from "../headers";
import type { Recommendation, Response, ResponseMatrix, StatusCell, StatusColumn, Unit } from "../model";
import { normalizeRecommendationNumber } from "../numbers";
import { displayText, normalizeKey } from "../text";
import { UnitDirectory } from "../units";
import { readAcceptance, readStatus } from "../vocabulary";
import { readDate } from "../dates";
import { findHeaderRow, isBlankRow, labelsAbove, missingRoles, type ColumnMap } from "./table";
import { LayoutError } from "./errors";
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

/** The units of the workbook's Units sheet, or none when it has no such sheet. */
export function readUnitsSheet(workbook: Workbook): Unit[] {
  const sheet = sheetNamed(workbook, SHEET_NAMES.units);
  return sheet ? readUnits(sheet) : [];
}

/** True when the workbook has the three canonical sheets with their required columns. */
export function detectCanonical(workbook: Workbook): number {
  const responses = sheetNamed(workbook, SHEET_NAMES.responses);
  if (!responses || !findHeaderRow(responses, REQUIRED.responses)) return 0;
  const recs = sheetNamed(workbook, SHEET_NAMES.recommendations);
  const units = sheetNamed(workbook, SHEET_NAMES.units);
  return 0.6 + (recs && findHeaderRow(recs, REQUIRED.recommendations) ? 0.2 : 0) + (units && findHeaderRow(units, REQUIRED.units) ? 0.2 : 0);
}

function text(sheet: Sheet, row: number, col: number | undefined): string {
  return col === undefined ? "" : displayText(cellAt(sheet, row, col));
}

function at(sheet: Sheet, row: number, col: number): CellAddress {
  return { sheet: sheet.name, row, col };
}

function requireTable(sheet: Sheet, required: Role[]): ColumnMap {
  const map = findHeaderRow(sheet, required);
  if (map) return map;
  const missing = missingRoles(sheet, required).map((r) => `"${ROLE_LABELS[r]}"`);
  throw new LayoutError(
    `The sheet '${sheet.name}' has no header row with the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. ` +
      `Add ${missing.length > 1 ? "these headers" : "this header"} above the table (or map the columns in the task pane settings).`,
  );
}

function readUnits(sheet: Sheet): Unit[] {
  const map = requireTable(sheet, REQUIRED.units);
  const units: Unit[] = [];
  const seen = new Set<string>();
  for (let r = map.headerRow + 1; r < sheet.rows.length; r++) {
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

function readRecommendations(sheet: Sheet, directory: UnitDirectory): Recommendation[] {
  const map = requireTable(sheet, REQUIRED.recommendations);
  const recs: Recommendation[] = [];
  const numberCol = map.roles.number!;
  for (let r = map.headerRow + 1; r < sheet.rows.length; r++) {
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
export function readResponseRows(sheet: Sheet, map: ColumnMap, directory: UnitDirectory | null, end = sheet.rows.length): Response[] {
  const responses: Response[] = [];
  const statusCols = statusColumns(map);
  const statusOptions = statusCols.map((column) => ({ openClosed: column.openClosed }));
  const roles = Object.entries(map.roles) as [Role, number][];
  const table = new TableColumns(sheet.name, roles);
  let lastNumber: string | null = null;
  for (let r = map.headerRow + 1; r < end; r++) {
    if (isBlankRow(sheet, r)) continue;
    // Every cell as text once; the role texts below are taken from it
    const values = (sheet.rows[r] ?? []).map((v) => displayText(v));
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
    const statuses: StatusCell[] = statusCols.map(
      (column, i) => new RowStatus(column, readStatus(cellAt(sheet, r, column.col), statusOptions[i]), sheet.name, r),
    );
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
    });
  }
  return responses;
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

/** A responses table chosen by the caller (the user's column mapping), read instead of the sheet named `Responses`. */
export interface ChosenTable {
  sheet: Sheet;
  map: ColumnMap;
  layout: string;
}

/** A Units or Recommendations sheet beside a chosen table counts only when it has its header row; else it is just another sheet. */
function usableBeside(chosen: ChosenTable | undefined, sheet: Sheet | undefined, required: Role[]): Sheet | undefined {
  return sheet && sheet !== chosen?.sheet && (!chosen || findHeaderRow(sheet, required)) ? sheet : undefined;
}

/**
 * Reads a canonical workbook, or a `chosen` responses table with the Units and Recommendations sheets beside it.
 * Throws LayoutError (a sentence saying what to do) when a required sheet or column is missing.
 */
export function readCanonical(workbook: Workbook, asOf: number, chosen?: ChosenTable): ResponseMatrix {
  const responsesSheet = chosen?.sheet ?? sheetNamed(workbook, SHEET_NAMES.responses);
  if (!responsesSheet) {
    throw new LayoutError(
      `No sheet named "Responses" was found (the workbook has ${workbook.sheets.map((s) => `'${s.name}'`).join(", ") || "no sheets"}). ` +
        `Create the template, or rename the sheet that holds the answers to "Responses".`,
    );
  }
  const unitsSheet = usableBeside(chosen, sheetNamed(workbook, SHEET_NAMES.units), REQUIRED.units);
  const recsSheet = usableBeside(chosen, sheetNamed(workbook, SHEET_NAMES.recommendations), REQUIRED.recommendations);
  const listedUnits = unitsSheet ? readUnits(unitsSheet) : [];
  const responseMap = chosen?.map ?? requireTable(responsesSheet, REQUIRED.responses);
  const responses = readResponseRows(responsesSheet, responseMap, listedUnits.length ? new UnitDirectory(listedUnits) : null);
  const { units, directory, unitsListed } = settleUnits(listedUnits, responses);
  const recommendations = recsSheet ? readRecommendations(recsSheet, directory) : [];
  const explicitAddressing = recommendations.length > 0;
  if (!explicitAddressing) recommendations.push(...impliedRecommendations(responses, directory));

  const headerRows = [
    { sheet: responsesSheet, headerRow: responseMap.headerRow },
    ...(recsSheet ? [{ sheet: recsSheet, headerRow: findHeaderRow(recsSheet, REQUIRED.recommendations)?.headerRow ?? 0 }] : []),
    ...(unitsSheet ? [{ sheet: unitsSheet, headerRow: findHeaderRow(unitsSheet, REQUIRED.units)?.headerRow ?? 0 }] : []),
  ];
  const titleCell = label(headerRows, TITLE_LABELS);
  const dateCell = label(headerRows, DATE_LABELS);
  const responseDate = dateCell === null ? null : readDate(dateCell);

  const columns = new Set<Role>(Object.keys(responseMap.roles) as Role[]);
  if (responseMap.followUps.length) columns.add("followUp");
  return {
    layout: chosen?.layout ?? LAYOUT_ID,
    title: titleCell !== null && displayText(titleCell) ? displayText(titleCell) : (workbook.name ?? "").replace(/\.xlsx$/i, ""),
    asOf,
    units,
    recommendations,
    responses,
    columns,
    statusColumns: statusColumns(responseMap),
    responsesSheet: responsesSheet.name,
    responseDate: responseDate?.kind === "date" ? responseDate.serial : null,
    explicitAddressing,
    unitsListed,
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
