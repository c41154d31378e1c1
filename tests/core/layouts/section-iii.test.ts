import { describe, expect, it } from "vitest";
import type { CellValue, Workbook } from "../../../src/core/grid";
import { detectSectionIII } from "../../../src/core/layouts/section-iii";
import { recommendationCell } from "../../../src/core/layouts/table";
import { readWorkbook } from "../../../src/core/read";

const HEADER = ["Recommendation", "", "Programme Unit", "Accepted Partially Accepted Rejected", "Proposed action", "Budget allocated (if necessary)", "Status (planned, under implementation, implemented)", "Update on status in 2024 – within 6 months"];
const PAGE = "<b>Management Response:</b> Evaluation of learning events";

function form(rows: CellValue[][], name = "Responses form", extra: Workbook["sheets"] = []): Workbook {
  return { name: "form.xlsx", sheets: [{ name, rows }, ...extra] };
}

const read = (wb: Workbook) => readWorkbook(wb, { asOf: "2025-06-30" });
const answers = (wb: Workbook) => read(wb).responses.map((r) => [r.number, r.unit, r.acceptance.kind === "known" ? r.acceptance.value : r.acceptance.kind]);

describe("recommendation cells", () => {
  it.each([
    ["1.", "1", ""],
    [3, "3", ""],
    ["<p>4. Programme Units should formulate strategies.</p>", "4", "Programme Units should formulate strategies."],
    ["<p><b>Recommendation 5.</b> Use evidence</p>", "5", "Use evidence"],
    ["Recommendation 1: Take steps", "1", "Take steps"],
    ["(2) Integrate controls", "2", "Integrate controls"],
    ["13 a) Train staff", "13a", "Train staff"],
  ])("reads %j as number %s and its text", (cell, number, text) => {
    expect(recommendationCell(cell)).toEqual({ number, text });
  });

  it.each(["Programme Units delivering learning events", "2024 was a year of change", "Recommendations 4 and 5 can be implemented", ""])("finds no number in %j", (cell) => {
    expect(recommendationCell(cell)).toBeNull();
  });
});

