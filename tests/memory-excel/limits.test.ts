import { afterEach, describe, expect, test } from "vitest";
import type { CellValue } from "../../src/core/grid";
import { NEWEST_EXCEL_API, installMemoryExcel } from "../../src/memory-excel";
import { codeOf, hostWith } from "./hosts";

/** `count` two-cell merged areas down column A, one every other row. */
function mergedColumn(count: number) {
  return Array.from({ length: count }, (_, i) => ({ top: 2 * i, left: 0, bottom: 2 * i, right: 1 }));
}

describe("requirement sets", () => {
  let uninstall: (() => void) | null = null;
  afterEach(() => {
    uninstall?.();
    uninstall = null;
  });

  test("Office.context.requirements.isSetSupported answers for the host's ExcelApi version, and no other set", () => {
    uninstall = installMemoryExcel(hostWith([["a"]], "Data", { excelApi: "1.9" }));
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.4")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(Office.context.requirements.isSetSupported("ExcelApiOnline", "1.1")).toBe(false);
    uninstall();
    uninstall = installMemoryExcel(hostWith([["a"]]));
    expect(Office.context.requirements.isSetSupported("ExcelApi", NEWEST_EXCEL_API)).toBe(true);
  });

  test("a method above the host's set fails the sync with ApiNotFound, and works one set later", async () => {
    const merged = async (excelApi: string) =>
      hostWith([["a", ""]], "Data", { excelApi }, [{ top: 0, left: 0, bottom: 0, right: 1 }]).run(async (context) => {
        const areas = context.workbook.worksheets.getItem("Data").getRange("A1:B2").getMergedAreasOrNullObject();
        areas.load("address");
        await context.sync();
        return areas.address;
      });
    expect(await codeOf(merged("1.12"))).toBe("ApiNotFound");
    expect(await merged("1.13")).toBe("Data!A1:B1");
  });

  test("property sets, loads and collection item loads are checked too; the failed request changes nothing", async () => {
    const host = hostWith([["a"]], "Data", { excelApi: "1.7" });
    expect(
      await codeOf(
        host.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem("Data");
          sheet.getRange("B1").values = [["written"]];
          sheet.pageLayout.zoom = { scale: 50 }; // ExcelApi 1.9
          await context.sync();
        }),
      ),
    ).toBe("ApiNotFound");
    expect(host.cell("Data", 0, 1)).toBe("");
    expect(await codeOf(host.run(async (context) => {
      context.workbook.worksheets.load("items/showGridlines"); // ExcelApi 1.8
      await context.sync();
    }))).toBe("ApiNotFound");
    expect(await codeOf(host.run(async (context) => {
      context.workbook.getSelectedRanges().load("areaCount"); // ExcelApi 1.9
      await context.sync();
    }))).toBe("ApiNotFound");
    // Within 1.7: fine.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").tabColor = "#FF0000";
      await context.sync();
    });
  });
});

describe("Excel's limits", () => {
  test("a read of more than 5,000,000 cells fails with RangeExceedsLimit; exactly 5,000,000 is read", async () => {
    const host = hostWith([["a"]]);
    host.responseLimitBytes = Infinity; // desktop Excel has no payload limit: only the cell limit applies
    const read = (address: string) =>
      host.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Data").getRange(address);
        range.load("values");
        await context.sync();
        return range.values;
      });
    expect(await codeOf(read("A1:BXX2501"))).toBe("RangeExceedsLimit"); // 2,000 columns x 2,501 rows
    const values = await read("A1:BXX2500"); // 2,000 x 2,500 = 5,000,000
    expect(values.length * values[0].length).toBe(5_000_000);
    expect(values[0][0]).toBe("a");
  });

  test("on platforms that give null instead, the values of a too-large range are null and nothing fails", async () => {
    const host = hostWith([["a"]], "Data", { largeReads: "null" });
    const { values, cellCount } = await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:Z1000000");
      range.load("values, cellCount");
      await context.sync();
      return { values: range.values, cellCount: range.cellCount };
    });
    expect(values).toBeNull();
    expect(cellCount).toBe(26_000_000);
  });

  test("getMergedAreasOrNullObject gives up to 512 merged areas and fails above", async () => {
    const areasOf = (count: number) =>
      hostWith([["x"]], "Data", {}, mergedColumn(count)).run(async (context) => {
        const areas = context.workbook.worksheets.getItem("Data").getRange("A:B").getMergedAreasOrNullObject();
        areas.load("areaCount");
        await context.sync();
        return areas.areaCount;
      });
    expect(await areasOf(512)).toBe(512);
    expect(await codeOf(areasOf(513))).toBe("GeneralException");
  });

  test("cellCount is -1 above 2^31-1 cells: a whole sheet, or all rows of 2,048 columns", async () => {
    const counts = await hostWith([["a"]]).run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const ranges = [sheet.getRange(), sheet.getRange("A:BZS"), sheet.getRange("A:BZT")]; // 2,047 and 2,048 columns
      ranges.forEach((r) => r.load("cellCount"));
      await context.sync();
      return ranges.map((r) => r.cellCount);
    });
    expect(counts).toEqual([-1, 1_048_576 * 2_047, -1]);
  });

  test("a multi-area selection: getSelectedRange fails with InvalidSelection, getSelectedRanges gives the areas", async () => {
    const host = hostWith([["a", "b"]]);
    host.selectAreas("Data", ["A1:B2", "D4"]);
    expect(await codeOf(host.run(async (context) => {
      context.workbook.getSelectedRange().load("address");
      await context.sync();
    }))).toBe("InvalidSelection");
    const areas = await host.run(async (context) => {
      const selected = context.workbook.getSelectedRanges();
      selected.load("address, areaCount, cellCount");
      await context.sync();
      return { address: selected.address, areaCount: selected.areaCount, cellCount: selected.cellCount };
    });
    expect(areas).toEqual({ address: "Data!A1:B2,Data!D4", areaCount: 2, cellCount: 5 });
  });

  test("Range.getUsedRangeOrNullObject gives the used part of a range, or a null object", async () => {
    const rows: CellValue[][] = [];
    rows[2] = ["", "x"];
    rows[999_999] = ["", "", "", "far"];
    const got = await hostWith(rows).run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const bands = [sheet.getRange("A1:Z500000"), sheet.getRange("A500001:Z700000"), sheet.getRange("A700001:Z1000000")].map((b) => b.getUsedRangeOrNullObject(true));
      bands.forEach((b) => b.load("address"));
      await context.sync();
      return bands.map((b) => (b.isNullObject ? null : b.address));
    });
    expect(got).toEqual(["Data!B3", null, "Data!D1000000"]);
  });

  test("request and response are limited separately: 4 MB written and 4 MB read in one sync pass", async () => {
    const text = "x".repeat(4_000);
    const rows = Array.from({ length: 1_000 }, () => [text]);
    const host = hostWith(rows);
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("B1:B1000").values = rows;
      sheet.getRange("A1:A1000").load("values");
      await context.sync();
    });
    expect(host.maxRequestBytes).toBeGreaterThan(4_000_000);
    expect(host.maxResponseBytes).toBeGreaterThan(4_000_000);
  });
});
