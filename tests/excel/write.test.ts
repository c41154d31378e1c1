import { describe, expect, test } from "vitest";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { MemoryExcel } from "../../src/memory-excel";
import { coalesceStyles, pointsFromCharacters, writeSheet, writeSheets } from "../../src/excel/write";

/** A small spec using every feature of SheetSpec. */
function fullSpec(name = "Out"): SheetSpec {
  return {
    name,
    cells: [
      ["Recommendation", "Planet", "Accepted", "Rejected"],
      ["1. Improve data.", "Accepted (CWM and GCP); Partially accepted (SCYCLE)", 2, 0],
      ["2. Train staff.", "Rejected", 0, 1],
      ["Generated", 46022],
    ],
    styles: [
      { range: { top: 0, left: 0, bottom: 2, right: 3 }, style: { border: true, wrap: true } },
      { range: { top: 0, left: 0, bottom: 0, right: 3 }, style: { bold: true, fill: "#DDEBF7", horizontal: "center", vertical: "middle" } },
      { range: { top: 1, left: 1, bottom: 1, right: 1 }, style: { fill: "#FFEB9C", fontColor: "#9C5700" } },
      { range: { top: 3, left: 1, bottom: 3, right: 1 }, style: { numberFormat: "yyyy-mm-dd", italic: true, fontSize: 9 } },
    ],
    merges: [{ top: 3, left: 2, bottom: 3, right: 3 }],
    columnWidths: [45, 22, 10, 10],
    freezeRows: 1,
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: 0, last: 0 } },
    tables: [],
    dropdowns: [{ range: { top: 5, left: 0, bottom: 9, right: 0 }, values: ["Accepted", "Rejected"], prompt: "Choose Accepted or Rejected." }],
    chart: {
      kind: "barStacked",
      title: "Acceptance by recommendation",
      categories: { top: 1, left: 0, bottom: 2, right: 0 },
      series: [
        { name: "Accepted", values: { top: 1, left: 2, bottom: 2, right: 2 }, color: "#009E73" },
        { name: "Rejected", values: { top: 1, left: 3, bottom: 2, right: 3 }, color: "#D55E00" },
      ],
      anchor: { top: 11, left: 0, bottom: 30, right: 3 },
    },
  };
}

function hostWithInput(): MemoryExcel {
  return MemoryExcel.fromWorkbook({ name: "book.xlsx", sheets: [{ name: "Responses", rows: [["No.", "Unit"], ["1", "CWM"]] }] });
}

