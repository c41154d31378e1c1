import { describe, expect, test } from "vitest";
import type { CellValue, Workbook } from "../../src/core/grid";
import { proposeMapping } from "../../src/core/layouts/mapped";
import { SettingsSchema, type Mapping, type Settings } from "../../src/core/model";
import { readWorkbook } from "../../src/core/read";
import { validate } from "../../src/core/validate";
import { SETTINGS_KEY } from "../../src/excel/office-gateway";
import { DEFAULT_UNITS, UNITS_HEADER } from "../core/workbooks";
import { memoryGateways } from "./books";

const AS_OF = "2025-06-30";
const settings = (over: Partial<Settings> = {}): Settings => SettingsSchema.parse({ asOf: AS_OF, ...over });

const open = memoryGateways("2025-07-01");

/** Answers under headers no layout knows, below a title; CWM gives no action, PTP does not answer recommendation 2. */
function oddBook(): Workbook {
  const rows: CellValue[][] = [
    ["Evaluation of training: answers received"],
    [],
    ["Rec", "Unit name", "Réponse", "What we will do", "By when"],
    ["1", "CWM", "Accepted", "", "2030-12-31"],
    ["1", "GCP", "Accepted", "Train all staff.", "2030-12-31"],
    ["1", "PTP", "Rejected", "", ""],
    ["2", "CWM", "Accepted", "Review the data.", "2030-12-31"],
    ["2", "GCP", "Accepted", "Review the data.", "2030-12-31"],
  ];
  return { name: "odd.xlsx", sheets: [{ name: "Units", rows: [UNITS_HEADER, ...DEFAULT_UNITS] }, { name: "Feedback", rows }] };
}

const MAPPING: Mapping = {
  sheet: "Feedback",
  headerRow: 3,
  columns: { number: "A", unit: "B", acceptance: "C", action: "D", targetDate: "E" },
  followUps: [],
};

describe("describeSheets", () => {
  test("offers every sheet with its header row and guessed roles, read in 2 syncs", async () => {
    const workbook = oddBook();
    const { host, gateway } = open(workbook);
    const choices = await gateway.describeSheets();
    expect(host.syncCount).toBe(2);
    expect(choices).toEqual(proposeMapping(workbook));
    expect(choices.sheets.map((s) => [s.name, s.headerRow])).toEqual([
      ["Units", 1],
      ["Feedback", 3],
    ]);
    expect(choices.sheets[1].headers.map((h) => `${h.letter} ${h.text} ${h.role}`)).toEqual([
      "A Rec null",
      "B Unit name name",
      "C Réponse null",
      "D What we will do null",
      "E By when null",
    ]);
  });

  test("leaves out the summary sheet the add-in wrote", async () => {
    const { gateway } = open(oddBook());
    await gateway.generateSummary(settings({ mapping: MAPPING }));
    const choices = await gateway.describeSheets();
    expect(choices.sheets.map((s) => s.name)).toEqual(["Units", "Feedback"]);
  });
});

describe("validating through a mapping", () => {
  test("reads the mapped sheet and columns, finds what the core finds, in 2 syncs", async () => {
    const workbook = oddBook();
    const { host, gateway } = open(workbook);
    const result = await gateway.validate(settings({ mapping: MAPPING }));
    expect(host.syncCount).toBe(2);
    expect(result.findings).toEqual(validate(readWorkbook(workbook, { asOf: AS_OF, mapping: MAPPING })));
    expect(result.findings.map((f) => [f.rule, f.sheet, f.cell, f.recommendation, f.unit])).toEqual([
      ["missing-action", "Feedback", "D4", "1", "CWM"],
      ["missing-justification", "Feedback", "D6", "1", "PTP"],
    ]);
    expect(result.recognition).toEqual({
      kind: "recognised",
      layout: "mapped",
      description: "Found: your column mapping on sheet 'Feedback', 3 units, 2 recommendations, 5 responses.",
      sheets: ["Units", "Feedback"],
      units: 3,
      recommendations: 2,
      responses: 5,
    });
  });

  test("without the mapping the same workbook is not recognised, and the reason names the missing columns", async () => {
    const { gateway } = open(oddBook());
    const result = await gateway.validate(settings());
    expect(result.recognition).toEqual({
      kind: "none",
      reason:
        `No sheet has the columns "No.", "Unit" and "Acceptance" that a table of responses needs. ` +
        `Add these headers above the table, or choose the sheet and columns in the task pane under Settings → Sheet and columns.`,
    });
  });

  test("a mapping whose sheet is gone is reported as the reason, not thrown", async () => {
    const { gateway } = open(oddBook());
    const result = await gateway.validate(settings({ mapping: { ...MAPPING, sheet: "Old feedback" } }));
    expect(result.findings).toEqual([]);
    expect(result.recognition).toEqual({
      kind: "none",
      reason:
        `The sheet 'Old feedback' chosen in Settings → Sheet and columns is no longer in the workbook (it has 'Units' and 'Feedback'). ` +
        `Choose the sheet and columns again there, or use automatic recognition.`,
    });
  });

  test("the summary is written from the mapped responses", async () => {
    const workbook = oddBook();
    const { host, gateway } = open(workbook);
    expect(await gateway.generateSummary(settings({ mapping: MAPPING }))).toEqual({ sheet: "Section 0 Summary" });
    const rows = host.sheetGrid("Section 0 Summary").rows.filter((r) => /^Recommendation \d/.test(String(r[0])));
    // By division: Planet (CWM, GCP) accepted both; Peace (PTP) rejected 1 and was not addressed by 2
    // the matrix rows, then the counts per recommendation (accepted, partially accepted, rejected, no response)
    expect(rows.map((r) => r.slice(0, 5))).toEqual([
      ["Recommendation 1", "Accepted", "Rejected"],
      ["Recommendation 2", "Accepted", "NA"],
      ["Recommendation 1", 2, 0, 1, 0],
      ["Recommendation 2", 2, 0, 0, 0],
    ]);
  });
});

describe("recognise", () => {
  test("reads through the mapping saved in the workbook, still in 2 syncs", async () => {
    const { host, gateway } = open(oddBook());
    expect((await gateway.recognise()).kind).toBe("none");
    await gateway.saveSettings(settings({ mapping: MAPPING }));
    expect(JSON.parse(host.settingValue(SETTINGS_KEY) as string).mapping).toEqual(MAPPING);
    const before = host.syncCount;
    expect(await gateway.recognise()).toMatchObject({ kind: "recognised", layout: "mapped", units: 3, recommendations: 2, responses: 5 });
    expect(host.syncCount - before).toBe(2);
    expect((await gateway.loadSettings()).mapping).toEqual(MAPPING);
  });
});
