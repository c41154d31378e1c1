/** Hosts and error codes for the in-memory Excel's own tests. */

import { expect } from "vitest";
import type { CellValue, MergedRange } from "../../src/core/grid";
import { MemoryExcel, MemoryExcelError, type MemoryExcelOptions } from "../../src/memory-excel";

/** The host with one sheet (`Data` unless named) holding the given rows and merged areas. */
export function hostWith(rows: CellValue[][], name = "Data", options: MemoryExcelOptions = {}, merges: MergedRange[] = []): MemoryExcel {
  return MemoryExcel.fromWorkbook({ name: "book.xlsx", sheets: [{ name, rows, merges }] }, options);
}

/** The Excel error code a promise rejects with. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(MemoryExcelError);
    return (e as MemoryExcelError).code;
  }
  throw new Error("expected the promise to reject");
}
