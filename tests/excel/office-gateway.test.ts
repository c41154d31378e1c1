import { describe, expect, test } from "vitest";
import type { Workbook } from "../../src/core/grid";
import { SettingsSchema, type Settings } from "../../src/core/model";
import { readWorkbook } from "../../src/core/read";
import { SUMMARY_MARKER_NAME, section0Summary } from "../../src/core/summary/index";
import { validate } from "../../src/core/validate";
import { UserFacingError } from "../../src/excel/gateway";
import { SETTINGS_KEY } from "../../src/excel/office-gateway";
import { MemoryExcel } from "../../src/memory-excel";
import { seed002Workbook } from "../fixtures/seeds/seed002";
import { bigBook, memoryGateways, mergedFormBook, smallBook, strayValueBook, trimmed } from "./books";

const AS_OF = "2025-06-30";
const TODAY = "2025-07-01";
const settings = (over: Partial<Settings> = {}): Settings => SettingsSchema.parse({ asOf: AS_OF, ...over });

/** A host holding the workbook, installed as the global Excel, and a gateway on it. */
const open = memoryGateways(TODAY);

/** The input sheets' grids, to compare before and after. */
function inputs(host: MemoryExcel): Workbook {
  return trimmed({ name: host.state.name, sheets: ["Units", "Recommendations", "Responses"].map((n) => host.sheetGrid(n)) });
}

describe("validate", () => {
  test("finds what the core finds, in 2 syncs, and changes nothing", async () => {
    const workbook = smallBook();
    const { host, gateway } = open(workbook);
    const result = await gateway.validate(settings());
    const expected = validate(readWorkbook(workbook, { asOf: AS_OF }));
    expect(result.findings).toEqual(expected);
    expect(result.findings.map((f) => [f.rule, f.sheet, f.cell, f.recommendation, f.unit])).toEqual([
      ["missing-response", "Recommendations", "A3", "2", "PTP"],
      ["missing-action", "Responses", "D2", "1", "CWM"],
    ]);
    expect(result.counts).toEqual({ error: 2, warning: 0, info: 0 });
    expect(result.recognition).toMatchObject({ kind: "recognised", layout: "canonical", units: 3, recommendations: 2, responses: 5 });
    expect(host.syncCount).toBe(2);
    expect(inputs(host)).toEqual(trimmed(workbook));
  });

  test("uses the same 2 syncs for 10 and for 10,000 response rows", async () => {
    for (const [units, recs] of [[2, 5], [100, 100]]) {
      const { host, gateway } = open(bigBook(units, recs));
      const result = await gateway.validate(settings());
      expect(result.recognition).toMatchObject({ responses: units * recs });
      expect(host.syncCount).toBe(2);
    }
  });

  test("applies severity overrides from the settings", async () => {
    const { gateway } = open(smallBook());
    const result = await gateway.validate(settings({ severityOverrides: { "missing-action": "off", "missing-response": "warning" } }));
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([["missing-response", "warning"]]);
  });

  test("a workbook that is not a response matrix is reported, not thrown", async () => {
    const { gateway } = open({ sheets: [{ name: "Sheet1", rows: [["Hello"]] }] });
    const result = await gateway.validate(settings());
    expect(result.findings).toEqual([]);
    expect(result.recognition.kind).toBe("none");
  });
});

