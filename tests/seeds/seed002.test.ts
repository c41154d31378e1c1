/**
 * Seed 002 as printed (tests/fixtures/seeds/seed002.ts): recognised as a Section III form with its hand-made
 * Section 0 checked against it, and, alone, its Section 0 read as a layout of its own. Findings asserted exactly.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_RESPONSES, EXAMPLE_UNITS } from "../../src/core/example/seed002";
import type { Workbook } from "../../src/core/grid";
import { unitsOfColumn } from "../../src/core/layouts/section0";
import type { Finding, ResponseMatrix } from "../../src/core/model";
import { readWorkbook } from "../../src/core/read";
import { MATRIX_HEADER_ROW, section0Summary } from "../../src/core/summary/index";
import { UnitDirectory } from "../../src/core/units";
import { validate } from "../../src/core/validate";
import { recognitionOf } from "../../src/excel/office-gateway";
import { cli, tempFolder, writeXlsx } from "../cli/files";
import { seed002Section0Workbook, seed002Workbook } from "../fixtures/seeds/seed002";

const AS_OF = "2025-06-30";
const read = (wb: Workbook): ResponseMatrix => readWorkbook(wb, { asOf: AS_OF });
const brief = (f: Finding) => [f.rule, f.sheet, f.cell, f.recommendation, f.unit];

const DIVISIONS = [
  "CITSU", "Peace", "People", "Planet", "New York Office", "Multilateral Diplomacy Programme",
  "Satellite Analysis and Applied Research", "Prosperity", "NCD",
];
const ALL_BUT_CITSU = ["PTP", "PMCP", "SDP", "A2030", "CWM", "GCP", "SCYCLE", "NYO", "MDP", "UNOSAT", "HO", "PFTP", "NDC"];

/** The Section 0 summary we would write for a matrix: rows of the acceptance matrix, one cell per division. */
function summaryCells(matrix: ResponseMatrix): string[][] {
  const spec = section0Summary(matrix, [], { by: "division", generated: AS_OF });
  expect(spec.cells[MATRIX_HEADER_ROW].slice(1, 1 + DIVISIONS.length)).toEqual(DIVISIONS);
  return matrix.recommendations.map((_, i) => spec.cells[MATRIX_HEADER_ROW + 1 + i].slice(1, 1 + DIVISIONS.length) as string[]);
}

