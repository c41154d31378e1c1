import { describe, expect, it } from "vitest";
import type { Workbook } from "../../src/core/grid";
import { readWorkbook } from "../../src/core/read";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { templateSheets, EMPTY_ROWS } from "../../src/core/template";
import { validate } from "../../src/core/validate";
import { EXAMPLE_RESPONSES } from "../../src/core/example/seed002";

/** The sheets as the readers see them once written. */
function asWorkbook(sheets: SheetSpec[]): Workbook {
  return { name: "template.xlsx", sheets: sheets.map((s) => ({ name: s.name, rows: s.cells })) };
}

const sheet = (sheets: SheetSpec[], name: string) => sheets.find((s) => s.name === name)!;

describe("templateSheets", () => {
  const empty = templateSheets({ example: false });

  it("writes the three canonical sheets with their headers", () => {
    expect(empty.map((s) => s.name)).toEqual(["Units", "Recommendations", "Responses"]);
    expect(sheet(empty, "Units").cells[0]).toEqual(["Code", "Name", "Division", "Aliases"]);
    expect(sheet(empty, "Recommendations").cells[2]).toEqual(["No.", "Recommendation", "Priority", "Category", "Addressed to"]);
    expect(sheet(empty, "Responses").cells[0]).toEqual([
      "No.", "Unit", "Acceptance", "Planned action", "Responsible", "Budget", "Target date", "Status",
      "Status at 6 months", "Status at 1 year", "Status at 2 years", "Comments", "Evidence", "Response date",
    ]);
  });

  it("puts a Title label above the recommendations, which the reader takes as the title", () => {
    const recs = sheet(templateSheets({ example: true }), "Recommendations");
    expect(recs.cells[0]).toEqual(["Title", "Evaluation of UNITAR's learning-related events certifications"]);
    expect(readWorkbook(asWorkbook(templateSheets({ example: true })), { asOf: "2025-06-30" }).title).toBe(
      "Evaluation of UNITAR's learning-related events certifications",
    );
  });

  it("makes each sheet a table with a bold, frozen header row and a few empty rows when there is no data", () => {
    const responses = sheet(empty, "Responses");
    expect(responses.tables).toEqual([{ name: "ResponsesTable", range: { top: 0, left: 0, bottom: EMPTY_ROWS, right: 13 }, style: "TableStyleMedium2" }]);
    expect(responses.freezeRows).toBe(1);
    expect(responses.styles).toContainEqual({ range: { top: 0, left: 0, bottom: 0, right: 13 }, style: expect.objectContaining({ bold: true }) });
    const recs = sheet(empty, "Recommendations");
    expect(recs.tables![0].range).toEqual({ top: 2, left: 0, bottom: 2 + EMPTY_ROWS, right: 4 });
    expect(recs.freezeRows).toBe(3);
    expect(responses.columnWidths).toHaveLength(14);
    expect(responses.print).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: 0, last: 0 } });
  });

  it("puts dropdowns on Acceptance, every status column and Priority, over the table's rows", () => {
    const responses = sheet(empty, "Responses");
    const byColumn = new Map(responses.dropdowns!.map((d) => [d.range.left, d]));
    expect([...byColumn.keys()]).toEqual([2, 7, 8, 9, 10]);
    expect(byColumn.get(2)!.values).toEqual(["Accepted", "Partially accepted", "Rejected", "No response", "Not applicable"]);
    for (const col of [7, 8, 9, 10]) {
      expect(byColumn.get(col)!.values).toEqual(["Not started", "Planned", "Under implementation", "Implemented", "Not implemented"]);
      expect(byColumn.get(col)!.range).toEqual({ top: 1, left: col, bottom: EMPTY_ROWS, right: col });
    }
    const priority = sheet(empty, "Recommendations").dropdowns!;
    expect(priority).toEqual([
      expect.objectContaining({ range: { top: 3, left: 2, bottom: 2 + EMPTY_ROWS, right: 2 }, values: ["Critical", "Important", "High", "Medium", "Low"] }),
    ]);
  });

  it("reads back as an empty canonical workbook", () => {
    const matrix = readWorkbook(asWorkbook(empty), { asOf: "2025-06-30" });
    expect(matrix.layout).toBe("canonical");
    expect([matrix.units.length, matrix.recommendations.length, matrix.responses.length]).toEqual([0, 0, 0]);
    expect(matrix.statusColumns.map((c) => c.period?.label ?? null)).toEqual([null, "6 months", "1 year", "2 years"]);
  });
});

