/**
 * Table rows in the in-memory host, as Microsoft documents TableRowCollection.add and TableRow.delete: rows added at
 * the end (several at once from ExcelApi 1.4), values one per column, cells under the table moved down and back
 * up, dropdowns on the table's columns growing with it, and what Excel refuses. Also Range.getTables,
 * Range.copyFrom (formats) and Range.formulas written back.
 */

import { describe, expect, test } from "vitest";
import type { CellValue } from "../../src/core/grid";
import { cellKey } from "../../src/memory-excel/state";
import { codeOf, hostWith } from "./hosts";

/** A table A1:C3 (header and two rows) on "Data", a note under it in B6, a dropdown on its column A rows (ExcelApi 1.8). */
async function tableHost(excelApi?: string) {
  const host = hostWith(
    [["No.", "Unit", "Date"], ["1", "CWM", 45000], ["2", "GCP", 45001], [], [], ["", "note"]],
    "Data",
    excelApi ? { excelApi } : {},
  );
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Data");
    sheet.tables.add("A1:C3", true).name = "Responses";
    if (!excelApi) sheet.getRange("A2:A3").dataValidation.rule = { list: { inCellDropDown: true, source: "1,2,3" } };
    sheet.getRange("C2:C3").numberFormat = [["yyyy-mm-dd"], ["yyyy-mm-dd"]];
    await context.sync();
  });
  return host;
}

const addRows = (values: CellValue[][]) => async (context: Excel.RequestContext) => {
  context.workbook.tables.getItem("Responses").rows.add(undefined, values);
  await context.sync();
};

describe("TableRowCollection.add", () => {
  test("adds rows at the end: the table grows over them, the cells under it move down, the column's dropdown grows", async () => {
    const host = await tableHost();
    await host.run(addRows([["3", "PTP", 45002], ["4", "NDC", ""]]));
    const sheet = host.sheet("Data");
    expect(sheet.tables[0].rect).toEqual({ top: 0, left: 0, bottom: 4, right: 2 });
    // "3" typed into a General cell is a number, as Excel takes it
    expect(host.sheetGrid("Data").rows.slice(3)).toEqual([[3, "PTP", 45002], [4, "NDC"], [], [], ["", "note"]]);
    expect(sheet.validations.map((v) => v.rect)).toEqual([{ top: 1, left: 0, bottom: 4, right: 0 }]);
    // the date column's formats under the table moved with the cells (none there), the rows above kept theirs
    expect(host.cellFormat("Data", 2, 2).numberFormat).toBe("yyyy-mm-dd");
  });

  test("needs ExcelApi 1.4 for several rows at once; one row works at 1.1", async () => {
    expect(await codeOf((await tableHost("1.3")).run(addRows([["3", "PTP", 1], ["4", "NDC", 2]])))).toBe("InvalidArgument");
    const host = await tableHost("1.3");
    await host.run(addRows([["3", "PTP", 1]]));
    expect(host.sheet("Data").tables[0].rect.bottom).toBe(3);
  });

  test("refuses values that are not one per column, a protected sheet, and moving another table", async () => {
    expect(await codeOf((await tableHost()).run(addRows([["3", "PTP"]])))).toBe("InvalidArgument");
    const locked = await tableHost();
    locked.protectSheet("Data");
    expect(await codeOf(locked.run(addRows([["3", "PTP", 1]])))).toBe("AccessDenied");
    const crowded = await tableHost();
    await crowded.run(async (context) => {
      context.workbook.worksheets.getItem("Data").tables.add("A8:B9", true);
      await context.sync();
    });
    expect(await codeOf(crowded.run(addRows([["3", "PTP", 1]])))).toBe("InsertDeleteConflict");
    expect(crowded.sheet("Data").tables[0].rect.bottom).toBe(2);
  });
});

describe("TableRow.delete", () => {
  test("deleting the rows added puts the sheet back as it was: table, cells under it, dropdown", async () => {
    const host = await tableHost();
    const before = structuredClone({ grid: host.sheetGrid("Data"), tables: host.sheet("Data").tables, validations: host.sheet("Data").validations });
    await host.run(addRows([["3", "PTP", 45002], ["4", "NDC", ""]]));
    await host.run(async (context) => {
      const rows = context.workbook.tables.getItem("Responses").rows;
      rows.getItemAt(3).delete();
      rows.getItemAt(2).delete();
      await context.sync();
    });
    const sheet = host.sheet("Data");
    expect({ grid: host.sheetGrid("Data"), tables: sheet.tables, validations: sheet.validations }).toEqual(before);
    expect(await codeOf(host.run(async (context) => {
      context.workbook.tables.getItem("Responses").rows.getItemAt(2).delete();
      await context.sync();
    }))).toBe("ItemNotFound");
  });
});

describe("ranges and tables", () => {
  test("Range.getTables lists the tables overlapping a range, or wholly inside it", async () => {
    const host = await tableHost();
    const names = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const found = [sheet.getRange("B3").getTables(false), sheet.getRange("B4").getTables(false), sheet.getRange("A1:B2").getTables(true), sheet.getRange("A1:D9").getTables(true)];
      for (const f of found) f.load("items/name");
      await context.sync();
      return found.map((f) => f.items.map((t) => t.name));
    });
    expect(names).toEqual([["Responses"], [], [], ["Responses"]]);
  });

  test("Range.copyFrom copies formats (repeated down a larger range) and nothing else", async () => {
    const host = await tableHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("A4:C5").copyFrom(sheet.getRange("A3:C3"), "Formats");
      await context.sync();
    });
    expect([3, 4].map((r) => host.cellFormat("Data", r, 2).numberFormat)).toEqual(["yyyy-mm-dd", "yyyy-mm-dd"]);
    expect(host.cell("Data", 3, 0)).toBe("");
  });

  test("Range.formulas writes formulas back (null leaves a cell)", async () => {
    const host = await tableHost();
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A2:B2").formulas = [["=1+1", null]];
      await context.sync();
    });
    expect(host.sheet("Data").formulas.get(cellKey(1, 0))).toBe("=1+1");
    expect(host.cell("Data", 1, 1)).toBe("CWM");
  });
});
