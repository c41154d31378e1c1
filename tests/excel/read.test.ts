import { describe, expect, test } from "vitest";
import { MemoryExcel } from "../../src/memory-excel";
import { readWorkbookGrids } from "../../src/excel/read";
import { bigBook, textSheet, trimmed } from "./books";

const MB = 1024 * 1024;

describe("readWorkbookGrids", () => {
  test("reads every sheet's values, merges and hidden flag, keeping cell positions", async () => {
    const input = {
      name: "form.xlsx",
      sheets: [
        { name: "Responses", rows: [[], ["", "", "No.", "Unit"], ["", "", 1, "CWM"], ["", "", "", "GCP"]], merges: [{ top: 2, left: 2, bottom: 3, right: 2 }] },
        { name: "Old data", rows: [["kept", 46022, true]], hidden: true },
        { name: "Empty", rows: [] },
      ],
    };
    const host = MemoryExcel.fromWorkbook(input);
    const grids = await host.run((context) => readWorkbookGrids(context));
    expect(trimmed(grids)).toEqual(input);
    expect(host.syncCount).toBe(2);
  });

  test("takes 2 syncs for 10 and for 10,000 response rows", async () => {
    for (const [units, recs] of [[2, 5], [100, 100]]) {
      const input = bigBook(units, recs);
      const host = MemoryExcel.fromWorkbook(input);
      const grids = await host.run((context) => readWorkbookGrids(context));
      expect(grids.sheets[2].rows.length).toBe(units * recs + 1);
      expect(trimmed(grids)).toEqual(trimmed(input));
      expect(host.syncCount).toBe(2);
    }
  });

  test("leaves out the sheets it is told to skip", async () => {
    const host = MemoryExcel.fromWorkbook({ sheets: [{ name: "A", rows: [["a"]] }, { name: "Ours", rows: [["b"]] }] });
    const grids = await host.run((context) => readWorkbookGrids(context, { skip: (name) => name === "Ours" }));
    expect(grids.sheets.map((s) => s.name)).toEqual(["A"]);
  });

  test("a workbook over 5 MB is read in pieces of at most 4 MB; the sync count grows with size / 4 MB", async () => {
    const counts: { bytes: number; syncs: number }[] = [];
    for (const rows of [24_000, 60_000]) {
      const input = { name: "big.xlsx", sheets: [{ name: "Small", rows: [["a", "b"]] }, textSheet("Big", rows, 11)] };
      const bytes = JSON.stringify(input.sheets[1].rows).length;
      const host = MemoryExcel.fromWorkbook(input);
      const grids = await host.run((context) => readWorkbookGrids(context));
      expect(trimmed(grids)).toEqual(input);
      expect(bytes).toBeGreaterThan(5 * MB);
      expect(host.maxResponseBytes).toBeLessThanOrEqual(4 * MB);
      // Sheet list, the refused all-at-once request, the used-range addresses; then pieces of about 4 MB
      // (the first one smaller, sized by a guess before anything was measured).
      expect(host.syncCount - 3).toBeLessThanOrEqual(Math.ceil(bytes / (3.4 * MB)) + 1);
      counts.push({ bytes, syncs: host.syncCount });
    }
    expect(counts[1].syncs).toBeGreaterThan(counts[0].syncs);
  });

  test("pieces are sized from a sample of rows, so long cells cost no further refused request", async () => {
    // Long cells: ~1 KB each, far above a short text.
    const input = { name: "long.xlsx", sheets: [textSheet("Long", 7_000, 1, 1_000)] };
    const host = MemoryExcel.fromWorkbook(input);
    const grids = await host.run((context) => readWorkbookGrids(context));
    expect(trimmed(grids)).toEqual(input);
    expect(host.maxResponseBytes).toBeLessThanOrEqual(4 * MB);
    // Only the all-at-once request was refused.
    expect(host.responseBytes.filter((b) => b > 5 * MB)).toHaveLength(1);
    expect(host.syncCount).toBe(5);
  });

  test("when even the sample rows are too large for one request, it reads the addresses alone, then pieces", async () => {
    const input = { name: "small limit.xlsx", sheets: [1, 2, 3].map((i) => textSheet(`S${i}`, 150, 1, 300)) };
    const host = MemoryExcel.fromWorkbook(input);
    host.requestLimitBytes = 50_000;
    const grids = await host.run((context) => readWorkbookGrids(context, { chunkBytes: 40_000 }));
    expect(trimmed(grids)).toEqual(input);
    expect(host.maxResponseBytes).toBeLessThanOrEqual(50_000);
    // Refused at least: all at once (136 KB), then the addresses with 100-row samples (92 KB).
    expect(host.responseBytes.filter((b) => b > 50_000).length).toBeGreaterThanOrEqual(2);
  });
});
