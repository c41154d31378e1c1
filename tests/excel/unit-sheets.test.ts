/**
 * Prepare unit sheets and Merge unit sheets through the Office.js adapter, against the in-memory Excel host: the
 * same parts as the command line's, one protected sheet per unit in the open workbook, merged back with a Merge log.
 */

import { describe, expect, test } from "vitest";
import { serialFromIso } from "../../src/core/dates";
import { a1, type CellValue } from "../../src/core/grid";
import { MERGE_LOG_TITLE } from "../../src/core/round-trip/log";
import { splitBook } from "../../src/core/round-trip/split";
import { ACCEPTANCES, STATUSES } from "../../src/core/vocabulary";
import { UserFacingError } from "../../src/excel/gateway";
import type { MemoryExcel } from "../../src/memory-excel";
import { exampleBook, sheetOf, trimmedRows, unansweredBook } from "../core/round-trip/parts";
import { bigBook, memoryGateways } from "./books";

const TODAY = "2025-07-01";
const open = memoryGateways(TODAY);
const UNITS = ["CITSU", "PTP", "PMCP", "SDP", "A2030", "CWM", "GCP", "SCYCLE", "NYO", "MDP", "UNOSAT", "HO", "PFTP", "NDC"];
const HEADER_ROW = 13;

/** The cell of a recommendation's row under a header, on a unit sheet as it is now. */
function at(host: MemoryExcel, sheet: string, number: string, header: string): string {
  const rows = host.sheetGrid(sheet).rows;
  const h = rows.findIndex((r) => r[0] === "No.");
  const r = rows.findIndex((row, i) => i > h && row[0] === number);
  return a1(r, rows[h].indexOf(header));
}

/** A unit types into its sheet (Excel refuses locked cells of a protected sheet). */
async function type(host: MemoryExcel, sheet: string, number: string, header: string, value: CellValue): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(at(host, sheet, number, header)).values = [[value]];
    await context.sync();
  });
}

describe("Prepare unit sheets", () => {
  test("writes the core's part of each of the 14 units as a protected sheet, in 2 syncs to read and 2 to write", async () => {
    const { host, gateway } = open(exampleBook());
    const prepared = await gateway.prepareUnitSheets("response");
    expect(prepared).toEqual({ sheets: UNITS, round: "the response", notAddressed: [], replaced: [] });
    expect(host.syncCount).toBe(4);
    expect(host.sheetNames()).toEqual(["Units", "Recommendations", "Responses", ...UNITS]);
    const parts = splitBook(exampleBook(), { made: TODAY }).parts;
    for (const part of parts) {
      expect(host.sheetGrid(part.spec.name).rows, part.unit.code).toEqual(trimmedRows({ name: "", rows: part.spec.cells }));
    }
    expect(host.activeSheetName).toBe("CITSU");
  });

  test("each sheet is protected without a password, only the round's cells unlocked, with dropdowns and the marker column hidden", async () => {
    const { host, gateway } = open(exampleBook());
    await gateway.prepareUnitSheets("6 months");
    const sheet = host.sheet("CWM");
    expect(sheet.protected).toBe(true);
    expect(sheet.protectionOptions).toEqual({ allowFormatColumns: true, allowFormatRows: true });
    const unlocked: string[] = [];
    for (let r = 0; r < 20; r++) for (let c = 0; c < 15; c++) if (host.cellFormat("CWM", r, c).locked === false) unlocked.push(a1(r, c));
    expect(unlocked).toEqual([14, 15, 16, 17].flatMap((r) => [a1(r, 8), a1(r, 11), a1(r, 12)]));
    expect([...sheet.hiddenColumns]).toEqual([14]);
    expect(sheet.validations.map((v) => [a1(v.rect.top, v.rect.left), a1(v.rect.bottom, v.rect.right), (v.rule.list as { source: string }).source])).toEqual([
      ["C15", "C18", ACCEPTANCES.join(",")],
      ...[7, 8, 9, 10].map((c) => [a1(14, c), a1(17, c), STATUSES.join(",")]),
    ]);
    expect(sheet.frozenRows).toBe(HEADER_ROW + 1);
  });

  test("uses the same 4 syncs for 200 units", async () => {
    const { host, gateway } = open(bigBook(200, 5));
    const prepared = await gateway.prepareUnitSheets("response");
    expect(prepared.sheets).toHaveLength(200);
    expect(host.syncCount).toBe(4);
  });

  test("a unit can type only into its unlocked cells", async () => {
    const { host, gateway } = open(exampleBook());
    await gateway.prepareUnitSheets("6 months");
    await type(host, "CWM", "1", "Status at 6 months", "Implemented");
    await expect(type(host, "CWM", "1", "Acceptance", "Rejected")).rejects.toMatchObject({ code: "AccessDenied" });
    expect(host.cell("CWM", 14, 8)).toBe("Implemented");
    expect(host.cell("CWM", 14, 2)).toBe("Accepted");
  });

  test("replaces unit sheets already merged, and refuses while one holds answers not yet merged", async () => {
    const { host, gateway } = open(exampleBook());
    await gateway.prepareUnitSheets("response");
    await type(host, "GCP", "1", "Planned action", "A new plan.");
    await expect(gateway.prepareUnitSheets("6 months")).rejects.toThrow(
      new UserFacingError("The unit sheet 'GCP' holds answers not yet merged into Responses. Merge unit sheets first (or delete that sheet), then prepare the new ones."),
    );
    await gateway.mergeUnitSheets([]);
    const prepared = await gateway.prepareUnitSheets("6 months");
    expect(prepared.replaced).toEqual(UNITS);
    expect(host.sheetNames()).toEqual(["Units", "Recommendations", "Responses", "Merge log", ...UNITS]);
    expect(host.sheetGrid("GCP").rows[2]).toEqual(["Round:", "Follow-up: Status at 6 months"]);
  });

  test("a protected workbook structure is explained before anything is written", async () => {
    const { host, gateway } = open(exampleBook());
    host.protectStructure();
    await expect(gateway.prepareUnitSheets("response")).rejects.toThrow(
      "The workbook structure is protected, so the add-in cannot add the unit sheets. Unprotect it (Review > Protect Workbook), then try again.",
    );
    expect(host.syncCount).toBe(2);
  });

  test("a workbook in another layout gets the core's sentence", async () => {
    const { gateway } = open({ sheets: [{ name: "Sheet1", rows: [["Recommendation", "Programme unit", "Acceptance"], ["1", "CWM", "Accepted"]] }] });
    await expect(gateway.prepareUnitSheets("response")).rejects.toThrow(/^Unit parts are made from, and merged into, the response matrix workbook/);
  });
});

