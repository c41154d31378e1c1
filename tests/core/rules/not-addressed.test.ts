import type { Workbook } from "../../../src/core/grid";
import { notAddressed } from "../../../src/core/rules/not-addressed";
import { ruleTester } from "../rule-tester";
import { book, completeResponses, goodRow, row, type BookSpec } from "../workbooks";

/** The canonical workbook without its Recommendations sheet: addressing is implied by the rows. */
function withoutRecommendations(spec: BookSpec): Workbook {
  const wb = book(spec);
  return { ...wb, sheets: wb.sheets.filter((s) => s.name !== "Recommendations") };
}

const ONLY_CWM = [["1", "Strengthen quality control of data entry.", "High", "Data", "CWM"]];

ruleTester(notAddressed, {
  valid: [
    { name: "recommendations addressed to All", workbook: { responses: completeResponses() } },
    {
      name: "units not addressed leave it blank or write '-', NA, Sans objet or No response",
      workbook: {
        recommendations: [...ONLY_CWM, ["2", "Improve learner engagement.", "", "", "All"]],
        responses: [
          goodRow("1", "CWM"),
          row({ no: "1", unit: "GCP", acceptance: "-" }),
          row({ no: "1", unit: "PTP", acceptance: "Sans objet" }),
          row({ no: "1", unit: "GCP", comments: "Not for us." }),
          row({ no: "1", unit: "PTP", acceptance: "No response received" }),
        ],
      },
    },
    {
      name: "unknown acceptance text, unknown units and unknown recommendations are other rules' findings",
      workbook: { recommendations: ONLY_CWM, responses: [goodRow("1", "GCP", { acceptance: "Acepted" }), goodRow("1", "XYZ"), goodRow("5", "GCP")] },
    },
    {
      name: "without a Recommendations sheet, whoever answers is addressed",
      workbook: withoutRecommendations({ responses: [goodRow("1", "CWM"), goodRow("1", "GCP")] }),
    },
  ],
  invalid: [
    {
      name: "flags an answer from a unit the recommendation is not addressed to",
      workbook: { recommendations: ONLY_CWM, responses: [goodRow("1", "CWM"), goodRow("1", "GCP")] },
      findings: [{ cell: "C3", recommendation: "1", unit: "GCP", severity: "warning", messageIncludes: ['answers "Accepted"', "'Addressed to'"] }],
    },
    {
      name: "a rejection in French from a unit outside the addressed division",
      workbook: {
        recommendations: [["1", "Strengthen quality control.", "", "", "Planet"]],
        responses: [goodRow("1", "CWM"), goodRow("", "GCP"), row({ no: "", unit: "Peacekeeping Training Programme", acceptance: "Rejetée", comments: "Hors mandat." })],
      },
      findings: [{ cell: "C4", recommendation: "1", unit: "PTP", messageIncludes: ['answers "Rejected"'] }],
    },
  ],
});