describe("validate within Excel's limits, at the manifest's minimum and at the newest set", () => {
  test("a value at row 1,000,000 of a 30-column sheet: the findings of the same book without it", async () => {
    const { host, gateway } = open(strayValueBook());
    const result = await gateway.validate(settings());
    expect(result.findings).toEqual(validate(readWorkbook(smallBook(), { asOf: AS_OF })));
    expect(result.findings.map((f) => [f.rule, f.sheet, f.cell, f.recommendation, f.unit])).toEqual([
      ["missing-response", "Recommendations", "A3", "2", "PTP"],
      ["missing-action", "Responses", "D2", "1", "CWM"],
    ]);
    expect(host.maxResponseBytes).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  test("a Section III form with 601 merged areas: every recommendation read, every finding the core makes", async () => {
    const workbook = mergedFormBook(300);
    const { gateway } = open(workbook);
    const result = await gateway.validate(settings());
    expect(result.recognition).toMatchObject({ kind: "recognised", layout: "section-iii", recommendations: 300, responses: 900 });
    expect(result.findings).toEqual(validate(readWorkbook(workbook, { asOf: AS_OF })));
    expect(result.counts).toEqual({ error: 100, warning: 0, info: 0 });
    expect(result.findings[0]).toMatchObject({ rule: "missing-action", sheet: "Section III", cell: "E10", recommendation: "3", unit: "PTP" });
  });

  test("seed 002 as printed (merged number and text cells): the same findings with or without merged areas", async () => {
    const workbook = seed002Workbook();
    const { gateway } = open(workbook);
    const result = await gateway.validate(settings());
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings).toEqual(validate(readWorkbook(workbook, { asOf: AS_OF })));
  });
});

describe("recognise", () => {
  test("says what was found", async () => {
    const { gateway } = open(smallBook());
    expect(await gateway.recognise()).toEqual({
      kind: "recognised",
      layout: "canonical",
      description: "Found: the response matrix layout (Units, Recommendations, Responses) on sheet 'Responses', 3 units, 2 recommendations, 5 responses.",
      sheets: ["Units", "Recommendations", "Responses"],
      units: 3,
      recommendations: 2,
      responses: 5,
      rounds: ["response", "6 months", "1 year"],
    });
  });
});

describe("generateSummary", () => {
  test("writes the core's Section 0 sheet, activates it, and leaves the inputs unchanged", async () => {
    const workbook = smallBook();
    const { host, gateway } = open(workbook);
    const result = await gateway.generateSummary(settings());
    expect(result).toEqual({ sheet: "Section 0 Summary" });
    const matrix = readWorkbook(workbook, { asOf: AS_OF });
    const spec = section0Summary(matrix, validate(matrix), { by: "division", generated: TODAY });
    expect(trimmed({ sheets: [host.sheetGrid("Section 0 Summary")] }).sheets[0].rows).toEqual(trimmed({ sheets: [{ name: "", rows: spec.cells }] }).sheets[0].rows);
    expect(host.activeSheetName).toBe("Section 0 Summary");
    expect(host.definedNames()).toEqual([{ name: SUMMARY_MARKER_NAME, sheet: "Section 0 Summary" }]);
    expect(host.sheet("Section 0 Summary").charts).toHaveLength(1);
    // rows of wrapped text are as tall as the core asked
    const tall = (spec.rowHeights ?? []).map((h, r) => [r, h]).filter(([, h]) => h > 0);
    expect(tall.length).toBeGreaterThan(0);
    for (const [r, h] of tall) expect(host.sheet("Section 0 Summary").rowHeights.get(r)).toBe(h);
    expect(inputs(host)).toEqual(trimmed(workbook));
    // 2 to read, 2 to write.
    expect(host.syncCount).toBe(4);
  });

  test("writes the summary in the language of the setting, else of the workbook's headers, set up to print as the core says", async () => {
    const { host, gateway } = open(smallBook());
    await gateway.generateSummary(settings({ summaryLanguage: "fr" }));
    expect(host.sheetGrid("Section 0 Summary").rows[0][0]).toBe("Section 0 – Résumé de la réponse");
    await gateway.generateSummary(settings());
    expect(host.sheetGrid("Section 0 Summary").rows[0][0]).toBe("Section 0 – Summary of response");

    const matrix = readWorkbook(smallBook(), { asOf: AS_OF });
    const spec = section0Summary(matrix, validate(matrix), { by: "division", generated: TODAY });
    const sheet = host.sheet("Section 0 Summary");
    const area = spec.print!.area!;
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape", paperSize: "A4", zoom: { scale: spec.print!.scale },
      printArea: area, rowBreaks: spec.print!.pageBreaks,
      margins: { left: 0.4 * 72, right: 0.4 * 72, top: 0.6 * 72, bottom: 0.6 * 72 },
    });
    expect(host.cellFormat("Section 0 Summary", 6, 0)).toMatchObject({ fontName: "Arial", fontSize: 10 });
    expect(host.cellFormat("Section 0 Summary", 0, 0)).toMatchObject({ fontName: "Arial", fontSize: 14, bold: true });
    expect(sheet.charts[0].categoryAxis).toEqual({ reversePlotOrder: true, position: "Maximum" });
  });

  test("uses the same syncs for 10 and for 10,000 response rows (at most 2 to read and 3 to write)", async () => {
    const counts: number[] = [];
    for (const [units, recs] of [[2, 5], [100, 100]]) {
      const { host, gateway } = open(bigBook(units, recs));
      await gateway.generateSummary(settings());
      expect(host.sheetNames()).toContain("Section 0 Summary");
      counts.push(host.syncCount);
    }
    expect(counts).toEqual([4, 4]);
  });

  test("a user's own sheet named 'Section 0 Summary' is never overwritten: the new one is 'Section 0 Summary (2)'", async () => {
    const workbook = smallBook();
    workbook.sheets.push({ name: "Section 0 Summary", rows: [["My own notes"]] });
    const { host, gateway } = open(workbook);
    expect(await gateway.generateSummary(settings())).toEqual({ sheet: "Section 0 Summary (2)" });
    // Regenerated: ours is replaced, the user's stays.
    expect(await gateway.generateSummary(settings())).toEqual({ sheet: "Section 0 Summary (2)" });
    expect(host.sheetNames()).toEqual(["Units", "Recommendations", "Responses", "Section 0 Summary", "Section 0 Summary (2)"]);
    expect(host.sheetGrid("Section 0 Summary").rows).toEqual([["My own notes"]]);
  });

  test("our own summary is replaced in place, keeping its position among the sheets", async () => {
    const { host, gateway } = open(smallBook());
    await gateway.generateSummary(settings());
    // The user moves it first and adds a sheet after it.
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Section 0 Summary").position = 0;
      context.workbook.worksheets.add("Later");
      await context.sync();
    });
    const first = host.sheetGrid("Section 0 Summary");
    await gateway.generateSummary(settings({ summaryBy: "unit" }));
    expect(host.sheetNames()).toEqual(["Section 0 Summary", "Units", "Recommendations", "Responses", "Later"]);
    expect(host.sheetGrid("Section 0 Summary")).not.toEqual(first);
    expect(host.definedNames()).toEqual([{ name: SUMMARY_MARKER_NAME, sheet: "Section 0 Summary" }]);
  });

  test.each([
    ["the first write request fails", 3, 0],
    ["the first write request stops half-way", 3, 50],
    ["the second write request fails", 4, 0],
  ])("when %s, no half-made sheet is left, the inputs and the old summary are unchanged", async (_what, sync, applyFirst) => {
    const { host, gateway } = open(smallBook());
    await gateway.generateSummary(settings());
    const before = host.workbookGrids();
    host.failSyncAt(host.syncCount + sync, "GeneralException", { applyFirst });
    await expect(gateway.generateSummary(settings({ summaryBy: "unit" }))).rejects.toBeInstanceOf(UserFacingError);
    expect(host.workbookGrids()).toEqual(before);
    expect(host.definedNames()).toEqual([{ name: SUMMARY_MARKER_NAME, sheet: "Section 0 Summary" }]);
  });

  test("a protected workbook structure is explained before anything is written", async () => {
    const { host, gateway } = open(smallBook());
    host.protectStructure();
    await expect(gateway.generateSummary(settings())).rejects.toThrow(
      "The workbook structure is protected, so the add-in cannot add the summary sheet. Unprotect it (Review > Protect Workbook), then try again.",
    );
    expect(host.syncCount).toBe(2);
  });

  test("Excel busy editing a cell is explained", async () => {
    const { host, gateway } = open(smallBook());
    host.cellEditMode = true;
    await expect(gateway.generateSummary(settings())).rejects.toThrow(
      new UserFacingError("Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again."),
    );
  });

  test("a workbook the core cannot read passes the core's sentence on", async () => {
    const { gateway } = open({ sheets: [{ name: "Responses", rows: [["No.", "Unit"]] }] });
    await expect(gateway.generateSummary(settings())).rejects.toThrow(/The sheet 'Responses' has no header row with the column "Acceptance"/);
  });
});

