/**
 * Writes the catalogue of hostile workbooks (tests/fixtures/hostile/) and its README table.
 * Run `npx tsx scripts/make-hostile-fixtures.ts` after changing it; the files are committed, and
 * tests/hostile/ checks that regenerating them gives the same command-line outcomes.
 */

import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";

type Cell = ExcelJS.CellValue;

export interface HostileFixture {
  file: string;
  /** What is hostile about it. */
  hostile: string;
  /** What the command line does with it, in words (tests/hostile/ asserts it exactly). */
  expected: string;
  make(path: string): Promise<void>;
}

const UNITS: Cell[][] = [
  ["Code", "Name", "Division", "Aliases"],
  ["CWM", "Chemicals and Waste Management Programme", "Planet", ""],
  ["GCP", "Green Development and Climate Change Programme", "Planet", ""],
  ["PTP", "Peacekeeping Training Programme", "Peace", "PTPU"],
];
const RECOMMENDATIONS_HEADER: Cell[] = ["No.", "Recommendation", "Priority", "Category", "Addressed to"];
const RECOMMENDATIONS: Cell[][] = [RECOMMENDATIONS_HEADER, ["1", "Strengthen quality control of data entry.", "High", "Data", "All"]];
const RESPONSES_HEADER: Cell[] = ["No.", "Unit", "Acceptance", "Planned action", "Responsible", "Budget", "Target date", "Status", "Comments"];

/** A complete answer to recommendation 1, with some cells replaced (by column letter). */
function answer(unit: Cell, change: Record<string, Cell> = {}): Cell[] {
  const row: Cell[] = ["1", unit, "Accepted", "Train all staff on the policy.", "Head of unit", "Staff time", "2030-12-31", "Planned", ""];
  for (const [letter, value] of Object.entries(change)) row[letter.charCodeAt(0) - 65] = value;
  return row;
}

/** Excel's limit for the text of one cell, filled with prose that has no sentence end (so nothing shortens it early). */
const EXCEL_MAX_CELL = 32_767;
const LONG_TEXT = "we accept most of this recommendation subject to funding and staff time, ".repeat(500).slice(0, EXCEL_MAX_CELL);

/** Dates in the file's properties fixed, so regenerating changes as little as possible. */
function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "make-hostile-fixtures";
  wb.created = wb.modified = new Date(Date.UTC(2025, 0, 1));
  return wb;
}