describe("Section III long form", () => {
  const rows: CellValue[][] = [
    ["<b>SECTION III - RECOMMENDATIONS</b>", "", "<b>Management Response and Planned Action</b>"],
    HEADER,
    ["1.", "Programme Units take steps to ensure full compliance with the", "A2030", "No response received", "No response received", "No response received", "No response received"],
    ["", "", "CWM", "Accepted", "Staff to learn the", "N/A", "Planned"],
    [PAGE],
    ["", "Certification Policy.", "", "", "certification policy."],
    ["", "", "GCP", "Partially accepted", "Train staff.", "Implemented"],
    ["", "", "<b>Comments:</b>"],
    [],
    HEADER,
    ["<p>2. Programme Units should integrate quality control.</p>", "", "CWM", "Accepted", "Check entries monthly.", "N/A", "Under implementation"],
    ["", "", "GCP", "NA"],
    ["<p><b>Comments:</b></p> <p>PMCPU: difficulties with merged data.</p>"],
  ];

  it("reads the number merged down its unit rows, skipping repeated headers, page headers and Comments rows", () => {
    const m = read(form(rows));
    expect(m.layout).toBe("section-iii");
    expect(answers(form(rows))).toEqual([
      ["1", "A2030", "No response"],
      ["1", "CWM", "Accepted"],
      ["1", "GCP", "Partially accepted"],
      ["2", "CWM", "Accepted"],
      ["2", "GCP", "Not applicable"],
    ]);
    expect(m.responses.map((r) => r.row)).toEqual([2, 3, 6, 10, 11]);
    expect(m.responses[2].cells.acceptance).toEqual({ sheet: "Responses form", row: 6, col: 3 });
    expect(m.responsesSheet).toBe("Responses form");
  });

  it("reads each recommendation's text, from the cell beside the number or from the number's own cell, across page breaks", () => {
    const m = read(form(rows));
    expect(m.recommendations.map((r) => [r.number, r.text, r.at.row])).toEqual([
      ["1", "Programme Units take steps to ensure full compliance with the Certification Policy.", 2],
      ["2", "Programme Units should integrate quality control.", 10],
    ]);
  });

  it("joins the part of a row a page break carried over to the unit's row above", () => {
    const cwm = read(form(rows)).responses[1];
    expect(cwm.action).toBe("Staff to learn the certification policy.");
    expect(cwm.budget).toBe("N/A");
  });

  it("implies addressing from the rows (NA leaves a unit unaddressed) and lists units by first appearance without a Units sheet", () => {
    const m = read(form(rows));
    expect(m.explicitAddressing).toBe(false);
    expect(m.unitsListed).toBe(false);
    expect(m.units.map((u) => u.code)).toEqual(["A2030", "CWM", "GCP"]);
    expect(m.recommendations.map((r) => r.addressedTo)).toEqual([["A2030", "CWM", "GCP"], ["CWM"]]);
  });

  it("leaves values in the wrong column where they are: a status written under Budget is a budget", () => {
    const gcp = read(form(rows)).responses[2];
    expect(gcp.budget).toBe("Implemented");
    expect(gcp.statuses.map((s) => s.reading.kind)).toEqual(["blank", "blank"]);
  });

  it("resolves units through the Units sheet, aliases included", () => {
    const units = { name: "Units", rows: [["Code", "Name", "Division", "Aliases"], ["NDC", "NCD, Digital Health", "NCD", "NCD"], ["CWM", "Chemicals and Waste", "Planet", ""]] };
    const m = read(form([HEADER, ["1.", "Text", "ncd", "Accepted", "Act."], ["", "", "Chemicals and Waste", "Accepted", "Act."], ["", "", "XYZ", "Accepted", "Act."]], "Sheet1", [units]));
    expect(m.unitsListed).toBe(true);
    expect(m.responses.map((r) => [r.unitText, r.unit])).toEqual([["ncd", "NDC"], ["Chemicals and Waste", "CWM"], ["XYZ", null]]);
    expect(m.units.map((u) => u.code)).toEqual(["NDC", "CWM"]);
  });

  it("names a unit by its first spelling when there is no Units sheet (`cwm` further down is CWM)", () => {
    const m = read(form([HEADER, ["1.", "Text", "CWM", "Accepted", "Act."], ["2.", "Text", "cwm", "Rejected", "Why."]]));
    expect(m.responses.map((r) => r.unit)).toEqual(["CWM", "CWM"]);
  });

  it("reads a later table with its own header, whose columns sit elsewhere", () => {
    const shifted = ["Recommendation", "Programme Unit", "Accepted Partially accepted Rejected", "Proposed action", "Budget", "Status", "Update on status in 2026 – two years"];
    const m = read(form([HEADER, ["1.", "Text", "CWM", "Accepted", "Act.", "", "Planned"], [], shifted, ["2. Text two", "GCP", "Rejected", "Not our mandate.", "", "", "Implemented"]]));
    expect(m.responses.map((r) => [r.number, r.unit, r.action])).toEqual([["1", "CWM", "Act."], ["2", "GCP", "Not our mandate."]]);
    expect(m.responses[1].cells.acceptance).toEqual({ sheet: "Responses form", row: 4, col: 2 });
    expect(m.responses[1].statuses.map((s) => [s.at.col, s.reading.kind])).toEqual([[5, "blank"], [6, "known"]]);
    // Every table's status columns, one per sheet column
    expect(m.statusColumns.map((s) => [s.col, s.role])).toEqual([[5, "status"], [6, "status"], [7, "followUp"]]);
  });

  it("gives a unit's text that came before its unit row (the number's row) to the unit's row", () => {
    const m = read(form([HEADER, ["3.", "CITSU should build the interface.", "", "", "Meetings were held.", "Budget 2024", "Under implementation"], ["", "", "CITSU", "Accepted"]]));
    expect(m.responses.map((r) => [r.number, r.unit, r.action, r.budget])).toEqual([["3", "CITSU", "Meetings were held.", "Budget 2024"]]);
    expect(m.recommendations[0].text).toBe("CITSU should build the interface.");
  });

  it("reads the title from a labelled cell of the form's cover block on another sheet", () => {
    const cover = { name: "Section 0", rows: [["<b>Name of evaluation</b>", "Evaluation of learning events"]] };
    expect(read(form([HEADER, ["1.", "Text", "CWM", "Accepted", "Act."]], "Section III", [cover])).title).toBe("Evaluation of learning events");
  });
});

describe("recognising the Section III layout", () => {
  it("scores a sheet marked Section III (name or title row) over one whose Recommendation column merely holds numbers", () => {
    expect(detectSectionIII(form([HEADER, ["1.", "Text", "CWM", "Accepted"]], "Section III"))).toBe(0.9);
    expect(detectSectionIII(form([["SECTION III - RECOMMENDATIONS"], HEADER, ["1.", "Text", "CWM", "Accepted"]], "Sheet1"))).toBe(0.9);
    expect(detectSectionIII(form([HEADER, ["1.", "Text", "CWM", "Accepted"]], "Sheet1"))).toBe(0.7);
  });

  it("does not take a sheet whose Recommendation column holds text, nor the canonical Responses sheet", () => {
    expect(detectSectionIII(form([HEADER, ["Train staff", "", "CWM", "Accepted"]], "Sheet1"))).toBe(0);
    const canonical = form([["No.", "Unit", "Acceptance"], ["1", "CWM", "Accepted"]], "Responses");
    expect(detectSectionIII(canonical)).toBe(0);
    expect(read(canonical).layout).toBe("canonical");
  });

  it("names the layout for the status line", async () => {
    const { layoutName } = await import("../../../src/core/layouts/index");
    expect(layoutName("section-iii")).toBe("Section III layout");
  });
});
