/**
 * Reading every sheet of the open workbook into the core's grids, in as few round trips as Excel allows and never
 * past its limits (5 MB a request or response, 5,000,000 cells a range read, 512 merged areas a call).
 *
 * An ordinary workbook takes 2 syncs: the sheet list, then every sheet's used range (values, and merged areas where
 * ExcelApi 1.13 gives them). When Excel refuses that second request, or answers a too-large range with null values,
 * the sheets are read again in bounded pieces, and the sync count grows with the workbook's size / 4 MB only:
 *   1. the used ranges' addresses, with a sample of rows that sizes the pieces;
 *   2. regions: a used range of more than 2,000,000 cells is cut into bands whose own used ranges are asked for, so a
 *      stray value at row 1,000,000 costs one small read, not a million blank rows;
 *   3. values, in row pieces of about 4 MB and never more than 5,000,000 cells;
 *   4. merged areas (ExcelApi 1.13), in tiles of at most 512 cells, which cannot hold more than 512 merged areas.
 */

import type { CellValue, MergedRange, Sheet, Workbook } from "../core/grid";
import { parseAreasAddress, parseRangeAddress, rangeOf } from "./address";
import { CHUNK_BYTES, errorCode, isPayloadTooLarge, jsonSize } from "./payload";
import { MERGED_AREAS_API, mergedAreasOf, supportsExcelApi } from "./requirements";

export interface ReadOptions {
  /** Sheets to leave out (our own summary sheet, for instance). */
  skip?: (name: string) => boolean;
  /** Target size of one request when the workbook must be read in pieces. */
  chunkBytes?: number;
}

type Rect = MergedRange;

/** Excel reads at most this many cells of one range. */
export const CELL_READ_LIMIT = 5_000_000;

/** `getMergedAreasOrNullObject` fails above this many merged areas; a range of this many cells cannot hold more. */
export const MERGED_AREAS_LIMIT = 512;

/** A used range larger than this is cut into bands before its values are read (step 2): were it blank, its values would cost 2 requests of about 3 bytes a cell, more than asking. */
const REGION_CELLS = 2_000_000;

/** Bands a region is cut into at each level of step 2. */
const BANDS = 32;

/** Ranges asked about in one request of steps 2 and 4 (each costs about 150 bytes of request). */
const MAX_ASKS = 4_000;

/** Over what was measured, so that a batch stays under the budget when rows vary a little. */
const MARGIN = 1.15;

/** Bytes a cell takes in a response, before any has been measured: a short text with its JSON quoting. */
const FIRST_GUESS_BYTES_PER_CELL = 48;

/** Rows read with the used-range addresses, to measure how many bytes a cell of each sheet takes. */
const SAMPLE_ROWS = 100;

/** Excel errors that say the workbook cannot be read now, whatever its size: reading in pieces would not help. */
const NOT_ABOUT_SIZE = new Set(["InvalidOperationInCellEditMode", "AccessDenied", "ItemNotFound", "ApiNotFound"]);

/** Values read at a place on a sheet. */
interface Block {
  top: number;
  left: number;
  values: CellValue[][];
}

/** What was read of one sheet. */
interface SheetContent {
  blocks: Block[];
  /** Undefined when merged areas were not read (ExcelApi 1.13 missing). */
  merges?: Rect[];
}

