import { overdue } from "../../../src/core/rules/overdue";
import { ruleTester } from "../rule-tester";
import { completeResponses, goodRow } from "../workbooks";

ruleTester(overdue, {
  valid: [
    { name: "target dates in the future", workbook: { responses: completeResponses() } },
    { name: "a past target date with the action Implemented", workbook: { responses: [goodRow("1", "CWM", { date: "2024-12-31", status: "Planned", m6: "Completed" })] } },
    { name: "a target date on the as-of date is not yet late", workbook: { responses: [goodRow("1", "CWM", { date: "2025-06-30" })] }, asOf: "2025-06-30" },
    {
      name: "a rejected recommendation is not expected to be implemented",
      workbook: { responses: [goodRow("1", "CWM", { acceptance: "Rejected", date: "2024-12-31", status: "", comments: "Not our mandate." })] },
    },
    { name: "text that is not a date is invalid-date's", workbook: { responses: [goodRow("1", "CWM", { date: "Q2 2024", status: "Planned" })] } },
    {
      name: "a layout with no status column",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "Target date"], responses: [["1", "CWM", "Accepted", "2024-12-31"]] },
    },
    {
      name: "C in a C/O column is Implemented",
      workbook: { responsesHeader: ["No.", "Unit", "Accepted? (Yes/No)", "Implementation date", "C/O"], responses: [["1", "CWM", "Yes", "31 March 2024", "C"]] },
    },
  ],
  invalid: [
    {
      name: "flags a past target date with status Planned, giving the date and the status",
      workbook: { responses: [goodRow("1", "CWM", { date: "2024-12-31", status: "Planned" })] },
      findings: [{ cell: "G2", recommendation: "1", unit: "CWM", messageIncludes: ["2024-12-31", "as of 2025-06-30", "latest status is Planned"] }],
    },
    {
      name: "reads serial numbers and the as-of date of the case",
      workbook: { responses: [goodRow("1", "GCP", { date: 45838 })] },
      asOf: "2025-07-01",
      findings: [{ cell: "G2", recommendation: "1", unit: "GCP", messageIncludes: ["2025-06-30", "as of 2025-07-01"] }],
    },
    {
      name: "the latest status is the last filled one: Implemented then Under implementation is not Implemented",
      workbook: { responses: [goodRow("2", "PTP", { date: "31 December 2024", status: "Implemented", m6: "Under implementation", y1: "" })] },
      findings: [{ cell: "G2", recommendation: "2", unit: "PTP", messageIncludes: ["2024-12-31", "latest status is Under implementation"] }],
    },
    {
      name: "a row with status columns but none filled, or an unknown status, is not Implemented",
      workbook: {
        responses: [
          goodRow("1", "CWM", { acceptance: "Partially accepted", date: "2025-01-31", status: "" }),
          goodRow("1", "GCP", { date: "2025-01-31", status: "When time comes, it will be done" }),
          goodRow("1", "PTP", { date: "2025-01-31", status: "Not implemented" }),
        ],
      },
      findings: [
        { cell: "G2", recommendation: "1", unit: "CWM", messageIncludes: ["no status is given"] },
        { cell: "G3", recommendation: "1", unit: "GCP", messageIncludes: ['"When time comes, it will be done"'] },
        { cell: "G4", recommendation: "1", unit: "PTP", messageIncludes: ["latest status is Not implemented"] },
      ],
    },
    {
      name: "O in a C/O column counts for overdue",
      workbook: { responsesHeader: ["No.", "Unit", "Accepted? (Yes/No)", "Implementation date", "C/O"], responses: [["1", "CWM", "Yes", "31 March 2024", "O"]] },
      findings: [{ cell: "D2", recommendation: "1", unit: "CWM", messageIncludes: ["2024-03-31", "O (open)"] }],
    },
  ],
});
