/** The core's entry point for reading: a workbook from a shell, checked with zod, to a response matrix. */

import { serialFromIso } from "./dates";
import type { Workbook } from "./grid";
import { LayoutError } from "./layouts/errors";
import { readCanonical } from "./layouts/canonical";
import { WorkbookSchema, type ResponseMatrix } from "./model";

/** Today as `YYYY-MM-DD` (UTC). */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Reads a workbook into a response matrix. `asOf` is `YYYY-MM-DD` (default today). Throws LayoutError with a sentence. */
export function readWorkbook(input: unknown, options: { asOf?: string } = {}): ResponseMatrix {
  const parsed = WorkbookSchema.safeParse(input);
  if (!parsed.success) throw new LayoutError("The workbook could not be read: its sheets are not in the expected form.");
  const asOfText = options.asOf ?? todayIso();
  const asOf = serialFromIso(asOfText);
  if (asOf === null) throw new LayoutError(`The "as of" date "${asOfText}" is not a date; write it as YYYY-MM-DD, e.g. 2025-06-30.`);
  return readCanonical(parsed.data as Workbook, asOf);
}
