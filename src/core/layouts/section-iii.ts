/**
 * The Section III long form (SPEC 3.1, seed 002): on any sheet, one table per recommendation whose header row
 * (`Recommendation | Programme Unit | Accepted Partially Accepted Rejected | Proposed action | Budget | Status | updates`)
 * repeats for each; the recommendation's number, and its text, sit in the top cell of a block merged down its unit rows.
 * Page headers (`Management Response: Evaluation of ...`) and `Comments:` rows come between; a row split by a page
 * break goes on in a row of its own. Addressing is implied by the rows (SPEC section 2).
 */

import { cellAt, isBlank, width, type CellValue, type Sheet, type Workbook } from "../grid";
import { headerRole, type Role } from "../headers";
import type { Response, StatusColumn } from "../model";
import { displayText, memoizeText, normalizeKey } from "../text";
import { UnitDirectory } from "../units";
import { readAcceptance } from "../vocabulary";
import { readDate } from "../dates";
import { normalizeRecommendationNumber } from "../numbers";
import { isAsideRow, type Block } from "./blocks";
import { canonicalResponsesSheet, readResponseRows, statusColumns } from "./canonical";
import { type Layout, workbookScore } from "./layout";
import { DATE_LABELS, TITLE_LABELS, blockColumnMap, formLabel, isBlankRow, mapColumns, recommendationCell, type ColumnMap } from "./table";

export const LAYOUT_ID = "section-iii";
export const LAYOUT_NAME = "Section III layout";

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

/** True when the block's section title, or its sheet's name, says Section III. */
function markedSectionIII(block: Block): boolean {
  return /^section (iii|3)\b/.test(normalizeKey(block.sheet.name)) || /^section (iii|3)\b/.test(normalizeKey(block.title ?? ""));
}

/** True when one of the first rows under the header starts a recommendation with its number. */
function numberedBelow(sheet: Sheet, map: ColumnMap, end: number): boolean {
  const col = numberColumn(map)!;
  for (let r = map.headerRow + 1, seen = 0; r < end && seen < 5; r++) {
    const v = cellAt(sheet, r, col);
    if (isBlank(v)) continue;
    if (recommendationCell(v)) return true;
    seen++;
  }
  return false;
}

/**
 * The Section III long form: 0.9 when marked as such (its section title or its sheet's name), 0.7 when its
 * `Recommendation` column holds numbers. A table with a `No.` column on the `Responses` sheet is the canonical one.
 */
export const sectionIII: Layout = {
  id: LAYOUT_ID,
  name: LAYOUT_NAME,
  blockName: "Section III",
  classify(block, context) {
    if (block.shape !== "table") return 0;
    const map = blockColumnMap(block.sheet, block.headers[0]);
    if (!isHeader(map)) return 0;
    if (map.roles.number !== undefined && block.sheet === canonicalResponsesSheet(context.workbook)) return 0;
    if (markedSectionIII(block)) return 0.9;
    return map.roles.number === undefined && numberedBelow(block.sheet, map, block.end) ? 0.7 : 0;
  },
  read(block, context) {
    const { sheet } = block;
    const header = blockColumnMap(sheet, block.headers[0]);
    const form = readForm(sheet, header, block.end);
    const listed = context.listedUnits.length ? new UnitDirectory(context.listedUnits) : null;
    const responses: Response[] = [];
    for (const seg of form.segments) for (const r of readResponseRows(form.view, seg.map, listed, seg.end)) responses.push(r);
    const columns = new Set<Role>();
    for (const seg of form.segments) {
      for (const role of Object.keys(seg.map.roles) as Role[]) columns.add(role);
      if (seg.map.followUps.length) columns.add("followUp");
    }
    const title = formLabel(context.workbook.sheets, sheet, header.headerRow, TITLE_LABELS);
    const dateCell = formLabel(context.workbook.sheets, sheet, header.headerRow, DATE_LABELS);
    const responseDate = dateCell === null ? null : readDate(dateCell);
    return {
      part: "answers",
      detail: {
        responses,
        units: null,
        recommendations: null,
        texts: form.texts,
        columns,
        statusColumns: unionStatusColumns(form.segments),
        title: title === null ? "" : displayText(title),
        responseDate: responseDate?.kind === "date" ? responseDate.serial : null,
      },
    };
  },
};

/** How well the workbook matches the Section III long form (0 when no block does). */
export function detectSectionIII(workbook: Workbook): number {
  return workbookScore(sectionIII, workbook);
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
function readForm(sheet: Sheet, header: ColumnMap, n: number): Form {
  const w = width(sheet);
  const rows: CellValue[][] = sheet.rows.slice(0, n).map(() => NO_CELLS);
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
    if (acceptance.kind !== "known" && isAsideRow(cells)) continue;
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
