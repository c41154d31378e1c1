/**
 * Reading returned parts: every sheet that carries a part marker, wherever it is (a file a unit sent back, or a
 * unit sheet of the open workbook), however it was renamed, sorted or pasted over. Columns are found by their
 * headers and rows by their recommendation numbers, never by position.
 */

import { cellAt, isBlank, type CellValue, type Sheet, type Workbook } from "../grid";
import { headerPeriod, headerRole, type Role } from "../headers";
import { tableHeader } from "../layouts/blocks";
import { normalizeRecommendationNumber } from "../numbers";
import { displayText } from "../text";
import { readMarker, type Marker } from "./marker";

/** Where parts come from: a file (one part, usually) or the open workbook (one unit sheet each). */
export interface PartSource {
  /** The file name, or the workbook's name. */
  source: string;
  workbook: Workbook;
  /** `file`: parts are named by file in sentences; `workbook`: by sheet. */
  kind: "file" | "workbook";
  /** Why the file could not be read at all (a sentence); its workbook is then empty. */
  problem?: string;
}

/** A column of a part: its role (and period, for a follow-up status column), found by its header. */
export interface PartColumn {
  role: Role;
  period: string | null;
  col: number;
  header: string;
}

export interface PartRow {
  /** 0-based row on the part's sheet. */
  row: number;
  number: string | null;
  /** The recommendation text as the row shows it. */
  text: string;
  /** The row's cells as written. */
  values: CellValue[];
}

export interface ReadPart {
  source: PartSource;
  sheet: string;
  /** How sentences name it: `'CWM.xlsx'` or `the sheet 'CWM'`. */
  name: string;
  marker: Marker;
  columns: PartColumn[];
  numberCol: number;
  textCol: number | null;
  rows: PartRow[];
}

export type PartReading = { kind: "part"; part: ReadPart } | { kind: "unreadable"; source: PartSource; sheet: string | null; name: string; sentence: string };

/** Whether a cell reads as the header of a recommendation text column (`Recommendation`, `Recommandation`, `Texte`). */
function isTextHeader(v: CellValue): boolean {
  return typeof v === "string" && v.length <= 40 && headerRole(v) === "recommendation";
}

/** Columns a part's header row names at the least: No., Recommendation and two answer columns. */
const MIN_HEADER_ROLES = 4;

function nameOf(source: PartSource, sheet: string | null): string {
  return source.kind === "workbook" && sheet !== null ? `the sheet '${sheet}'` : `'${source.source}'`;
}

/** The parts a file or workbook holds; a file with none is one unreadable reading with a sentence. */
export function readParts(source: PartSource): PartReading[] {
  if (source.problem) return [{ kind: "unreadable", source, sheet: null, name: nameOf(source, null), sentence: `${source.problem} It was not merged.` }];
  const readings: PartReading[] = [];
  for (const sheet of source.workbook.sheets) {
    const found = readMarker(sheet);
    if (found === null) continue;
    const name = nameOf(source, sheet.name);
    if ("problem" in found) {
      readings.push({ kind: "unreadable", source, sheet: sheet.name, name, sentence: `${capitalised(name)} was not merged: ${found.problem}. Ask the unit for the part it was sent, with its answers copied in.` });
      continue;
    }
    const part = readPartSheet(source, sheet, found.marker, found.row, name);
    readings.push(typeof part === "string" ? { kind: "unreadable", source, sheet: sheet.name, name, sentence: part } : { kind: "part", part });
  }
  if (readings.length === 0 && source.kind === "file") {
    readings.push({
      kind: "unreadable",
      source,
      sheet: null,
      name: nameOf(source, null),
      sentence:
        `${capitalised(nameOf(source, null))} is not a unit part made by Response Matrix (none of its sheets has the hidden part marker), so it was not merged. ` +
        `Ask the unit to send back the file it was sent, or copy its answers into Responses by hand.`,
    });
  }
  return readings;
}

export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One part's table: its header row (found by its headers, below the marker) and the rows under it. A sentence when it has none. */
function readPartSheet(source: PartSource, sheet: Sheet, marker: Marker, markerRow: number, name: string): ReadPart | string {
  // Only rows with a "Recommendation" header cell can be the header row: the others are not mapped (a part's
  // data rows hold long texts, which are costly to compare to every header word).
  const below: Sheet = { name: sheet.name, rows: sheet.rows.map((r, i) => (i > markerRow && r.some(isTextHeader) ? r : [])) };
  // The part's header row has the number and text columns and the answer columns; a data row that happens to
  // hold a header word or two (`N/A`, `Recommendation 1: ...`) is not taken for it.
  const map = tableHeader(below, ["number", "recommendation"]);
  if (!map || Object.keys(map.roles).length + map.followUps.length < MIN_HEADER_ROLES) {
    return `${capitalised(name)} was not merged: its table has lost its header row (No., Recommendation, Acceptance ...), so its answers cannot be told apart. Ask the unit for the part it was sent, with its answers copied in.`;
  }
  const columns: PartColumn[] = [];
  for (const [role, col] of Object.entries(map.roles) as [Role, number][]) {
    if (role !== "number" && role !== "recommendation") columns.push({ role, period: null, col, header: map.headers[col] });
  }
  for (const col of map.followUps) {
    columns.push({ role: "followUp", period: headerPeriod(map.headers[col])?.label ?? map.headers[col], col, header: map.headers[col] });
  }
  const numberCol = map.roles.number!;
  const textCol = map.roles.recommendation ?? null;
  const rows: PartRow[] = [];
  for (let r = map.headerRow + 1; r < sheet.rows.length; r++) {
    const values = sheet.rows[r] ?? [];
    if (values.every((v) => isBlank(v))) continue;
    rows.push({
      row: r,
      number: normalizeRecommendationNumber(cellAt(sheet, r, numberCol)),
      text: textCol === null ? "" : displayText(cellAt(sheet, r, textCol)),
      values,
    });
  }
  return { source, sheet: sheet.name, name, marker, columns, numberCol, textCol, rows };
}
