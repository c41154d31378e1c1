/**
 * The round trip through the command line on the seed 002 example: `split` writes 14 protected part files,
 * units fill some of them (as Excel would: sorting rows, renaming the sheet, removing the protection and pasting),
 * `merge` brings the answers back with a Merge log, and the follow-up round fills only its status column.
 */

import { readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CellValue, Sheet } from "../../src/core/grid";
import { EXAMPLE_TITLE } from "../../src/core/example/seed002";
import { MERGE_LOG_TITLE } from "../../src/core/round-trip/log";
import { readMarker } from "../../src/core/round-trip/marker";
import { ACCEPTANCES, STATUSES } from "../../src/core/vocabulary";
import { readXlsxFile } from "../../src/cli/xlsx-read";
import { cli, loadXlsx, tempFolder } from "./files";

let folder: Awaited<ReturnType<typeof tempFolder>>;
let book: string;
const UNITS = ["CITSU", "PTP", "PMCP", "SDP", "A2030", "CWM", "GCP", "SCYCLE", "NYO", "MDP", "UNOSAT", "HO", "PFTP", "NDC"];
const fileOf = (dir: string, unit: string) => join(dir, `${EXAMPLE_TITLE} - ${unit}.xlsx`);

beforeAll(async () => {
  folder = await tempFolder();
  book = folder.path("book.xlsx");
  expect((await cli("template", "--example", "--out", book)).status).toBe(0);
});
afterAll(async () => {
  await folder.remove();
});

/** Edits a part file as a unit would in Excel: `cell(number, header)` finds the cell by recommendation and column header. */
async function editPart(path: string, edit: (ws: ExcelJS.Worksheet, cell: (number: string, header: string) => ExcelJS.Cell) => void, to = path): Promise<void> {
  const wb = await loadXlsx(path);
  const ws = wb.worksheets[0];
  const header = findRow(ws, (r) => r.getCell(1).value === "No.");
  const cell = (number: string, name: string) => {
    const row = findRow(ws, (r) => r.number > header && r.getCell(1).value === number);
    const headers = ws.getRow(header).values as CellValue[];
    return ws.getCell(row, headers.indexOf(name));
  };
  edit(ws, cell);
  await wb.xlsx.writeFile(to);
}

function findRow(ws: ExcelJS.Worksheet, test: (row: ExcelJS.Row) => boolean): number {
  for (let r = 1; r <= ws.rowCount; r++) if (test(ws.getRow(r))) return r;
  throw new Error("row not found");
}

/** Reverses the part's table rows (values only), as sorting them in Excel does. */
function reverseRows(ws: ExcelJS.Worksheet): void {
  const header = findRow(ws, (r) => r.getCell(1).value === "No.");
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = header + 1; r <= ws.rowCount; r++) rows.push(Array.from({ length: 14 }, (_, c) => ws.getCell(r, c + 1).value));
  rows.reverse().forEach((values, i) => values.forEach((v, c) => (ws.getCell(header + 1 + i, c + 1).value = v)));
}

async function grid(path: string, sheet: string): Promise<Sheet> {
  const found = (await readXlsxFile(path)).workbook.sheets.find((s) => s.name === sheet);
  if (!found) throw new Error(`no sheet ${sheet}`);
  return found;
}

/** The Responses row of a recommendation and unit. */
function rowOf(responses: Sheet, number: string, unit: string): number {
  return responses.rows.findIndex((r) => String(r[0]) === number && r[1] === unit);
}

