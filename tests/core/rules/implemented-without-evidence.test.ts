import { implementedWithoutEvidence } from "../../../src/core/rules/implemented-without-evidence";
import { ruleTester } from "../rule-tester";
import { completeResponses } from "../workbooks";

const HEADER = ["No.", "Unit", "Acceptance", "Status", "Status at 6 months", "Evidence"];

ruleTester(implementedWithoutEvidence, {
  valid: [
    { name: "a layout with no Evidence column", workbook: { responses: completeResponses().map((r) => r.map((v) => (v === "Planned" ? "Implemented" : v))) } },
    {
      name: "Implemented with evidence, and not Implemented without",
      workbook: {
        responsesHeader: HEADER,
        responses: [
          ["1", "CWM", "Accepted", "Implemented", "", "Training records, March 2025"],
          ["1", "GCP", "Accepted", "Planned", "Under implementation", ""],
        ],
      },
    },
    {
      name: "Implemented earlier but a later status is not",
      workbook: { responsesHeader: HEADER, responses: [["1", "CWM", "Accepted", "Implemented", "Under implementation", ""]] },
    },
  ],
  invalid: [
    {
      name: "flags Implemented with a blank Evidence cell",
      workbook: { responsesHeader: HEADER, responses: [["1", "CWM", "Accepted", "Implemented", "", ""]] },
      findings: [{ cell: "F2", recommendation: "1", unit: "CWM", messageIncludes: ["Implemented", "evidence"] }],
    },
    {
      name: "the latest status decides, and `-` is no evidence",
      workbook: { responsesHeader: HEADER, responses: [["2", "PTP", "Partially accepted", "Planned", "Completed", "-"]] },
      findings: [{ cell: "F2", recommendation: "2", unit: "PTP", messageIncludes: ['("-")'] }],
    },
    {
      name: "C in a C/O column with a blank Means of verification",
      workbook: { responsesHeader: ["No.", "Unit", "Accepted? (Yes/No)", "C/O", "Means of verification"], responses: [["1", "GCP", "Yes", "C", ""]] },
      findings: [{ cell: "E2", recommendation: "1", unit: "GCP" }],
    },
  ],
});
