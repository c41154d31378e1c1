/**
 * Reading every sheet of the open workbook into the core's grids, in as few round trips as Excel allows:
 * one sync for the sheet list, one for every sheet's used range at once. Only a workbook too large for one
 * request (Excel's 5 MB limit) is read in pieces of about 4 MB, so the count grows with size / 4 MB only.
 */

import type { CellValue, Sheet, Workbook } from "../core/grid";
import { parseAreasAddress, parseRangeAddress } from "./address";
import { CHUNK_BYTES, isPayloadTooLarge, jsonSize } from "./payload";

export interface ReadOptions {
  /** Sheets to leave out (our own summary sheet, for instance). */
  skip?: (name: string) => boolean;
  /** Target size of one request when the workbook must be read in pieces. */
  chunkBytes?: number;
}

interface SheetShape {
  name: string;
  hidden: boolean;
  /** Used range (values only), or null for an empty sheet. */
  rect: { top: number; left: number; bottom: number; right: number } | null;
  merges: Sheet["merges"];
}

/** Over what was measured, so that a batch stays under the budget when rows vary a little. */
const MARGIN = 1.15;

/** Bytes a cell takes in a response, before any has been measured: a short text with its JSON quoting. */
const FIRST_GUESS_BYTES_PER_CELL = 48;

/** A sheet's grid from its used range: blank rows above and blank cells to the left keep cell positions true. */
function gridOf(shape: SheetShape, values: CellValue[][] | null): Sheet {
  const rows: CellValue[][] = [];
  if (shape.rect && values) {
    for (let r = 0; r < shape.rect.top; r++) rows.push([]);
    const pad: CellValue[] = new Array(shape.rect.left).fill("");
    for (const row of values) rows.push(shape.rect.left ? pad.concat(row) : row);
  }
  const sheet: Sheet = { name: shape.name, rows };
  if (shape.merges && shape.merges.length) sheet.merges = shape.merges;
  if (shape.hidden) sheet.hidden = true;
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

/** After the sheet list was synced: every sheet's used range in one more sync (sync 2), in pieces only past 5 MB. */
export async function readSheets(context: Excel.RequestContext, list: SheetList, options: ReadOptions = {}): Promise<Workbook> {
  const name = list.workbook.name;
  const sheets = list.worksheets.items.filter((s) => !options.skip?.(s.name));
  const reads = sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,values");
    const merged = used.getMergedAreasOrNullObject();
    merged.load("address");
    return { sheet, used, merged };
  });
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadTooLarge(error)) throw error;
    return { name, sheets: await readInPieces(context, sheets, options.chunkBytes ?? CHUNK_BYTES) };
  }
  return {
    name,
    sheets: reads.map(({ sheet, used, merged }) => {
      const shape = shapeOf(sheet.name, sheet.visibility, used, merged);
      return gridOf(shape, used.isNullObject ? null : (used.values as CellValue[][]));
    }),
  };
}

/** Every sheet's values (dates as serial numbers), merged areas and hidden flag: 2 syncs unless the workbook passes 5 MB. */
export async function readWorkbookGrids(context: Excel.RequestContext, options: ReadOptions = {}): Promise<Workbook> {
  const list = queueSheetList(context);
  await context.sync();
  return readSheets(context, list, options);
}

function shapeOf(name: string, visibility: string, used: Excel.Range, merged: Excel.RangeAreas): SheetShape {
  return {
    name,
    hidden: visibility !== "Visible",
    rect: used.isNullObject ? null : parseRangeAddress(used.address).rect,
    merges: used.isNullObject || merged.isNullObject ? undefined : parseAreasAddress(merged.address),
  };
}

interface Piece {
  sheet: number;
  top: number;
  rows: number;
}

/** Rows read with the used-range addresses, to measure how many bytes a cell of each sheet takes. */
const SAMPLE_ROWS = 100;

interface Probe {
  shapes: SheetShape[];
  /** Per sheet, the first rows already read (sheet rows `top`..), or null. */
  samples: ({ top: number; values: CellValue[][] } | null)[];
}

