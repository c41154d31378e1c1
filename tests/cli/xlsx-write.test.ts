/**
 * Writing without loss: for every test workbook, a copy with sheets added (or cells set) holds every part of the
 * input unchanged except the parts the change had to rewrite; the new sheets read back as their specs say; and
 * every copy opens in LibreOffice (headless conversion to PDF, showing the new sheet).
 */

import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileError, readXlsxFile, type LoadedWorkbook } from "../../src/cli/xlsx-read";
import { writeWorkbookChanges } from "../../src/cli/xlsx-write";
import type { CellValue, Sheet } from "../../src/core/grid";
import { readWorkbook } from "../../src/core/read";
import type { CellStyle, SheetSpec } from "../../src/core/sheet-spec";
import { section0Summary } from "../../src/core/summary/index";
import { templateSheets } from "../../src/core/template";
import { validate } from "../../src/core/validate";
import { ZipArchive } from "../../src/cli/xlsx/zip";
import { expectChartOfSpec } from "./chart-series";
import { cli, tempFolder } from "./files";
import { tinyXlsx } from "./xlsx-build";

const run = promisify(execFile);
const FIXTURES = join(process.cwd(), "tests", "fixtures");

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => {
  folder = await tempFolder();
});
afterAll(async () => {
  await folder.remove();
});

/** Two sheets that between them use every field of a SheetSpec: the example's summary and its Responses table. */
function addedSpecs(): SheetSpec[] {
  const sheets = templateSheets({ example: true });
  const matrix = readWorkbook({ sheets: sheets.map((s) => ({ name: s.name, rows: s.cells })) }, { asOf: "2025-06-30" });
  const summary = { ...section0Summary(matrix, validate(matrix), { by: "division", generated: "2025-06-30" }), name: "Added summary" };
  const table = { ...sheets.find((s) => s.name === "Responses")!, name: "Added table" };
  table.tables = table.tables!.map((t) => ({ ...t, name: "ResponsesTable" })); // the name the template's own table has
  return [summary, table];
}

/** The style a spec gives a cell: its styles covering the cell, later ones winning property by property. */
function styleAt(spec: SheetSpec, row: number, col: number): CellStyle {
  const out: Record<string, unknown> = {};
  for (const { range, style } of spec.styles) {
    if (row < range.top || row > range.bottom || col < range.left || col > range.right) continue;
    for (const [k, v] of Object.entries(style)) if (v !== undefined) out[k] = v;
  }
  return out as CellStyle;
}

