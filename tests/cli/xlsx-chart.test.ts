import { readFile } from "node:fs/promises";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rangeFormula } from "../../src/cli/xlsx-chart";
import { addCharts, saveWorkbook, workbookOf } from "../../src/cli/xlsx-write";
import { readXlsxFile } from "../../src/cli/xlsx-read";
import type { ChartSpec, SheetSpec } from "../../src/core/sheet-spec";
import { readWorkbook } from "../../src/core/read";
import { section0Layout, section0Summary } from "../../src/core/summary/index";
import { templateSheets } from "../../src/core/template";
import { validate } from "../../src/core/validate";
import { seriesOf } from "./chart-series";
import { cli, tempFolder } from "./files";

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => {
  folder = await tempFolder();
});
afterAll(async () => {
  await folder.remove();
});

/** The parts of an .xlsx package as text. */
function partsOf(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** The example's Section 0 summary as the command line computes it. */
function exampleSummarySpec(): SheetSpec {
  const sheets = templateSheets({ example: true });
  const matrix = readWorkbook({ sheets: sheets.map((s) => ({ name: s.name, rows: s.cells })) }, { asOf: "2025-06-30" });
  return section0Summary(matrix, validate(matrix), { by: "division", generated: "2025-06-30 12:00" });
}

/** The two ways a summary sheet is written: added to the example workbook (`summary`), and as a new workbook. */
const WAYS = [
  {
    way: "added to a workbook by `summary` (the part-level writer)",
    sheetPart: "xl/worksheets/sheet4.xml",
    async write(dir: (name: string) => string): Promise<string> {
      const workbook = dir("example.xlsx");
      const out = dir("example-summary.xlsx");
      expect((await cli("template", "--out", workbook, "--example")).status).toBe(0);
      expect((await cli("summary", workbook, "--out", out, "--as-of", "2025-06-30")).status).toBe(0);
      return out;
    },
  },
  {
    way: "in a new workbook (ExcelJS, the chart added to its package)",
    sheetPart: "xl/worksheets/sheet1.xml",
    async write(dir: (name: string) => string): Promise<string> {
      const out = dir("new-summary.xlsx");
      const spec = exampleSummarySpec();
      await saveWorkbook(workbookOf([spec]), out, [spec]);
      return out;
    },
  },
];

describe.each(WAYS)("the acceptance chart of the summary sheet, $way", ({ sheetPart, write }) => {
  let out: string;
  let parts: Record<string, string>;
  let cells: (string | number | boolean)[][];

  beforeAll(async () => {
    out = await write(folder.path);
    parts = partsOf(new Uint8Array(await readFile(out)));
    cells = (await readXlsxFile(out)).workbook.sheets.find((s) => s.name === "Section 0 Summary")!.rows;
  });

  it("is a chart part of stacked horizontal bars, linked from a drawing of the summary sheet", () => {
    const relsPart = sheetPart.replace("worksheets/", "worksheets/_rels/") + ".rels";
    expect(parts[sheetPart]).toMatch(/<drawing (?:xmlns:r="[^"]+" )?r:id="(rId\d+)"\/>/);
    const relId = /<drawing [^>]*r:id="(rId\d+)"/.exec(parts[sheetPart])![1];
    expect(parts[relsPart]).toContain(`Id="${relId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`);
    expect(parts["xl/drawings/_rels/drawing1.xml.rels"]).toContain(`Target="../charts/chart1.xml"`);
    expect(parts["[Content_Types].xml"]).toContain(`<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
    expect(parts["[Content_Types].xml"]).toContain(`<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    expect(parts["xl/charts/chart1.xml"]).toContain(`<c:barDir val="bar"/><c:grouping val="stacked"/>`);
    expect(parts["xl/charts/chart1.xml"]).toContain(`Acceptance by recommendation (number of units)`);
    // the drawing element sits after the page set-up and before tableParts/extLst, where the schema wants it
    const sheet = parts[sheetPart];
    expect(sheet.indexOf("<drawing ")).toBeGreaterThan(sheet.indexOf("<pageSetup"));
    expect(sheet.indexOf("<drawing ")).toBeLessThan(sheet.indexOf("</worksheet>"));
  });

  it("takes its series from the counts per recommendation, and caches the values the cells hold", () => {
    const at = section0Layout(5);
    const series = seriesOf(parts["xl/charts/chart1.xml"]);
    expect(series.map((s) => s.name)).toEqual(["Accepted", "Partially accepted", "Rejected", "No response"]);
    const first = at.countsFirst + 1;
    const last = at.countsFirst + 5;
    series.forEach((s, i) => {
      const column = "BCDE"[i];
      expect(s.values.formula).toBe(`'Section 0 Summary'!$${column}$${first}:$${column}$${last}`);
      expect(s.categories.formula).toBe(`'Section 0 Summary'!$A$${first}:$A$${last}`);
      const inCells = cells.slice(first - 1, last).map((row) => row[1 + i]);
      expect(s.values.points.map(Number)).toEqual(inCells);
      expect(s.categories.points).toEqual(cells.slice(first - 1, last).map((row) => row[0]));
    });
    // the totals: 53 answers of the example, of which Accepted 33 (seed 002 counts)
    series.forEach((s, i) => expect(s.values.points.map(Number).reduce((a, b) => a + b, 0)).toBe(cells[at.countsTotal][1 + i]));
    expect(cells[at.countsTotal].slice(0, 5)).toEqual(["All recommendations", 33, 15, 1, 4]);
    expect(cells[first - 2].slice(0, 2)).toEqual(["Recommendation", "Units that accepted"]);
  });

  it("still opens in ExcelJS, with the summary's print set-up", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Section 0 Summary")!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: false });
    expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(80);
    expect(ws.pageSetup.printArea).toMatch(/^A1:J\d+$/);
    expect(ws.getCell("A7").font).toMatchObject({ name: "Arial", size: 10 });
    expect(ws.getCell("B6").font).toMatchObject({ name: "Arial", size: 10, bold: true });
  });
});

describe("adding chart parts to a package", () => {
  const spec = (name: string, chart: ChartSpec): SheetSpec => ({
    name,
    cells: [["", "A", "B"], ["one", 1, 2], ["two", 3, 4]],
    styles: [],
    merges: [],
    columnWidths: [10, 10, 10],
    chart,
  });
  const chart: ChartSpec = {
    kind: "bar",
    title: "Implemented",
    categories: { top: 1, left: 0, bottom: 2, right: 0 },
    series: [{ name: "A", values: { top: 1, left: 1, bottom: 2, right: 1 }, color: "#112233" }],
    anchor: { top: 4, left: 0, bottom: 10, right: 3 },
  };
  async function pkg(names: string[]): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    for (const n of names) wb.addWorksheet(n).getCell("A1").value = "x";
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it("quotes a sheet name with spaces and apostrophes in the series formulas", () => {
    expect(rangeFormula("O'Neil's sheet", { top: 1, left: 1, bottom: 2, right: 1 })).toBe("'O''Neil''s sheet'!$B$2:$B$3");
    expect(rangeFormula("Data", { top: 0, left: 0, bottom: 0, right: 0 })).toBe("Data!$A$1:$A$1");
  });

  it("writes clustered bars for kind 'bar', anchored where the spec says", async () => {
    const parts = partsOf(addCharts(await pkg(["Tracker"]), [spec("Tracker", chart)]));
    expect(parts["xl/charts/chart1.xml"]).toContain(`<c:grouping val="clustered"/>`);
    expect(parts["xl/charts/chart1.xml"]).not.toContain("<c:overlap");
    expect(parts["xl/charts/chart1.xml"]).toContain(`<a:srgbClr val="112233"/>`);
    expect(parts["xl/drawings/drawing1.xml"]).toContain(`<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row>`);
    expect(parts["xl/drawings/drawing1.xml"]).toContain(`<xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>11</xdr:row>`);
  });

  it("gives each charted sheet its own chart and drawing, and a second chart on a sheet joins its drawing", async () => {
    const once = addCharts(await pkg(["One", "Two"]), [spec("One", chart), spec("Two", chart), spec("Missing", chart)]);
    const twice = partsOf(addCharts(once, [spec("One", { ...chart, title: "Again" })]));
    expect(Object.keys(twice).filter((p) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(p)).sort()).toEqual([
      "xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml", "xl/drawings/drawing1.xml", "xl/drawings/drawing2.xml",
    ]);
    expect(twice["xl/worksheets/sheet1.xml"].match(/<drawing /g)).toHaveLength(1);
    expect(twice["xl/drawings/drawing1.xml"].match(/<xdr:twoCellAnchor /g)).toHaveLength(2);
    expect(twice["xl/drawings/_rels/drawing1.xml.rels"]).toContain("../charts/chart3.xml");
  });

  it("returns the bytes as they were when no sheet carries a chart", async () => {
    const bytes = await pkg(["One"]);
    expect(addCharts(bytes, [{ ...spec("One", chart), chart: undefined }])).toBe(bytes);
  });
});
