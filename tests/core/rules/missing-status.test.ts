import { missingStatus } from "../../../src/core/rules/missing-status";
import { ruleTester } from "../rule-tester";
import { completeResponses, goodRow } from "../workbooks";

ruleTester(missingStatus, {
  valid: [
    { name: "every accepted row has a status", workbook: { responses: completeResponses() } },
    { name: "a rejected row needs no status", workbook: { responses: [goodRow("1", "CWM", { acceptance: "Rejected", status: "", comments: "Out of our mandate." })] } },
    { name: "a status given only at 6 months is a status", workbook: { responses: [goodRow("1", "CWM", { status: "", m6: "Under implementation" })] } },
    {
      name: "unknown status text is unknown-status's, not a missing status",
      workbook: { responses: [goodRow("1", "CWM", { status: "When time comes, it will be done" })] },
    },
    {
      name: "`O` in a C/O column is a status",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "C/O"], responses: [["1", "CWM", "Accepted", "O"]] },
    },
    {
      name: "a layout with no status, follow-up or C/O column",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "Planned action"], responses: [["1", "CWM", "Accepted", "Train staff."]] },
    },
  ],
  invalid: [
    {
      name: "flags an Accepted row with every status cell blank, at the Status cell",
      workbook: { responses: [goodRow("1", "CWM", { status: "" })] },
      findings: [{ cell: "H2", recommendation: "1", unit: "CWM", messageIncludes: ["accepted", "Status"] }],
    },
    {
      name: "flags a Partially accepted row whose statuses say `No response` and `-`",
      workbook: { responses: [goodRow("1", "GCP"), goodRow("2", "GCP", { acceptance: "Partially accepted", status: "No response", m6: "-" })] },
      findings: [{ cell: "H3", recommendation: "2", unit: "GCP", messageIncludes: ["partially accepted"] }],
    },
    {
      name: "points at the first follow-up column where there is no Status column",
      workbook: {
        responsesHeader: ["No.", "Unit", "Acceptance", "Statut à 6 mois", "Statut à 1 an"],
        responses: [["1", "PTP", "Acceptée", "", ""]],
      },
      findings: [{ cell: "D2", recommendation: "1", unit: "PTP", messageIncludes: ["Statut à 6 mois"] }],
    },
    {
      name: "flags a blank C/O cell, naming C and O",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "C/O"], responses: [["1", "CWM", "Yes", ""]] },
      findings: [{ cell: "D2", recommendation: "1", unit: "CWM", messageIncludes: ["C (closed, implemented) or O (open)"] }],
    },
  ],
});
