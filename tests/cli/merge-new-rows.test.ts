/**
 * `merge` adding answers for which Responses has no row yet, in a workbook written as the template writes it
 * (Responses an Excel table, dropdowns on its columns, dates formatted): the new rows join the table (its ref and
 * its filter's), the dropdowns reach them, and they take the styles of the row above, so a target date shows as
 * a date. Read back with our own reader and opened with ExcelJS.
 */

import { readFile, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue, MergedRange, Sheet } from "../../src/core/grid";
import { EXAMPLE_TITLE } from "../../src/core/example/seed002";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { templateSheets } from "../../src/core/template";
import { readXlsxFile } from "../../src/cli/xlsx-read";
import { saveWorkbook, workbookOf } from "../../src/cli/xlsx-write";
import { relationshipKind, relationshipsOf } from "../../src/cli/xlsx/package";
import { parseRange } from "../../src/cli/xlsx/reader";
import { spans } from "../../src/cli/xlsx/spans";
import { writeZip, ZipArchive } from "../../src/cli/xlsx/zip";
import { cli, loadXlsx, tempFolder } from "./files";

let folder: Awaited<ReturnType<typeof tempFolder>>;
let book: string;
let merged: string;
let run: Awaited<ReturnType<typeof cli>>;
let partFiles: string[];
/** The table's last row (0-based) in the workbook before the merge. */
let lastRow: number;
const DROPPED = 2;

/** The spec without its last `n` rows: the table, dropdowns, styles and heights end `n` rows higher. */
function withoutLastRows(spec: SheetSpec, n: number): SheetSpec {
  const last = spec.cells.length - 1 - n;
  const clip = (r: MergedRange) => ({ ...r, bottom: Math.min(r.bottom, last) });
  return {
    ...spec,
    cells: spec.cells.slice(0, last + 1),
    styles: spec.styles.map((s) => ({ ...s, range: clip(s.range) })),
    rowHeights: spec.rowHeights?.slice(0, last + 1),
    tables: spec.tables?.map((t) => ({ ...t, range: clip(t.range) })),
    dropdowns: spec.dropdowns?.map((d) => ({ ...d, range: clip(d.range) })),
  };
}

/** A unit fills its part in Excel: `cell(number, header)` finds the cell by recommendation and column header. */
async function fill(path: string, edit: (cell: (number: string, header: string) => ExcelJS.Cell) => void): Promise<void> {
  const wb = await loadXlsx(path);
  const ws = wb.worksheets[0];
  let header = 0;
  ws.eachRow((row, r) => void (header ||= row.getCell(1).value === "No." ? r : 0));
  const headers = ws.getRow(header).values as CellValue[];
  edit((number, name) => {
    let row = 0;
    ws.eachRow((r, i) => void (row ||= i > header && r.getCell(1).value === number ? i : 0));
    return ws.getCell(row, headers.indexOf(name));
  });
  await wb.xlsx.writeFile(path);
}

/** The Responses table's part as our reader finds it: its ref, its filter's ref and the sheet's dropdown ranges. */
async function responsesTable(path: string): Promise<{ ref: MergedRange; filter: MergedRange | null; dropdowns: string[] }> {
  const { archive, info } = await readXlsxFile(path);
  const sheet = info!.sheets.find((s) => s.name === "Responses")!;
  const rel = relationshipsOf(archive, sheet.part!).find((r) => relationshipKind(r.type) === "table")!;
  const all = spans(archive.text(rel.target)!);
  const filter = all.find((s) => s.name === "autoFilter");
  const dropdowns = spans(archive.text(sheet.part!)!).filter((s) => s.name === "dataValidation").map((s) => s.attributes.sqref);
  return { ref: parseRange(all[0].attributes.ref)!, filter: filter ? parseRange(filter.attributes.ref) : null, dropdowns };
}

async function responses(path: string): Promise<Sheet> {
  return (await readXlsxFile(path)).workbook.sheets.find((s) => s.name === "Responses")!;
}

const TARGET = new Date(Date.UTC(2026, 2, 31));

beforeAll(async () => {
  folder = await tempFolder();
  book = folder.path("book.xlsx");
  // seed 002 without its last two answers (recommendation 5 of SDP and SCYCLE): the table ends two rows higher
  const specs = templateSheets({ example: true }).map((s) => (s.name === "Responses" ? withoutLastRows(s, DROPPED) : s));
  await saveWorkbook(workbookOf(specs), book, specs);
  lastRow = specs.find((s) => s.name === "Responses")!.cells.length - 1;

  const parts = folder.path("parts");
  expect((await cli("split", book, "--out-dir", parts)).status).toBe(0);
  const partOf = (unit: string) => `${parts}/${EXAMPLE_TITLE} - ${unit}.xlsx`;
  await fill(partOf("SCYCLE"), (cell) => {
    cell("5", "Acceptance").value = "Accepted";
    cell("5", "Target date").value = TARGET;
  });
  await fill(partOf("SDP"), (cell) => {
    cell("5", "Acceptance").value = "Rejected";
  });
  merged = folder.path("merged.xlsx");
  partFiles = [partOf("SCYCLE"), partOf("SDP")];
  run = await cli("merge", book, ...partFiles, "--out", merged);
});
afterAll(async () => {
  await folder.remove();
});

