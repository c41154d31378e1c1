/** The core's entry point for reading: a workbook from a shell, checked at the edge, to a response matrix. */

import { serialFromIso } from "./dates";
import { LayoutError } from "./layouts/errors";
import { readBlocks } from "./layouts/index";
import { columnMapOf } from "./layouts/mapped";
import type { Mapping, ResponseMatrix } from "./model";
import { asWorkbook } from "./workbook-shape";

/** Today as `YYYY-MM-DD` (UTC). */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Reads a workbook into a response matrix. `asOf` is `YYYY-MM-DD` (default today); a `mapping` (the sheet and
 * columns the user chose) replaces recognition. Throws LayoutError with a sentence.
 */
export function readWorkbook(input: unknown, options: { asOf?: string; mapping?: Mapping } = {}): ResponseMatrix {
  // The shape WorkbookSchema describes, checked without copying every cell
  const workbook = asWorkbook(input);
  if (!workbook) throw new LayoutError("The workbook could not be read: its sheets are not in the expected form.");
  const asOfText = options.asOf ?? todayIso();
  const asOf = serialFromIso(asOfText);
  if (asOf === null) throw new LayoutError(`The "as of" date "${asOfText}" is not a date; write it as YYYY-MM-DD, e.g. 2025-06-30.`);
  // The sheet and columns the user chose replace the recognised answers; the other blocks are read as usual
  return readBlocks(workbook, asOf, options.mapping ? columnMapOf(workbook, options.mapping) : undefined);
}
