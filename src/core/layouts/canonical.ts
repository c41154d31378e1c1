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

/** Reads the rows of a responses table; a blank `No.` inherits the number from the row above. */
export function readResponseRows(sheet: Sheet, map: ColumnMap, directory: UnitDirectory | null): Response[] {
  const responses: Response[] = [];
  const statusCols = statusColumns(map);
  const roles = Object.entries(map.roles) as [Role, number][];
  const table = new TableColumns(sheet.name, roles);
  let lastNumber: string | null = null;
  for (let r = map.headerRow + 1; r < sheet.rows.length; r++) {
    if (isBlankRow(sheet, r)) continue;
    const numberCell: CellValue = map.roles.number === undefined ? "" : cellAt(sheet, r, map.roles.number);
    const unitText = text(sheet, r, map.roles.unit);
    const acceptanceCell = map.roles.acceptance === undefined ? "" : cellAt(sheet, r, map.roles.acceptance);
    let number: string | null;
    if (isBlank(numberCell)) {
      if (!unitText && isBlank(acceptanceCell)) continue; // a stray note under the table
      number = lastNumber;
    } else {
      number = normalizeRecommendationNumber(numberCell);
      lastNumber = number;
    }
    const statuses: StatusCell[] = statusCols.map((column) =>
      new RowStatus(column, readStatus(cellAt(sheet, r, column.col), { openClosed: column.openClosed }), sheet.name, r),
    );
    const row = sheet.rows[r] ?? [];
    responses.push({
      row: r,
      number,
      numberText: displayText(numberCell),
      unitText,
      unit: directory ? directory.resolve(unitText) : unitText || null,
      acceptance: readAcceptance(acceptanceCell),
      action: text(sheet, r, map.roles.action),
      responsible: text(sheet, r, map.roles.responsible),
      budget: text(sheet, r, map.roles.budget),
      targetDate: map.roles.targetDate === undefined ? { kind: "blank" } : readDate(cellAt(sheet, r, map.roles.targetDate)),
      statuses,
      comments: text(sheet, r, map.roles.comments),
      evidence: text(sheet, r, map.roles.evidence),
      responseDate: map.roles.responseDate === undefined ? { kind: "blank" } : readDate(cellAt(sheet, r, map.roles.responseDate)),
      cells: table.cellsOf(r),
      values: row.map((v) => displayText(v)),
    });
  }
  return responses;
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

/** Reads a canonical workbook. Throws LayoutError (a sentence saying what to do) when a required sheet or column is missing. */
export function readCanonical(workbook: Workbook, asOf: number): ResponseMatrix {
  const responsesSheet = sheetNamed(workbook, SHEET_NAMES.responses);
  if (!responsesSheet) {
    throw new LayoutError(
      `No sheet named "Responses" was found (the workbook has ${workbook.sheets.map((s) => `'${s.name}'`).join(", ") || "no sheets"}). ` +
        `Create the template, or rename the sheet that holds the answers to "Responses".`,
    );
  }
  const unitsSheet = sheetNamed(workbook, SHEET_NAMES.units);
  const recsSheet = sheetNamed(workbook, SHEET_NAMES.recommendations);
  const listedUnits = unitsSheet ? readUnits(unitsSheet) : [];
  const unitsListed = listedUnits.length > 0;
  const responseMap = requireTable(responsesSheet, REQUIRED.responses);
  let directory = unitsListed ? new UnitDirectory(listedUnits) : null;
  const responses = readResponseRows(responsesSheet, responseMap, directory);
  const units = unitsListed ? listedUnits : unitsFromResponses(responses);
  directory ??= new UnitDirectory(units);
  if (!unitsListed) {
    // Without a Units sheet a unit is named by its first spelling: `cwm` further down is the unit `CWM`.
    const codes = new Map(units.map((u) => [unitKey(u.code), u.code]));
    for (const r of responses) if (r.unit !== null) r.unit = codes.get(unitKey(r.unitText)) ?? r.unit;
  }
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
    layout: LAYOUT_ID,
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