/** A sheet's grid from the blocks read: blank rows above and blank cells to the left keep cell positions true. */
function gridOf(name: string, visibility: string, content: SheetContent): Sheet {
  const rows: CellValue[][] = [];
  for (const { top, left, values } of content.blocks) {
    values.forEach((cells, i) => {
      const row = rows[top + i];
      if (!row) {
        rows[top + i] = left ? new Array<CellValue>(left).fill("").concat(cells) : cells;
        return;
      }
      while (row.length < left) row.push("");
      cells.forEach((v, j) => (row[left + j] = v));
    });
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const sheet: Sheet = { name, rows };
  if (content.merges && content.merges.length) sheet.merges = content.merges;
  if (visibility !== "Visible") sheet.hidden = true;
  return sheet;
}

/** The sheet list, queued: names and visibility of every sheet, and the workbook's name (sync 1). */
export interface SheetList {
  worksheets: Excel.WorksheetCollection;
  workbook: Excel.Workbook;
}

/** Queues the loads of sync 1; callers may queue their own small loads beside it, then sync. */
export function queueSheetList(context: Excel.RequestContext): SheetList {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  context.workbook.load("name");
  return { worksheets, workbook: context.workbook };
}

/**
 * True when a refused read is worth doing again in pieces: Excel's size limits; and, when merged areas were asked
 * for, any other Excel error but those that are not about size, since Excel does not document the error it gives
 * above 512 merged areas.
 */
function readAgainInPieces(error: unknown, withMerges: boolean): boolean {
  if (isPayloadTooLarge(error) || errorCode(error) === "RangeExceedsLimit") return true;
  const code = errorCode(error);
  return withMerges && code !== undefined && !NOT_ABOUT_SIZE.has(code);
}

/** After the sheet list was synced: every sheet's used range in one more sync (sync 2), in bounded pieces only when Excel refuses it. */
export async function readSheets(context: Excel.RequestContext, list: SheetList, options: ReadOptions = {}): Promise<Workbook> {
  const name = list.workbook.name;
  const sheets = list.worksheets.items.filter((s) => !options.skip?.(s.name));
  const budget = options.chunkBytes ?? CHUNK_BYTES;
  const withMerges = supportsExcelApi(MERGED_AREAS_API);
  const reads = sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,values");
    const merged = mergedAreasOf(used);
    merged?.load("address");
    return { sheet, used, merged };
  });
  try {
    await context.sync();
  } catch (error) {
    if (!readAgainInPieces(error, withMerges)) throw error;
    const contents = await readInPieces(context, sheets, { budget, withMerges });
    return { name, sheets: sheets.map((s, i) => gridOf(s.name, s.visibility, contents[i])) };
  }
  // Some platforms answer a read of more than 5,000,000 cells with null values: never an empty sheet, but one to read in pieces.
  const tooLarge = reads.filter(({ used }) => !used.isNullObject && !Array.isArray(used.values));
  const again = tooLarge.length ? await readInPieces(context, tooLarge.map((r) => r.sheet), { budget, withMerges: false }) : [];
  return {
    name,
    sheets: reads.map(({ sheet, used, merged }) => {
      const merges = merged && !used.isNullObject ? (merged.isNullObject ? [] : parseAreasAddress(merged.address)) : undefined;
      const i = tooLarge.findIndex((r) => r.sheet === sheet);
      if (i >= 0) return gridOf(sheet.name, sheet.visibility, { blocks: again[i].blocks, merges });
      const blocks = used.isNullObject ? [] : [{ ...corner(parseRangeAddress(used.address).rect), values: used.values as CellValue[][] }];
      return gridOf(sheet.name, sheet.visibility, { blocks, merges });
    }),
  };
}

/** Every sheet's values (dates as serial numbers), merged areas and hidden flag: 2 syncs for an ordinary workbook. */
export async function readWorkbookGrids(context: Excel.RequestContext, options: ReadOptions = {}): Promise<Workbook> {
  const list = queueSheetList(context);
  await context.sync();
  return readSheets(context, list, options);
}

function corner(rect: Rect): { top: number; left: number } {
  return { top: rect.top, left: rect.left };
}

function cellsOf(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

/** A part of one sheet's used range. */
interface Region {
  sheet: number;
  rect: Rect;
}

/** Step 1: every sheet's used range and, optionally, bytes per cell measured on its first rows. */
async function probe(context: Excel.RequestContext, sheets: Excel.Worksheet[], withSamples: boolean): Promise<{ rects: (Rect | null)[]; bytesPerCell: (number | null)[] }> {
  const probes = sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address");
    const sample = withSamples ? used.getIntersectionOrNullObject(sheet.getRange(`1:${SAMPLE_ROWS}`)) : null;
    sample?.load("values");
    return { used, sample };
  });
  await context.sync();
  return {
    rects: probes.map(({ used }) => (used.isNullObject ? null : parseRangeAddress(used.address).rect)),
    bytesPerCell: probes.map(({ sample }) => {
      if (!sample || sample.isNullObject || !Array.isArray(sample.values) || sample.values.length === 0) return null;
      return jsonSize(sample.values) / (sample.values.length * sample.values[0].length);
    }),
  };
}

