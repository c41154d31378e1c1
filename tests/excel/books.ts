/** Workbooks for the adapter tests: canonical books of any size, generated in code. */

import { afterEach } from "vitest";
import type { CellValue, Workbook } from "../../src/core/grid";
import { OfficeGateway } from "../../src/excel/office-gateway";
import { MemoryExcel, installMemoryExcel } from "../../src/memory-excel";
import { book, goodRow } from "../core/workbooks";

/**
 * For a test file: `open(workbook)` puts the workbook in an in-memory host installed as the global Excel
 * (replacing the previous one) and gives a gateway on it; the host is uninstalled after each test.
 */
export function memoryGateways(today: string): (workbook: Workbook) => { host: MemoryExcel; gateway: OfficeGateway } {
  let uninstall: (() => void) | null = null;
  afterEach(() => {
    uninstall?.();
    uninstall = null;
  });
  return (workbook) => {
    uninstall?.();
    const host = MemoryExcel.fromWorkbook(workbook);
    uninstall = installMemoryExcel(host);
    return { host, gateway: new OfficeGateway({ today: () => today }) };
  };
}

/** A canonical book with `units` units in two divisions, `recs` recommendations addressed to all, and every answer given. */
export function bigBook(units: number, recs: number): Workbook {
  const codes = Array.from({ length: units }, (_, i) => `U${String(i + 1).padStart(3, "0")}`);
  return book({
    units: codes.map((c, i) => [c, `Unit ${c}`, i % 2 ? "Peace" : "Planet", ""]),
    recommendations: Array.from({ length: recs }, (_, r) => [String(r + 1), `Recommendation ${r + 1}. More text.`, "High", "", "All"]),
    responses: Array.from({ length: recs }, (_, r) => codes.map((c) => goodRow(String(r + 1), c))).flat(),
  });
}

/** The workbook's sheets with trailing blank cells and rows removed, for comparing grids. */
export function trimmed(workbook: Workbook): Workbook {
  return {
    ...workbook,
    sheets: workbook.sheets.map((s) => {
      const rows = s.rows.map((r) => {
        const out = r.slice();
        while (out.length && out[out.length - 1] === "") out.pop();
        return out;
      });
      while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
      return { ...s, rows };
    }),
  };
}

/** A plain sheet of `rows` rows by `cols` columns of ~`cellChars`-character texts. */
export function textSheet(name: string, rows: number, cols: number, cellChars = 20): { name: string; rows: CellValue[][] } {
  const pad = "x".repeat(Math.max(0, cellChars - 8));
  return { name, rows: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `${r}:${c}${pad}`)) };
}
