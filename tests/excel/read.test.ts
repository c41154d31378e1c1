import { describe, expect, test } from "vitest";
import type { Workbook } from "../../src/core/grid";
import { MERGED_AREAS_API } from "../../src/excel/requirements";
import { MemoryExcel } from "../../src/memory-excel";
import { STRAY, bigBook, memoryReads, mergedFormBook, smallBook, strayValueBook, textSheet, trimmed } from "./books";

const MB = 1024 * 1024;

/** Reads through the adapter with the host installed (its requirement set answers `isSetSupported`). */
const read = memoryReads();

/** True when the host gives merged areas (ExcelApi 1.13): the suite runs at the manifest's minimum and at the newest set. */
const givesMerges = (host: MemoryExcel) => host.isSetSupported("ExcelApi", MERGED_AREAS_API);

/** The workbook as the adapter reads it on this host: without merged areas below ExcelApi 1.13. */
function asRead(workbook: Workbook, host: MemoryExcel): Workbook {
  return givesMerges(host) ? workbook : { ...workbook, sheets: workbook.sheets.map(({ merges: _merges, ...sheet }) => sheet) };
}

describe("readWorkbookGrids", () => {
  test("reads every sheet's values, merges (ExcelApi 1.13) and hidden flag, keeping cell positions", async () => {
    const input = {
      name: "form.xlsx",
      sheets: [
        { name: "Responses", rows: [[], ["", "", "No.", "Unit"], ["", "", 1, "CWM"], ["", "", "", "GCP"]], merges: [{ top: 2, left: 2, bottom: 3, right: 2 }] },
        { name: "Old data", rows: [["kept", 46022, true]], hidden: true },
        { name: "Empty", rows: [] },
      ],
    };
    const host = MemoryExcel.fromWorkbook(input);
    const grids = await read(host);
    expect(trimmed(grids)).toEqual(asRead(input, host));
    expect(host.syncCount).toBe(2);
  });

  test("takes 2 syncs for 10 and for 10,000 response rows", async () => {
    for (const [units, recs] of [[2, 5], [100, 100]]) {
      const input = bigBook(units, recs);
      const host = MemoryExcel.fromWorkbook(input);
      const grids = await read(host);
      expect(grids.sheets[2].rows.length).toBe(units * recs + 1);
      expect(trimmed(grids)).toEqual(trimmed(input));
      expect(host.syncCount).toBe(2);
    }
  });

  test("leaves out the sheets it is told to skip", async () => {
    const host = MemoryExcel.fromWorkbook({ sheets: [{ name: "A", rows: [["a"]] }, { name: "Ours", rows: [["b"]] }] });
    const grids = await read(host, { skip: (name) => name === "Ours" });
    expect(grids.sheets.map((s) => s.name)).toEqual(["A"]);
  });

  test("a workbook over 5 MB is read in pieces of at most 4 MB; the sync count grows with size / 4 MB", async () => {
    const counts: { bytes: number; syncs: number }[] = [];
    for (const rows of [24_000, 60_000]) {
      const input = { name: "big.xlsx", sheets: [{ name: "Small", rows: [["a", "b"]] }, textSheet("Big", rows, 11)] };
      const bytes = JSON.stringify(input.sheets[1].rows).length;
      const host = MemoryExcel.fromWorkbook(input);
      const grids = await read(host);
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
    const grids = await read(host);
    expect(trimmed(grids)).toEqual(input);
    expect(host.maxResponseBytes).toBeLessThanOrEqual(4 * MB);
    // Only the all-at-once request was refused.
    expect(host.responseBytes.filter((b) => b > 5 * MB)).toHaveLength(1);
    // Sheet list, the refused read, used ranges with samples, 2 pieces of about 3.5 MB, and merged areas where given.
    expect(host.syncCount).toBe(givesMerges(host) ? 6 : 5);
  });

  test("when even the sample rows are too large for one request, it reads the addresses alone, then pieces", async () => {
    const input = { name: "small limit.xlsx", sheets: [1, 2, 3].map((i) => textSheet(`S${i}`, 150, 1, 300)) };
    const host = MemoryExcel.fromWorkbook(input);
    host.responseLimitBytes = 50_000;
    const grids = await read(host, { chunkBytes: 40_000 });
    expect(trimmed(grids)).toEqual(input);
    expect(host.maxResponseBytes).toBeLessThanOrEqual(50_000);
    // Refused at least: all at once (136 KB), then the addresses with 100-row samples (92 KB).
    expect(host.responseBytes.filter((b) => b > 50_000).length).toBeGreaterThanOrEqual(2);
  });
});

describe("reads stay within Excel's limits", () => {
  test.each(["error", "null"] as const)(
    "a value at row 1,000,000 of a 30-column sheet (30,000,000 cells) is read in bounded pieces, not a million blank rows (too-large reads give: %s)",
    async (largeReads) => {
      const input = strayValueBook();
      const host = MemoryExcel.fromWorkbook(input, { largeReads });
      const grids = await read(host);
      expect(trimmed({ ...grids, sheets: grids.sheets.slice(0, 2) })).toEqual(trimmed({ ...input, sheets: input.sheets.slice(0, 2) }));
      const responses = grids.sheets[2].rows;
      const table = smallBook().sheets[2].rows;
      expect(responses.slice(0, table.length)).toEqual(table);
      expect(responses.slice(table.length, STRAY.row).every((row) => row.length === 0)).toBe(true);
      expect(responses[STRAY.row][STRAY.col]).toBe(STRAY.text);
      expect(responses).toHaveLength(STRAY.row + 1);
      expect(host.maxResponseBytes).toBeLessThanOrEqual(4 * MB);
      // Sheet list, the refused read, used ranges, one level of bands, values, and merged areas where given; where
      // Excel answered with null values instead, the merged areas came with that answer.
      expect(host.syncCount).toBe(givesMerges(host) && largeReads === "error" ? 6 : 5);
    },
  );

  test("a form sheet with 601 merged areas is read whole: merged areas in tiles under 512 (ExcelApi 1.13), or none below", async () => {
    const input = mergedFormBook(300);
    expect(input.sheets[0].merges).toHaveLength(601);
    const host = MemoryExcel.fromWorkbook(input);
    const grids = await read(host);
    // Exactly the merges of the form: none lost, none counted twice where a block crosses a tile's edge.
    expect(trimmed(grids)).toEqual(trimmed(asRead(input, host)));
    // Below ExcelApi 1.13 nothing asks for merged areas, so nothing is refused: 2 syncs.
    expect(host.syncCount).toBe(givesMerges(host) ? 5 : 2);
  });

  test("an error that is not about size is not worked around by reading again", async () => {
    const host = MemoryExcel.fromWorkbook(mergedFormBook(300));
    host.failSyncAt(2, "InvalidOperationInCellEditMode");
    await expect(read(host)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(host.syncCount).toBe(2);
  });
});
