/** Workbooks for the adapter tests: canonical books of any size, generated in code. */

import { afterEach } from "vitest";
import type { CellValue, MergedRange, Workbook } from "../../src/core/grid";
import { OfficeGateway } from "../../src/excel/office-gateway";
import { readWorkbookGrids, type ReadOptions } from "../../src/excel/read";
import { MemoryExcel, installMemoryExcel } from "../../src/memory-excel";
import { book, goodRow, DEFAULT_UNITS, UNITS_HEADER } from "../core/workbooks";

/**
 * For a test file: `open(workbook)` puts the workbook in an in-memory host installed as the global Excel
 * (replacing the previous one) and gives a gateway on it; the host is uninstalled after each test.
 */
export function memoryGateways(today: string): (workbook: Workbook) => { host: MemoryExcel; gateway: OfficeGateway } {
  const install = installer();
  return (workbook) => {
    const host = MemoryExcel.fromWorkbook(workbook);
    install(host);
    return { host, gateway: new OfficeGateway({ today: () => today }) };
  };
}

/** For a test file: installs a host as the global Excel (replacing the previous one); uninstalled after each test. */
function installer(): (host: MemoryExcel) => void {
  let uninstall: (() => void) | null = null;
  afterEach(() => {
    uninstall?.();
    uninstall = null;
  });
  return (host) => {
    uninstall?.();
    uninstall = installMemoryExcel(host);
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

/**
 * For a test file: `read(host, options)` reads the host's workbook through the adapter as the pane does, with the
 * host installed (so `Office.context.requirements` answers for its requirement set); uninstalled after each test.
 */
export function memoryReads(): (host: MemoryExcel, options?: ReadOptions) => Promise<Workbook> {
  const install = installer();
  return (host, options) => {
    install(host);
    return host.run((context) => readWorkbookGrids(context, options));
  };
}

/** One missing action (CWM, recommendation 1) and one missing response (PTP, recommendation 2). */
export function smallBook(): Workbook {
  return book({ responses: [goodRow("1", "CWM", { action: "" }), goodRow("1", "GCP"), goodRow("1", "PTP"), goodRow("2", "CWM"), goodRow("2", "GCP")] });
}

/** Where strayValueBook leaves its note: row 1,000,000, column AD. */
export const STRAY = { row: 999_999, col: 29, text: "note left here" };

/**
 * smallBook, whose Responses sheet also holds one stray value at row 1,000,000, column AD: its used range is 30 columns
 * by a million rows, six times Excel's 5,000,000-cell read. The rows between are holes, so the host stores no more.
 */
export function strayValueBook(): Workbook {
  const workbook = smallBook();
  const responses = workbook.sheets[2];
  const rows = responses.rows.slice();
  rows[STRAY.row] = [...new Array<CellValue>(STRAY.col).fill(""), STRAY.text];
  workbook.sheets[2] = { ...responses, rows };
  return workbook;
}

/**
 * A Section III form (SPEC 3.1) of `recs` recommendations, each a block of three unit rows whose number and text cells
 * are merged down the block, as forms pasted from Word are: 2 merged areas a recommendation. PTP leaves the planned
 * action of every third recommendation empty.
 */
export function mergedFormBook(recs: number): Workbook {
  const header: CellValue[] = ["Recommendation", "", "Programme Unit", "Accepted Partially Accepted Rejected", "Proposed action", "Budget allocated (if necessary)", "Status (planned, under implementation, implemented)"];
  const rows: CellValue[][] = [header];
  const merges: MergedRange[] = [{ top: 0, left: 0, bottom: 0, right: 1 }];
  for (let r = 1; r <= recs; r++) {
    const top = rows.length;
    rows.push([`${r}.`, `Recommendation ${r}: strengthen the follow-up of learning events.`, "CWM", "Accepted", "Train staff.", "N/A", "Planned"]);
    rows.push(["", "", "GCP", "Partially Accepted", "Review the policy.", "N/A", "Under implementation"]);
    rows.push(["", "", "PTP", "Accepted", r % 3 === 0 ? "" : "Brief new staff.", "N/A", "Planned"]);
    merges.push({ top, left: 0, bottom: top + 2, right: 0 }, { top, left: 1, bottom: top + 2, right: 1 });
  }
  return { name: "merged-form.xlsx", sheets: [{ name: "Section III", rows, merges }, { name: "Units", rows: [UNITS_HEADER, ...DEFAULT_UNITS] }] };
}
