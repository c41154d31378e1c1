/**
 * The Section III long form (SPEC 3.1, seed 002): on any sheet, one table per recommendation whose header row
 * (`Recommendation | Programme Unit | Accepted Partially Accepted Rejected | Proposed action | Budget | Status | updates`)
 * repeats for each; the recommendation's number, and its text, sit in the top cell of a block merged down its unit rows.
 * Page headers (`Management Response: Evaluation of ...`) and `Comments:` rows come between; a row split by a page
 * break goes on in a row of its own. Addressing is implied by the rows (SPEC section 2).
 */

import { cellAt, isBlank, width, type CellValue, type Sheet, type Workbook } from "../grid";
import { headerRole, type Role } from "../headers";
import type { Response, ResponseMatrix, StatusColumn } from "../model";
import { displayText, memoizeText, normalizeKey } from "../text";
import { UnitDirectory } from "../units";
import { readAcceptance } from "../vocabulary";
import { readDate } from "../dates";
import { normalizeRecommendationNumber } from "../numbers";
import { canonicalResponsesSheet, impliedRecommendations, readResponseRows, readUnitsSheet, settleUnits, statusColumns } from "./canonical";
import { LayoutError } from "./errors";
import { DATE_LABELS, TITLE_LABELS, formLabel, isBlankRow, mapColumns, recommendationCell, type ColumnMap } from "./table";

export const LAYOUT_ID = "section-iii";
export const LAYOUT_NAME = "Section III layout";

/** Rows searched for the first header row. */
const SCAN_ROWS = 30;

/** A cell's text starting a `Comments:` row: a note on the recommendation, not an answer. */
const COMMENTS = /^(comments?|commentaires?|remarks|observations)\b/;
/** Section titles (`SECTION III - RECOMMENDATIONS`) and page headers (`Management Response: Evaluation of ...`). */
const SECTION_TITLE = /^section (0|[ivx]+|\d+)\b/;
const PAGE_HEADER = /^(management response|reponse de la direction|page \d+)\b/;

/** A header's role, remembered per text: the unit and acceptance cells of most rows repeat a few words. */
const roleOf = memoizeText(headerRole);

/** The column holding recommendation numbers: `No.`, else `Recommendation` (whose cells are numbers in this form). */
function numberColumn(map: ColumnMap): number | undefined {
  return map.roles.number ?? map.roles.recommendation;
}

/** True when a row maps as a Section III header: unit, acceptance, and a recommendation or number column. */
function isHeader(map: ColumnMap): boolean {
  return map.roles.unit !== undefined && map.roles.acceptance !== undefined && numberColumn(map) !== undefined;
}

/** The first Section III header row among the first rows of a sheet. */
function firstHeader(sheet: Sheet): ColumnMap | null {
  const w = width(sheet);
  const last = Math.min(sheet.rows.length, SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const map = mapColumns(sheet, r, w);
    if (isHeader(map)) return map;
  }
  return null;
}

/** True when a row above the header, or the sheet's name, says Section III. */
function markedSectionIII(sheet: Sheet, headerRow: number): boolean {
  if (/^section (iii|3)\b/.test(normalizeKey(sheet.name))) return true;
  for (let r = 0; r < headerRow; r++) {
    for (const v of sheet.rows[r] ?? []) if (/^section (iii|3)\b/.test(normalizeKey(v))) return true;
  }
  return false;
}

/** True when one of the first rows under the header starts a recommendation with its number. */
function numberedBelow(sheet: Sheet, map: ColumnMap): boolean {
  const col = numberColumn(map)!;
  for (let r = map.headerRow + 1, seen = 0; r < sheet.rows.length && seen < 5; r++) {
    const v = cellAt(sheet, r, col);
    if (isBlank(v)) continue;
    if (recommendationCell(v)) return true;
    seen++;
  }
  return false;
}

/**
 * How well a sheet reads as Section III: 0.9 when marked as such, 0.7 when its `Recommendation` column holds numbers.
 * A `Responses` sheet with a `No.` column is the canonical layout's.
 */
function scoreSheet(workbook: Workbook, sheet: Sheet): { map: ColumnMap; score: number } | null {
  const map = firstHeader(sheet);
  if (!map) return null;
  if (map.roles.number !== undefined && sheet === canonicalResponsesSheet(workbook)) return null;
  if (markedSectionIII(sheet, map.headerRow)) return { map, score: 0.9 };
  if (map.roles.number === undefined && numberedBelow(sheet, map)) return { map, score: 0.7 };
  return null;
}