function addSheet(wb: ExcelJS.Workbook, name: string, rows: Cell[][], state: ExcelJS.WorksheetState = "visible"): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { state });
  rows.forEach((row, r) => row.forEach((v, c) => v !== "" && v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  return ws;
}

/** The three canonical sheets (names and rows changeable), then `edit` for anything else. */
async function canonical(
  path: string,
  sheets: { units?: Cell[][]; recommendations?: Cell[][]; responses: Cell[][]; names?: [string, string, string] },
  edit?: (wb: ExcelJS.Workbook) => void | Promise<void>,
): Promise<void> {
  const wb = newWorkbook();
  const [units, recs, responses] = sheets.names ?? ["Units", "Recommendations", "Responses"];
  addSheet(wb, units, sheets.units ?? UNITS);
  addSheet(wb, recs, sheets.recommendations ?? RECOMMENDATIONS);
  addSheet(wb, responses, [RESPONSES_HEADER, ...sheets.responses]);
  await edit?.(wb);
  await wb.xlsx.writeFile(path);
}

/** CRC-32 (the zip checksum). */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A valid zip archive holding one stored (uncompressed) file: a zip, but no workbook in it. */
function zipOf(name: string, text: string): Buffer {
  const nameBytes = Buffer.from(name);
  const data = Buffer.from(text);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(local.length + nameBytes.length + data.length, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

/**
 * The start of an OLE compound file, which is what Excel writes for a password-protected (encrypted) workbook
 * and for an old .xls: signature, version 3, little-endian byte order, 512-byte sectors; the rest left empty.
 */
function compoundFileHeader(): Buffer {
  const bytes = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  bytes.writeUInt16LE(0x003e, 24); // minor version
  bytes.writeUInt16LE(0x0003, 26); // major version 3
  bytes.writeUInt16LE(0xfffe, 28); // byte order
  bytes.writeUInt16LE(9, 30); // sector size 2^9
  bytes.writeUInt16LE(6, 32); // mini sector size 2^6
  bytes.fill(0xff, 76, 512); // no FAT sectors listed
  return bytes;
}

/** Bytes that are neither text nor a zip (a fixed pseudo-random sequence). */
function binaryNoise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = 2463534242;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  bytes[0] = 0x00; // not "PK"
  return bytes;
}

export const HOSTILE_FIXTURES: HostileFixture[] = [
  {
    file: "html-in-cells.xlsx",
    hostile: "`<script>alert(1)</script>` as an acceptance and in a recommendation, `<img src=x onerror=alert(1)>` as a planned action, a unit written `<b>PTP</b>`",
    expected: "exit 1: `unknown-acceptance` at C2 quoting the text `alert(1)` (tags stripped), `missing-action` at D3 (the `<img>` is no text at all); `<b>PTP</b>` is the unit PTP",
    make: (path) =>
      canonical(path, {
        recommendations: [RECOMMENDATIONS_HEADER, ["1", "<script>alert(1)</script><p><b>Recommendation 1:</b> Strengthen quality control.</p>", "High", "Data", "All"]],
        responses: [
          answer("CWM", { C: "<script>alert(1)</script>" }),
          answer("GCP", { D: "<img src=x onerror=alert(1)>" }),
          answer("<b>PTP</b>", { D: "<p>Revise the <i>policy</i>.</p>" }),
        ],
      }),
  },
  {
    file: "long-cells.xlsx",
    hostile: "cells of 32,767 characters (Excel's limit): an acceptance, a planned action, comments and a recommendation",
    expected: "exit 1: `unknown-acceptance` at C2, its message quoting the first 100 characters of the cell and an ellipsis; the long action and comments are fine",
    make: (path) =>
      canonical(path, {
        recommendations: [RECOMMENDATIONS_HEADER, ["1", LONG_TEXT, "High", "Data", "All"]],
        responses: [answer("CWM", { C: LONG_TEXT }), answer("GCP", { D: LONG_TEXT, I: LONG_TEXT }), answer("PTP")],
      }),
  },
  {
    file: "formula-errors.xlsx",
    hostile: "Excel error values: `#N/A` as an acceptance, `#REF!` as a target date, a formula whose cached result is `#N/A` as a status, `#DIV/0!` as a budget",
    expected: "exit 1: `unknown-acceptance` at C2 (`#N/A` is not read as N/A), `invalid-date` at G3 and `unknown-status` at H3; the budget has no rule",
    make: (path) =>
      canonical(path, {
        responses: [
          answer("CWM", { C: { error: "#N/A" } as ExcelJS.CellErrorValue }),
          answer("GCP", {
            G: { error: "#REF!" } as ExcelJS.CellErrorValue,
            H: { formula: "VLOOKUP(B3,Units!A:C,3,FALSE)", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue,
          }),
          answer("PTP", { F: { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue }),
        ],
      }),
  },
  {
    file: "non-finite-numbers.xlsx",
    hostile: "number cells holding `NaN` and `Infinity` (as a damaged file can)",
    expected: "exit 0: read as Excel's `#NUM!`; `invalid-date` (a warning) at G3 for the target date, nothing for the budget",
    make: (path) => canonical(path, { responses: [answer("CWM"), answer("GCP", { G: NaN }), answer("PTP", { F: Infinity })] }),
  },
  {
    file: "sheet-names.xlsx",
    hostile: "sheets named `Programme units` and `Management responses` (spaces), and an extra sheet `O'Neil's notes`",
    expected: "exit 1: `missing-response` at `Recommendations!A2` (PTP) and `missing-action` at `'Management responses'!D3`, addresses quoted as Excel does; the notes sheet is not read",
    make: (path) =>
      canonical(
        path,
        { names: ["Programme units", "Recommendations", "Management responses"], responses: [answer("CWM"), answer("GCP", { D: "-" })] },
        (wb) => void addSheet(wb, "O'Neil's notes", [["Note"], ["Call GCP about the action."]]),
      ),
  },
  {
    file: "sheet-names-unrecognised.xlsx",
    hostile: "no sheet called Responses; sheets `Responses (O'Neil)` and `Units 'old' copy`",
    expected: "exit 2: one sentence saying no Responses sheet was found and naming the two sheets",
    make: async (path) => {
      const wb = newWorkbook();
      addSheet(wb, "Responses (O'Neil)", [RESPONSES_HEADER, answer("CWM")]);
      addSheet(wb, "Units 'old' copy", UNITS);
      await wb.xlsx.writeFile(path);
    },
  },
  {
    file: "hidden-sheets.xlsx",
    hostile: "the Units sheet hidden and the Recommendations sheet very hidden (as templates hide their lists)",
    expected: "exit 1: hidden sheets are read like visible ones: the alias PTPU is found in the hidden Units sheet, and `missing-response` points at `Recommendations!A2` (GCP)",
    make: (path) =>
      canonical(path, { responses: [answer("CWM"), answer("PTPU")] }, (wb) => {
        wb.getWorksheet("Units")!.state = "hidden";
        wb.getWorksheet("Recommendations")!.state = "veryHidden";
      }),
  },
  {
    file: "protected-sheets.xlsx",
    hostile: "every sheet protected with a password (sheet protection, not file encryption)",
    expected: "exit 0: read as usual, no problems found",
    make: (path) =>
      canonical(path, { responses: [answer("CWM"), answer("GCP"), answer("PTP")] }, async (wb) => {
        for (const ws of wb.worksheets) await ws.protect("secret", { spinCount: 1000 });
      }),
  },
  {
    file: "huge-used-range.xlsx",
    hostile: "a used range reaching row 1,048,576 and column XFD (16,384) with few values: a note at M1048576, a stray `x` at XFD3",
    expected: "exit 1 within seconds: `missing-action` at D3 (GCP's `TBD`), nothing about the far cells",
    make: (path) =>
      canonical(path, { responses: [answer("CWM"), answer("GCP", { D: "TBD" }), answer("PTP")] }, (wb) => {
        const ws = wb.getWorksheet("Responses")!;
        ws.getCell("M1048576").value = "End of form";
        ws.getCell("XFD3").value = "x";
      }),
  },
  {
    file: "empty-workbook.xlsx",
    hostile: "a workbook with no sheets at all",
    expected: "exit 2: one sentence saying no Responses sheet was found (the workbook has no sheets)",
    make: (path) => newWorkbook().xlsx.writeFile(path),
  },
  {
    file: "empty-responses.xlsx",
    hostile: "Units and Recommendations filled in, the Responses sheet empty",
    expected: "exit 2: one sentence saying the Responses sheet has no header row with No., Unit and Acceptance",
    make: async (path) => {
      const wb = newWorkbook();
      addSheet(wb, "Units", UNITS);
      addSheet(wb, "Recommendations", RECOMMENDATIONS);
      addSheet(wb, "Responses", []);
      await wb.xlsx.writeFile(path);
    },
  },
  {
    file: "csv-renamed.xlsx",
    hostile: "a CSV text file named .xlsx",
    expected: "exit 2: one sentence saying the file is text, perhaps a CSV renamed, and to save it as .xlsx",
    make: (path) => writeFile(path, "No.,Unit,Acceptance\r\n1,CWM,Accepted\r\n1,GCP,Rejected\r\n"),
  },
  {
    file: "password-protected.xlsx",
    hostile: "a password-protected (encrypted) workbook: an OLE compound file, not a zip (this stand-in holds the header only)",
    expected: "exit 2: one sentence saying the file is password-protected or an old .xls, and what to do",
    make: (path) => writeFile(path, compoundFileHeader()),
  },
  {
    file: "corrupt-zip.xlsx",
    hostile: "a real workbook cut off halfway (a broken download or e-mail attachment)",
    expected: "exit 2: one sentence saying the file is damaged or incomplete",
    make: async (path) => {
      const wb = newWorkbook();
      addSheet(wb, "Responses", [RESPONSES_HEADER, answer("CWM")]);
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());
      await writeFile(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    },
  },
  {
    file: "zip-without-workbook.xlsx",
    hostile: "a valid zip archive holding only a text file",
    expected: "exit 2: one sentence (no workbook inside: no Responses sheet)",
    make: (path) => writeFile(path, zipOf("readme.txt", "This archive holds no workbook.\n")),
  },
  {
    file: "binary-noise.xlsx",
    hostile: "4 KB of bytes that are neither text nor a zip",
    expected: "exit 2: one sentence saying the file is not an Excel .xlsx workbook",
    make: (path) => writeFile(path, binaryNoise(4096)),
  },
  {
    file: "empty-file.xlsx",
    hostile: "a file of 0 bytes",
    expected: "exit 2: one sentence saying the file is empty",
    make: (path) => writeFile(path, ""),
  },
];

/** The README of the catalogue: what each file is and what the command line does with it. */
export function catalogueReadme(): string {
  const rows = HOSTILE_FIXTURES.map((f) => `| \`${f.file}\` | ${f.hostile} | ${f.expected} |`);
  return [
    "# Hostile workbooks",
    "",
    "Files that have broken spreadsheet tools before, each with what `response-matrix validate <file>` must do with it.",
    "`tests/hostile/hostile.test.ts` asserts each outcome exactly (exit status, the stderr sentence or the findings),",
    "and that regenerating the files gives the same outcomes. Written by `npx tsx scripts/make-hostile-fixtures.ts`",
    "(which also writes this page); do not edit them by hand.",
    "",
    "Exit 2 always comes with one sentence on stderr and never a stack trace; nothing here may hang.",
    "",
    "| file | what is hostile | expected outcome |",
    "|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}

/** Writes every fixture and the README into `dir`. */
export async function makeHostileFixtures(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const fixture of HOSTILE_FIXTURES) await fixture.make(join(dir, fixture.file));
  await writeFile(join(dir, "README.md"), catalogueReadme());
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = resolve("tests/fixtures/hostile");
  await makeHostileFixtures(dir);
  console.log(`Wrote ${HOSTILE_FIXTURES.length} hostile workbooks and README.md to tests/fixtures/hostile/.`);
}
