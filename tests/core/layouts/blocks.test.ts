/**
 * The segmenter (src/core/layouts/blocks.ts): every sheet cut into blocks wherever they sit, each recognised by what
 * it holds; and what reading several blocks together gives (per-block columns, Section 0 checked against the detail).
 */

import { describe, expect, it } from "vitest";
import type { CellValue, Sheet, Workbook } from "../../../src/core/grid";
import { isAsideRow, segmentSheet } from "../../../src/core/layouts/blocks";
import { describeBlocks } from "../../../src/core/layouts/describe";
import { LayoutError } from "../../../src/core/layouts/errors";
import type { Finding } from "../../../src/core/model";
import { readWorkbook } from "../../../src/core/read";
import { validate } from "../../../src/core/validate";
import { book, goodRow } from "../workbooks";

const AS_OF = "2025-06-30";
const read = (wb: Workbook) => readWorkbook(wb, { asOf: AS_OF });
const brief = (f: Finding) => [f.rule, f.sheet, f.cell, f.recommendation, f.unit];
const shape = (sheet: Sheet) => segmentSheet(sheet).map((b) => [b.shape, b.top, b.end, b.headers.map((h) => [h.firstRow, h.headerRow])]);

const RESPONSES: CellValue[][] = [["No.", "Unit", "Acceptance", "Planned action"], ["1", "CWM", "Accepted", "-"], ["1", "GCP", "Acepted", "Train staff."]];

describe("finding tables at any depth", () => {
  it.each([500, 5000])("finds a table whose header sits at row %i, under notes, as it finds it at the top", (depth) => {
    const notes: CellValue[][] = Array.from({ length: depth }, (_, i) => (i % 40 === 0 ? [`Note ${i / 40 + 1}: answers collected by e-mail.`] : []));
    const atTop = validate(read({ sheets: [{ name: "Responses", rows: RESPONSES }] }));
    const deep = read({ sheets: [{ name: "Responses", rows: [...notes, ...RESPONSES] }] });
    expect(validate(deep).map(brief)).toEqual(atTop.map((f) => [f.rule, f.sheet, `${f.cell[0]}${Number(f.cell.slice(1)) + depth}`, f.recommendation, f.unit]));
    expect(describeBlocks(deep)).toEqual([`Sheet 'Responses': responses table at A${depth + 1}:D${depth + 3} (2 units, 1 recommendation, 2 answers)`]);
  });

  it("takes a group label over sub-headers as one header two rows deep", () => {
    const sheet = { name: "Form", rows: [["Recommendation", "", "Management Response and Planned Action"], ["", "", "Accepted Partially Accepted Rejected", "Planned action"], ["1.", "Do a.", "Accepted", "Train."]] };
    expect(shape(sheet)).toEqual([["table", 0, 3, [[0, 1]]]]);
  });

  it("goes on with a table whose header repeats, starts another at a header of other key columns, and ends one at a section title or a signature", () => {
    const sheet = {
      name: "Form",
      rows: [
        ["Rec. no.", "Recommendation", "Accepted? (Yes/No)"], ["1", "Do a.", "Yes"],
        ["Management Response: Evaluation of learning events"],
        ["Rec. no.", "Recommendation", "Accepted? (Yes/No)"], ["2", "Do b.", "Yes"],
        ["Rec. no.", "Recommendation", "C/O", "Implementation date"], ["1", "Do a.", "O", "31 December 2030"],
        ["SECTION III - RECOMMENDATIONS"],
        ["No.", "Unit", "Acceptance"], ["1", "CWM", "Accepted"],
        ["Name of Director", "Date", "Signature"], ["A. Director", "22 Jan 2024", "A. Director"],
      ],
    };
    expect(shape(sheet)).toEqual([
      ["table", 0, 5, [[0, 0], [3, 3]]],
      ["table", 5, 7, [[5, 5]]],
      ["loose", 7, 8, []],
      ["table", 8, 10, [[8, 8]]],
      ["loose", 10, 12, []],
    ]);
    expect(segmentSheet(sheet)[3]).toMatchObject({ title: "SECTION III - RECOMMENDATIONS", signatureRow: 10 });
  });

  it("does not take a row of answers naming roles among its values (`Unité Paris`, `N/A`, `Accepted`) for a header", () => {
    const sheet = { name: "Responses", rows: [["N°", "Unité", "Acceptation", "Commentaires"], ["", "Unité Paris", "Accepted", "N/A"], ["2", "Bureau de Genève", "Accepted", ""]] };
    expect(shape(sheet)).toEqual([["table", 0, 3, [[0, 0]]]]);
  });

  it("tells page headers, section titles, Comments rows and footnotes from answers", () => {
    expect(isAsideRow(["<b>Management Response:</b> Evaluation of learning events"])).toBe(true);
    expect(isAsideRow(["SECTION II – Comments on Findings, Conclusions"])).toBe(true);
    expect(isAsideRow(["", "", "<b>Comments:</b>"])).toBe(true);
    expect(isAsideRow(["¹ Critical recommendations address those risk issues that require immediate management attention."])).toBe(true);
    expect(isAsideRow(["", "", "CWM", "Accepted", "Train staff."])).toBe(false);
  });
});

