import { describe, expect, it } from "vitest";
import type { Workbook } from "../../../src/core/grid";
import { missingResponse } from "../../../src/core/rules/missing-response";
import { noResponseReceived } from "../../../src/core/rules/no-response-received";
import { notAddressed } from "../../../src/core/rules/not-addressed";
import { unknownAcceptance } from "../../../src/core/rules/unknown-acceptance";
import { validate } from "../../../src/core/validate";
import { ruleTester } from "../rule-tester";
import { book, completeResponses, goodRow, matrixOf, row, type BookSpec } from "../workbooks";

/** The canonical workbook without its Recommendations sheet: addressing is implied by the rows. */
function withoutRecommendations(spec: BookSpec): Workbook {
  const wb = book(spec);
  return { ...wb, sheets: wb.sheets.filter((s) => s.name !== "Recommendations") };
}

const ONLY_CWM = [["1", "Strengthen quality control of data entry.", "High", "Data", "CWM"]];

ruleTester(missingResponse, {
  valid: [
    { name: "every addressed unit answers every recommendation", workbook: { responses: completeResponses() } },
    {
      name: "units a recommendation is not addressed to may write NA, '-' or nothing, or have no row",
      workbook: {
        recommendations: ONLY_CWM,
        responses: [goodRow("1", "CWM"), row({ no: "1", unit: "GCP", acceptance: "NA" }), row({ no: "1", unit: "PTP", acceptance: "-" })],
      },
    },
    {
      name: "a unit with two rows has answered when one of them answers (the other is a duplicate)",
      workbook: { recommendations: ONLY_CWM, responses: [goodRow("1", "CWM"), row({ no: "1", unit: "CWM" })] },
    },
    {
      name: "No response and unknown acceptance text are other rules' findings",
      workbook: {
        recommendations: ONLY_CWM,
        responses: [row({ no: "1", unit: "CWM", acceptance: "No response received" }), row({ no: "1", unit: "CWM", acceptance: "Acepted" })],
      },
    },
    {
      name: "without a Recommendations sheet, a unit whose only row says Not applicable is not addressed",
      workbook: withoutRecommendations({ responses: [goodRow("1", "CWM"), row({ no: "1", unit: "GCP", acceptance: "Sans objet" })] }),
    },
  ],
  invalid: [
    {
      name: "flags addressed units with no row at the recommendation's number cell, in Units order",
      workbook: {
        units: [
          ["PTP", "Peacekeeping Training Programme", "Peace", ""],
          ["CWM", "Chemicals and Waste Management Programme", "Planet", ""],
          ["GCP", "Green Development and Climate Change Programme", "Planet", ""],
        ],
        responses: [goodRow("1", "CWM"), goodRow("1", "PTP")],
      },
      findings: [
        { sheet: "Recommendations", cell: "A2", recommendation: "1", unit: "GCP", messageIncludes: ["Recommendation 1 is addressed to GCP", "no row"] },
        { sheet: "Recommendations", cell: "A3", recommendation: "2", unit: "PTP" },
        { sheet: "Recommendations", cell: "A3", recommendation: "2", unit: "CWM" },
        { sheet: "Recommendations", cell: "A3", recommendation: "2", unit: "GCP" },
      ],
    },
    {
      name: "flags a blank acceptance, a '-' and a Not applicable of addressed units at the acceptance cell",
      workbook: {
        recommendations: [["1", "Strengthen quality control.", "", "", "All"]],
        responses: [
          row({ no: "1", unit: "CWM" }),
          row({ no: "", unit: "GCP", acceptance: "-" }),
          row({ no: "", unit: "PTP", acceptance: "Sans objet" }),
        ],
      },
      findings: [
        { cell: "C2", recommendation: "1", unit: "CWM", messageIncludes: ["no acceptance is given", "Accepted, Partially accepted or Rejected"] },
        { cell: "C3", recommendation: "1", unit: "GCP", messageIncludes: ['"-"'] },
        { cell: "C4", recommendation: "1", unit: "PTP", messageIncludes: ['"Sans objet"', "'Addressed to'"] },
      ],
    },
    {
      name: "a recommendation addressed to a division needs an answer from each of its units",
      workbook: {
        recommendations: [["1", "Strengthen quality control.", "", "", "Planet"]],
        responses: [goodRow("1", "CWM"), goodRow("1", "PTP")],
      },
      findings: [{ sheet: "Recommendations", cell: "A2", recommendation: "1", unit: "GCP" }],
    },
    {
      name: "two unanswered rows of one unit make one finding, at the first",
      workbook: { recommendations: ONLY_CWM, responses: [row({ no: "1", unit: "CWM" }), row({ no: "1", unit: "CWM", acceptance: "N/A" })] },
      findings: [{ cell: "C2", recommendation: "1", unit: "CWM" }],
    },
    {
      name: "without a Recommendations sheet, a row with a blank acceptance is still a missing answer",
      workbook: withoutRecommendations({ responses: [goodRow("1", "CWM"), row({ no: "1", unit: "GCP", comments: "Will reply next week." })] }),
      findings: [{ cell: "C3", recommendation: "1", unit: "GCP" }],
    },
  ],
});

describe("acceptance-cell rules do not overlap", () => {
  it("gives each acceptance cell at most one finding among missing-response, no-response-received, unknown-acceptance and not-addressed", () => {
    const matrix = matrixOf({
      recommendations: ONLY_CWM,
      responses: [
        row({ no: "1", unit: "CWM", acceptance: "-" }),
        row({ no: "2", unit: "CWM", acceptance: "No response" }),
        row({ no: "1", unit: "GCP", acceptance: "Pas de réponse" }),
        row({ no: "1", unit: "PTP", acceptance: "Acepted" }),
        row({ no: "2", unit: "GCP", acceptance: "Maybe" }),
      ],
      // recommendation 2 is not in the list: only unknown-recommendation (not run here) speaks of it
    });
    const findings = validate(matrix, { rules: [missingResponse, noResponseReceived, unknownAcceptance, notAddressed] });
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([
      ["missing-response", "C2"],
      ["no-response-received", "C3"],
      ["unknown-acceptance", "C5"],
      ["unknown-acceptance", "C6"],
    ]);
  });
});
