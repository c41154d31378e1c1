import { describe, expect, it } from "vitest";
import type { CellValue, Workbook } from "../../../src/core/grid";
import { LayoutError } from "../../../src/core/layouts/errors";
import { layoutName } from "../../../src/core/layouts/index";
import { guessedMapping, proposeMapping, startingMapping } from "../../../src/core/layouts/mapped";
import { MappingSchema, SettingsSchema, type Mapping } from "../../../src/core/model";
import { readWorkbook } from "../../../src/core/read";
import { validate } from "../../../src/core/validate";
import {
  DEFAULT_RECOMMENDATIONS, DEFAULT_UNITS, RECOMMENDATIONS_HEADER, UNITS_HEADER, book, goodRow,
} from "../workbooks";

const AS_OF = "2025-06-30";

/** One missing action, one misspelt acceptance, one overdue date, and PTP silent on recommendation 2. */
const ROWS: CellValue[][] = [
  goodRow("1", "CWM", { action: "" }),
  goodRow("1", "GCP"),
  goodRow("1", "PTP", { acceptance: "Acepted" }),
  goodRow("2", "CWM", { date: "2024-01-31" }),
  goodRow("2", "GCP", { m6: "Under implementation" }),
];

/** Headers nobody's template uses, in another order, under a title and a blank row. */
const ODD_HEADER = ["Unit name", "No.", "Réponse", "What we will do", "Who", "Money", "By when", "Progress", "Notes", "Six-month check"];

/** A canonical row (No., Unit, Acceptance, action, responsible, budget, date, status, 6 months, 1 year, comments) in the odd order. */
function oddRow(r: CellValue[]): CellValue[] {
  return [r[1], r[0], r[2], r[3], r[4], r[5], r[6], r[7], r[10], r[8]];
}

function oddBook(): Workbook {
  return {
    name: "odd.xlsx",
    sheets: [
      { name: "Units", rows: [UNITS_HEADER, ...DEFAULT_UNITS] },
      { name: "Recommendations", rows: [RECOMMENDATIONS_HEADER, ...DEFAULT_RECOMMENDATIONS] },
      { name: "Feedback", rows: [["Evaluation of training: answers received"], [], ODD_HEADER, ...ROWS.map(oddRow)] },
    ],
  };
}

const MAPPING: Mapping = {
  sheet: "Feedback",
  headerRow: 3,
  columns: {
    unit: "A", number: "B", acceptance: "C", action: "D", responsible: "E", budget: "F", targetDate: "G", status: "H", comments: "I",
  },
  followUps: ["J"],
};

/** What a finding says, without where it is. */
const said = (f: { rule: string; severity: string; recommendation: string | null; unit: string | null; message: string; suggestion: string | null }) =>
  [f.rule, f.severity, f.recommendation, f.unit, f.message, f.suggestion];

