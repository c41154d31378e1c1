/**
 * The reader on the edge cases of workbook XML, one by one, each in a small package written part by part:
 * what a sheet's cells become in the core's grid.
 */

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsxFile, summaryMarkerSheet } from "../../src/cli/xlsx-read";
import { pieceEnd } from "../../src/cli/xlsx/reader";
import type { Sheet } from "../../src/core/grid";
import { cli, tempFolder } from "./files";
import { tinyXlsx, worksheet, type TinyWorkbook } from "./xlsx-build";

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => {
  folder = await tempFolder();
});
afterAll(async () => {
  await folder.remove();
});

let count = 0;
async function read(book: TinyWorkbook) {
  const file = folder.path(`edge-${++count}.xlsx`);
  await writeFile(file, tinyXlsx(book));
  return readXlsxFile(file);
}

/** The rows of the first sheet of a one-sheet workbook. */
async function rowsOf(sheetData: string, more: Omit<TinyWorkbook, "sheets"> = {}): Promise<Sheet["rows"]> {
  return (await read({ sheets: [{ name: "S", xml: sheetData }], ...more })).workbook.sheets[0].rows;
}

describe("reading cells", () => {
  it("decodes entities and character references in shared strings, inline strings and formula results", async () => {
    const rows = await rowsOf(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>&lt;b&gt; &#233;t&#xE9;</t></is></c><c r="C1" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c></row>`,
      { sharedStrings: [`<si><t>R&amp;D &quot;unit&quot; &#x1F600;</t></si>`] },
    );
    expect(rows).toEqual([[`R&D "unit" 😀`, "<b> été", "a&b"]]);
  });

  it("reads texts that cross the 64 KB pieces it streams in: inside a character, a tag, or a text with no tag for a whole piece", async () => {
    // 200,000 two-, three- and four-byte characters in one shared string (no ">" for several pieces), then thousands of
    // cells whose tags and texts fall across piece ends wherever they may
    const long = "é€😀a".repeat(50_000);
    const cells = Array.from({ length: 6000 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>ligne ${i} — ü &amp; 東京</t></is></c><c r="B${i + 2}"><v>${i}.5</v></c></row>`);
    const rows = await rowsOf(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>${cells.join("")}`, { sharedStrings: [`<si><t>${long}</t></si>`] });
    expect(rows[0]).toEqual([long]);
    expect(rows).toHaveLength(6001);
    rows.slice(1).forEach((row, i) => expect(row).toEqual([`ligne ${i} — ü & 東京`, i + 0.5]));
  });

  it("reads a part that starts with a byte-order mark", async () => {
    const rows = await rowsOf(`\uFEFF${worksheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>été</t></is></c></row>`)}`);
    expect(rows).toEqual([["été"]]);
  });

  it("keeps every space of a text, with xml:space=\"preserve\" or without", async () => {
    const rows = await rowsOf(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`, {
      sharedStrings: [`<si><t xml:space="preserve">  Accepted  </t></si>`, `<si><t> Rejected\n</t></si>`],
    });
    expect(rows).toEqual([["  Accepted  ", " Rejected\n"]]);
  });

  it("decodes Excel's _xHHHH_ escapes (_x000D_ a carriage return), and _x005F_ before one as a literal", async () => {
    const rows = await rowsOf(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>tab_x0009_here</t></is></c><c r="C1" t="s"><v>1</v></c></row>`, {
      sharedStrings: [`<si><t>line one_x000D_\nline two</t></si>`, `<si><t>_x005F_x000D_ is how it is written</t></si>`],
    });
    expect(rows).toEqual([["line one\r\nline two", "tab\there", "_x000D_ is how it is written"]]);
  });

  it("joins rich text runs and leaves out phonetic guides", async () => {
    const rows = await rowsOf(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Partially </t></r><r><rPr><b/></rPr><t>accepted</t></r></is></c></row>`, {
      sharedStrings: [`<si><r><t>東京</t></r><r><rPr><b/></rPr><t>都</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>`],
    });
    expect(rows).toEqual([["東京都", "Partially accepted"]]);
  });

  it("reads elements written with a namespace prefix (x:c, x:v ...) as any other", async () => {
    const xml = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>No.</x:t></x:is></x:c><x:c r="B1"><x:v>7</x:v></x:c></x:row></x:sheetData><x:mergeCells count="1"><x:mergeCell ref="C1:D1"/></x:mergeCells></x:worksheet>`;
    const { workbook } = await read({ sheets: [{ name: "S", xml }] });
    expect(workbook.sheets[0].rows).toEqual([["No.", 7]]);
    expect(workbook.sheets[0].merges).toEqual([{ top: 0, left: 2, bottom: 0, right: 3 }]);
  });

  it("gives the cached results of shared formulas, and nothing for a formula with no cached result", async () => {
    const rows = await rowsOf(
      `<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">ROW()*2</f><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/></c><c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C3" t="b"><f>TRUE()</f><v>1</v></c></row>`,
    );
    expect(rows).toEqual([[2], [4], ["", "#DIV/0!", true]]);
  });

  it("places cells without a reference after the one before them, and rows without a number after the row before", async () => {
    const rows = await rowsOf(`<row r="2"><c><v>1</v></c><c><v>2</v></c><c r="E2"><v>5</v></c><c><v>6</v></c></row><row><c><v>7</v></c></row>`);
    expect(rows).toEqual([[], [1, 2, "", "", 5, 6], [7]]);
  });

  it("reads a cell alike whether it has the common form read at once or another the tokenizer reads", async () => {
    const cells = [
      `<c r="A1" s="2" t="s"><v>0</v></c>`, // the common form
      `<c r='B1' t='s'><v>1</v></c>`, // single quotes
      `<c r="C1" t="s" cm="1"><v>1</v></c>`, // another attribute
      `<c r="D1"\n  t="n"><v>4</v></c>`, // a line end between attributes
      `<c r="E1" t="str"><v>a&amp;b</v></c>`, // an entity
      `<c r="F1" t="inlineStr"><is><t>in</t></is></c>`,
      `<c r="G1" s="3"/>`, // no value
      `<c r="H1"></c>`,
      `<c r="I1" s="x1"><v>7</v></c>`, // a style that is no number
      `<c r="J1" t="s"><v> 1</v></c>`, // an index with a space
      `<c r="K1"><f>1+1</f><v>2</v></c>`,
      `<c r="L1" t="e"><v>#DIV/0!</v></c>`,
      `<c r="M1" t="b"><v>1</v></c>`,
      `<c r="N1"><v>12345678901234567890</v></c>`, // past 15 digits
      `<c r="O1" t="x"><v>3</v></c>`, // a type Excel does not write
      `<c r="ZZZZ1" t="s"><v>0</v></c>`, // past the last column: left out
      `<c r="P1" t="s"><v>0</v></c>`,
    ];
    const rows = await rowsOf(`<row r="1">${cells.join("")}</row>`, { sharedStrings: [`<si><t>zero</t></si>`, `<si><t>one</t></si>`] });
    expect(rows).toEqual([["zero", "one", "one", 4, "a&b", "in", "", "", 7, "one", 2, "#DIV/0!", true, 12345678901234567000, 3, "zero"]]);
  });

  it("puts rows and cells written out of order in their places", async () => {
    const rows = await rowsOf(`<row r="3"><c r="B3"><v>32</v></c><c r="A3"><v>31</v></c></row><row r="1"><c r="A1"><v>11</v></c></row>`);
    expect(rows).toEqual([[11], [], [31, 32]]);
  });

  it("does not believe a dimension claiming a million rows and the whole width", async () => {
    const xml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row></sheetData></worksheet>`;
    const started = performance.now();
    const rows = (await read({ sheets: [{ name: "S", xml }] })).workbook.sheets[0].rows;
    expect(rows).toEqual([[1], ["", 2]]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("leaves out cells and rows numbered past Excel's limits (a damaged file), without trying to reach them", async () => {
    const started = performance.now();
    const rows = await rowsOf(`<row r="1"><c r="A1"><v>1</v></c><c r="ZZZZ1"><v>2</v></c></row><row r="99999999999"><c r="A99999999999"><v>3</v></c></row><row r="3"><c r="XFE3"><v>4</v></c><c r="XFD3"><v>5</v></c></row>`);
    expect(rows.length).toBe(3);
    expect(rows[0]).toEqual([1]);
    expect(rows[2].length).toBe(16_384);
    expect(rows[2][16_383]).toBe(5);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("never expands dropdowns or conditional formats over the whole sheet, nor a merged whole column", async () => {
    const after =
      `<mergeCells count="1"><mergeCell ref="C1:C1048576"/></mergeCells>` +
      `<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>` +
      `<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576 C2:C1048576"><formula1>"Yes,No"</formula1></dataValidation></dataValidations>`;
    const { workbook } = await read({ sheets: [{ name: "S", xml: worksheet(`<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="C2"><v>9</v></c></row>`, after) }] });
    expect(workbook.sheets[0].rows).toEqual([[1, "", 3], []]); // C2 lies under the merge: only its top-left cell keeps a value
    expect(workbook.sheets[0].merges).toEqual([{ top: 0, left: 2, bottom: 1_048_575, right: 2 }]);
  });

  it("reads numbers, booleans, errors and ISO dates (t=\"d\") as the core takes them", async () => {
    const rows = await rowsOf(
      `<row r="1"><c r="A1"><v>1.5E3</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#N/A</v></c><c r="D1" t="d"><v>2025-12-31</v></c><c r="E1" t="d"><v>2025-12-31T12:00:00</v></c><c r="F1"><v>NaN</v></c></row>`,
    );
    expect(rows).toEqual([[1500, false, "#N/A", 46022, 46022.5, "#NUM!"]]);
  });

  it("gives dates of a 1904 workbook as serials of the 1900 system, date-formatted cells only", async () => {
    const styles = { numFmts: ['<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'], cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="164"/>', '<xf numFmtId="14"/>', '<xf numFmtId="4"/>'] };
    const sheetData = `<row r="1"><c r="A1" s="1"><v>44561</v></c><c r="B1" s="2"><v>44561</v></c><c r="C1" s="3"><v>44561</v></c><c r="D1"><v>44561</v></c></row>`;
    expect(await rowsOf(sheetData, { styles, date1904: true })).toEqual([[46023, 46023, 44561, 44561]]);
    expect(await rowsOf(sheetData, { styles })).toEqual([[44561, 44561, 44561, 44561]]);
  });

  it("reads hidden and very hidden sheets, leaves out chart sheets, and reads the defined names", async () => {
    const chartsheet = `<?xml version="1.0"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`;
    const loaded = await read({
      sheets: [
        { name: "Visible", xml: `<row r="1"><c r="A1"><v>1</v></c></row>` },
        { name: "Hidden", xml: `<row r="1"><c r="A1"><v>2</v></c></row>`, state: "hidden" },
        { name: "Chart", xml: chartsheet, chart: true },
        { name: "Very hidden", xml: `<row r="1"><c r="A1"><v>3</v></c></row>`, state: "veryHidden" },
      ],
      definedNames: [`<definedName name="ResponseMatrixSummary">'Very hidden'!$A$1</definedName>`, `<definedName name="_xlnm.Print_Titles" localSheetId="0">Visible!$1:$1</definedName>`],
    });
    expect(loaded.workbook.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([["Visible", false], ["Hidden", true], ["Very hidden", true]]);
    expect(summaryMarkerSheet(loaded)).toBe("Very hidden");
    expect(loaded.info?.definedNames).toContainEqual({ name: "_xlnm.Print_Titles", text: "Visible!$1:$1", localSheet: 0 });
  });
});