describe("split", () => {
  let parts: string;
  beforeAll(async () => {
    parts = folder.path("parts");
    const run = await cli("split", book, "--out-dir", parts);
    expect(run.err).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.out.split("\n")[0]).toBe(`Wrote 14 parts for the response to ${parts}:`);
  });

  it("writes 14 workbooks named '<evaluation> - <unit>.xlsx', each with exactly its unit's recommendations (CITSU's only 3)", async () => {
    expect((await readdir(parts)).sort()).toEqual(UNITS.map((u) => `${EXAMPLE_TITLE} - ${u}.xlsx`).sort());
    for (const unit of UNITS) {
      const wb = (await readXlsxFile(fileOf(parts, unit))).workbook;
      expect(wb.sheets.map((s) => s.name)).toEqual([unit]);
      const rows = wb.sheets[0].rows;
      const header = rows.findIndex((r) => r[0] === "No.");
      expect(rows.slice(header + 1).map((r) => r[0]), unit).toEqual(unit === "CITSU" ? ["3"] : ["1", "2", "4", "5"]);
      const found = readMarker(wb.sheets[0]);
      expect(found && "marker" in found && [found.marker.evaluation, found.marker.unit, found.marker.round]).toEqual([EXAMPLE_TITLE, unit, "response"]);
    }
  });

  it("protects each part without a password, unlocking only the round's cells, with the workbook's dropdowns and the marker column hidden", async () => {
    const ws = (await loadXlsx(fileOf(parts, "CWM"))).worksheets[0];
    expect((ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection).toMatchObject({ sheet: true });
    expect((ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection.hashValue).toBeUndefined();
    const unlocked: string[] = [];
    for (let r = 1; r <= 20; r++) for (let c = 1; c <= 15; c++) if (ws.getCell(r, c).protection?.locked === false) unlocked.push(ws.getCell(r, c).address);
    expect(unlocked).toEqual([15, 16, 17, 18].flatMap((r) => ["C", "D", "E", "F", "G", "L"].map((c) => `${c}${r}`)));
    // ExcelJS reads a dropdown back cell by cell
    const lists = Object.entries((ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model).map(([cell, v]) => [cell, v.formulae[0]]);
    const rows = [15, 16, 17, 18];
    expect(lists.sort()).toEqual(
      [
        ...rows.map((r) => [`C${r}`, `"${ACCEPTANCES.join(",")}"`]),
        ...["H", "I", "J", "K"].flatMap((c) => rows.map((r) => [`${c}${r}`, `"${STATUSES.join(",")}"`])),
      ].sort(),
    );
    expect(ws.getColumn(15).hidden).toBe(true);
    expect(ws.getColumn(14).hidden).toBe(false);
  });

  it("never writes over a part already in the folder (a returned one may hold answers)", async () => {
    const run = await cli("split", book, "--out-dir", parts);
    expect(run.status).toBe(2);
    expect(run.err).toEqual([
      `The folder "${parts}" already has "${EXAMPLE_TITLE} - CITSU.xlsx", "${EXAMPLE_TITLE} - PTP.xlsx" and "${EXAMPLE_TITLE} - PMCP.xlsx" and 11 more, which split would replace; a returned part may hold answers, so choose an empty folder or move those files first.`,
    ]);
  });

  it("names the rounds there are when asked for one the workbook has no column for", async () => {
    const run = await cli("split", book, "--out-dir", folder.path("never"), "--round", "18 months");
    expect(run.status).toBe(2);
    expect(run.err[0]).toBe(`${book}: There is no round "18 months" in this workbook: its Responses sheet has follow-up status columns for 6 months, 1 year and 2 years. Choose response, "6 months", "1 year" or "2 years".`);
  });
});

describe("merge", () => {
  let parts: string;
  let edited: string;
  let returnedFiles: string[];
  beforeAll(async () => {
    parts = folder.path("merge-parts");
    expect((await cli("split", book, "--out-dir", parts)).status).toBe(0);
    // After sending the parts, the office corrected GCP's action for recommendation 2 in the workbook.
    edited = folder.path("book-edited.xlsx");
    const wb = await loadXlsx(book);
    const responses = wb.getWorksheet("Responses")!;
    const gcp2 = rowOf(await grid(book, "Responses"), "2", "GCP");
    responses.getCell(gcp2 + 1, 4).value = "Quality checks by the GCP focal point.";
    await wb.xlsx.writeFile(edited);

    // A2030 answers at last, after sorting its rows and renaming its sheet.
    await editPart(fileOf(parts, "A2030"), (ws, cell) => {
      for (const n of ["1", "2", "4", "5"]) cell(n, "Acceptance").value = n === "4" ? "Partially accepted" : "Accepted";
      cell("1", "Planned action").value = "Brief the team on the certification policy.";
      reverseRows(ws);
      ws.name = "Our answers";
    }, folder.path("A2030 answered.xlsx"));
    // CWM removes the protection and pastes over it, a status included (not filled in this round).
    await editPart(fileOf(parts, "CWM"), (ws, cell) => {
      (ws as unknown as { sheetProtection: unknown }).sheetProtection = null;
      cell("1", "Planned action").value = "Train all CWM staff by December.";
      cell("1", "Status").value = "Implemented";
    }, folder.path("CWM answered.xlsx"));
    // GCP changes the same action the office corrected: a conflict.
    await editPart(fileOf(parts, "GCP"), (_ws, cell) => {
      cell("2", "Planned action").value = "GCP staff check every certificate.";
    }, folder.path("GCP answered.xlsx"));
    await writeFile(folder.path("broken.xlsx"), "not a workbook");
    returnedFiles = [folder.path("A2030 answered.xlsx"), folder.path("CWM answered.xlsx"), folder.path("GCP answered.xlsx"), fileOf(parts, "PTP"), folder.path("broken.xlsx")];
  });

  it("merges the answers by recommendation and unit, lists the conflict and the bad file, and validates the result", async () => {
    const out = folder.path("merged.xlsx");
    const run = await cli("merge", edited, ...returnedFiles, "--out", out);
    expect(run.err).toEqual([]);
    expect(run.status).toBe(0);
    const lines = run.out.split("\n");
    expect(lines.slice(0, 2)).toEqual([
      `Wrote ${out}, with the answers merged and the sheet "Merge log".`,
      "4 of 5 parts merged for the response: 0 rows added, 5 changed, 10 unchanged, 1 conflicting, 0 refused.",
    ]);
    expect(lines[2]).toMatch(/^ {2}A2030 \(A2030 answered\.xlsx, sheet 'Our answers'\): 0 rows added, 4 changed, 0 unchanged, 0 conflicting, 0 refused; cells C2, D2, C15, C29, C42\.$/);
    expect(lines).toContain("  PTP (" + `${EXAMPLE_TITLE} - PTP.xlsx` + ", sheet 'PTP'): 0 rows added, 0 changed, 4 unchanged, 0 conflicting, 0 refused.");
    expect(lines).toContain(`  broken.xlsx: refused. The file "${folder.path("broken.xlsx")}" is text (perhaps a CSV file renamed .xlsx), not an Excel workbook; open it in Excel and save it as .xlsx. It was not merged.`);
    expect(lines).toContain(
      `  Recommendation 2, GCP, Planned action (Responses!D17): workbook "Quality checks by the GCP focal point."; "GCP staff check every certificate." in 'GCP answered.xlsx'. Kept the workbook's value.`,
    );
    expect(lines.some((l) => /^ {2}Warning: Status of recommendation 1 was changed in 'CWM answered\.xlsx' \(H15\), but it is not filled in the response, so the change was not merged\.$/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^The merged workbook has \d+ errors? and \d+ warnings?; run "response-matrix validate .*merged\.xlsx" to list them\.$/);

    const before = await grid(edited, "Responses");
    const after = await grid(out, "Responses");
    const changed: string[] = [];
    after.rows.forEach((r, i) => r.forEach((v, c) => v !== (before.rows[i]?.[c] ?? "") && changed.push(`${i},${c}=${v}`)));
    const a2030 = (n: string) => rowOf(before, n, "A2030");
    expect(changed.sort()).toEqual(
      [
        `${a2030("1")},2=Accepted`,
        `${a2030("1")},3=Brief the team on the certification policy.`,
        `${a2030("2")},2=Accepted`,
        `${a2030("4")},2=Partially accepted`,
        `${a2030("5")},2=Accepted`,
        `${rowOf(before, "1", "CWM")},3=Train all CWM staff by December.`,
      ].sort(),
    );
    const log = await grid(out, "Merge log");
    expect(log.rows[0]).toEqual([MERGE_LOG_TITLE]);
    expect(log.rows.slice(3, 5)).toEqual([
      ["Merge of 2025-06-30: the response (5 parts)"],
      ["Unit", "File", "Sheet", "Rows added", "Changed", "Unchanged", "Conflicting", "Refused", "Cells written", "Why refused"],
    ]);
    expect(log.rows[5].slice(0, 9)).toEqual(["A2030", "A2030 answered.xlsx", "Our answers", 0, 4, 0, 0, 0, "C2, D2, C15, C29, C42"]);
  });

  it("merging the same parts again changes no answer; --take parts takes the part's answer in the conflict", async () => {
    const first = folder.path("merged-once.xlsx");
    const second = folder.path("merged-twice.xlsx");
    expect((await cli("merge", edited, ...returnedFiles, "--out", first)).status).toBe(0);
    const again = await cli("merge", first, ...returnedFiles, "--out", second);
    expect(again.out.split("\n")[1]).toBe("4 of 5 parts merged for the response: 0 rows added, 0 changed, 15 unchanged, 1 conflicting, 0 refused.");
    expect((await grid(second, "Responses")).rows).toEqual((await grid(first, "Responses")).rows);
    // the log keeps both merges
    expect((await grid(second, "Merge log")).rows.filter((r) => String(r[0]).startsWith("Merge of ")).length).toBe(2);

    const taken = folder.path("merged-taken.xlsx");
    expect((await cli("merge", edited, ...returnedFiles, "--out", taken, "--take", "parts")).status).toBe(0);
    const responses = await grid(taken, "Responses");
    expect(responses.rows[rowOf(responses, "2", "GCP")][3]).toBe("GCP staff check every certificate.");
  });

  it("the 6 months follow-up round fills only 'Status at 6 months'", async () => {
    const followUp = folder.path("six-months");
    const split = await cli("split", book, "--out-dir", followUp, "--round", "6 months");
    expect(split.out.split("\n")[0]).toBe(`Wrote 14 parts for the 6 months follow-up to ${followUp}:`);
    await editPart(fileOf(followUp, "CWM"), (_ws, cell) => {
      cell("1", "Status at 6 months").value = "Implemented";
      cell("2", "Status at 6 months").value = "Under implementation";
    });
    await editPart(fileOf(followUp, "CITSU"), (_ws, cell) => {
      cell("3", "Status at 6 months").value = "Planned";
    });
    const out = folder.path("six-months-merged.xlsx");
    const run = await cli("merge", book, fileOf(followUp, "CWM"), fileOf(followUp, "CITSU"), "--out", out);
    expect(run.out.split("\n")[1]).toBe("2 of 2 parts merged for the 6 months follow-up: 3 rows added, 0 changed, 2 unchanged, 0 conflicting, 0 refused.");
    const before = await grid(book, "Responses");
    const after = await grid(out, "Responses");
    const changed = after.rows.flatMap((r, i) => r.flatMap((v, c) => (v !== (before.rows[i]?.[c] ?? "") ? [[i, c, v]] : [])));
    expect(changed).toEqual([
      [rowOf(before, "1", "CWM"), 8, "Implemented"],
      [rowOf(before, "2", "CWM"), 8, "Under implementation"],
      [rowOf(before, "3", "CITSU"), 8, "Planned"],
    ]);
  });

  it("says what is wrong with the command in one sentence", async () => {
    const out = folder.path("never.xlsx");
    const cases: [string[], string][] = [
      [["merge", book], `Give the workbook, then the returned part files to merge into it (got 1 file). Run "response-matrix --help" to see how to use it.`],
      [["merge", book, returnedFiles[0]], "Say where to write the merged workbook with --out <merged.xlsx>; the input files are never changed."],
      [["merge", book, returnedFiles[0], "--out", out, "--take", "book"], `--take takes only "parts" (take the parts' answers in conflicts); got "book".`],
      [["merge", book, returnedFiles[0], "--out", book], `--out names the input file "${book}"; the merged workbook is written to a copy, so give another file name.`],
    ];
    for (const [args, sentence] of cases) {
      const run = await cli(...args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.err).toEqual([sentence]);
    }
  });
});