describe("Section 0 matrices found by what they hold", () => {
  /** Recommendation 1: CWM and GCP accepted, PTP partially; recommendation 2: GCP rejected, the others accepted. */
  const responses = [
    goodRow("1", "CWM"), goodRow("1", "GCP"), goodRow("1", "PTP", { acceptance: "Partially accepted", comments: "Only part." }),
    goodRow("2", "CWM"), goodRow("2", "GCP", { acceptance: "Rejected", comments: "Not ours." }), goodRow("2", "PTP"),
  ];
  const mismatches = (summary: Sheet) => validate(read(book({ responses, extra: [summary] }))).filter((f) => f.rule === "summary-mismatch");

  it("skips a caption merged across the columns above the real labels, and checks the matrix cell by cell", () => {
    // Every cell of recommendation 1 says Rejected; recommendation 2's say what the detail adds up to but for GCP
    const summary = {
      name: "Summary",
      rows: [["Recommendation", "Unit", "", ""], ["", "CWM", "GCP", "PTP"], ["1. Do a.", "Rejected", "Rejected", "Rejected"], ["2. Do b.", "Accepted", "Accepted", "Accepted"]],
      merges: [{ top: 0, left: 1, bottom: 0, right: 3 }],
    };
    expect(mismatches(summary).map((f) => [f.cell, f.recommendation, f.unit, f.suggestion])).toEqual([
      ["B3", "1", "CWM", "Accepted"],
      ["C3", "1", "GCP", "Accepted"],
      ["D3", "1", "PTP", "Partially accepted"],
      ["C4", "2", "GCP", "Rejected"],
    ]);
  });

  it.each([
    ["a merged banner beside its title", [["SECTION 0 – Summary of response", "Division / Unit", ""], ["", "Planet", "Peace"]], [{ top: 0, left: 1, bottom: 0, right: 2 }]],
    ["spaced-out letters alone on their row", [["", "D i v i s i o n / U n i t", ""], ["Recommendation", "Planet", "Peace"]], []],
    ["no caption and no title: found by its answers", [["Summary of answers by division"], ["", "Planet", "Peace"]], []],
  ])("takes the labels under %s", (_, top, merges) => {
    const summary = { name: "Summary", rows: [...top, ["1. Do a.", "Rejected", "Rejected"], ["2. Do b.", "Accepted", "Accepted"]], merges };
    expect(mismatches(summary).map((f) => [f.cell, f.recommendation, f.unit, f.suggestion])).toEqual([
      ["B3", "1", "Planet", "Accepted"],
      ["C3", "1", "Peace", "Partially accepted"],
      ["B4", "2", "Planet", "Accepted (CWM); Rejected (GCP)"],
    ]);
  });

  it("reads a matrix with its numbers and texts in columns of their own", () => {
    const summary = { name: "Summary", rows: [["No.", "Recommendation", "Planet", "Peace"], ["1", "Do a.", "Accepted", "Partially accepted"], ["2", "Do b.", "Accepted (CWM); Rejected (GCP)", "Accepted"]] };
    const m = read(book({ responses, extra: [summary] }));
    expect(m.section0?.columns.map((c) => c.label)).toEqual(["Planet", "Peace"]);
    expect(m.section0?.rows.map((r) => [r.number, r.text])).toEqual([["1", "Do a."], ["2", "Do b."]]);
    expect(mismatches(summary)).toEqual([]);
  });

  it("checks every Section 0 block against the detail, wherever it sits", () => {
    const two = { name: "Summary", rows: [["Planet only"], ["", "Planet"], ["1. Do a.", "Accepted", "NA"], [], ["SECTION 0 – Summary of response"], ["", "Peace"], ["1. Do a.", "Accepted"]] };
    expect(mismatches(two).map((f) => [f.cell, f.unit])).toEqual([["B7", "Peace"]]);
  });
});

