import { missingJustification } from "../../../src/core/rules/missing-justification";
import { ruleTester } from "../rule-tester";
import { completeResponses, goodRow, row } from "../workbooks";

ruleTester(missingJustification, {
  valid: [
    { name: "accepted rows need no justification", workbook: { responses: completeResponses() } },
    {
      name: "a rejection explained in Comments",
      workbook: { responses: [row({ no: "1", unit: "CWM", acceptance: "Rejected", action: "-", comments: "Outside the unit's mandate." })] },
    },
    {
      name: "a rejection explained in Planned action",
      workbook: { responses: [row({ no: "1", unit: "CWM", acceptance: "Rejetée", action: "La recommandation relève du siège." })] },
    },
    {
      name: "a layout with only a Comments column, filled",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "Comments"], responses: [["1", "CWM", "Rejected", "Already covered by the 2024 policy."]] },
    },
  ],
  invalid: [
    {
      name: "flags a rejection with blank action and comments, at the planned-action cell",
      workbook: { responses: [goodRow("1", "CWM"), row({ no: "1", unit: "GCP", acceptance: "Rejected" })] },
      findings: [{ cell: "D3", recommendation: "1", unit: "GCP", messageIncludes: ["rejected but no reason is given", "Comments"] }],
    },
    {
      name: "placeholders are no reason",
      workbook: {
        responses: [
          row({ no: "1", unit: "CWM", acceptance: "Rejetée", action: "-", comments: "N/A" }),
          row({ no: "2", unit: "PTP", acceptance: "No", action: "TBD", comments: "None" }),
        ],
      },
      findings: [
        { cell: "D2", recommendation: "1", unit: "CWM" },
        { cell: "D3", recommendation: "2", unit: "PTP" },
      ],
    },
    {
      name: "points at Comments when the layout has no planned-action column",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "Comments"], responses: [["1", "CWM", "Rejected", ""]] },
      findings: [{ cell: "D2", recommendation: "1", unit: "CWM" }],
    },
    {
      name: "a layout with no planned-action nor Comments column: points at the acceptance cell",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance"], responses: [["1", "CWM", "Rejected"]] },
      findings: [{ cell: "C2", recommendation: "1", unit: "CWM", messageIncludes: ["a Comments column"] }],
    },
  ],
});