function bestSheet(workbook: Workbook): { sheet: Sheet; map: ColumnMap; score: number } | null {
  let best: { sheet: Sheet; map: ColumnMap; score: number } | null = null;
  for (const sheet of workbook.sheets) {
    const found = scoreSheet(workbook, sheet);
    if (found && (!best || found.score > best.score)) best = { sheet, ...found };
  }
  return best;
}

/** How well the workbook matches the Section III long form (0 when no sheet does). */
export function detectSectionIII(workbook: Workbook): number {
  return bestSheet(workbook)?.score ?? 0;
}

/** A table of the form: from a header row to the next one. */
interface Segment {
  map: ColumnMap;
  end: number;
  /** Columns holding the recommendation's text: blank-headed columns right of the number, and `Recommendation`. */
  textCols: number[];
}

function segmentOf(header: ColumnMap, end: number): Segment {
  const numberCol = numberColumn(header)!;
  const map: ColumnMap = { ...header, roles: { ...header.roles, number: numberCol } };
  const textCols: number[] = [];
  for (let c = numberCol + 1; c < header.headers.length && header.headers[c] === ""; c++) textCols.push(c);
  if (header.roles.recommendation !== undefined && header.roles.recommendation !== numberCol) textCols.push(header.roles.recommendation);
  return { map, end, textCols };
}

/** The form as read: answer rows (page-split parts joined, the number written where a cell holds text), other rows blank. */
interface Form {
  view: Sheet;
  segments: Segment[];
  /** Each recommendation's text, by number. */
  texts: Map<string, string>;
}

const NO_CELLS: CellValue[] = [];

function joined(a: CellValue | undefined, b: string): string {
  const first = a === undefined ? "" : displayText(a);
  return first ? `${first} ${b}` : b;
}

/**
 * Headers repeated for every recommendation start a new table (its columns may sit elsewhere); page headers,
 * section titles and `Comments:` rows are skipped; a row with no unit and no acceptance continues the row above
 * that a page break split (its text joins the recommendation's text and the unit's cells).
 */
function readForm(sheet: Sheet, header: ColumnMap): Form {
  const n = sheet.rows.length;
  const w = width(sheet);
  const rows: CellValue[][] = sheet.rows.map(() => NO_CELLS);
  const segments: Segment[] = [segmentOf(header, n)];
  const texts = new Map<string, string[]>();
  // A header repeated for every recommendation is mapped once
  const headers = new Map<string, ColumnMap>();
  let number: string | null = null;
  let inherited: string | null = null; // the number a blank No. cell of the table inherits when read
  let last: number | null = null; // the last answer row of the current recommendation
  let pending: [number, string][] = []; // parts read before the recommendation's first answer row
  // Rows are read as they are unless changed: copied once, when a number is written or a part joined
  const changed = (r: number): CellValue[] => (rows[r] === sheet.rows[r] ? (rows[r] = [...sheet.rows[r]]) : rows[r]);
  for (let r = header.headerRow + 1; r < n; r++) {
    if (isBlankRow(sheet, r)) continue;
    const seg = segments[segments.length - 1];
    const cells = sheet.rows[r];
    const unitText = displayText(cells[seg.map.roles.unit!]);
    const acceptanceCell = cells[seg.map.roles.acceptance!] ?? "";
    const acceptance = readAcceptance(acceptanceCell);
    // Only a row whose unit or acceptance cell reads as a header is mapped in full: most rows are answers
    if (roleOf(unitText) !== null || (acceptance.kind === "unknown" && roleOf(displayText(acceptanceCell)) !== null)) {
      const key = cells.map((v) => displayText(v)).join("\u0000");
      const known = headers.get(key);
      const map = known ? { ...known, headerRow: r } : mapColumns(sheet, r, w);
      if (!known) headers.set(key, map);
      if (isHeader(map)) {
        seg.end = r;
        segments.push(segmentOf(map, n));
        inherited = null;
        continue;
      }
    }
    if (acceptance.kind !== "known" && isAside(cells)) continue;
    const numberCell = cells[seg.map.roles.number!] ?? "";
    const rec = recommendationCell(numberCell);
    if (rec) {
      number = rec.number;
      last = null;
      if (!texts.has(number)) texts.set(number, []);
    }
    if (number !== null) {
      const parts = texts.get(number)!;
      const lead = rec ? rec.text : displayText(numberCell);
      if (lead) parts.push(lead);
      for (const c of seg.textCols) if (!isBlank(cells[c])) parts.push(displayText(cells[c]));
    }
    if (unitText !== "" || !isBlank(acceptanceCell)) {
      rows[r] = cells;
      // The number as the table reader will see it: written out where the cell holds text or inherits another
      const asRead: string | null = isBlank(numberCell) ? inherited : normalizeRecommendationNumber(numberCell);
      if (asRead !== number) changed(r)[seg.map.roles.number!] = number ?? "";
      inherited = number;
      for (const [c, text] of pending) changed(r)[c] = isBlank(cells[c]) ? text : `${text} ${displayText(cells[c])}`;
      pending = [];
      last = r;
      continue;
    }
    // A row a page break split: its other cells go on from the answer row above (or lead into the next one)
    const skip = new Set([seg.map.roles.number!, ...seg.textCols]);
    cells.forEach((v, c) => {
      if (skip.has(c) || isBlank(v)) return;
      if (last !== null) changed(last)[c] = joined(rows[last][c], displayText(v));
      else pending.push([c, displayText(v)]);
    });
  }
  return {
    view: { name: sheet.name, rows },
    segments,
    texts: new Map([...texts].map(([k, parts]) => [k, parts.join(" ")])),
  };
}