describe("the seed 002 example", () => {
  const sheets = templateSheets({ example: true });
  const matrix = readWorkbook(asWorkbook(sheets), { asOf: "2025-06-30" });

  it("has the 14 units in the README's order, with NDC's alias NCD", () => {
    expect(matrix.units.map((u) => u.code)).toEqual([
      "CITSU", "PTP", "PMCP", "SDP", "A2030", "CWM", "GCP", "SCYCLE", "NYO", "MDP", "UNOSAT", "HO", "PFTP", "NDC",
    ]);
    expect(matrix.units.find((u) => u.code === "NDC")).toMatchObject({ division: "NCD", aliases: ["NCD"] });
    expect(matrix.units.find((u) => u.code === "UNOSAT")!.division).toBe("Satellite Analysis and Applied Research");
  });

  it("addresses recommendation 3 to CITSU only and the others to every unit but CITSU", () => {
    const addressed = Object.fromEntries(matrix.recommendations.map((r) => [r.number, r.addressedTo]));
    expect(Object.keys(addressed)).toEqual(["1", "2", "3", "4", "5"]);
    expect(addressed["3"]).toEqual(["CITSU"]);
    const allButCitsu = matrix.units.map((u) => u.code).filter((c) => c !== "CITSU");
    for (const n of ["1", "2", "4", "5"]) expect(addressed[n]).toEqual(allButCitsu);
    expect(matrix.recommendations.every((r) => r.addressedUnknown.length === 0)).toBe(true);
  });

  it("transcribes every Section III answer row, with the form's own defects", () => {
    expect(matrix.responses).toHaveLength(53);
    expect(EXAMPLE_RESPONSES.filter((r) => r.number === "3")).toHaveLength(1);
    const row = (no: string, unit: string) => {
      const found = matrix.responses.filter((r) => r.number === no && r.unit === unit);
      expect(found).toHaveLength(1);
      return found[0];
    };
    expect(row("1", "A2030")).toMatchObject({ action: "No response received", budget: "No response received" });
    expect(row("1", "A2030").acceptance).toEqual({ kind: "known", value: "No response" });
    expect(row("1", "NYO").action).toBe("-");
    expect(row("4", "SCYCLE").action).toBe("N/A");
    expect(row("2", "UNOSAT")).toMatchObject({ budget: "Implemented" });
    expect(row("4", "HO")).toMatchObject({ budget: "Under implementation" });
    expect(row("3", "CITSU").statuses[0].reading).toEqual({ kind: "known", value: "Under implementation" });
    expect(row("1", "SCYCLE").statuses[0].reading).toMatchObject({ kind: "unknown", text: "When time comes, it will be done" });
    expect(row("2", "PMCP").statuses[0].reading).toEqual({ kind: "known", value: "Implemented" }); // "Already in full compliance"
    expect(row("2", "SCYCLE").acceptance).toEqual({ kind: "known", value: "Rejected" });
    expect(matrix.responses.every((r) => r.targetDate.kind === "blank")).toBe(true);
    expect(matrix.responses.every((r) => r.statuses.slice(1).every((s) => s.reading.kind === "blank"))).toBe(true);
  });

  it("gives the findings the form's defects call for", () => {
    const findings = validate(matrix);
    const of = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => [f.cell, f.recommendation, f.unit]);
    expect(of("no-response-received")).toEqual([
      ["C2", "1", "A2030"], ["C15", "2", "A2030"], ["C29", "4", "A2030"], ["C42", "5", "A2030"],
    ]);
    expect(of("missing-action")).toEqual([["D8", "1", "NYO"], ["D21", "2", "NYO"], ["D41", "4", "SCYCLE"]]);
    expect(of("unknown-status")).toContainEqual(["H14", "1", "SCYCLE"]);
  });
});