/** Step 2: used ranges cut until every region holds at most REGION_CELLS cells; one sync per level of cutting (and per MAX_ASKS ranges). */
async function regionsOf(context: Excel.RequestContext, sheets: Excel.Worksheet[], rects: (Rect | null)[]): Promise<Region[]> {
  const done: Region[] = [];
  const pending: Region[] = [];
  const sort = (r: Region) => (cellsOf(r.rect) > REGION_CELLS ? pending : done).push(r);
  rects.forEach((rect, sheet) => rect && sort({ sheet, rect }));
  while (pending.length > 0) {
    const take = pending.splice(0, Math.max(1, Math.floor(MAX_ASKS / BANDS)));
    const asks = take.flatMap(({ sheet, rect }) =>
      bands(rect).map((band) => {
        const used = rangeOf(sheets[sheet], band).getUsedRangeOrNullObject(true);
        used.load("address");
        return { sheet, used };
      }),
    );
    await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one sync per level of cutting (log32 of the sheet's size)
    for (const { sheet, used } of asks) if (!used.isNullObject) sort({ sheet, rect: parseRangeAddress(used.address).rect });
  }
  return done.sort((a, b) => a.sheet - b.sheet || a.rect.top - b.rect.top || a.rect.left - b.rect.left);
}

/** A rectangle cut into up to BANDS bands of rows (of columns when it is one row). */
function bands(rect: Rect): Rect[] {
  const byRows = rect.bottom > rect.top;
  const from = byRows ? rect.top : rect.left;
  const to = byRows ? rect.bottom : rect.right;
  const size = Math.ceil((to - from + 1) / BANDS);
  const out: Rect[] = [];
  for (let start = from; start <= to; start += size) {
    const end = Math.min(to, start + size - 1);
    out.push(byRows ? { ...rect, top: start, bottom: end } : { ...rect, left: start, right: end });
  }
  return out;
}

/** Rows of one region still to read. */
interface Piece {
  sheet: number;
  top: number;
  left: number;
  width: number;
  rows: number;
}

/** Step 3: the regions' values in batches sized to stay under `budget` bytes, re-measured as blocks arrive. */
async function readValues(context: Excel.RequestContext, sheets: Excel.Worksheet[], regions: Region[], measured: (number | null)[], budget: number): Promise<Block[][]> {
  const blocks: Block[][] = sheets.map(() => []);
  const bytesPerCell = measured.map((m) => (m === null ? FIRST_GUESS_BYTES_PER_CELL : Math.max(m * MARGIN, 2)));
  const queue: Piece[] = [];
  for (const { sheet, rect } of regions) {
    const width = rect.right - rect.left + 1;
    // Never more than Excel's cell limit in one range, whatever the budget.
    const most = Math.max(1, Math.floor(CELL_READ_LIMIT / width));
    for (let top = rect.top; top <= rect.bottom; top += most) {
      queue.push({ sheet, top, left: rect.left, width, rows: Math.min(most, rect.bottom - top + 1) });
    }
  }
  while (queue.length > 0) {
    const batch = takeBatch(queue, budget, (p) => bytesPerCell[p.sheet] * p.width);
    const loads = batch.map((piece) => {
      const range = sheets[piece.sheet].getRangeByIndexes(piece.top, piece.left, piece.rows, piece.width);
      range.load("values");
      return { piece, range };
    });
    try {
      await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one sync per batch of about 4 MB: the count grows with size / 4 MB only
    } catch (error) {
      const single = batch.length === 1 && batch[0].rows === 1;
      if (!isPayloadTooLarge(error) || single) throw error;
      // The guess was low: put the pieces back and expect twice the bytes per cell.
      queue.unshift(...batch);
      for (const p of batch) bytesPerCell[p.sheet] *= 2;
      continue;
    }
    for (const { piece, range } of loads) {
      const values = range.values as CellValue[][] | null;
      if (!Array.isArray(values)) {
        throw new Error(`Excel gave no values for rows ${piece.top + 1} to ${piece.top + piece.rows} of the sheet '${sheets[piece.sheet].name}'`);
      }
      blocks[piece.sheet].push({ top: piece.top, left: piece.left, values });
      bytesPerCell[piece.sheet] = Math.max((jsonSize(values) / (piece.rows * piece.width)) * MARGIN, 2);
    }
  }
  return blocks;
}

/** Takes from the front of the queue as many rows as fit the budget (at least one row), splitting a piece if needed. */
function takeBatch(queue: Piece[], budget: number, bytesPerRow: (piece: Piece) => number): Piece[] {
  const batch: Piece[] = [];
  let left = budget;
  while (queue.length > 0) {
    const next = queue[0];
    const perRow = bytesPerRow(next);
    const fit = Math.floor(left / perRow);
    if (fit >= next.rows) {
      batch.push(queue.shift()!);
      left -= next.rows * perRow;
      continue;
    }
    if (fit > 0 || batch.length === 0) {
      const rows = Math.max(1, fit);
      batch.push({ ...next, rows });
      queue[0] = { ...next, top: next.top + rows, rows: next.rows - rows };
    }
    break;
  }
  return batch;
}

/** A region cut into tiles of at most MERGED_AREAS_LIMIT cells: whole rows when it is narrow enough, else pieces of rows. */
function tiles(rect: Rect): Rect[] {
  const width = rect.right - rect.left + 1;
  const out: Rect[] = [];
  if (width <= MERGED_AREAS_LIMIT) {
    const rows = Math.floor(MERGED_AREAS_LIMIT / width);
    for (let top = rect.top; top <= rect.bottom; top += rows) out.push({ ...rect, top, bottom: Math.min(rect.bottom, top + rows - 1) });
    return out;
  }
  for (let row = rect.top; row <= rect.bottom; row++) {
    for (let left = rect.left; left <= rect.right; left += MERGED_AREAS_LIMIT) {
      out.push({ top: row, bottom: row, left, right: Math.min(rect.right, left + MERGED_AREAS_LIMIT - 1) });
    }
  }
  return out;
}

/** Step 4: merged areas tile by tile, MAX_ASKS tiles a sync; an area met in two tiles counts once. */
async function readMergedAreas(context: Excel.RequestContext, sheets: Excel.Worksheet[], regions: Region[]): Promise<Rect[][]> {
  const found = sheets.map(() => new Map<string, Rect>());
  const queue = regions.flatMap(({ sheet, rect }) => tiles(rect).map((tile) => ({ sheet, tile })));
  for (let start = 0; start < queue.length; start += MAX_ASKS) {
    const asks = queue.slice(start, start + MAX_ASKS).map(({ sheet, tile }) => {
      const areas = mergedAreasOf(rangeOf(sheets[sheet], tile));
      areas?.load("address");
      return { sheet, areas };
    });
    await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- MAX_ASKS tiles a sync: the count grows with the size of the used ranges
    for (const { sheet, areas } of asks) {
      if (!areas || areas.isNullObject) continue;
      for (const m of parseAreasAddress(areas.address)) found[sheet].set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
    }
  }
  return found.map((m) => [...m.values()].sort((a, b) => a.top - b.top || a.left - b.left));
}

/** Steps 1 to 4 for these sheets. */
async function readInPieces(
  context: Excel.RequestContext,
  sheets: Excel.Worksheet[],
  options: { budget: number; withMerges: boolean },
): Promise<SheetContent[]> {
  let probed;
  try {
    probed = await probe(context, sheets, true);
  } catch (error) {
    // Even the samples were too much (many sheets of very long cells): addresses only.
    if (!isPayloadTooLarge(error)) throw error;
    probed = await probe(context, sheets, false);
  }
  const regions = await regionsOf(context, sheets, probed.rects);
  const blocks = await readValues(context, sheets, regions, probed.bytesPerCell, options.budget);
  const merges = options.withMerges ? await readMergedAreas(context, sheets, regions) : null;
  return sheets.map((_, i) => ({ blocks: blocks[i], merges: merges?.[i] }));
}