/** A row that is no answer and goes on no answer: a page header, a section title, a `Comments:` row. */
function isAside(cells: readonly CellValue[]): boolean {
  const filled = cells.filter((v) => !isBlank(v));
  const first = normalizeKey(filled[0]);
  return COMMENTS.test(first) || SECTION_TITLE.test(first) || (filled.length === 1 && PAGE_HEADER.test(first));
}

/** The status columns of every table of the form, one per sheet column (the first header naming it), left to right. */
function unionStatusColumns(segments: readonly Segment[]): StatusColumn[] {
  const byCol = new Map<number, StatusColumn>();
  const seen = new Set<readonly string[]>(); // a repeated header shares its headers with the first
  for (const seg of segments) {
    if (seen.has(seg.map.headers)) continue;
    seen.add(seg.map.headers);
    for (const sc of statusColumns(seg.map)) if (!byCol.has(sc.col)) byCol.set(sc.col, sc);
  }
  return [...byCol.values()].sort((a, b) => a.col - b.col);
}

/** Reads a Section III long form. Units resolve through the Units sheet when there is one (aliases included), else by first appearance. */
export function readSectionIII(workbook: Workbook, asOf: number): ResponseMatrix {
  const found = bestSheet(workbook);
  if (!found) {
    throw new LayoutError(
      "No sheet has a Section III header row (Recommendation, Programme Unit, Accepted / Partially accepted / Rejected). " +
        "Add the header row above the answers, or choose the sheet and columns in the task pane settings.",
    );
  }
  const { sheet, map: header } = found;
  const listed = readUnitsSheet(workbook);
  const form = readForm(sheet, header);
  const listedDirectory = listed.length ? new UnitDirectory(listed) : null;
  const responses: Response[] = [];
  for (const seg of form.segments) for (const r of readResponseRows(form.view, seg.map, listedDirectory, seg.end)) responses.push(r);
  const { units, directory, unitsListed } = settleUnits(listed, responses);
  const recommendations = impliedRecommendations(responses, directory);
  for (const rec of recommendations) rec.text = form.texts.get(rec.number) ?? "";

  const columns = new Set<Role>();
  for (const seg of form.segments) {
    for (const role of Object.keys(seg.map.roles) as Role[]) columns.add(role);
    if (seg.map.followUps.length) columns.add("followUp");
  }
  const title = formLabel(workbook.sheets, sheet, header.headerRow, TITLE_LABELS);
  const dateCell = formLabel(workbook.sheets, sheet, header.headerRow, DATE_LABELS);
  const responseDate = dateCell === null ? null : readDate(dateCell);
  return {
    layout: LAYOUT_ID,
    title: title !== null && displayText(title) ? displayText(title) : (workbook.name ?? "").replace(/\.xlsx$/i, ""),
    asOf,
    units,
    recommendations,
    responses,
    columns,
    statusColumns: unionStatusColumns(form.segments),
    responsesSheet: sheet.name,
    responseDate: responseDate?.kind === "date" ? responseDate.serial : null,
    explicitAddressing: false,
    unitsListed,
  };
}
