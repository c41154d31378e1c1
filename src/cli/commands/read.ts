/** Reading a workbook file into a validated response matrix, shared by the commands that read one. */

import { LayoutError } from "../../core/layouts/errors";
import { readWorkbook } from "../../core/read";
import { validate } from "../../core/validate";
import { UsageError } from "../args";
import type { FileResult } from "../report";
import { readXlsxFile, summaryMarkerSheet } from "../xlsx-read";

/**
 * Reads and validates a file. The summary sheet we wrote earlier (marked by a defined name) is output, not input:
 * it is left out, so a regenerated summary does not read its predecessor. Unrecognised workbooks become a UsageError.
 */
export async function readAndValidate(file: string, asOf: string) {
  const loaded = await readXlsxFile(file);
  const ours = summaryMarkerSheet(loaded);
  const grid = { ...loaded.workbook, sheets: loaded.workbook.sheets.filter((s) => s.name !== ours) };
  try {
    const matrix = readWorkbook(grid, { asOf });
    return { loaded, ours, result: { file, matrix, findings: validate(matrix) } satisfies FileResult };
  } catch (e) {
    if (e instanceof LayoutError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}