describe("a zip bomb", () => {
  const bomb = join(process.cwd(), "tests", "fixtures", "xlsx", "zip-bomb.xlsx");

  it("a 300 KB file whose sheet unpacks to 300 MB: exit 2 and one sentence, before unpacking it", async () => {
    const { status, err, out } = await cli("validate", bomb);
    expect(status).toBe(2);
    expect(out).toBe("");
    expect(err).toEqual([
      `The file "${bomb}" unpacks to more than 130 MB (100 MB plus 100 times its size): it is damaged or built to exhaust memory (a zip bomb), and was not read.`,
    ]);
  });

  it("the same file lying about its size in the zip directory: stopped while it unpacks, the same sentence", async () => {
    const bytes = Buffer.from(await readFile(bomb));
    // the central directory entry of the sheet: its uncompressed size (offset 24) set to 1 KB
    const at = bytes.lastIndexOf(Buffer.from("xl/worksheets/sheet1.xml")) - 46;
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    bytes.writeUInt32LE(1024, at + 24);
    const liar = folder.path("lying-bomb.xlsx");
    await writeFile(liar, bytes);
    const started = performance.now();
    const { status, err } = await cli("validate", liar);
    expect(status).toBe(2);
    expect(err[0]).toContain("unpacks to more than 130 MB");
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe("pieceEnd: where a streamed piece of UTF-8 is cut", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it("just after the last >, so that the piece ends where a tag does", () => {
    expect(pieceEnd(bytes("<c><v>1</v></c><c r=\"A2\"><v>2"))).toBe(bytes("<c><v>1</v></c><c r=\"A2\"><v>").length);
  });
  it("with no >, after the last whole character, never inside one", () => {
    expect(pieceEnd(bytes("plain text"))).toBe(10);
    expect(pieceEnd(bytes("été"))).toBe(5); // ends on a whole two-byte character
    const cut = bytes("ét€😀");
    for (let n = 1; n <= cut.length; n++) {
      const end = pieceEnd(cut.subarray(0, n));
      // what is decoded is whole characters of the text, and what is carried starts a character
      expect("ét€😀".startsWith(new TextDecoder("utf-8", { fatal: true }).decode(cut.subarray(0, end)))).toBe(true);
      expect(end).toBeGreaterThanOrEqual(n - 3);
    }
  });
});
