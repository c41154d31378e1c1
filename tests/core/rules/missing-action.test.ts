import { missingAction } from "../../../src/core/rules/missing-action";
import { ruleTester } from "../rule-tester";
import { completeResponses, goodRow } from "../workbooks";

ruleTester(missingAction, {
  valid: [
    { name: "every accepted row has a planned action", workbook: { responses: completeResponses() } },
    { name: "a rejected row needs no planned action", workbook: { responses: [goodRow("1", "CWM", { acceptance: "Rejected", action: "", comments: "Out of our mandate." })] } },
    {
      name: "a layout with no planned-action column",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance"], responses: [["1", "CWM", "Accepted"]] },
    },
  ],
  invalid: [
    {
      name: "flags an Accepted row whose planned action is '-'",
      workbook: { responses: [goodRow("1", "CWM", { action: "-" })] },
      findings: [{ cell: "D2", recommendation: "1", unit: "CWM", messageIncludes: ["Recommendation 1", "CWM", "planned action"] }],
    },
    {
      name: "flags Partially accepted rows with a blank, N/A or TBD action",
      workbook: {
        responses: [
          goodRow("1", "CWM", { acceptance: "Partially accepted", action: "" }),
          goodRow("1", "GCP", { action: "N/A" }),
          goodRow("2", "PTP", { acceptance: "Partiellement acceptée", action: "TBD" }),
        ],
      },
      findings: [
        { cell: "D2", recommendation: "1", unit: "CWM" },
        { cell: "D3", recommendation: "1", unit: "GCP" },
        { cell: "D4", recommendation: "2", unit: "PTP" },
      ],
    },
  ],
});
