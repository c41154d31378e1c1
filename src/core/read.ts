/** The core's entry point for reading: a workbook from a shell, checked at the edge, to a response matrix. */

import { serialFromIso } from "./dates";
import { LayoutError } from "./layouts/errors";
import { readBestLayout } from "./layouts/index";
import { readMapped } from "./layouts/mapped";
import { attachSection0 } from "./layouts/section0";
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
  if (!options.mapping) return readBestLayout(workbook, asOf);
  // A hand-made Section 0 beside the mapped detail is checked against it, as with recognised layouts
  const matrix = readMapped(workbook, asOf, options.mapping);
  attachSection0(workbook, matrix);
  return matrix;
}