describe("createTemplate", () => {
  test("adds the canonical sheets as Excel tables with dropdowns and frozen header rows, which the core reads back", async () => {
    const { host, gateway } = open({ sheets: [{ name: "Sheet1", rows: [] }] });
    const result = await gateway.createTemplate({ example: true });
    expect(result).toEqual({ sheets: ["Units", "Recommendations", "Responses"] });
    expect(host.sheetNames()).toEqual(["Sheet1", "Units", "Recommendations", "Responses"]);
    expect(host.sheet("Responses").tables.map((t) => t.name)).toEqual(["ResponsesTable"]);
    expect(host.sheet("Units").tables.map((t) => t.name)).toEqual(["UnitsTable"]);
    expect(host.sheet("Recommendations").tables.map((t) => t.name)).toEqual(["RecommendationsTable"]);
    const sources = host.sheet("Responses").validations.map((v) => [v.rect.left, (v.rule.list as { source: string }).source]);
    expect(sources).toEqual([
      [2, "Accepted,Partially accepted,Rejected,No response,Not applicable"],
      ...[7, 8, 9, 10].map((c) => [c, "Not started,Planned,Under implementation,Implemented,Not implemented"]),
    ]);
    expect(["Units", "Recommendations", "Responses"].map((n) => host.sheet(n).frozenRows)).toEqual([1, 3, 1]);
    const matrix = readWorkbook(host.workbookGrids(), { asOf: AS_OF });
    expect([matrix.units.length, matrix.recommendations.length, matrix.responses.length]).toEqual([14, 5, 53]);
    expect(host.syncCount).toBe(3);
  });

  test("refuses, with a clear sentence, when the workbook already has sheets of those names", async () => {
    const { host, gateway } = open(smallBook());
    await expect(gateway.createTemplate({ example: false })).rejects.toThrow(
      "This workbook already has sheets named 'Units', 'Recommendations' and 'Responses'. Create the template in a new, empty workbook, or rename those sheets first.",
    );
    expect(host.sheetNames()).toEqual(["Units", "Recommendations", "Responses"]);
  });

  test("fills Recommendations from report text pasted in the selected cells (SPEC 3.5)", async () => {
    const report = [
      ["Recommendations"],
      ["Coordination"],
      ["1) Strengthen coordination between the border posts."],
      ["2) Train the staff of the new posts on data protection."],
      ["Sustainability"],
      ["3) Agree an exit strategy with the national authorities:"],
      ["a) hand over the equipment;"],
      ["b) budget the maintenance."],
    ];
    const { host, gateway } = open({ sheets: [{ name: "Report", rows: report }] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Report").getRange("A1:A8").select();
      await context.sync();
    });
    const before = host.syncCount;
    await gateway.createTemplate({ example: false, fromSelection: true });
    expect(host.syncCount - before).toBe(5); // selection size, its text, sheet list, write, put in place
    const matrix = readWorkbook(host.workbookGrids(), { asOf: AS_OF });
    expect(matrix.recommendations.map((r) => r.number)).toEqual(["1", "2", "3a", "3b"]);
    expect(matrix.recommendations[1].text).toMatch(/^Train the staff of the new posts/);
    expect(host.sheetGrid("Report").rows).toEqual(report);
  });

  test("says what to select when the selected cells hold no numbered recommendations", async () => {
    const { host, gateway } = open({ sheets: [{ name: "Notes", rows: [["Just a note"], ["Another"]] }] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("A1:A2").select();
      await context.sync();
    });
    await expect(gateway.createTemplate({ example: false, fromSelection: true })).rejects.toThrow(
      `The selected cells (Notes!A1:A2) hold no numbered recommendations such as "1)", "(1)" or "1.". Paste the report's recommendations in a column, select those cells, then try again.`,
    );
    expect(host.sheetNames()).toEqual(["Notes"]);
  });

  test.each([
    ["two separate areas", (host: MemoryExcel) => host.selectAreas("Report", ["A1:A3", "C1:C3"]), "You selected 2 separate areas; the recommendations are read from one block of cells."],
    ["the whole sheet", (host: MemoryExcel) => host.selectAreas("Report", ["A1:XFD1048576"]), "You selected the whole sheet."],
    ["whole columns", (host: MemoryExcel) => host.selectAreas("Report", ["A1:B1048576"]), "The selection (Report!A:B) is too large to be report text."],
  ])("says what to select instead of %s, and reads no values", async (_what, select, start) => {
    const { host, gateway } = open({ sheets: [{ name: "Report", rows: [["1) Strengthen coordination."], ["2) Train the staff."]] }] });
    select(host);
    const before = host.syncCount;
    await expect(gateway.createTemplate({ example: false, fromSelection: true })).rejects.toThrow(
      `${start} Select only the cells where the report's recommendations are pasted (click the first one, then Shift+click the last), then try again.`,
    );
    expect(host.syncCount - before).toBe(1);
    expect(host.maxResponseBytes).toBeLessThan(1_000);
    expect(host.sheetNames()).toEqual(["Report"]);
  });

  test("an Excel without an API the add-in calls gets a sentence saying to update Office", async () => {
    const { host, gateway } = open(smallBook());
    host.failNextSync("ApiNotFound");
    await expect(gateway.validate(settings())).rejects.toThrow(
      "Excel could not read the workbook: this version of Excel lacks a feature the add-in needs. Update Office (File > Account > Update Options > Update Now), or use Excel on the web.",
    );
  });

  test("table names already used elsewhere in the workbook get a number", async () => {
    const { host, gateway } = open({ sheets: [{ name: "Old", rows: [["Code"], ["x"]] }] });
    await host.run(async (context) => {
      context.workbook.worksheets.getItem("Old").tables.add("A1:A2", true).name = "UnitsTable";
      await context.sync();
    });
    await gateway.createTemplate({ example: false });
    expect(host.sheet("Units").tables.map((t) => t.name)).toEqual(["UnitsTable2"]);
  });
});