describe("reading through a column mapping", () => {
  it("finds in a workbook with odd headers what the canonical twin gives, at the mapped cells", () => {
    const twin = validate(readWorkbook(book({ responses: ROWS }), { asOf: AS_OF }));
    const matrix = readWorkbook(oddBook(), { asOf: AS_OF, mapping: MAPPING });
    const mapped = validate(matrix);

    expect(mapped.map((f) => [f.rule, f.sheet, f.cell, f.recommendation, f.unit])).toEqual([
      ["missing-action", "Feedback", "D4", "1", "CWM"],
      ["unknown-acceptance", "Feedback", "C6", "1", "PTP"],
      ["overdue", "Feedback", "G7", "2", "CWM"],
      ["missing-response", "Recommendations", "A3", "2", "PTP"],
    ]);
    // The same sentences, naming the mapped sheet where the twin names 'Responses' (findings are sorted by sheet)
    const sorted = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sorted(mapped.map(said))).toEqual(sorted(twin.map((f) => said({ ...f, message: f.message.replace("'Responses'", "'Feedback'") }))));
    expect(twin).toHaveLength(4);
    expect(matrix.layout).toBe("mapped");
    expect(layoutName(matrix.layout)).toBe("your column mapping");
    expect(matrix.responsesSheet).toBe("Feedback");
    expect(matrix.statusColumns.map((c) => [c.role, c.header, c.period?.months ?? null])).toEqual([
      ["status", "Progress", null],
      ["followUp", "Six-month check", 6],
    ]);
    expect(matrix.responses[4].statuses.map((s) => s.reading)).toEqual([
      { kind: "known", value: "Planned" },
      { kind: "known", value: "Under implementation" },
    ]);
  });

  it("without Units and Recommendations sheets, takes the units from the rows and implies the recommendations", () => {
    const workbook = oddBook();
    workbook.sheets = workbook.sheets.filter((s) => s.name === "Feedback");
    const matrix = readWorkbook(workbook, { asOf: AS_OF, mapping: MAPPING });
    expect(matrix.units.map((u) => u.code)).toEqual(["CWM", "GCP", "PTP"]);
    expect(matrix.unitsListed).toBe(false);
    expect(matrix.recommendations.map((r) => [r.number, r.addressedTo])).toEqual([
      ["1", ["CWM", "GCP", "PTP"]],
      ["2", ["CWM", "GCP"]],
    ]);
  });

  it("finds the mapped sheet when only the case of its name changed", () => {
    const matrix = readWorkbook(oddBook(), { asOf: AS_OF, mapping: { ...MAPPING, sheet: "FEEDBACK" } });
    expect(matrix.responsesSheet).toBe("Feedback");
  });

  it("without a mapping, the odd workbook is not recognised and the sentence names the columns no sheet has", () => {
    expect(() => readWorkbook(oddBook(), { asOf: AS_OF })).toThrow(
      new LayoutError(
        `No sheet has the columns "Unit" and "Acceptance" that a table of responses needs. ` +
          `Add these headers above the table, or choose the sheet and columns in the task pane under Settings → Sheet and columns.`,
      ),
    );
  });
});

describe("a mapping that no longer fits", () => {
  const read = (mapping: Mapping, workbook = oddBook()) => () => readWorkbook(workbook, { asOf: AS_OF, mapping });
  const fix = "Choose the sheet and columns again there, or use automatic recognition.";

  it("says when the sheet is gone", () => {
    expect(read({ ...MAPPING, sheet: "Old feedback" })).toThrow(
      new LayoutError(
        `The sheet 'Old feedback' chosen in Settings → Sheet and columns is no longer in the workbook ` +
          `(it has 'Units', 'Recommendations' and 'Feedback'). ${fix}`,
      ),
    );
  });

  it("says which required role has no column", () => {
    const { acceptance: _gone, unit: _too, ...columns } = MAPPING.columns;
    expect(read({ ...MAPPING, columns })).toThrow(
      new LayoutError(`The column mapping in Settings → Sheet and columns gives no column for "Unit" and "Acceptance". ${fix}`),
    );
  });

  it("says when a column is beyond the end of the sheet", () => {
    expect(read({ ...MAPPING, columns: { ...MAPPING.columns, acceptance: "M" } })).toThrow(
      new LayoutError(
        `The column mapping in Settings → Sheet and columns puts "Acceptance" in column M of the sheet 'Feedback', but that sheet ends at column J. ${fix}`,
      ),
    );
    expect(read({ ...MAPPING, followUps: ["K"] })).toThrow(/puts a follow-up status in column K of the sheet 'Feedback', but that sheet ends at column J/);
  });

  it("says when the header row is below the last row", () => {
    expect(read({ ...MAPPING, headerRow: 20 })).toThrow(
      new LayoutError(`The header row 20 chosen in Settings → Sheet and columns is below the last row of the sheet 'Feedback' (row 8). ${fix}`),
    );
  });
});

