import { describe, expect, it } from "vitest";
import type { CellValue, Workbook } from "../../../src/core/grid";
import { detectSingleUnit } from "../../../src/core/layouts/single-unit";
import type { Finding } from "../../../src/core/model";
import { readWorkbook } from "../../../src/core/read";
import { validate } from "../../../src/core/validate";

const pick = (f: Finding) => [f.rule, f.cell, f.recommendation, f.unit];
const HEADER = ["No.", "Recommendation", "Accepted Partially accepted Rejected", "Planned action", "Target date", "Status", "Comments"];
const GOOD = ["Accepted", "Train all staff.", "2030-12-31", "Planned", ""];

function form(rows: CellValue[][], name = "Form"): Workbook {
  return { name: "form.xlsx", sheets: [{ name, rows }] };
}
const read = (wb: Workbook) => readWorkbook(wb, { asOf: "2025-06-30" });
const findings = (wb: Workbook) => validate(read(wb)).map(pick);

describe("the single-unit form", () => {
  it("names its unit from a labelled cell above the table and addresses every recommendation to it", () => {
    const wb = form([["Unit:", "Peacekeeping Training Programme"], [], HEADER, ["1", "Do a.", ...GOOD], ["2", "Do b.", ...GOOD]]);
    expect(detectSingleUnit(wb)).toBe(0.6);
    const m = read(wb);
    expect(m.layout).toBe("single-unit");
    expect(m.units.map((u) => [u.code, u.at])).toEqual([["Peacekeeping Training Programme", { sheet: "Form", row: 0, col: 1 }]]);
    expect(m.recommendations.map((r) => [r.number, r.text, r.addressedTo])).toEqual([
      ["1", "Do a.", ["Peacekeeping Training Programme"]],
      ["2", "Do b.", ["Peacekeeping Training Programme"]],
    ]);
    expect(findings(wb)).toEqual([]);
  });

  it.each([["Entity:"], ["Name of programme/office/unit"], ["Unité :"], ["Entité :"]])("reads the unit after the label %s", (label) => {
    expect(read(form([[label, "SDP"], HEADER, ["1", "Do a.", ...GOOD]])).units[0].code).toBe("SDP");
  });

  it("falls back on the sheet's name, and reports findings with it", () => {
    const wb = form([HEADER, ["1", "Do a.", "Accepted", "-", "2030-12-31", "Planned", ""]], "CITSU response");
    expect(detectSingleUnit(wb)).toBe(0.5);
    expect(findings(wb)).toEqual([["missing-action", "D2", "1", "CITSU response"]]);
  });

  it("checks each answer as the rules do: blank, Not applicable, rejected without reason, unknown words", () => {
    const wb = form([
      ["Unit:", "PTP"],
      HEADER,
      ["1", "Do a.", "", "", "", "", ""],
      ["2", "Do b.", "Not applicable", "", "", "", ""],
      ["3", "Do c.", "Rejected", "", "", "", ""],
      ["4", "Do d.", "Acepted", "Train.", "Q2 2024", "Planed", ""],
    ]);
    expect(findings(wb)).toEqual([
      ["missing-response", "C3", "1", "PTP"],
      ["missing-response", "C4", "2", "PTP"],
      ["missing-justification", "D5", "3", "PTP"],
      ["unknown-acceptance", "C6", "4", "PTP"],
      ["invalid-date", "E6", "4", "PTP"],
      ["unknown-status", "F6", "4", "PTP"],
    ]);
  });

  it("reads a header over two merged rows: `Recommendation` over the No. and text columns, a group label over its sub-headers", () => {
    const wb: Workbook = {
      sheets: [
        {
          name: "Form",
          rows: [
            ["Unit:", "PTP"],
            ["Recommendation", "", "Management Response and Planned Action"],
            ["", "", "Accepted Partially Accepted Rejected", "Planned action", "Budget allocated (if necessary)", "Status 6 months", "Status one year"],
            ["1.", "Do a.", "Accepted", "Train.", "n/a", "Planned", "Implemented"],
            ["2.", "Do b.", "Partially accepted", "Train.", "n/a", "Under implementation", "Planned"],
          ],
          merges: [
            { top: 1, left: 0, bottom: 2, right: 1 },
            { top: 1, left: 2, bottom: 1, right: 6 },
          ],
        },
      ],
    };
    const m = read(wb);
    expect(m.recommendations.map((r) => [r.number, r.text])).toEqual([["1", "Do a."], ["2", "Do b."]]);
    expect(m.statusColumns.map((c) => [c.col, c.period?.label])).toEqual([[5, "6 months"], [6, "1 year"]]);
    expect(validate(m).map(pick)).toEqual([["status-regression", "G5", "2", "PTP"]]);
  });

  it("skips headers repeated on each page, page titles and notes, and stops at the signature block, whose date is the response date", () => {
    const wb = form([
      ["Unit:", "PTP"],
      HEADER,
      ["1", "Do a.", ...GOOD],
      ["Management Response – Evaluation of the project"],
      ["the end of a paragraph cut by the page break"],
      HEADER,
      ["2", "Do b.", ...GOOD],
      [],
      ["Name of Director", "Date", "Signature"],
      ["A. Director", "22 Jan 2024", "A. Director"],
      ["3", "Not an answer: below the signature", "Rejected"],
    ]);
    const m = read(wb);
    expect(m.responses.map((r) => [r.number, r.row])).toEqual([["1", 2], ["2", 6]]);
    expect(m.responseDate).toBe(45313);
    expect(findings(wb)).toEqual([]);
  });

  it("makes a Comments row under a recommendation its comments, at the label's cell", () => {
    const wb = form([
      ["Unit:", "PTP"],
      HEADER.slice(0, 6),
      ["1", "Do a.", "Partially accepted", "Train.", "2030-12-31", "Planned"],
      ["", "", "Comments:"],
      ["2", "Do b.", "Partially accepted", "Train.", "2030-12-31", "Planned"],
      ["Comments: only the training part; no budget for the rest."],
    ]);
    const m = read(wb);
    expect(m.responses.map((r) => r.comments)).toEqual(["", "only the training part; no budget for the rest."]);
    expect(validate(m).map(pick)).toEqual([["partial-unexplained", "C4", "1", "PTP"]]);
  });

  it("adds a Comments row to a Comments column where the form has both, reporting at the column's cell", () => {
    const wb = form([
      ["Unit:", "PTP"],
      HEADER,
      ["1", "Do a.", "Partially accepted", "Train.", "2030-12-31", "Planned", "Only the training."],
      ["Comments: no budget for the rest."],
      ["2", "Do b.", "Partially accepted", "Train.", "2030-12-31", "Planned", ""],
      ["Comments:"],
    ]);
    const m = read(wb);
    expect(m.responses.map((r) => r.comments)).toEqual(["Only the training. no budget for the rest.", ""]);
    expect(validate(m).map(pick)).toEqual([["partial-unexplained", "G5", "2", "PTP"]]);
  });

  it("has no Comments to check when the form has neither a Comments column nor Comments rows", () => {
    const wb = form([["Unit:", "PTP"], HEADER.slice(0, 6), ["1", "Do a.", "Partially accepted", "Train.", "2030-12-31", "Planned"]]);
    expect(read(wb).columns.has("comments")).toBe(false);
    expect(findings(wb)).toEqual([]);
  });

  it("reads the number of a recommendation written at the start of its text, and reports a second row for the same recommendation at its number", () => {
    const wb = form([
      ["Unit:", "PTP"],
      HEADER,
      ["<p>6. Foster peer-to-peer knowledge sharing.</p>", "", ...GOOD],
      ["6", "Foster peer-to-peer knowledge sharing.", "Rejected", "No budget.", "", "", ""],
    ]);
    const m = read(wb);
    expect(m.recommendations.map((r) => [r.number, r.text])).toEqual([["6", "Foster peer-to-peer knowledge sharing."]]);
    expect(validate(m).map(pick)).toEqual([["duplicate-response", "A4", "6", "PTP"]]);
  });

  it("reads a French form: labels, headers and answers", () => {
    const wb = form([
      ["Unité :", "Bureau de Genève"],
      ["N°", "Recommandation", "Acceptation", "Action prévue", "Date cible", "Statut", "Commentaires"],
      ["1", "Renforcer.", "Acceptée", "Former.", "31 décembre 2030", "En cours", ""],
      ["2", "Améliorer.", "Partiellement acceptée", "Former.", "31 décembre 2020", "Prévu", ""],
    ]);
    expect(findings(wb)).toEqual([
      ["overdue", "E4", "2", "Bureau de Genève"],
      ["partial-unexplained", "G4", "2", "Bureau de Genève"],
    ]);
  });

  it("is not claimed by a table with a Unit column, nor by a workbook with a Units sheet (several units: the canonical reader explains)", () => {
    expect(detectSingleUnit(form([["No.", "Unit", "Acceptance"], ["1", "PTP", "Accepted"]]))).toBe(0);
    const canonical: Workbook = {
      sheets: [
        { name: "Units", rows: [["Code", "Division"], ["PTP", "Peace"]] },
        { name: "Responses", rows: [["No.", "Acceptance"], ["1", "Accepted"]] },
      ],
    };
    expect(detectSingleUnit(canonical)).toBe(0);
    expect(() => read(canonical)).toThrow(/'Responses' has no header row with the column "Unit"/);
  });
});