describe("seed 002 as printed: Section 0, Section III and Units", () => {
  const matrix = read(seed002Workbook());
  const findings = validate(matrix);

  it("is recognised as the Section III layout, with the Section 0 sheet attached to it", () => {
    expect(matrix.layout).toBe("section-iii");
    expect(matrix.responsesSheet).toBe("Section III");
    expect(matrix.title).toBe("Evaluation of UNITAR's learning-related events certifications");
    expect(matrix.section0?.sheet).toBe("Section 0");
    expect(matrix.section0?.columns.map((c) => c.label)).toEqual(DIVISIONS);
    // Recommendation 5 twice: with answers, then as a row of checkboxes
    expect(matrix.section0?.rows.map((r) => [r.number, r.checkboxes])).toEqual([["1", false], ["2", false], ["3", false], ["4", false], ["5", false], ["5", true]]);
  });

  it("has the 14 units of the Units sheet, 5 recommendations addressed as the rows imply, and 53 responses", () => {
    expect(matrix.units.map((u) => u.code)).toEqual(EXAMPLE_UNITS.map((u) => u.code));
    expect(matrix.recommendations.map((r) => [r.number, r.addressedTo])).toEqual([
      ["1", ALL_BUT_CITSU], ["2", ALL_BUT_CITSU], ["3", ["CITSU"]], ["4", ALL_BUT_CITSU], ["5", ALL_BUT_CITSU],
    ]);
    expect(matrix.responses).toHaveLength(53);
  });

  it("reads every answer as the example workbook transcribes it: page breaks joined, HTML stripped, wrong columns kept", () => {
    const asRead = matrix.responses.map((r) => {
      const at = (col: number | undefined) => (col === undefined ? "" : r.values[col] ?? "");
      return [r.number, r.unitText, at(r.cells.acceptance?.col), r.action, r.budget, at(r.statuses[0]?.at.col)];
    });
    const oneLine = (t: string) => t.replace(/\s+/g, " ");
    expect(asRead).toEqual(EXAMPLE_RESPONSES.map((e) => [e.number, e.unit, e.acceptance, oneLine(e.action), e.budget, e.status]));
  });

  it("reads each recommendation's text from Section III, across page breaks", () => {
    expect(matrix.recommendations[0].text).toBe(
      "Programme Units delivering learning events take steps to ensure full compliance with the UNITAR Certification " +
        "Policy (see full recommendation in report).",
    );
    expect(matrix.recommendations[3].text.startsWith("Programme Units delivering learning events should continuously formulate")).toBe(true);
  });

  it("finds every disagreement between Section 0 and Section III, and what the detail's other rules find", () => {
    expect(findings.map(brief)).toEqual([
      // People: A2030, one of its two units, never answered; Section 0 says only "Partially Accepted"
      ["summary-mismatch", "Section 0", "D16", "1", "People"],
      // Prosperity: PFTP accepted, HO partially accepted; Section 0 says "Partially Accepted"
      ["summary-mismatch", "Section 0", "I16", "1", "Prosperity"],
      ["summary-mismatch", "Section 0", "D17", "2", "People"],
      ["summary-mismatch", "Section 0", "D20", "4", "People"],
      // Planet: SCYCLE answered Accepted in Section III
      ["summary-mismatch", "Section 0", "E20", "4", "Planet"],
      ["summary-mismatch", "Section 0", "D21", "5", "People"],
      ["no-response-received", "Section III", "D3", "1", "A2030"],
      ["missing-action", "Section III", "E13", "1", "NYO"],
      ["missing-status", "Section III", "G13", "1", "NYO"],
      ["missing-status", "Section III", "G14", "1", "UNOSAT"],
      ["unknown-status", "Section III", "G21", "1", "SCYCLE"],
      ["no-response-received", "Section III", "D25", "2", "A2030"],
      ["missing-action", "Section III", "E35", "2", "NYO"],
      ["missing-status", "Section III", "G35", "2", "NYO"],
      // UNOSAT wrote its status in the Budget column
      ["missing-status", "Section III", "G36", "2", "UNOSAT"],
      ["missing-status", "Section III", "G41", "2", "PFTP"],
      ["no-response-received", "Section III", "D54", "4", "A2030"],
      ["missing-action", "Section III", "E73", "4", "SCYCLE"],
      ["missing-status", "Section III", "G73", "4", "SCYCLE"],
      ["no-response-received", "Section III", "D77", "5", "A2030"],
      ["missing-status", "Section III", "G95", "5", "SCYCLE"],
    ]);
  });

  it("says for recommendation 4, Planet, what Section 0 says, what Section III adds up to, and what to write", () => {
    const planet = findings.find((f) => f.rule === "summary-mismatch" && f.cell === "E20")!;
    expect(planet.severity).toBe("error");
    expect(planet.message).toBe(
      `Recommendation 4, Planet: the Section 0 cell says "Accepted (GCP, CWM); Partially accepted (SCYCLE)", but the ` +
        `detailed responses in 'Section III' add up to "Accepted". Write "Accepted" in the Section 0 cell, or correct the ` +
        `detailed responses if they are what is wrong.`,
    );
    expect(planet.suggestion).toBe("Accepted");
  });

  it("suggests for each disagreeing cell what the Section 0 summary we write says there", () => {
    const ours = summaryCells(matrix);
    const mismatches = findings.filter((f) => f.rule === "summary-mismatch");
    expect(mismatches.map((f) => f.suggestion)).toEqual(
      mismatches.map((f) => ours[Number(f.recommendation) - 1][DIVISIONS.indexOf(f.unit!)]),
    );
    expect(mismatches.map((f) => f.suggestion)).toEqual([
      "Partially accepted (SDP); No response (A2030)", "Accepted (PFTP); Partially accepted (HO)",
      "Partially accepted (SDP); No response (A2030)", "Partially accepted (SDP); No response (A2030)", "Accepted",
      "Partially accepted (SDP); No response (A2030)",
    ]);
  });

  it("matches the Section 0 column NCD to the unit NDC (its alias, and its own division)", () => {
    expect(unitsOfColumn(new UnitDirectory(matrix.units), "NCD")).toEqual(["NDC"]);
    // Were NDC's answer to recommendation 1 a rejection, the NCD cell (Accepted) would disagree
    const wb = seed002Workbook();
    const iii = wb.sheets.find((s) => s.name === "Section III")!;
    const ndc = iii.rows.findIndex((r) => r[2] === "NDC");
    iii.rows[ndc][3] = "Rejected";
    const ncd = validate(read(wb)).filter((f) => f.rule === "summary-mismatch" && f.unit === "NCD");
    expect(ncd.map((f) => [f.cell, f.recommendation, f.suggestion])).toEqual([["J16", "1", "Rejected"]]);
  });

  it("reads 'Found: Section III layout' in the task pane's status line", () => {
    const recognition = recognitionOf(matrix);
    expect(recognition.kind === "recognised" && recognition.description).toBe(
      "Found: Section III layout on sheet 'Section III', 14 units, 5 recommendations, 53 responses.",
    );
  });
});