describe("writeSheet", () => {
  test("writes values, formats, merges, widths, frozen rows, print set-up, dropdowns and chart in 2 syncs", async () => {
    const host = hostWithInput();
    await host.run((context) => writeSheet(context, fullSpec(), { existingSheets: ["Responses"], activate: "Out" }));
    expect(host.syncCount).toBe(2);
    expect(host.sheetNames()).toEqual(["Responses", "Out"]);
    expect(host.activeSheetName).toBe("Out");
    const out = host.sheet("Out");
    expect(host.sheetGrid("Out").rows).toEqual([
      ["Recommendation", "Planet", "Accepted", "Rejected"],
      ["1. Improve data.", "Accepted (CWM and GCP); Partially accepted (SCYCLE)", 2, 0],
      ["2. Train staff.", "Rejected", 0, 1],
      ["Generated", 46022],
    ]);
    expect(host.cellFormat("Out", 0, 0)).toMatchObject({ bold: true, fill: "#DDEBF7", horizontal: "Center", vertical: "Center", wrap: true, borders: { top: "Continuous", left: "Continuous" } });
    expect(host.cellFormat("Out", 1, 1)).toMatchObject({ fill: "#FFEB9C", fontColor: "#9C5700", borders: { top: "Continuous", bottom: "Continuous", left: "Continuous", right: "Continuous" } });
    expect(host.cellFormat("Out", 3, 1)).toMatchObject({ numberFormat: "yyyy-mm-dd", italic: true, fontSize: 9 });
    expect(out.merges).toEqual([{ top: 3, left: 2, bottom: 3, right: 3 }]);
    expect([0, 1, 2, 3].map((c) => out.columnWidths.get(c))).toEqual([45, 22, 10, 10].map(pointsFromCharacters));
    expect(out.frozenRows).toBe(1);
    expect(out.pageLayout).toEqual({
      orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: { top: 0, bottom: 0, left: 0, right: 16_383 },
    });
    expect(out.validations).toMatchObject([
      { rect: { top: 5, left: 0, bottom: 9, right: 0 }, rule: { list: { inCellDropDown: true, source: "Accepted,Rejected" } }, errorAlert: { style: "Warning", message: "Choose Accepted or Rejected." } },
    ]);
    expect(out.charts).toHaveLength(1);
    expect(out.charts[0]).toMatchObject({
      type: "BarStacked",
      title: "Acceptance by recommendation",
      series: [
        { name: "Accepted", values: { rect: { top: 1, left: 2, bottom: 2, right: 2 } }, xValues: { rect: { top: 1, left: 0, bottom: 2, right: 0 } }, color: "#009E73" },
        { name: "Rejected", values: { rect: { top: 1, left: 3, bottom: 2, right: 3 } }, color: "#D55E00" },
      ],
      position: { start: { top: 11, left: 0 }, end: { top: 30, left: 3 } },
    });
  });

  test("text stays text: formulas, numbers, dates and apostrophes are written as they read", async () => {
    const host = hostWithInput();
    const cells = [["=HYPERLINK(\"x\")", "1", "2025-12-31", "'quoted", "+33 1 23", "-", "TRUE", "50%"]];
    await host.run((context) => writeSheet(context, { name: "Text", cells, styles: [], merges: [], columnWidths: [] }, { existingSheets: ["Responses"] }));
    expect(host.sheetGrid("Text").rows).toEqual(cells);
    expect(host.sheet("Text").formulas.size).toBe(0);
  });

  test("cells formatted as Text keep their string without an apostrophe", async () => {
    const host = hostWithInput();
    const spec: SheetSpec = {
      name: "T", cells: [["No."], ["1"], ["13a"]], merges: [], columnWidths: [],
      styles: [{ range: { top: 1, left: 0, bottom: 2, right: 0 }, style: { numberFormat: "@" } }],
    };
    await host.run((context) => writeSheet(context, spec, { existingSheets: ["Responses"] }));
    expect(host.sheetGrid("T").rows).toEqual([["No."], ["1"], ["13a"]]);
  });

  test("replacing a sheet puts the new one in its place and points the marker name at it", async () => {
    const host = MemoryExcel.fromWorkbook({ sheets: [{ name: "Responses", rows: [["x"]] }, { name: "Out", rows: [["old"]] }, { name: "Notes", rows: [["n"]] }] });
    await host.run(async (context) => {
      context.workbook.names.add("Marker", context.workbook.worksheets.getItem("Out").getRange("A1"));
      await context.sync();
    });
    await host.run((context) =>
      writeSheet(context, fullSpec("Out"), { existingSheets: ["Responses", "Out", "Notes"], replaces: true, marker: { name: "Marker", exists: true } }),
    );
    expect(host.sheetNames()).toEqual(["Responses", "Out", "Notes"]);
    expect(host.cell("Out", 0, 0)).toBe("Recommendation");
    expect(host.definedNames()).toEqual([{ name: "Marker", sheet: "Out" }]);
  });

  test("several sheets are written in the same 2 syncs", async () => {
    const host = hostWithInput();
    await host.run((context) => writeSheets(context, [{ spec: fullSpec("A") }, { spec: fullSpec("B") }], { existingSheets: ["Responses"] }));
    expect(host.syncCount).toBe(2);
    expect(host.sheetNames()).toEqual(["Responses", "A", "B"]);
  });

  test.each([
    ["the content request fails", 1, 0],
    ["the content request stops half-way (as Excel does)", 1, 40],
    ["the rename request fails", 2, 0],
  ])("when %s, no half-made sheet is left and the other sheets are unchanged", async (_what, sync, applyFirst) => {
    const host = MemoryExcel.fromWorkbook({ sheets: [{ name: "Responses", rows: [["x"]] }, { name: "Out", rows: [["old"]] }] });
    const before = host.workbookGrids();
    host.failSyncAt(sync, "GeneralException", { applyFirst });
    await expect(
      host.run((context) => writeSheet(context, fullSpec("Out"), { existingSheets: ["Responses", "Out"], replaces: true })),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(host.workbookGrids()).toEqual(before);
  });
});

describe("coalesceStyles", () => {
  const green = { fill: "#C6EFCE", fontColor: "#006100" };
  const red = { fill: "#FFC7CE", fontColor: "#9C0006" };
  const cell = (row: number, col: number) => ({ top: row, left: col, bottom: row, right: col });

  test("joins neighbouring cells of the same style into one range, in rows and then in columns", () => {
    expect(coalesceStyles([
      { range: cell(1, 1), style: green }, { range: cell(1, 2), style: { ...green } }, { range: cell(1, 3), style: red },
      { range: { top: 2, left: 0, bottom: 2, right: 3 }, style: { bold: true } }, { range: { top: 3, left: 0, bottom: 3, right: 3 }, style: { bold: true } },
    ])).toEqual([
      { range: { top: 1, left: 1, bottom: 1, right: 2 }, style: green },
      { range: cell(1, 3), style: red },
      { range: { top: 2, left: 0, bottom: 3, right: 3 }, style: { bold: true } },
    ]);
  });

  test("never joins across another entry, so later entries still win", () => {
    const styles = [{ range: cell(1, 1), style: green }, { range: cell(1, 1), style: red }, { range: cell(1, 2), style: green }];
    expect(coalesceStyles(styles)).toEqual(styles);
  });
});