describe("no layout recognised", () => {
  it("names every missing role when no sheet has any", () => {
    const workbook = { sheets: [{ name: "Budget 2025", rows: [["Item", "Amount"], ["Travel", 1200]] }] };
    expect(() => readWorkbook(workbook, { asOf: AS_OF })).toThrow(
      /^No sheet has the columns "No\.", "Unit" and "Acceptance" that a table of responses needs\. Add these headers above the table, or choose/,
    );
  });

  it("names the one missing role and the sheet that has the others", () => {
    const workbook = { sheets: [{ name: "Suivi", rows: [["N°", "Unité", "Action prévue"], ["1", "CWM", "Former le personnel."]] }] };
    expect(() => readWorkbook(workbook, { asOf: AS_OF })).toThrow(
      new LayoutError(
        `No sheet has the column "Acceptance" that a table of responses needs (the closest, 'Suivi', has "No." and "Unit"). ` +
          `Add this header above the table, or choose the sheet and columns in the task pane under Settings → Sheet and columns.`,
      ),
    );
  });

  it("says to rename or map a sheet that has the columns under another name", () => {
    const workbook = { sheets: [{ name: "Sheet1", rows: [["No.", "Unit", "Acceptance"], ["1", "CWM", "Accepted"]] }] };
    expect(() => readWorkbook(workbook, { asOf: AS_OF })).toThrow(
      new LayoutError(
        `The sheet 'Sheet1' has the columns "No.", "Unit" and "Acceptance" but was not recognised as a table of responses. ` +
          `Rename it "Responses", or choose it and its columns in the task pane under Settings → Sheet and columns.`,
      ),
    );
  });
});

describe("proposeMapping", () => {
  it("finds each sheet's header row and guesses the role of each header", () => {
    const proposal = proposeMapping(oddBook());
    expect(proposal.sheets.map((s) => [s.name, s.headerRow])).toEqual([
      ["Units", 1],
      ["Recommendations", 1],
      ["Feedback", 3],
    ]);
    const feedback = proposal.sheets[2];
    expect(feedback.headers.map((h) => [h.letter, h.text, h.role])).toEqual([
      ["A", "Unit name", "name"],
      ["B", "No.", "number"],
      ["C", "Réponse", null],
      ["D", "What we will do", null],
      ["E", "Who", null],
      ["F", "Money", null],
      ["G", "By when", null],
      ["H", "Progress", null],
      ["I", "Notes", null],
      ["J", "Six-month check", null],
    ]);
    expect(feedback.rows[0][0]).toEqual({ letter: "A", text: "Evaluation of training: answers received", role: null });
    expect(feedback.rows).toHaveLength(8);
  });

  it("guesses a Unit column from a Unit name header, and follow-ups from status headers naming a period", () => {
    const headers = proposeMapping({
      sheets: [{ name: "R", rows: [["Rec. no.", "Unit name", "Accepted?", "Proposed action", "Deadline", "Status at 6 months", "Update 2026"]] }],
    }).sheets[0].headers;
    expect(guessedMapping("R", 1, headers)).toEqual({
      sheet: "R",
      headerRow: 1,
      columns: { number: "A", unit: "B", acceptance: "C", action: "D", targetDate: "E" },
      followUps: ["F", "G"],
    });
  });

  it("starts from the saved mapping while its sheet exists, else from the sheet whose headers name the most roles", () => {
    const proposal = proposeMapping(book({ responses: ROWS }));
    expect(startingMapping(proposal, MAPPING)).toEqual({
      sheet: "Responses",
      headerRow: 1,
      columns: {
        number: "A", unit: "B", acceptance: "C", action: "D", responsible: "E", budget: "F", targetDate: "G", status: "H", comments: "K",
      },
      followUps: ["I", "J"],
    });
    const withFeedback = proposeMapping(oddBook());
    expect(startingMapping(withFeedback, MAPPING)).toBe(MAPPING);
    // Unsaved: the Feedback sheet, where No. and (from `Unit name`) Unit find a column, beats the Recommendations sheet
    expect(startingMapping(withFeedback, { ...MAPPING, sheet: "Gone" })).toEqual({
      sheet: "Feedback",
      headerRow: 3,
      columns: { number: "B", unit: "A" },
      followUps: [],
    });
    expect(startingMapping({ sheets: [] })).toBeNull();
  });
});

describe("the mapping in the settings", () => {
  it("is kept as it was chosen, and an unreadable one is dropped without losing the other settings", () => {
    expect(SettingsSchema.parse({ mapping: MAPPING }).mapping).toEqual(MAPPING);
    const parsed = SettingsSchema.parse({ summaryBy: "unit", mapping: { sheet: "Feedback", headerRow: 0, columns: {} } });
    expect(parsed.summaryBy).toBe("unit");
    expect(parsed.mapping).toBeUndefined();
    expect(MappingSchema.safeParse({ ...MAPPING, columns: { unit: "a1" } }).success).toBe(false);
  });
});