describe("seed 002 as an .xlsx file through the command line", () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => {
    folder = await tempFolder();
    await writeXlsx(folder.path("seed002.xlsx"), seed002Workbook());
  });
  afterAll(() => folder.remove());

  it("names the Section III layout in the JSON and reports the same findings", async () => {
    const { status, out } = await cli("validate", folder.path("seed002.xlsx"), "--format", "json", "--as-of", AS_OF);
    const report = JSON.parse(out);
    expect(status).toBe(1);
    expect(report.layout).toBe("section-iii");
    expect(report.counts).toEqual({ error: 10, warning: 11, info: 0 });
    expect(report.issues.filter((i: { rule: string }) => i.rule === "summary-mismatch")).toHaveLength(6);
  });
});

describe("seed 002's Section 0 alone, with the Units sheet", () => {
  const matrix = read(seed002Section0Workbook());

  it("is recognised as the Section 0 layout: each column answers for its division's units", () => {
    expect(matrix.layout).toBe("section-0");
    expect(matrix.responsesSheet).toBe("Section 0");
    expect(matrix.section0).toBeUndefined();
    expect(matrix.units).toHaveLength(14);
    // Addressing from the cells: NA and □ leave CITSU out but for recommendation 3; People stands for SDP and A2030
    expect(matrix.recommendations.map((r) => [r.number, r.addressedTo])).toEqual([
      ["1", ALL_BUT_CITSU], ["2", ALL_BUT_CITSU], ["3", ["CITSU"]], ["4", ALL_BUT_CITSU], ["5", ALL_BUT_CITSU],
    ]);
    expect(matrix.responses).toHaveLength(53);
    const recognition = recognitionOf(matrix);
    expect(recognition.kind === "recognised" && recognition.description).toBe(
      "Found: Section 0 layout on sheet 'Section 0', 14 units, 5 recommendations, 53 responses.",
    );
  });

  it("finds only the rejection that gives no reason (a summary carries none); nothing to check it against", () => {
    expect(validate(matrix).map(brief)).toEqual([["missing-justification", "Section 0", "E17", "2", "SCYCLE"]]);
  });

  it("gives back, as our Section 0 summary, what the hand-made one says", () => {
    const PA = "Partially accepted";
    expect(summaryCells(matrix)).toEqual([
      ["NA", "Accepted", PA, "Accepted (CWM and GCP); Partially accepted (SCYCLE)", "Accepted", PA, "Accepted", PA, "Accepted"],
      ["NA", "Accepted", PA, "Accepted (GCP); Partially accepted (CWM); Rejected (SCYCLE)", "Accepted", PA, "Accepted", PA, PA],
      ["Accepted", "NA", "NA", "NA", "NA", "NA", "NA", "NA", "NA"],
      ["NA", "Accepted", PA, "Accepted (CWM and GCP); Partially accepted (SCYCLE)", "Accepted", "Accepted", PA, "Accepted", PA],
      ["NA", "Accepted", PA, "Accepted", "Accepted", "Accepted", "Accepted", "Accepted", PA],
    ]);
  });
});
