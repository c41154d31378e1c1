import { rejectedWithProgress } from "../../../src/core/rules/rejected-with-progress";
import { ruleTester } from "../rule-tester";
import { completeResponses, row } from "../workbooks";

const rejected = (fields: Parameters<typeof row>[0]) => row({ no: "1", unit: "CWM", acceptance: "Rejected", comments: "Outside the mandate.", ...fields });

ruleTester(rejectedWithProgress, {
  valid: [
    { name: "accepted rows may be under way", workbook: { responses: completeResponses() } },
    {
      name: "a rejected row that is not started, not implemented, blank or No response",
      workbook: {
        responses: [
          rejected({ status: "Not started" }),
          rejected({ unit: "GCP", status: "Not implemented", m6: "No response received" }),
          rejected({ unit: "PTP" }),
        ],
      },
    },
    {
      name: "a layout without status columns",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "Comments"], responses: [["1", "CWM", "Rejected", "Outside the mandate."]] },
    },
  ],
  invalid: [
    {
      name: "flags a rejected row whose Status is Planned",
      workbook: { responses: [rejected({ status: "Planned" })] },
      findings: [{ cell: "H2", recommendation: "1", unit: "CWM", messageIncludes: ['"Status" reads Planned', "rejected"] }],
    },
    {
      name: "points at the first status cell showing progress",
      workbook: { responses: [rejected({ status: "Not started", m6: "En cours", y1: "Implemented" })] },
      findings: [{ cell: "I2", recommendation: "1", unit: "CWM", messageIncludes: ['"Status at 6 months" reads Under implementation'] }],
    },
    {
      name: "a French rejection with a later follow-up saying Implemented",
      workbook: { responses: [rejected({ no: "2", unit: "GCP", acceptance: "Rejetée", y1: "Mis en œuvre" })] },
      findings: [{ cell: "J2", recommendation: "2", unit: "GCP" }],
    },
  ],
});