describe("Merge unit sheets", () => {
  test("merges what the units typed into Responses and writes the Merge log, in 2 syncs to read and 2 to write", async () => {
    const { host, gateway } = open(unansweredBook());
    await gateway.prepareUnitSheets("response");
    await type(host, "CWM", "1", "Acceptance", "Accepted");
    await type(host, "CWM", "1", "Planned action", "Train CWM staff.");
    await type(host, "CWM", "1", "Target date", "2025-12-31");
    await type(host, "CITSU", "3", "Acceptance", "Accepted");
    const before = host.syncCount;
    const merged = await gateway.mergeUnitSheets([]);
    expect(host.syncCount - before).toBe(4);
    expect(merged.totals).toEqual({ added: 2, changed: 0, unchanged: 51, conflicting: 0, refused: 0 });
    expect(merged.logSheet).toBe("Merge log");
    const responses = trimmedRows(host.sheetGrid("Responses"));
    expect(responses.slice(1)).toEqual([
      ["1", "CWM", "Accepted", "Train CWM staff.", "", "", 46022],
      ["3", "CITSU", "Accepted"],
    ]);
    // the date is a date, not text
    expect(host.cellFormat("Responses", 1, 6).numberFormat).toBe("yyyy-mm-dd");
    expect(host.cell("Merge log", 0, 0)).toBe(MERGE_LOG_TITLE);
    expect(host.sheetGrid("Merge log").rows[3]).toEqual(["Merge of 2025-07-01: the response (14 parts)"]);
  });

  test("merging again changes no answer and adds its block under the earlier one", async () => {
    const { host, gateway } = open(exampleBook());
    await gateway.prepareUnitSheets("response");
    await type(host, "CWM", "2", "Comments", "Staff time is limited.");
    await gateway.mergeUnitSheets([]);
    const responses = host.sheetGrid("Responses");
    const log = host.sheetGrid("Merge log").rows;
    const before = host.syncCount;
    const again = await gateway.mergeUnitSheets([]);
    expect(host.syncCount - before).toBe(4);
    expect(again.totals.added + again.totals.changed).toBe(0);
    expect(host.sheetGrid("Responses")).toEqual(responses);
    const now = host.sheetGrid("Merge log").rows;
    expect(now.slice(0, log.length)).toEqual(log);
    expect(now.filter((r) => String(r[0]).startsWith("Merge of ")).length).toBe(2);
    expect(host.cellFormat("Merge log", log.length + 1, 0).bold).toBe(true);
  });

  test("a conflict keeps the workbook's value until a choice takes the unit's", async () => {
    const { host, gateway } = open(exampleBook());
    await gateway.prepareUnitSheets("response");
    await type(host, "GCP", "2", "Planned action", "GCP staff check every certificate.");
    // meanwhile the office corrects the same cell
    const row = trimmedRows(host.sheetGrid("Responses")).findIndex((r) => r[0] === "2" && r[1] === "GCP");
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Responses").getRangeByIndexes(row, 3, 1, 1).values = [["Corrected by the office."]];
      await context.sync();
    });
    const first = await gateway.mergeUnitSheets([]);
    expect(first.conflicts.map((c) => [c.unit, c.cell, c.book, c.proposals.map((p) => [p.value, p.from.map((f) => f.name)]), c.decided])).toEqual([
      ["GCP", a1(row, 3), "Corrected by the office.", [["GCP staff check every certificate.", ["the sheet 'GCP'"]]], false],
    ]);
    expect(host.cell("Responses", row, 3)).toBe("Corrected by the office.");
    const taken = await gateway.mergeUnitSheets([{ key: first.conflicts[0].key, text: "GCP staff check every certificate." }]);
    expect(taken.conflicts.map((c) => c.decided)).toEqual([true]);
    expect(host.cell("Responses", row, 3)).toBe("GCP staff check every certificate.");
  });

  test("a workbook without unit sheets gets a sentence", async () => {
    const { gateway } = open(exampleBook());
    await expect(gateway.mergeUnitSheets([])).rejects.toThrow(
      "This workbook has no unit sheets to merge. Prepare unit sheets first and let each unit fill in its own (or copy the sheet of a part a unit returned into this workbook), then merge.",
    );
  });

  test("a unit sheet copied in from a returned part file (renamed by Excel) is merged like the others", async () => {
    const parts = splitBook(exampleBook(), { made: TODAY, round: "6 months" }).parts;
    const cwm = parts.find((p) => p.unit.code === "CWM")!;
    const wb = exampleBook();
    const rows = cwm.spec.cells.map((r) => [...r]);
    rows[HEADER_ROW + 1][8] = "Implemented";
    wb.sheets.push({ name: "CWM (2)", rows });
    const { host, gateway } = open(wb);
    const merged = await gateway.mergeUnitSheets([]);
    expect(merged.parts.map((p) => [p.sheet, p.added])).toEqual([["CWM (2)", 1]]);
    expect(host.cell("Responses", 2, 8)).toBe("Implemented");
    expect(sheetOf(host.workbookGrids(), "Responses").rows.length).toBe(sheetOf(exampleBook(), "Responses").rows.length);
  });
});

