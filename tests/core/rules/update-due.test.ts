import type { CellValue, Workbook } from "../../../src/core/grid";
import { updateDue } from "../../../src/core/rules/update-due";
import { ruleTester } from "../rule-tester";
import { book, completeResponses, goodRow, type BookSpec } from "../workbooks";

/** Status, two follow-ups and the row's response date: A No., B Unit, C Acceptance, D Status, E 6 months, F 1 year, G Response date. */
const HEADER = ["No.", "Unit", "Acceptance", "Status", "Status at 6 months", "Status at 1 year", "Response date"];

/** The workbook with a label cell (`Date of response: ...`) and a blank row above the responses table. */
function withLabel(spec: BookSpec, label: string, value: CellValue): Workbook {
  const wb = book(spec);
  wb.sheets.find((s) => s.name === "Responses")!.rows.unshift([label, value], []);
  return wb;
}

ruleTester(updateDue, {
  valid: [
    { name: "no response date is known", workbook: { responses: completeResponses() } },
    { name: "6 months have not passed yet", workbook: { responsesHeader: HEADER, responses: [["1", "CWM", "Accepted", "Planned", "", "", "2025-01-15"]] } },
    {
      name: "an update falls due on its day, not before",
      workbook: { responsesHeader: HEADER, responses: [["1", "CWM", "Accepted", "Planned", "", "", "2024-12-30"]] },
      asOf: "2025-06-30",
    },
    {
      name: "the follow-up statuses are filled",
      workbook: { responsesHeader: HEADER, responses: [["1", "CWM", "Accepted", "Planned", "Under implementation", "Under implementation", "2023-06-30"]] },
    },
    { name: "a rejected recommendation needs no update", workbook: { responsesHeader: HEADER, responses: [["1", "CWM", "Rejected", "", "", "", "2023-01-01"]] } },
    {
      name: "no update is asked for once the action is Implemented or Not implemented",
      workbook: {
        responsesHeader: HEADER,
        responses: [["1", "CWM", "Accepted", "Implemented", "", "", "2023-01-01"], ["1", "GCP", "Accepted", "Planned", "Abandoned", "", "2023-01-01"]],
      },
    },
    {
      name: "a year-only period is due only after 31 December of that year",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "Status", "Update on status in 2025", "Response date"], responses: [["1", "CWM", "Accepted", "Planned", "", "2024-03-31"]] },
      asOf: "2025-12-31",
    },
    {
      name: "a year that ended before the response was given is no follow-up of it",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "Status", "Update on status in 2023", "Response date"], responses: [["1", "CWM", "Accepted", "Planned", "", "2024-03-31"]] },
    },
    {
      name: "the row's own response date wins over the date above the table",
      workbook: withLabel({ responsesHeader: HEADER, responses: [["1", "CWM", "Accepted", "Planned", "", "", "2025-03-01"]] }, "Date of response", "2023-01-01"),
    },
  ],
  invalid: [
    {
      name: "flags the blank 6-month status once 6 months after the response have passed",
      workbook: { responsesHeader: HEADER, responses: [["1", "CWM", "Accepted", "Planned", "", "", "2024-06-30"]] },
      findings: [
        { cell: "E2", recommendation: "1", unit: "CWM", messageIncludes: ["at 6 months", "due on 2024-12-30", "after the response of 2024-06-30", "Status at 6 months"] },
      ],
    },
    {
      name: "flags each period that has passed; a serial-number response date",
      workbook: { responsesHeader: HEADER, responses: [["2", "PTP", "Partially accepted", "Planned", "", "", 45473]] },
      asOf: "2025-07-01",
      findings: [
        { cell: "E2", recommendation: "2", unit: "PTP" },
        { cell: "F2", recommendation: "2", unit: "PTP", messageIncludes: ["at 1 year", "due on 2025-06-30"] },
      ],
    },
    {
      name: "counts from a `Date of response` cell above the table",
      workbook: withLabel({ responses: [goodRow("1", "GCP", { m6: "Under implementation" })] }, "Date of response", "2024-01-31"),
      findings: [{ cell: "J4", recommendation: "1", unit: "GCP", messageIncludes: ["due on 2025-01-31"] }],
    },
    {
      name: "counts from a `Date:` cell above the table",
      workbook: withLabel({ responses: [goodRow("1", "CWM")] }, "Date:", "31 January 2024"),
      findings: [
        { cell: "I4", recommendation: "1", unit: "CWM", messageIncludes: ["due on 2024-07-31"] },
        { cell: "J4", recommendation: "1", unit: "CWM" },
      ],
    },
    {
      name: "a month later is clamped to the end of a shorter month",
      workbook: { responsesHeader: HEADER, responses: [["1", "CWM", "Accepted", "Planned", "", "", "2024-08-31"]] },
      asOf: "2025-03-01",
      findings: [{ cell: "E2", recommendation: "1", unit: "CWM", messageIncludes: ["due on 2025-02-28"] }],
    },
    {
      name: "a year-only period is due after 31 December of that year",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "Status", "Update on status in 2025", "Response date"], responses: [["1", "CWM", "Accepted", "Planned", "", "2024-03-31"]] },
      asOf: "2026-01-01",
      findings: [{ cell: "E2", recommendation: "1", unit: "CWM", messageIncludes: ["for 2025", "due by 2025-12-31", "Update on status in 2025"] }],
    },
    {
      name: "leaves the first cell of a row with no status at all to missing-status",
      workbook: {
        responsesHeader: ["No.", "Unit", "Acceptance", "Statut à 6 mois", "Statut à 1 an", "Date de réponse"],
        responses: [["1", "CWM", "Acceptée", "", "", "2023-01-15"]],
      },
      findings: [{ cell: "E2", recommendation: "1", unit: "CWM", messageIncludes: ["Statut à 1 an"] }],
    },
  ],
});