/** Rows with trailing empty cells and rows dropped, as a spec and the grid read back compare. */
function trimmed(rows: readonly (readonly CellValue[])[]): CellValue[][] {
  const out = rows.map((r) => {
    const row = [...r];
    while (row.length && (row[row.length - 1] === "" || row[row.length - 1] === undefined)) row.pop();
    return row;
  });
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** The parts of a package by name, inflated. */
function partsOf(file: string): Map<string, Buffer> {
  const archive = new ZipArchive(readFileSync(file));
  return new Map(archive.entries.map((e) => [e.name, archive.read(e.name)!]));
}

/** Parts of the output that differ from the input's, parts added, parts gone. */
function partChanges(input: string, output: string): { changed: string[]; added: string[]; removed: string[] } {
  const before = partsOf(input);
  const after = partsOf(output);
  return {
    changed: [...before].filter(([n, b]) => after.has(n) && !after.get(n)!.equals(b)).map(([n]) => n).sort(),
    added: [...after.keys()].filter((n) => !before.has(n)).sort(),
    removed: [...before.keys()].filter((n) => !after.has(n)).sort(),
  };
}

/** The parts a sheet addition may rewrite: content types, the workbook, its relationships, and the styles. */
function mayChange(loaded: LoadedWorkbook): string[] {
  const wb = loaded.info!.part;
  const styles = loaded.info!.relationships.find((r) => r.type.endsWith("/styles"))?.target;
  return ["[Content_Types].xml", wb, wb.replace(/([^/]*)$/, "_rels/$1.rels"), ...(styles ? [styles] : [])];
}

/** Every .xlsx under tests/fixtures that our reader reads (the others cannot be changed, only refused). */
function readableFixtures(): string[] {
  return ["xlsx-corpus", "xlsx", "hostile"]
    .flatMap((folder) => readdirSync(join(FIXTURES, folder)).filter((f) => f.endsWith(".xlsx") && f !== "zip-bomb.xlsx").map((f) => join(FIXTURES, folder, f)))
    .filter((f) => !/(invalid-xml|csv-renamed|binary-noise|corrupt-zip|empty-file|password-protected|missing-bits|zip-without-workbook)\.xlsx$/.test(f));
}

/** Output files for the LibreOffice check, with a text their new sheet shows. */
const written: { file: string; shows: string }[] = [];

describe("adding sheets to every test workbook keeps every other part byte for byte", () => {
  const specs = addedSpecs();

  for (const input of readableFixtures()) {
    const name = input.slice(FIXTURES.length + 1);
    it(name, async () => {
      const loaded = await readXlsxFile(input);
      const out = folder.path(`added-${basename(input)}`);
      await writeWorkbookChanges(loaded, out, { sheets: specs.map((spec) => ({ spec, replaces: false })) });

      const { changed, added, removed } = partChanges(input, out);
      expect(removed).toEqual([]);
      expect(changed.filter((p) => !mayChange(loaded).includes(p)), "parts rewritten that the change did not need").toEqual([]);
      expect(added.every((p) => /^xl\/(worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|tables\/table\d+\.xml|styles\.xml|_rels\/workbook\.xml\.rels|charts\/chart\d+\.xml|drawings\/(_rels\/)?drawing\d+\.xml(\.rels)?)$/.test(p)), added.join(", ")).toBe(true);
      // the summary's chart: one chart part, in one drawing of its own, numbered after the workbook's own
      const charts = added.filter((p) => p.startsWith("xl/charts/"));
      const drawings = added.filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
      expect([charts.length, drawings.length]).toEqual([1, 1]);
      expect(added).toContain(drawings[0].replace("drawings/", "drawings/_rels/") + ".rels");
      const outParts = partsOf(out);
      expectChartOfSpec(outParts.get(charts[0])!.toString(), specs[0]);
      expect(outParts.get(drawings[0].replace("drawings/", "drawings/_rels/") + ".rels")!.toString()).toContain(`Target="../charts/${charts[0].slice("xl/charts/".length)}"`);

      // the input's sheets read back the same, the new ones as their specs say
      const again = await readXlsxFile(out);
      expect(again.workbook.sheets.slice(0, loaded.workbook.sheets.length)).toEqual(loaded.workbook.sheets);
      expect(again.workbook.sheets.slice(loaded.workbook.sheets.length).map((s) => s.name)).toEqual(specs.map((s) => s.name));
      for (const spec of specs) {
        const sheet = again.workbook.sheets.find((s) => s.name === spec.name) as Sheet;
        expect(trimmed(sheet.rows), spec.name).toEqual(trimmed(spec.cells));
        expect(sheet.merges).toEqual(spec.merges);
      }
      // LibreOffice would print all 20,000 pages of a used range reaching row 1,048,576: not a check of this copy
      if (!name.endsWith("huge-used-range.xlsx")) written.push({ file: out, shows: "Section 0" });
    });
  }

  it("refuses, in a sentence, a package that holds no workbook part", async () => {
    for (const file of ["xlsx-corpus/missing-bits.xlsx", "hostile/zip-without-workbook.xlsx"]) {
      const loaded = await readXlsxFile(join(FIXTURES, file));
      await expect(writeWorkbookChanges(loaded, folder.path("none.xlsx"), { sheets: [{ spec: specs[0], replaces: false }] })).rejects.toThrow(
        "holds no workbook part, so nothing can be added to it; open it in Excel and save it again.",
      );
    }
    expect(existsSync(folder.path("none.xlsx"))).toBe(false);
  });

  it("ExcelJS reads a copy back: values, styles, merges, heights, frozen rows, table, dropdowns, print set-up, names", async () => {
    const out = written.find((w) => w.file.endsWith("added-chart-on-units.xlsx"))!.file;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const summary = wb.getWorksheet("Added summary")!;
    const spec = specs[0];
    const header = spec.cells.findIndex((r) => r[0] === "Recommendation");
    const style = styleAt(spec, header, 1);
    const cell = summary.getCell(header + 1, 2);
    expect(cell.value).toBe(spec.cells[header][1]);
    expect(cell.font?.bold).toBe(style.bold);
    expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill!.slice(1)}` } });
    expect(cell.alignment).toMatchObject({ wrapText: style.wrap, vertical: style.vertical, horizontal: style.horizontal });
    expect(summary.getCell(1, 1).font?.size).toBe(14);
    // the sheet's one named font (not the workbook's Calibri), on its empty cells too
    expect(summary.getCell(1, 1).font?.name).toBe(spec.font!.name);
    expect(summary.getCell(header + 1, 2).font?.name).toBe(spec.font!.name);
    expect(summary.getCell(5, 1).font).toMatchObject({ name: spec.font!.name, size: spec.font!.size });
    expect(Object.keys((summary as unknown as { _merges: object })._merges).length).toBe(spec.merges.length);
    const tall = spec.rowHeights!.findIndex((h) => h > 0);
    expect(summary.getRow(tall + 1).height).toBe(spec.rowHeights![tall]);
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: spec.freezeRows });
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: false, scale: spec.print!.scale, margins: spec.print!.margins });
    expect(summary.pageSetup.printArea).toBe(`A1:${String.fromCharCode(65 + spec.print!.area!.right)}${spec.print!.area!.bottom + 1}`);
    const rate = spec.styles.find((s) => s.style.numberFormat === "0%")!.range;
    expect(summary.getCell(rate.top + 1, rate.left + 1).numFmt).toBe("0%");

    const table = wb.getWorksheet("Added table")!;
    // the workbook already has a table of that name: ours is renamed
    expect(table.getTables().map((t) => (t as unknown as { table: { name: string } }).table.name)).toEqual(["ResponsesTable2"]);
    const validations = (table as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[]; errorStyle: string }> } }).dataValidations.model;
    expect(validations.C2).toMatchObject({ type: "list", errorStyle: "warning", formulae: ['"Accepted,Partially accepted,Rejected,No response,Not applicable"'] });
    expect(table.getColumn(4).width).toBe(specs[1].columnWidths[3]);
    expect(table.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    const titles = specs[1].print!.repeatRows!;
    expect(table.pageSetup.printTitlesRow).toBe(`${titles.first + 1}:${titles.last + 1}`);
  });
});

describe("summary on workbooks with what we do not model", () => {
  it("keeps the chart on Units (drawing, chart parts), the comment and the custom properties; adds only its sheet", async () => {
    const input = join(FIXTURES, "xlsx", "chart-on-units.xlsx");
    const out = folder.path("chart-summary.xlsx");
    expect((await cli("summary", input, "--out", out, "--as-of", "2025-06-30")).status).toBe(0);
    const { changed, added, removed } = partChanges(input, out);
    expect(removed).toEqual([]);
    expect(changed).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml"]);
    // its sheet, and its chart numbered after the workbook's own chart1 and drawing1
    expect(added).toEqual(["xl/charts/chart2.xml", "xl/drawings/_rels/drawing2.xml.rels", "xl/drawings/drawing2.xml", "xl/worksheets/_rels/sheet4.xml.rels", "xl/worksheets/sheet4.xml"]);
    const parts = partsOf(out);
    for (const p of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/comments1.xml", "docProps/custom.xml"]) expect(parts.has(p), p).toBe(true);
    written.push({ file: out, shows: "Units per division" });
  });

  it("summarises a workbook with whole-sheet and whole-column dropdowns quickly, keeping them", async () => {
    const input = join(FIXTURES, "xlsx", "whole-sheet-dropdowns.xlsx");
    const out = folder.path("dropdowns-summary.xlsx");
    const started = performance.now();
    expect((await cli("summary", input, "--out", out, "--as-of", "2025-06-30")).status).toBe(0);
    expect(performance.now() - started).toBeLessThan(10_000);
    const { changed } = partChanges(input, out);
    expect(changed).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml"]);
    expect(partsOf(out).get("xl/worksheets/sheet1.xml")!.toString()).toContain('sqref="A1:XFD1048576"');
    written.push({ file: out, shows: "Section 0" });
  });

  it("a second summary replaces its own sheet in place: only that part changes (its styles are there already)", async () => {
    const first = folder.path("chart-summary.xlsx");
    const second = folder.path("chart-summary-again.xlsx");
    const { status, out } = await cli("summary", first, "--out", second, "--as-of", "2025-07-31");
    expect(status).toBe(0);
    expect(out).toContain("(replacing the earlier summary)");
    const { changed, added, removed } = partChanges(first, second);
    expect(removed).toEqual([]);
    expect(added).toEqual([]);
    expect(changed).toEqual(["xl/worksheets/sheet4.xml"]);
    const { info } = await readXlsxFile(second);
    const names = info!.definedNames;
    expect(names.filter((n) => n.name === "ResponseMatrixSummary")).toEqual([{ name: "ResponseMatrixSummary", text: "'Section 0 Summary'!$A$1" }]);
    const index = info!.sheets.findIndex((s) => s.name === "Section 0 Summary");
    // the print area (the summary's print set-up) replaced with the sheet, not doubled
    expect(names.filter((n) => n.name === "_xlnm.Print_Area" && n.localSheet === index)).toHaveLength(1);
  });
});

describe("setting cells of an existing sheet", () => {
  it("rewrites only the sheet's part: a cell replaced (its style kept), one added to a row, a new row; the chart stays", async () => {
    const input = join(FIXTURES, "xlsx", "chart-on-units.xlsx");
    const loaded = await readXlsxFile(input);
    const out = folder.path("cells.xlsx");
    await writeWorkbookChanges(loaded, out, {
      cells: [
        { sheet: "Responses", row: 1, col: 2, value: "Accepted" },
        { sheet: "Responses", row: 1, col: 13, value: 46022 },
        { sheet: "Responses", row: 60, col: 0, value: "6" },
        { sheet: "Responses", row: 60, col: 1, value: "CWM" },
        { sheet: "Units", row: 0, col: 20, value: true },
      ],
    });
    const { changed, added, removed } = partChanges(input, out);
    expect([changed, added, removed]).toEqual([["xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml"], [], []]);
    const responses = (await readXlsxFile(out)).workbook.sheets.find((s) => s.name === "Responses")!;
    const before = loaded.workbook.sheets.find((s) => s.name === "Responses")!;
    expect(responses.rows[1][2]).toBe("Accepted");
    expect(responses.rows[1][13]).toBe(46022);
    expect(responses.rows[60]).toEqual(["6", "CWM"]);
    expect(responses.rows.slice(2, 54)).toEqual(before.rows.slice(2, 54));
    const styleOf = (file: string) => /<c r="C2"( s="\d+")?/.exec(partsOf(file).get("xl/worksheets/sheet3.xml")!.toString())?.[1];
    expect(styleOf(out)).toBe(styleOf(input));
    written.push({ file: out, shows: "Units per division" });
  });

  it("sets cells of a sheet with dropdowns down to its bottom quickly, the dropdowns kept", async () => {
    const input = join(FIXTURES, "xlsx", "whole-sheet-dropdowns.xlsx");
    const out = folder.path("dropdown-cells.xlsx");
    const started = performance.now();
    await writeWorkbookChanges(await readXlsxFile(input), out, { cells: [{ sheet: "Responses", row: 1, col: 2, value: "Rejected" }] });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(partChanges(input, out).changed).toEqual(["xl/worksheets/sheet3.xml"]);
    const responses = partsOf(out).get("xl/worksheets/sheet3.xml")!.toString();
    expect(responses).toContain('sqref="C2:C1048576"');
    expect((await readXlsxFile(out)).workbook.sheets[2].rows[1][2]).toBe("Rejected");
    written.push({ file: out, shows: "Rejected" });
  });

  it("writes into sheets with prefixed elements with their prefix, and refuses a sheet the workbook lacks", async () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const input = folder.path("prefixed.xlsx");
    await writeFile(input, tinyXlsx({ sheets: [{ name: "S", xml }] }));
    const out = folder.path("prefixed-cells.xlsx");
    const loaded = await readXlsxFile(input);
    await writeWorkbookChanges(loaded, out, { cells: [{ sheet: "S", row: 1, col: 0, value: "a" }, { sheet: "S", row: 0, col: 0, value: 2 }, { sheet: "S", row: 4, col: 2, value: "c" }] });
    const sheetXml = partsOf(out).get("xl/worksheets/sheet1.xml")!.toString();
    expect(sheetXml).toContain(`<x:row r="1"><x:c r="A1"><x:v>2</x:v></x:c></x:row><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t xml:space="preserve">a</x:t></x:is></x:c><x:c r="B2">`);
    expect((await readXlsxFile(out)).workbook.sheets[0].rows).toEqual([[2], ["a", 1], [], [], ["", "", "c"]]);
    await expect(writeWorkbookChanges(loaded, folder.path("no.xlsx"), { cells: [{ sheet: "Nope", row: 0, col: 0, value: 1 }] })).rejects.toThrow(FileError);
    expect(existsSync(folder.path("no.xlsx"))).toBe(false);
  });

  it("overwriting a formula drops the calculation chain; a cell other formulas share from is refused with a sentence", async () => {
    const input = join(FIXTURES, "xlsx-corpus", "fibonacci.xlsx");
    const loaded = await readXlsxFile(input);
    const sheet = loaded.workbook.sheets[0].name;
    const out = folder.path("fibonacci-cells.xlsx");
    const xml = partsOf(input).get("xl/worksheets/sheet1.xml")!.toString();
    const formulaCell = /<c r="([A-Z]+\d+)"[^>]*><f>/.exec(xml)![1];
    const m = /^([A-Z]+)(\d+)$/.exec(formulaCell)!;
    await writeWorkbookChanges(loaded, out, { cells: [{ sheet, row: Number(m[2]) - 1, col: m[1].charCodeAt(0) - 65, value: 0 }] });
    const { removed } = partChanges(input, out);
    expect(removed).toEqual(["xl/calcChain.xml"]);
    expect(partsOf(out).get("xl/_rels/workbook.xml.rels")!.toString()).not.toContain("calcChain");
    expect(partsOf(out).get("[Content_Types].xml")!.toString()).not.toContain("calcChain");
    written.push({ file: out, shows: "" });

    const shared = join(FIXTURES, "xlsx-corpus", "test-issue-877.xlsx");
    const sharedXml = partsOf(shared).get("xl/worksheets/sheet2.xml")!.toString();
    const master = /<c r="([A-Z]+)(\d+)"[^>]*><f t="shared" ref=/.exec(sharedXml)!;
    const book = await readXlsxFile(shared);
    await expect(
      writeWorkbookChanges(book, folder.path("shared.xlsx"), { cells: [{ sheet: "Ersatzteilliste", row: Number(master[2]) - 1, col: master[1].charCodeAt(0) - 65, value: 1 }] }),
    ).rejects.toThrow(`holds a formula other cells share, so it cannot be overwritten`);
  });
});

describe("LibreOffice opens every copy", () => {
  it("converts each to PDF (headless), the new sheet in it", { timeout: 600_000 }, async () => {
    expect(written.length).toBeGreaterThan(45);
    const soffice = ["soffice", "libreoffice"].find((c) => ["/usr/bin", "/usr/local/bin", "/opt/libreoffice/program"].some((d) => existsSync(join(d, c))));
    expect(soffice, "LibreOffice is needed for this test: apt-get install libreoffice-calc poppler-utils").toBeDefined();
    const pdfs = join(folder.dir, "pdf");
    // its own profile, so that another LibreOffice running on the machine does not take the conversion over
    const profile = `-env:UserInstallation=file://${join(folder.dir, "lo-profile")}`;
    await run(soffice!, [profile, "--headless", "--convert-to", "pdf", "--outdir", pdfs, ...written.map((w) => w.file)], { timeout: 580_000, maxBuffer: 16 * 1024 * 1024 });
    for (const { file, shows } of written) {
      const pdf = join(pdfs, basename(file).replace(/\.xlsx$/, ".pdf"));
      expect(existsSync(pdf), `${basename(file)} did not convert`).toBe(true);
      if (shows) expect((await run("pdftotext", [pdf, "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout, basename(file)).toContain(shows);
    }
  });
});