/** One sync: every sheet's used-range address and merged areas, with (optionally) its first rows as a sample. */
async function probe(context: Excel.RequestContext, sheets: Excel.Worksheet[], withSamples: boolean): Promise<Probe> {
  const probes = sheets.map((sheet) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address");
    const merged = used.getMergedAreasOrNullObject();
    merged.load("address");
    const sample = withSamples ? used.getIntersectionOrNullObject(sheet.getRange(`1:${SAMPLE_ROWS}`)) : null;
    sample?.load("address,values");
    return { sheet, used, merged, sample };
  });
  await context.sync();
  return {
    shapes: probes.map(({ sheet, used, merged }) => shapeOf(sheet.name, sheet.visibility, used, merged)),
    samples: probes.map(({ sample }) =>
      sample && !sample.isNullObject ? { top: parseRangeAddress(sample.address).rect.top, values: sample.values as CellValue[][] } : null,
    ),
  };
}

/**
 * The workbook in row blocks: one sync for the used-range addresses (and a sample of rows that sizes the
 * blocks), then one per batch of blocks sized to stay under `budget` bytes, re-measured as blocks arrive.
 */
async function readInPieces(context: Excel.RequestContext, sheets: Excel.Worksheet[], budget: number): Promise<Sheet[]> {
  let probed: Probe;
  try {
    probed = await probe(context, sheets, true);
  } catch (error) {
    // Even the samples were too much (many sheets of very long cells): addresses only.
    if (!isPayloadTooLarge(error)) throw error;
    probed = await probe(context, sheets, false);
  }
  const { shapes, samples } = probed;
  /** Per sheet, the blocks read so far by their first row. */
  const blocks = shapes.map(() => new Map<number, CellValue[][]>());
  const bytesPerCell = shapes.map(() => FIRST_GUESS_BYTES_PER_CELL);
  const width = (i: number) => shapes[i].rect!.right - shapes[i].rect!.left + 1;
  const queue: Piece[] = [];
  shapes.forEach((s, i) => {
    if (!s.rect) return;
    let top = s.rect.top;
    const sample = samples[i];
    if (sample && sample.values.length > 0) {
      blocks[i].set(sample.top, sample.values);
      bytesPerCell[i] = Math.max((jsonSize(sample.values) / (sample.values.length * width(i))) * MARGIN, 2);
      top = sample.top + sample.values.length;
    }
    if (top <= s.rect.bottom) queue.push({ sheet: i, top, rows: s.rect.bottom - top + 1 });
  });

  while (queue.length > 0) {
    const batch = takeBatch(queue, budget, (i) => bytesPerCell[i] * width(i));
    const loads = batch.map((piece) => {
      const range = sheets[piece.sheet].getRangeByIndexes(piece.top, shapes[piece.sheet].rect!.left, piece.rows, width(piece.sheet));
      range.load("values");
      return { piece, range };
    });
    try {
      await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop -- one sync per batch of about 4 MB: the count grows with size / 4 MB only
    } catch (error) {
      const single = batch.length === 1 && batch[0].rows === 1;
      if (!isPayloadTooLarge(error) || single) throw error;
      // The guess was low: put the blocks back and expect twice the bytes per cell.
      queue.unshift(...batch);
      for (const p of batch) bytesPerCell[p.sheet] *= 2;
      continue;
    }
    for (const { piece, range } of loads) {
      const block = range.values as CellValue[][];
      blocks[piece.sheet].set(piece.top, block);
      const measured = jsonSize(block) / (piece.rows * width(piece.sheet));
      bytesPerCell[piece.sheet] = Math.max(measured * MARGIN, 2);
    }
  }

  return shapes.map((shape, i) => {
    const rows = [...blocks[i].entries()].sort((a, b) => a[0] - b[0]).flatMap(([, block]) => block);
    return gridOf(shape, shape.rect ? rows : null);
  });
}

/** Takes from the front of the queue as many rows as fit the budget (at least one row), splitting a block if needed. */
function takeBatch(queue: Piece[], budget: number, bytesPerRow: (sheet: number) => number): Piece[] {
  const batch: Piece[] = [];
  let left = budget;
  while (queue.length > 0) {
    const next = queue[0];
    const perRow = bytesPerRow(next.sheet);
    const fit = Math.floor(left / perRow);
    if (fit >= next.rows) {
      batch.push(queue.shift()!);
      left -= next.rows * perRow;
      continue;
    }
    if (fit > 0 || batch.length === 0) {
      const rows = Math.max(1, fit);
      batch.push({ sheet: next.sheet, top: next.top, rows });
      queue[0] = { sheet: next.sheet, top: next.top + rows, rows: next.rows - rows };
    }
    break;
  }
  return batch;
}
