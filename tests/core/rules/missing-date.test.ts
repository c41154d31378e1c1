import { missingDate } from "../../../src/core/rules/missing-date";
import { ruleTester } from "../rule-tester";
import { completeResponses, goodRow } from "../workbooks";

ruleTester(missingDate, {
  valid: [
    { name: "every accepted row has a target date", workbook: { responses: completeResponses() } },
    {
      name: "dates as serial numbers and as text",
      workbook: { responses: [goodRow("1", "CWM", { date: 45838 }), goodRow("1", "GCP", { date: "31 December 2025" }), goodRow("1", "PTP", { date: "by 30 June 2026" })] },
    },
    { name: "a rejected row needs no target date", workbook: { responses: [goodRow("1", "CWM", { acceptance: "Rejected", date: "", comments: "Out of our mandate." })] } },
    { name: "text that is not a date is invalid-date's, not a missing date", workbook: { responses: [goodRow("1", "CWM", { date: "Q2 2024" })] } },
    { name: "a written-out placeholder (`To be decided`) is text that is not a date: invalid-date's", workbook: { responses: [goodRow("1", "CWM", { date: "To be decided" })] } },
    {
      name: "a layout with no target-date column",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "Planned action"], responses: [["1", "CWM", "Accepted", "Train staff."]] },
    },
  ],
  invalid: [
    {
      name: "flags an Accepted row with a blank target date",
      workbook: { responses: [goodRow("1", "CWM", { date: "" })] },
      findings: [{ cell: "G2", recommendation: "1", unit: "CWM", messageIncludes: ["accepted", "target date"] }],
    },
    {
      name: "flags placeholders that say there is no date: `-`, `N/A`, `TBD`",
      workbook: {
        responses: [
          goodRow("1", "CWM", { acceptance: "Partially accepted", date: "-" }),
          goodRow("1", "GCP", { date: "N/A" }),
          goodRow("2", "PTP", { date: "TBD" }),
        ],
      },
      findings: [
        { cell: "G2", recommendation: "1", unit: "CWM", messageIncludes: ["partially accepted"] },
        { cell: "G3", recommendation: "1", unit: "GCP" },
        { cell: "G4", recommendation: "2", unit: "PTP", messageIncludes: ['("TBD")'] },
      ],
    },
  ],
});
