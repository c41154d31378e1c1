import { describe, expect, it } from "vitest";
import { isoFromSerial } from "../../src/core/dates";
import { LayoutError } from "../../src/core/layouts/errors";
import { readWorkbook } from "../../src/core/read";
import { book, goodRow, matrixOf, row } from "./workbooks";

describe("canonical layout reader", () => {
  it("reads units, recommendations and responses with their cells", () => {
    const m = matrixOf({ responses: [goodRow("1", "CWM"), goodRow("1.", "gcp")] });
    expect(m.layout).toBe("canonical");
    expect(m.units.map((u) => `${u.code}/${u.division}`)).toEqual(["CWM/Planet", "GCP/Planet", "PTP/Peace"]);
    expect(m.recommendations.map((r) => [r.number, r.addressedTo])).toEqual([
      ["1", ["CWM", "GCP", "PTP"]],
      ["2", ["CWM", "GCP", "PTP"]],
    ]);
    expect(m.responses.map((r) => [r.number, r.unit, r.acceptance])).toEqual([
      ["1", "CWM", { kind: "known", value: "Accepted" }],
      ["1", "GCP", { kind: "known", value: "Accepted" }],
    ]);
    expect(m.responses[1].cells.acceptance).toEqual({ sheet: "Responses", row: 2, col: 2 });
    expect(m.statusColumns.map((c) => [c.role, c.period?.months ?? null])).toEqual([["status", null], ["followUp", 6], ["followUp", 12]]);
  });

  it("inherits a blank No. from the row above (merged cells in real forms)", () => {
    const m = matrixOf({ responses: [goodRow("(2)", "CWM"), goodRow("", "GCP"), goodRow("Recommendation 1", "PTP")] });
    expect(m.responses.map((r) => r.number)).toEqual(["2", "2", "1"]);
  });

  it("finds the header row below a title block and reads its labels", () => {
    const wb = book({ responses: [goodRow("1", "CWM")] });
    wb.sheets[1].rows.unshift(["Title", "<b>Evaluation of learning events</b>"], ["Date of response", "15 March 2024"], []);
    const m = readWorkbook(wb, { asOf: "2025-01-01" });
    expect(m.title).toBe("Evaluation of learning events");
    expect(isoFromSerial(m.responseDate!)).toBe("2024-03-15");
    expect(m.recommendations).toHaveLength(2);
  });

  it("uses the workbook name as title when there is no Title cell", () => {
    expect(matrixOf({ responses: [] }).title).toBe("test");
  });

  it("matches headers in French and in any case", () => {
    const m = matrixOf({
      responsesHeader: ["N°", "Unité", "Acceptation", "Action prévue", "Date cible", "Statut", "Statut à 6 mois", "Commentaires"],
      responses: [["1", "CWM", "Partiellement acceptée", "Former le personnel", "31 décembre 2025", "En cours", "", "Une partie seulement"]],
    });
    const r = m.responses[0];
    expect(r.acceptance).toEqual({ kind: "known", value: "Partially accepted" });
    expect(r.targetDate.kind).toBe("date");
    expect([...m.columns].sort()).toEqual(["acceptance", "action", "comments", "followUp", "number", "status", "targetDate", "unit"]);
  });

  it("lists units by first appearance when there is no Units sheet, and implies addressing from the rows", () => {
    const wb = book({ responses: [row({ no: "1", unit: "B", acceptance: "Accepted" }), row({ no: "1", unit: "A", acceptance: "N/A" })] });
    wb.sheets = wb.sheets.filter((s) => s.name === "Responses");
    const m = readWorkbook(wb, { asOf: "2025-01-01" });
    expect(m.units.map((u) => u.code)).toEqual(["B", "A"]);
    expect(m.unitsListed).toBe(false);
    expect(m.explicitAddressing).toBe(false);
    expect(m.recommendations.map((r) => [r.number, r.addressedTo])).toEqual([["1", ["B"]]]);
  });

  it("says which sheet and column are missing, and what to do", () => {
    const noResponses = { name: "x.xlsx", sheets: [{ name: "Sheet1", rows: [["hello"]] }] };
    expect(() => readWorkbook(noResponses, { asOf: "2025-01-01" })).toThrow(LayoutError);
    expect(() => readWorkbook(noResponses, { asOf: "2025-01-01" })).toThrow(/^No sheet has the columns "No.", "Unit" and "Acceptance"/);
    const noUnitColumn = book({ responsesHeader: ["No.", "Acceptance"], responses: [["1", "Accepted"]] });
    expect(() => readWorkbook(noUnitColumn, { asOf: "2025-01-01" })).toThrow(/'Responses' has no header row with the column "Unit"/);
  });

  it("rejects an as-of date that is not a date", () => {
    expect(() => readWorkbook(book({ responses: [] }), { asOf: "30/06/2025" })).toThrow(/YYYY-MM-DD/);
  });
});
