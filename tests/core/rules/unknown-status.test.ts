import { unknownStatus } from "../../../src/core/rules/unknown-status";
import { ruleTester } from "../rule-tester";
import { completeResponses, goodRow } from "../workbooks";

ruleTester(unknownStatus, {
  valid: [
    { name: "every status is a known status", workbook: { responses: completeResponses() } },
    {
      name: "synonyms in English and French are known",
      workbook: { responses: [goodRow("1", "CWM", { status: "Pending", m6: "En cours", y1: "Already in full compliance" })] },
    },
    { name: "`No response` and `-` in a status cell count as blank", workbook: { responses: [goodRow("1", "CWM", { status: "No response", m6: "-" })] } },
    {
      name: "C and O in a C/O column",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "C/O"], responses: [["1", "CWM", "Accepted", "O"], ["2", "CWM", "Accepted", "C"]] },
    },
    {
      name: "a layout with no status column",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "Remarks"], responses: [["1", "CWM", "Accepted", "When time comes, it will be done"]] },
    },
  ],
  invalid: [
    {
      name: "flags free text in the Status column, with no suggestion",
      workbook: { responses: [goodRow("1", "CWM", { status: "When time comes, it will be done" })] },
      findings: [
        { cell: "H2", recommendation: "1", unit: "CWM", suggestion: null, messageIncludes: ['"When time comes, it will be done"', "Under implementation"] },
      ],
    },
    {
      name: "flags a misspelt follow-up status and suggests the nearest",
      workbook: { responses: [goodRow("2", "GCP", { m6: "Implemnted", y1: "Under implementaton" })] },
      findings: [
        { cell: "I2", recommendation: "2", unit: "GCP", suggestion: "Implemented", messageIncludes: ["Status at 6 months", "Implemented"] },
        { cell: "J2", recommendation: "2", unit: "GCP", suggestion: "Under implementation" },
      ],
    },
    {
      name: "flags `O` outside a C/O column",
      workbook: { responses: [goodRow("1", "PTP", { status: "O" })] },
      findings: [{ cell: "H2", recommendation: "1", unit: "PTP", suggestion: null }],
    },
    {
      name: "flags anything but C or O in a C/O column, saying which two values it takes",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "C/O"], responses: [["1", "CWM", "Accepted", "Open?"]] },
      findings: [{ cell: "D2", recommendation: "1", unit: "CWM", messageIncludes: ["C (closed, implemented) or O (open)"] }],
    },
    {
      name: "flags unknown text whatever the acceptance, in a French follow-up column",
      workbook: {
        responsesHeader: ["No.", "Unit", "Acceptance", "Statut", "Statut à 6 mois"],
        responses: [["1", "CWM", "Rejetée", "", "Bientôt"]],
      },
      findings: [{ cell: "E2", recommendation: "1", unit: "CWM", messageIncludes: ["Statut à 6 mois"] }],
    },
  ],
});
