import { describe, expect, it } from "vitest";
import type { CellValue, Workbook } from "../../../src/core/grid";
import { detectSection0, readSection0Cell, readSection0Sheet } from "../../../src/core/layouts/section0";
import { readWorkbook } from "../../../src/core/read";
import { validate } from "../../../src/core/validate";
import { book, goodRow } from "../workbooks";

const UNITS = {
  name: "Units",
  rows: [["Code", "Name", "Division", "Aliases"], ["PTP", "Peacekeeping", "Peace", ""], ["PMCP", "Peacemaking", "Peace", ""], ["CWM", "Chemicals", "Planet", ""], ["GCP", "Green", "Planet", ""], ["NDC", "NCD, Digital Health", "NCD", "NCD"]],
};

const TITLE = "SECTION 0 – Summary of response";
const section0 = (rows: CellValue[][], name = "Section 0") => ({ name, rows });
const read = (wb: Workbook) => readWorkbook(wb, { asOf: "2025-06-30" });

describe("Section 0 cells", () => {
  it.each([
    ["", { kind: "blank" }],
    ["NA", { kind: "notAddressed" }],
    ["N A", { kind: "notAddressed" }],
    ["-", { kind: "notAddressed" }],
    ["□", { kind: "notAddressed" }],
    ["☒", { kind: "addressed" }],
    ["Partially Accepted", { kind: "answers", parts: [{ answer: "Partially accepted", units: null }] }],
    [
      "Accepted (GCP and CWM); Partially accepted (SCYCLE)",
      { kind: "answers", parts: [{ answer: "Accepted", units: ["GCP", "CWM"] }, { answer: "Partially accepted", units: ["SCYCLE"] }] },
    ],
    [
      "Accepted (GCP, CWM), Rejected (SCYCLE)",
      { kind: "answers", parts: [{ answer: "Accepted", units: ["GCP", "CWM"] }, { answer: "Rejected", units: ["SCYCLE"] }] },
    ],
    ["Accepted: GCP; No response: A2030", { kind: "answers", parts: [{ answer: "Accepted", units: ["GCP"] }, { answer: "No response", units: ["A2030"] }] }],
    ["Accepted; Rejected (SCYCLE)", { kind: "answers", parts: [{ answer: "Accepted", units: null }, { answer: "Rejected", units: ["SCYCLE"] }] }],
    ["Acepted (GCP)", { kind: "unknown", text: "Acepted (GCP)" }],
    ["Accepted; Rejected", { kind: "unknown", text: "Accepted; Rejected" }],
    ["Accepted (GCP", { kind: "unknown", text: "Accepted (GCP" }],
  ])("reads %j", (cell, reading) => {
    expect(readSection0Cell(cell)).toEqual(reading);
  });
});

describe("finding a Section 0 matrix", () => {
  it("finds it under its title and a spaced-out Division/Unit super-header, and stops at the next section", () => {
    const s0 = readSection0Sheet(
      section0([
        ["<b>Name of evaluation</b>", "Evaluation of learning events"],
        [TITLE, "D i v i s i o n / U n i t"],
        ["", "Peace", "Planet"],
        ["<p><b>Recommendation 1:</b> Take steps.</p>", "Accepted", "Accepted (GCP and CWM)"],
        ["Not a recommendation", "Accepted", "Accepted"],
        ["<p><b>Recommendation 2.</b> Integrate controls.</p>", "☒", "□"],
        ["SECTION II – Comments on Findings, Conclusions"],
        ["Recommendation 3. After the matrix", "Accepted", "Accepted"],
      ]),
    )!;
    expect(s0.columns).toEqual([
      { label: "Peace", at: { sheet: "Section 0", row: 2, col: 1 } },
      { label: "Planet", at: { sheet: "Section 0", row: 2, col: 2 } },
    ]);
    expect(s0.rows.map((r) => [r.number, r.text, r.checkboxes, r.cells.map((c) => c.reading.kind)])).toEqual([
      ["1", "Take steps.", false, ["answers", "answers"]],
      ["2", "Integrate controls.", true, ["addressed", "notAddressed"]],
    ]);
    expect(s0.rows[0].cells[1].at).toEqual({ sheet: "Section 0", row: 3, col: 2 });
  });

  it("takes the column labels from the title row itself", () => {
    const s0 = readSection0Sheet(section0([[TITLE, "CITSU", "Peace"], ["1", "NA", "Accepted"]], "Summary"))!;
    expect(s0.columns.map((c) => c.label)).toEqual(["CITSU", "Peace"]);
    expect(s0.rows).toHaveLength(1);
  });

  it("finds none in a canonical workbook, or under a title with no recommendation rows", () => {
    expect(detectSection0(book({ responses: [goodRow("1", "CWM")] }))).toBe(0);
    expect(readSection0Sheet(section0([[TITLE], ["", "Peace"]]))).toBeNull();
  });
});