/**
 * The example workbook without its last two answers (recommendation 5 of SDP and SCYCLE), Responses an Excel table
 * as the template makes it (`table`), its answer rows filled and unlocked, Target date formatted as a date, a
 * dropdown on Acceptance.
 */
async function withoutLastAnswers(table: boolean) {
  const wb = exampleBook();
  const responses = sheetOf(wb, "Responses");
  responses.rows = responses.rows.slice(0, -2);
  const last = responses.rows.length - 1;
  const { host, gateway } = open(wb);
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Responses");
    if (table) sheet.tables.add(sheet.getRangeByIndexes(0, 0, last + 1, 14), true).name = "ResponsesTable";
    const body = (col: number, count = 1) => sheet.getRangeByIndexes(1, col, last, count);
    body(2).dataValidation.rule = { list: { inCellDropDown: true, source: ACCEPTANCES.join(",") } };
    body(6).numberFormat = Array.from({ length: last }, () => ["yyyy-mm-dd"]);
    body(0, 14).format.fill.color = "#FFF2CC";
    body(0, 14).format.protection.locked = false;
    await context.sync();
  });
  await gateway.prepareUnitSheets("response");
  await type(host, "SCYCLE", "5", "Acceptance", "Accepted");
  await type(host, "SCYCLE", "5", "Target date", "2026-03-31");
  await type(host, "SDP", "5", "Acceptance", "Rejected");
  return { host, gateway, last };
}

describe("Merge unit sheets adding rows to Responses", () => {
  const NEW_ROWS = [["5", "SDP", "Rejected"], ["5", "SCYCLE", "Accepted", "", "", "", serialFromIso("2026-03-31")]];

  test("the new rows join the Responses table (so sorting or filtering it carries them), in 2 syncs to write", async () => {
    const { host, gateway, last } = await withoutLastAnswers(true);
    const before = host.syncCount;
    const merged = await gateway.mergeUnitSheets([]);
    expect(host.syncCount - before).toBe(4);
    expect(merged.totals.added).toBe(2);
    const rows = trimmedRows(host.sheetGrid("Responses"));
    expect(rows.slice(last + 1)).toEqual(NEW_ROWS);
    const sheet = host.sheet("Responses");
    expect(sheet.tables.map((t) => [t.name, t.rect])).toEqual([["ResponsesTable", { top: 0, left: 0, bottom: last + 2, right: 13 }]]);
    // sort-safe: every answer row lies inside the table, which is what Excel sorts and filters
    expect(rows.length - 1).toBe(sheet.tables[0].rect.bottom);
    // the Acceptance dropdown grows with the table
    expect(sheet.validations.map((v) => v.rect)).toEqual([{ top: 1, left: 2, bottom: last + 2, right: 2 }]);
  });

  test.each([true, false])("the new rows take the formats of the row above, so the target date shows as a date (in a table: %s)", async (table) => {
    const { host, gateway, last } = await withoutLastAnswers(table);
    await gateway.mergeUnitSheets([]);
    expect(trimmedRows(host.sheetGrid("Responses")).slice(last + 1)).toEqual(NEW_ROWS);
    for (const r of [last + 1, last + 2]) {
      for (let c = 0; c < 14; c++) expect(host.cellFormat("Responses", r, c), a1(r, c)).toEqual(host.cellFormat("Responses", last, c));
    }
    expect(host.cellFormat("Responses", last + 2, 6)).toMatchObject({ numberFormat: "yyyy-mm-dd", fill: "#FFF2CC", locked: false });
    expect(host.sheet("Responses").tables.length).toBe(table ? 1 : 0);
  });
});