describe("several blocks of answers", () => {
  const S3 = ["Recommendation", "", "Programme Unit", "Accepted Partially Accepted Rejected", "Proposed action", "Status"];
  const withoutAction = ["Recommendation", "", "Programme Unit", "Accepted Partially Accepted Rejected", "Status"];
  const wb: Workbook = {
    name: "form.xlsx",
    sheets: [
      { name: "Section III", rows: [S3, ["1.", "Do a.", "CWM", "Accepted", "", "Planned"], ["", "", "GCP", "Accepted", "-", "Planned"]] },
      { name: "Section III (2)", rows: [["SECTION III - RECOMMENDATIONS"], withoutAction, ["2.", "Do b.", "CWM", "Accepted", "Planned"], ["", "", "GCP", "Accepted", "Planned"]] },
    ],
  };

  it("make the matrix together", () => {
    const m = read(wb);
    expect(m.recommendations.map((r) => [r.number, r.addressedTo])).toEqual([["1", ["CWM", "GCP"]], ["2", ["CWM", "GCP"]]]);
    expect(m.blocks?.map((b) => [b.kind, b.use, b.sheet])).toEqual([["section-iii", "answers", "Section III"], ["section-iii", "answers", "Section III (2)"]]);
  });

  it("fire the rules about a column only for the rows of blocks that have it", () => {
    expect(validate(read(wb)).map(brief)).toEqual([
      ["missing-action", "Section III", "E2", "1", "CWM"],
      ["missing-action", "Section III", "E3", "1", "GCP"],
    ]);
  });
});

describe("one unit's form per sheet", () => {
  const HEADER = ["No.", "Recommendation", "Accepted Partially accepted Rejected", "Planned action", "Target date", "Status", "Comments"];
  const form = (unit: string, second: CellValue[]): Sheet => ({
    name: unit,
    rows: [["Unit:", unit], [], HEADER, ["1", "Do a.", "Accepted", "Train.", "2030-12-31", "Planned", ""], ["2", "Do b.", ...second]],
  });
  const wb: Workbook = {
    name: "units.xlsx",
    sheets: [form("CWM", ["Accepted", "-", "2030-12-31", "Planned", ""]), form("GCP", ["Rejected", "", "", "", ""]), form("PTP", ["Partially accepted", "Train.", "To be decided", "Planned", ""])],
  };

  it("makes one matrix of every unit, each recommendation addressed to the units whose forms answer it", () => {
    const m = read(wb);
    expect(m.units.map((u) => u.code)).toEqual(["CWM", "GCP", "PTP"]);
    expect(m.recommendations.map((r) => [r.number, r.addressedTo])).toEqual([["1", ["CWM", "GCP", "PTP"]], ["2", ["CWM", "GCP", "PTP"]]]);
    expect(describeBlocks(m)).toEqual(["CWM", "GCP", "PTP"].map((u) => `Sheet '${u}': single-unit form at A3:G5 (1 unit, 2 recommendations, 2 answers)`));
    expect(validate(m).map(brief)).toEqual([
      ["missing-action", "CWM", "D5", "2", "CWM"],
      ["missing-justification", "GCP", "D5", "2", "GCP"],
      ["invalid-date", "PTP", "E5", "2", "PTP"],
      ["partial-unexplained", "PTP", "G5", "2", "PTP"],
    ]);
  });
});

describe("when nothing can be read", () => {
  it("names a sheet whose table has the columns of responses deep down, though its name is not Responses", () => {
    const rows: CellValue[][] = [...Array.from({ length: 600 }, () => []), ["No.", "Unit", "Acceptance"], ["1", "CWM", "Accepted"]];
    expect(() => read({ sheets: [{ name: "Sheet1", rows }] })).toThrow(/^The sheet 'Sheet1' has the columns "No\.", "Unit" and "Acceptance" but was not recognised/);
  });

  it("names the Section 0 matrix it found and the table it could not read, rather than take the summary for the answers", () => {
    const wb = {
      sheets: [
        {
          name: "Form",
          rows: [["SECTION 0 – Summary of response"], ["", "Planet", "Peace"], ["1", "Accepted", "Accepted"], [], ["SECTION III"], ["No.", "Programme unit", "Response"], ["1", "CWM", "Accepted"]],
        },
      ],
    };
    expect(() => read(wb)).toThrow(
      new LayoutError(
        "Found a Section 0 matrix on the sheet 'Form' but no detailed responses to check it against: the table at 'Form' row 6 " +
          'was not recognised: it has no column "Acceptance". Add this header above its rows, or choose its sheet and columns in ' +
          "the task pane under Settings → Sheet and columns.",
      ),
    );
  });
});