describe("a Section 0 matrix alone", () => {
  const alone = (rows: CellValue[][], units = true): Workbook => ({
    name: "summary.xlsx",
    sheets: [section0([[TITLE, "D i v i s i o n / U n i t"], ["", "Peace", "Planet", "NCD"], ...rows]), ...(units ? [UNITS] : [])],
  });

  it("is the Section 0 layout: each column answers for its division's units, or for those its cell names", () => {
    const m = read(alone([["1. Take steps.", "Accepted", "Accepted (GCP); Rejected (CWM)", "Partially accepted"]]));
    expect(m.layout).toBe("section-0");
    expect(m.responsesSheet).toBe("Section 0");
    expect(m.responses.map((r) => [r.unit, r.acceptance.kind === "known" ? r.acceptance.value : r.acceptance.kind, r.cells.acceptance!.col])).toEqual([
      ["PTP", "Accepted", 1],
      ["PMCP", "Accepted", 1],
      ["GCP", "Accepted", 2],
      ["CWM", "Rejected", 2],
      ["NDC", "Partially accepted", 3],
    ]);
    expect(m.recommendations.map((r) => [r.number, r.text, r.addressedTo])).toEqual([["1", "Take steps.", ["PTP", "PMCP", "CWM", "GCP", "NDC"]]]);
    expect(m.section0).toBeUndefined();
  });

  it("leaves NA and □ columns unaddressed; a ☒ with no answer in another row is an addressed unit that has not answered", () => {
    const m = read(alone([["1. Take steps.", "NA", "Accepted", "N A"], ["1. Take steps.", "☒", "☒", "□"]]));
    expect(m.recommendations[0].addressedTo).toEqual(["PTP", "PMCP", "CWM", "GCP"]);
    const missing = validate(m).filter((f) => f.rule === "missing-response");
    expect(missing.map((f) => [f.cell, f.unit])).toEqual([["B4", "PTP"], ["B4", "PMCP"]]);
  });

  it("without a Units sheet, takes each column as a unit, or as the division of the units its cells name", () => {
    const m = read(alone([["1", "Accepted", "Accepted (GCP and CWM)", "NA"], ["2", "Rejected", "Accepted", "Accepted"]], false));
    expect(m.unitsListed).toBe(false);
    expect(m.units.map((u) => [u.code, u.division])).toEqual([["Peace", "Peace"], ["GCP", "Planet"], ["CWM", "Planet"], ["NCD", "NCD"]]);
    expect(m.recommendations.map((r) => r.addressedTo)).toEqual([["Peace", "GCP", "CWM"], ["Peace", "GCP", "CWM", "NCD"]]);
  });

  it("reports a column that is no division or unit of the Units sheet as an unknown unit", () => {
    const wb = alone([["1", "Accepted", "Accepted", "Accepted"]]);
    wb.sheets[0].rows[1][2] = "Planets";
    const unknown = validate(read(wb)).filter((f) => f.rule === "unknown-unit");
    expect(unknown.map((f) => [f.cell, f.unit])).toEqual([["C2", "Planets"]]);
  });
});

describe("a Section 0 matrix beside detailed responses", () => {
  it("is attached to the detail's matrix, not merged into it: the layout, units and responses are the detail's", () => {
    const detail = book({ responses: [goodRow("1", "CWM"), goodRow("1", "GCP"), goodRow("1", "PTP")] });
    const withS0 = book({
      recommendations: [["1", "Strengthen quality control.", "", "", "All"]],
      responses: [goodRow("1", "CWM"), goodRow("1", "GCP"), goodRow("1", "PTP")],
      extra: [section0([[TITLE], ["", "Planet", "Peace"], ["1", "Rejected", "Accepted"]])],
    });
    const m = read(withS0);
    expect(m.layout).toBe("canonical");
    expect(m.responses).toHaveLength(read(detail).responses.length);
    expect(m.section0?.sheet).toBe("Section 0");
    expect(m.section0?.rows.map((r) => r.cells.map((c) => c.text))).toEqual([["Rejected", "Accepted"]]);
    expect(validate(m).map((f) => [f.rule, f.cell, f.unit])).toEqual([["summary-mismatch", "B3", "Planet"]]);
  });
});
