/**
 * The budgets `npm run bench` reports, held as exact numbers so a regression fails CI (timings are not:
 * they depend on the machine). The Office.js round trips are checked where the adapter is tested:
 * tests/excel/office-gateway.test.ts ("uses the same 2 syncs for 10 and for 10,000 response rows", and
 * 4 syncs for the summary at both sizes) and tests/excel/read.test.ts (reads over 5 MB go in pieces of at most 4 MB).
 */

import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../src/core/read";
import { SYNC_SIZES, generateWorkbook, rowsOf } from "../../bench/workbook";

describe("task pane bundle budget", () => {
  it("fails the production build when the task pane's JavaScript passes 1.5 MB", async () => {
    const { default: config } = await import("../../webpack.config.js");
    const performance = (await config({}, { mode: "production" })).performance;
    // "error": webpack fails the build (exit status 1) rather than warning
    expect(performance).toMatchObject({ hints: "error", maxAssetSize: 1_500_000, maxEntrypointSize: 1_500_000 });
    // Only JavaScript counts: icons and the manifest are not part of the budget
    const counts = (performance && performance.assetFilter) as ((file: string) => boolean) | undefined;
    expect(counts?.("taskpane.0123abcd.js")).toBe(true);
    expect(counts?.("assets/icon-80.png")).toBe(false);
  });
});

describe("benchmark workbooks", () => {
  it("are the same for the same seed, and differ for another", () => {
    const size = { recommendations: 4, units: 5 };
    expect(generateWorkbook(size, 7)).toEqual(generateWorkbook(size, 7));
    expect(generateWorkbook(size, 7)).not.toEqual(generateWorkbook(size, 8));
  });

  it("have exactly the row counts the sync counts are reported for", () => {
    expect(Object.entries(SYNC_SIZES).map(([rows, size]) => [Number(rows), rowsOf(size)])).toEqual([
      [10, 10], [1000, 1000], [10000, 10000], [100000, 100000],
    ]);
  });

  it("read as canonical workbooks with one response per recommendation and unit", () => {
    const matrix = readWorkbook(generateWorkbook({ recommendations: 20, units: 30 }), { asOf: "2025-06-30" });
    expect([matrix.units.length, matrix.recommendations.length, matrix.responses.length]).toEqual([30, 20, 600]);
  });
});