describe("settings", () => {
  test("are kept in the workbook as one JSON setting and read back", async () => {
    const { host, gateway } = open(smallBook());
    expect(await gateway.loadSettings()).toEqual({ summaryBy: "division", severityOverrides: {} });
    const saved = settings({ summaryBy: "unit", severityOverrides: { overdue: "off" } });
    await gateway.saveSettings(saved);
    expect(JSON.parse(host.settingValue(SETTINGS_KEY) as string)).toEqual(saved);
    expect(await gateway.loadSettings()).toEqual(saved);
  });

  test("an unreadable stored setting gives the defaults", async () => {
    const { host, gateway } = open(smallBook());
    host.state.settings.set(SETTINGS_KEY, "{not json");
    expect(await gateway.loadSettings()).toEqual({ summaryBy: "division", severityOverrides: {} });
  });

  test("invalid settings are refused with a sentence", async () => {
    const { gateway } = open(smallBook());
    await expect(gateway.saveSettings({ ...settings(), asOf: "30/06/2025" })).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell in 1 sync", async () => {
    const { host, gateway } = open(smallBook());
    await gateway.selectCell({ sheet: "Responses", row: 1, col: 3 });
    expect(host.activeSheetName).toBe("Responses");
    expect(host.selection).toEqual({ sheet: "Responses", rect: { top: 1, left: 3, bottom: 1, right: 3 } });
    expect(host.syncCount).toBe(1);
  });

  test("says when the sheet is hidden", async () => {
    const workbook = smallBook();
    workbook.sheets[2].hidden = true;
    const { host, gateway } = open(workbook);
    await expect(gateway.selectCell({ sheet: "Responses", row: 1, col: 3 })).rejects.toThrow(
      "Excel could not go to the cell on the sheet 'Responses'. If it is hidden, unhide it (right-click a sheet tab, then Unhide), then try again.",
    );
    expect(host.selection).toBeNull();
  });

  test("says when the sheet is gone", async () => {
    const { gateway } = open(smallBook());
    await expect(gateway.selectCell({ sheet: "Old responses", row: 0, col: 0 })).rejects.toThrow(
      "The sheet 'Old responses' was not found: it may have been renamed or deleted. Run Validate again, then try again.",
    );
  });
});

