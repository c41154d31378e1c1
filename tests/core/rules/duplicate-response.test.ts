import type { Workbook } from "../../../src/core/grid";
import { duplicateResponse } from "../../../src/core/rules/duplicate-response";
import { ruleTester } from "../rule-tester";
import { book, completeResponses, goodRow, row, type BookSpec } from "../workbooks";

/** The canonical workbook without its Units sheet: units are whatever the rows write. */
function withoutUnits(spec: BookSpec): Workbook {
  const wb = book(spec);
  return { ...wb, sheets: wb.sheets.filter((s) => s.name !== "Units") };
}

ruleTester(duplicateResponse, {
  valid: [
    { name: "one row per recommendation and unit", workbook: { responses: completeResponses() } },
    {
      name: "the same unit on different recommendations, numbers inherited from the row above",
      workbook: { responses: [goodRow("1", "CWM"), goodRow("", "GCP"), goodRow("2", "CWM"), goodRow("", "GCP")] },
    },
    {
      name: "repeated unknown units are unknown-unit's finding, not duplicates",
      workbook: { responses: [goodRow("1", "XYZ"), goodRow("1", "XYZ")] },
    },
    {
      name: "rows with no unit or no recommendation number are other rules' findings",
      workbook: { responses: [goodRow("1", ""), goodRow("1", ""), goodRow("abc", "CWM"), goodRow("abc", "CWM")] },
    },
  ],
  invalid: [
    {
      name: "identical rows are a warning at the second row's unit cell, naming the first",
      workbook: { responses: [goodRow("1", "CWM"), goodRow("1", "GCP"), goodRow("1", "CWM")] },
      findings: [{ cell: "B4", recommendation: "1", unit: "CWM", severity: "warning", messageIncludes: ["row 2 (Responses!B2)", "word for word"] }],
    },
    {
      name: "a blank inherited No. does not make a repeated row different",
      workbook: { responses: [goodRow("1", "CWM"), goodRow("", "CWM")] },
      findings: [{ cell: "B3", recommendation: "1", unit: "CWM", severity: "warning" }],
    },
    {
      name: "rows that differ are an error (unit written as code and as name)",
      workbook: {
        responses: [
          goodRow("2", "GCP"),
          goodRow("2", "Green Development and Climate Change Programme", { acceptance: "Partiellement acceptée", comments: "Sauf le volet 2." }),
        ],
      },
      findings: [{ cell: "B3", recommendation: "2", unit: "GCP", severity: "error", messageIncludes: ["different content"] }],
    },
    {
      name: "three copies: the second and the third are each compared with the first",
      // the third equals the first but not the second: a warning shows it was compared with the first
      workbook: { responses: [goodRow("1", "PTP"), goodRow("1", "PTPU"), goodRow("1", "PTP")] },
      findings: [
        { cell: "B3", recommendation: "1", unit: "PTP", severity: "error", messageIncludes: ["Responses!B2"] },
        { cell: "B4", recommendation: "1", unit: "PTP", severity: "warning", messageIncludes: ["Responses!B2"] },
      ],
    },
    {
      name: "without a Units sheet, units are compared as written",
      workbook: withoutUnits({ responses: [row({ no: "1", unit: "HO", acceptance: "Accepted" }), row({ no: "1", unit: "HO", acceptance: "Accepted" })] }),
      findings: [{ cell: "B3", recommendation: "1", unit: "HO", severity: "warning" }],
    },
  ],
});
