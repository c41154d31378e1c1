/**
 * The differential test of the reader: every workbook under tests/fixtures (ours, the hostile ones, and the corpus
 * of real files written by Excel, LibreOffice, Google Sheets and others) read by our reader and by ExcelJS gives
 * the same grids: sheet names and order, every cell value, merged ranges, hidden sheets. The differences are
 * listed below, each with why ExcelJS is wrong there; any other difference fails.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CellValue, MergedRange, Workbook } from "../../src/core/grid";
import { FileError, readXlsxFile } from "../../src/cli/xlsx-read";
import { excelJsGrid } from "./exceljs-grid";

const FIXTURES = join(process.cwd(), "tests", "fixtures");

/** A cell where ExcelJS reads something other than what the file holds: file, sheet, cells, ExcelJS's value, ours. */
interface KnownDifference {
  file: string;
  sheet: string;
  cells: string[];
  excelJs: CellValue;
  ours: CellValue;
  why: string;
}

const shared877 = ["J5:J34", "J36"].flatMap((r) => {
  const [from, to = from] = r.split(":").map((a) => Number(a.slice(1)));
  return Array.from({ length: to - from + 1 }, (_, i) => `J${from + i}`);
});

const KNOWN: KnownDifference[] = [
  ...["test-issue-877.xlsx", "test-issue-880.xlsx"].map((file) => ({
    file,
    sheet: "Ersatzteilliste",
    cells: shared877,
    excelJs: "" as CellValue,
    ours: 0 as CellValue,
    why: "formulas (SUM(F5-I5) and the shared ones below it) whose cached result is <v>0</v>: ExcelJS drops a result of 0",
  })),
  {
    file: "test-issue-877.xlsx",
    sheet: "Handlungsanweisung",
    cells: ["A1"],
    excelJs: "mailto:doku@allessafe.de",
    ours: "",
    why: "an empty cell (<c r=\"A1\" s=\"22\"/>) with a hyperlink: ExcelJS makes the link's address its value",
  },
];

/** Every .xlsx under tests/fixtures except the zip bomb (tested on its own: ExcelJS would unpack its 300 MB). */
function fixtureFiles(): string[] {
  return ["xlsx-corpus", "xlsx", "hostile"].flatMap((folder) =>
    readdirSync(join(FIXTURES, folder))
      .filter((f) => f.endsWith(".xlsx") && f !== "zip-bomb.xlsx")
      .map((f) => join(FIXTURES, folder, f)),
  );
}

function cellRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return { row: Number(m[2]) - 1, col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1 };
}

/** Merged ranges in a fixed order (ExcelJS keeps them in a map, our reader in file order). */
const sortedMerges = (m: MergedRange[] | undefined) => [...(m ?? [])].sort((a, b) => a.top - b.top || a.left - b.left);

describe("our reader and ExcelJS read the same grids", () => {
  const files = fixtureFiles();

  it("covers the corpus of real files and our own fixtures", () => {
    expect(files.filter((f) => f.includes("xlsx-corpus")).length).toBe(36);
    expect(files.length).toBeGreaterThan(50);
  });

  for (const file of files) {
    const name = file.slice(FIXTURES.length + 1);
    it(name, async () => {
      const theirs = await excelJsGrid(readFileSync(file));
      let ours: Workbook;
      try {
        ours = (await readXlsxFile(file)).workbook;
      } catch (e) {
        expect(e).toBeInstanceOf(FileError);
        // refused by both: not a zip, cut off, or XML that is not well-formed
        expect(theirs, `ExcelJS reads ${name}, which our reader refuses`).toHaveProperty("error");
        return;
      }
      expect(theirs, `ExcelJS refuses ${name}`).not.toHaveProperty("error");
      const expected = theirs as Workbook;
      const base = name.split("/").pop()!;
      for (const known of KNOWN.filter((k) => k.file === base)) {
        const sheet = expected.sheets.find((s) => s.name === known.sheet)!;
        for (const ref of known.cells) {
          const { row, col } = cellRef(ref);
          expect(sheet.rows[row]?.[col] ?? "", `${base} ${known.sheet}!${ref} as ExcelJS reads it`).toEqual(known.excelJs);
          const cells = (sheet.rows[row] ??= []);
          while (cells.length < col) cells.push("");
          cells[col] = known.ours;
          while (cells.length && cells[cells.length - 1] === "") cells.pop();
        }
        while (sheet.rows.length && sheet.rows[sheet.rows.length - 1].length === 0) sheet.rows.pop();
      }
      expect(ours.sheets.map((s) => s.name)).toEqual(expected.sheets.map((s) => s.name));
      ours.sheets.forEach((sheet, i) => {
        const other = expected.sheets[i];
        expect(sheet.rows, `${sheet.name}: cells`).toEqual(other.rows);
        expect(sortedMerges(sheet.merges), `${sheet.name}: merged ranges`).toEqual(sortedMerges(other.merges));
        expect(sheet.hidden ?? false, `${sheet.name}: hidden`).toBe(other.hidden ?? false);
      });
    });
  }
});
