import { statusRegression } from "../../../src/core/rules/status-regression";
import { ruleTester } from "../rule-tester";
import { completeResponses, goodRow } from "../workbooks";

ruleTester(statusRegression, {
  valid: [
    { name: "a single status", workbook: { responses: completeResponses() } },
    {
      name: "statuses that move forward or stay",
      workbook: {
        responses: [
          goodRow("1", "CWM", { status: "Planned", m6: "Under implementation", y1: "Implemented" }),
          goodRow("1", "GCP", { status: "In progress", m6: "Ongoing", y1: "Ongoing" }),
        ],
      },
    },
    { name: "a blank follow-up between two statuses is skipped", workbook: { responses: [goodRow("1", "CWM", { status: "Planned", m6: "", y1: "Implemented" })] } },
    {
      name: "Not implemented (abandoned) after Implemented or before Planned is off the order",
      workbook: {
        responses: [
          goodRow("1", "CWM", { status: "Implemented", m6: "Abandoned" }),
          goodRow("1", "GCP", { status: "Under implementation", m6: "Withdrawn", y1: "Under implementation" }),
        ],
      },
    },
    {
      name: "O (open) is not ranked: any status may follow it",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "C/O", "Status at 6 months"], responses: [["1", "CWM", "Accepted", "O", "Planned"]] },
    },
  ],
  invalid: [
    {
      name: "flags Implemented then Under implementation, at the later cell",
      workbook: { responses: [goodRow("1", "CWM", { status: "Implemented", m6: "Under implementation" })] },
      findings: [{ cell: "I2", recommendation: "1", unit: "CWM", messageIncludes: ["from Implemented", "to Under implementation", "Status at 6 months"] }],
    },
    {
      name: "compares across a blank cell and an unknown one",
      workbook: {
        responses: [
          goodRow("1", "GCP", { status: "Under implementation", m6: "", y1: "Planned" }),
          goodRow("2", "GCP", { status: "Completed", m6: "When time comes, it will be done", y1: "Not started" }),
        ],
      },
      findings: [
        { cell: "J2", recommendation: "1", unit: "GCP" },
        { cell: "J3", recommendation: "2", unit: "GCP", messageIncludes: ["from Implemented", "to Not started"] },
      ],
    },
    {
      name: "one finding for one step back, not one per later cell",
      workbook: { responses: [goodRow("1", "PTP", { status: "Implemented", m6: "Planned", y1: "Under implementation" })] },
      findings: [{ cell: "I2", recommendation: "1", unit: "PTP" }],
    },
    {
      name: "Not implemented is skipped, so the step back is measured from the status before it",
      workbook: { responses: [goodRow("1", "CWM", { status: "Implemented", m6: "Not implemented", y1: "Planned" })] },
      findings: [{ cell: "J2", recommendation: "1", unit: "CWM", messageIncludes: ["from Implemented"] }],
    },
    {
      name: "flags C then a later status that is not Implemented",
      workbook: {
        responsesHeader: ["No.", "Unit", "Acceptance", "Status at 6 months", "C/O"],
        responses: [["1", "CWM", "Accepted", "Implemented", "O"], ["2", "CWM", "Accepted", "Planned", "C"]],
      },
      findings: [{ cell: "E2", recommendation: "1", unit: "CWM", messageIncludes: ["O (open)"] }],
    },
    {
      name: "reads French status words",
      workbook: {
        responsesHeader: ["No.", "Unit", "Acceptance", "Statut", "Statut à 6 mois"],
        responses: [["1", "CWM", "Acceptée", "Mis en œuvre", "En cours"]],
      },
      findings: [{ cell: "E2", recommendation: "1", unit: "CWM" }],
    },
  ],
});