describe("merge adding rows under the Responses table", () => {
  it("writes the answers into new rows under the last one, in the order of Recommendations and Units", async () => {
    expect(run.err).toEqual([]);
    expect(run.out.split("\n")[1]).toBe("2 of 2 parts merged for the response: 2 rows added, 0 changed, 6 unchanged, 0 conflicting, 0 refused.");
    const rows = (await responses(merged)).rows;
    expect(rows.length).toBe(lastRow + 1 + DROPPED);
    expect(rows.slice(lastRow + 1).map((r) => r.slice(0, 3))).toEqual([
      ["5", "SDP", "Rejected"],
      ["5", "SCYCLE", "Accepted"],
    ]);
  });

  it("the table's ref and its filter's grow over the new rows (our reader), so sorting or filtering the table carries them", async () => {
    const before = await responsesTable(book);
    expect(before.ref.bottom).toBe(lastRow);
    const after = await responsesTable(merged);
    expect(after.ref).toEqual({ ...before.ref, bottom: lastRow + DROPPED });
    expect(after.filter).toEqual({ ...before.filter!, bottom: lastRow + DROPPED });
    // sort-safe: every row holding an answer is inside the table, which is what Excel sorts and filters
    const rows = (await responses(merged)).rows;
    const outside = rows.flatMap((r, i) => (i > after.ref.bottom && r.some((v) => v !== "") ? [i] : []));
    expect(outside).toEqual([]);
    // sorting the table's rows by unit (as Excel does: inside its ref) keeps both new answers
    const body = rows.slice(after.ref.top + 1, after.ref.bottom + 1).sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    expect(body.filter((r) => r[0] === "5" && ["SDP", "SCYCLE"].includes(String(r[1]))).map((r) => r[2]).sort()).toEqual(["Accepted", "Rejected"]);
  });

  it("the dropdowns that covered the table's column rows reach the new rows", async () => {
    const before = await responsesTable(book);
    const after = await responsesTable(merged);
    expect(before.dropdowns.length).toBeGreaterThan(0);
    expect(after.dropdowns).toEqual(before.dropdowns.map((ref) => ref.replace(new RegExp(`${lastRow + 1}$`), String(lastRow + 1 + DROPPED))));
  });

  it("opened with ExcelJS: the table covers the new rows, their cells have the dropdowns and the row above's styles, the date shows as a date", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(merged);
    const ws = wb.getWorksheet("Responses")!;
    const table = ws.getTable("ResponsesTable") as unknown as { table: { tableRef?: string; ref?: string } };
    const ref = table.table.tableRef ?? table.table.ref;
    expect(parseRange(ref!)!.bottom).toBe(lastRow + DROPPED);

    const header = ws.getRow(1).values as CellValue[];
    const col = (name: string) => header.indexOf(name);
    const newRow = lastRow + 1 + DROPPED; // 1-based: SCYCLE's row
    const date = ws.getCell(newRow, col("Target date"));
    expect(date.value).toEqual(TARGET);
    expect(date.numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell(newRow, col("Acceptance")).dataValidation?.type).toBe("list");
    expect(ws.getCell(newRow, col("Status at 6 months")).dataValidation?.type).toBe("list");
    // every cell of the new rows has the style of the cell above (text number, wrapping, alignment)
    for (const r of [newRow - 1, newRow]) {
      for (let c = 1; c <= header.length - 1; c++) {
        expect(ws.getCell(r, c).style, `${r},${c}`).toEqual(ws.getCell(lastRow + 1, c).style);
      }
    }
  });
});

describe("merge adding rows under the Responses table, with conditional formats and dropdowns kept in the sheet's extensions", () => {
  /** The Responses sheet's part in a file. */
  async function sheetPart(path: string): Promise<{ archive: ZipArchive; part: string; xml: string }> {
    const archive = new ZipArchive(await readFile(path));
    const { info } = await readXlsxFile(path);
    const part = info!.sheets.find((s) => s.name === "Responses")!.part!;
    return { archive, part, xml: archive.text(part)! };
  }

  it("extends those that end on the table's last row within its columns, and leaves the others", async () => {
    const { archive, part, xml } = await sheetPart(book);
    const end = lastRow + 1;
    const rules =
      `<conditionalFormatting sqref="C2:C${end} E2:E${end}"><cfRule type="containsBlanks" priority="1"><formula>LEN(TRIM(C2))=0</formula></cfRule></conditionalFormatting>` +
      `<conditionalFormatting sqref="A1:A3"><cfRule type="containsBlanks" priority="2"><formula>LEN(TRIM(A1))=0</formula></cfRule></conditionalFormatting>`;
    const ext =
      `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
      `<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1">` +
      `<x14:formula1><xm:f>Units!$A$2:$A$15</xm:f></x14:formula1><xm:sqref>B2:B${end}</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
    expect(xml).toContain("<dataValidations");
    const patched = xml.replace("<dataValidations", `${rules}<dataValidations`).replace("</worksheet>", `${ext}</worksheet>`);
    const input = folder.path("book-with-rules.xlsx");
    await writeFile(input, writeZip(archive.entries.map((e) => (e.name === part ? { name: e.name, data: Buffer.from(patched, "utf8") } : { name: e.name, from: archive, entry: e }))));
    const out = folder.path("merged-with-rules.xlsx");
    expect((await cli("merge", input, ...partFiles, "--out", out)).status).toBe(0);
    const written = (await sheetPart(out)).xml;
    const grown = end + DROPPED;
    expect(spans(written).filter((s) => s.name === "conditionalFormatting").map((s) => s.attributes.sqref)).toEqual([`C2:C${grown} E2:E${grown}`, "A1:A3"]);
    expect(written).toContain(`<xm:sqref>B2:B${grown}</xm:sqref>`);
  });
});
