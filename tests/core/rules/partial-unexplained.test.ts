import { partialUnexplained } from "../../../src/core/rules/partial-unexplained";
import { ruleTester } from "../rule-tester";
import { completeResponses, goodRow } from "../workbooks";

ruleTester(partialUnexplained, {
  valid: [
    { name: "fully accepted rows need no comment", workbook: { responses: completeResponses() } },
    {
      name: "a partial acceptance with a comment",
      workbook: { responses: [goodRow("1", "CWM", { acceptance: "Partiellement acceptée", comments: "Le volet budgétaire n'est pas accepté." })] },
    },
    {
      name: "a layout without a Comments column",
      workbook: {
        responsesHeader: ["No.", "Unit", "Acceptance", "Planned action"],
        responses: [["1", "CWM", "Partially accepted", "Train staff."]],
      },
    },
  ],
  invalid: [
    {
      name: "flags a blank comment on a partial acceptance, at the Comments cell",
      workbook: { responses: [goodRow("1", "CWM"), goodRow("1", "GCP", { acceptance: "Partially accepted" })] },
      findings: [{ cell: "K3", recommendation: "1", unit: "GCP", severity: "warning", messageIncludes: ["partially accepted", "which part"] }],
    },
    {
      name: "a '-' comment explains nothing (French answer)",
      workbook: { responses: [goodRow("2", "PTP", { acceptance: "Acceptée en partie", comments: "-" })] },
      findings: [{ cell: "K2", recommendation: "2", unit: "PTP" }],
    },
  ],
});
