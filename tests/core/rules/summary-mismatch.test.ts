import type { CellValue } from "../../../src/core/grid";
import { summaryMismatch } from "../../../src/core/rules/summary-mismatch";
import { ruleTester } from "../rule-tester";
import { book, goodRow, row, type BookSpec } from "../workbooks";

/**
 * A hand-made Section 0 sheet beside the default canonical workbook (units CWM and GCP in Planet, PTP in Peace
 * with alias PTPU; recommendations 1 and 2 addressed to all): its title row, column labels in row 2, then one
 * row per recommendation from row 3 (columns B, C ...).
 */
function withSection0(spec: BookSpec, labels: string[], ...rows: CellValue[][]) {
  return book({ ...spec, extra: [{ name: "Section 0", rows: [["SECTION 0 – Summary of response"], ["", ...labels], ...rows] }] });
}

/** Recommendation 1: CWM and GCP accepted, PTP partially; recommendation 2: CWM accepted, GCP rejected, PTP accepted. */
const mixed: BookSpec = {
  responses: [
    goodRow("1", "CWM"),
    goodRow("1", "GCP"),
    goodRow("1", "PTP", { acceptance: "Partially accepted", comments: "Only the training part." }),
    goodRow("2", "CWM"),
    goodRow("2", "GCP", { acceptance: "Rejected", comments: "Out of our mandate." }),
    goodRow("2", "PTP"),
  ],
};

/** The same, with recommendation 2 addressed to Planet only (PTP not addressed). */
const planetOnly: BookSpec = {
  ...mixed,
  recommendations: [
    ["1", "Strengthen quality control of data entry.", "High", "Data", "All"],
    ["2", "Improve learner engagement.", "Medium", "Learning", "Planet"],
  ],
  responses: mixed.responses.slice(0, 5),
};

const S0 = "Section 0";

ruleTester(summaryMismatch, {
  valid: [
    {
      name: "a Section 0 that says what the detail adds up to, whatever the order, case and joining of the units",
      workbook: withSection0(
        mixed,
        ["Planet", "Peace"],
        ["<p><b>Recommendation 1:</b> Strengthen quality control.</p>", "accepted", "Partially Accepted"],
        ["2. Improve learner engagement.", "Rejected (gcp), Accepted (CWM)", "ACCEPTED"],
      ),
    },
    {
      name: "`Accepted` alone for a division whose addressed units all accepted, and `Accepted (CWM and GCP)` alike",
      workbook: withSection0(mixed, ["Planet"], ["1", "Accepted"], ["1", "Accepted (CWM and GCP)"], ["1", "Accepted (GCP, CWM)"]),
    },
    {
      name: "NA, N A, - and an empty checkbox where no unit of the column is addressed; a ticked box where one is",
      workbook: withSection0(planetOnly, ["Planet", "Peace"], ["2", "Rejected (GCP); Accepted (CWM)", "N A"], ["2", "☒", "□"], ["2", "Accepted (CWM); Rejected (GCP)", "-"]),
    },
    {
      name: "columns headed by a unit's code, name or alias, and by a division",
      workbook: withSection0(mixed, ["PTPU", "Chemicals and Waste Management Programme", "gcp"], ["1", "Partially accepted", "Accepted", "Accepted"]),
    },
    {
      name: "a workbook without a Section 0 matrix",
      workbook: book(mixed),
    },
    {
      name: "a Section 0 matrix alone: it is read as the responses, not checked against itself",
      workbook: {
        sheets: [
          { name: "Units", rows: [["Code", "Name", "Division"], ["CWM", "", "Planet"], ["GCP", "", "Planet"]] },
          { name: S0, rows: [["SECTION 0 – Summary of response"], ["", "Planet"], ["1", "Accepted (CWM); Rejected (GCP)"]] },
        ],
      },
    },
  ],
  invalid: [
    {
      name: "Accepted for a division where one unit only partially accepted (seed 002, recommendation 4, Planet, the other way round)",
      workbook: withSection0(mixed, ["Planet", "Peace"], ["1", "Accepted (GCP, CWM); Partially accepted (SCYCLE)", "Accepted"]),
      findings: [
        {
          sheet: S0, cell: "B3", recommendation: "1", unit: "Planet", suggestion: "Accepted",
          messageIncludes: ['says "Accepted (GCP, CWM); Partially accepted (SCYCLE)"', "add up to \"Accepted\"", "'Responses'", 'Write "Accepted" in the Section 0 cell'],
        },
        { sheet: S0, cell: "C3", recommendation: "1", unit: "Peace", suggestion: "Partially accepted", messageIncludes: ['says "Accepted"'] },
      ],
    },
    {
      name: "an answer for a division one of whose addressed units never answered (it counts as No response)",
      workbook: withSection0({ responses: [goodRow("1", "CWM"), goodRow("1", "PTP")] }, ["Planet"], ["1", "Accepted"]),
      findings: [{ sheet: S0, cell: "B3", recommendation: "1", unit: "Planet", suggestion: "Accepted (CWM); No response (GCP)" }],
    },
    {
      name: "NA where the detail has addressed units, and an answer where it has none",
      workbook: withSection0(planetOnly, ["Planet", "Peace"], ["1", "NA", "Partially accepted"], ["2", "Rejected (GCP); Accepted (CWM)", "Accepted"]),
      findings: [
        { sheet: S0, cell: "B3", recommendation: "1", unit: "Planet", suggestion: "Accepted", messageIncludes: ['says "NA"'] },
        { sheet: S0, cell: "C4", recommendation: "2", unit: "Peace", suggestion: "NA", messageIncludes: ['add up to "NA" (no unit of Peace is addressed)'] },
      ],
    },
    {
      name: "a composite cell naming a unit the detail does not have there, or naming one twice",
      workbook: withSection0(mixed, ["Planet"], ["1", "Accepted (CWM, GCP, PTP)"], ["1", "Accepted (CWM); Accepted (CWM, GCP)"], ["2", "Accepted (CWM); Rejected (GPC)"]),
      findings: [
        { sheet: S0, cell: "B3", recommendation: "1", unit: "Planet", suggestion: "Accepted" },
        { sheet: S0, cell: "B4", recommendation: "1", unit: "Planet", suggestion: "Accepted" },
        { sheet: S0, cell: "B5", recommendation: "2", unit: "Planet", suggestion: "Accepted (CWM); Rejected (GCP)" },
      ],
    },
    {
      name: "a cell that is no answer, and a blank cell where units are addressed",
      workbook: withSection0(mixed, ["Planet", "Peace"], ["1", "Acepted", ""]),
      findings: [
        { sheet: S0, cell: "B3", recommendation: "1", unit: "Planet", suggestion: "Accepted", messageIncludes: ['"Acepted", which is not an answer'] },
        { sheet: S0, cell: "C3", recommendation: "1", unit: "Peace", suggestion: "Partially accepted", messageIncludes: ["is blank"] },
      ],
    },
    {
      name: "a ticked box where no unit of the column is addressed, an empty box where one is",
      workbook: withSection0(planetOnly, ["Planet", "Peace"], ["2", "□", "☒"]),
      findings: [
        { sheet: S0, cell: "B3", recommendation: "2", unit: "Planet", suggestion: "☒", messageIncludes: ["is not ticked (□)", "Tick it (☒)"] },
        { sheet: S0, cell: "C3", recommendation: "2", unit: "Peace", suggestion: "□", messageIncludes: ["is ticked (☒)", "Clear the tick (□)"] },
      ],
    },
    {
      name: "a recommendation Section 0 has and the detail does not",
      workbook: withSection0(mixed, ["Peace"], ["3", "Accepted"]),
      findings: [{ sheet: S0, cell: "B3", recommendation: "3", unit: "Peace", suggestion: "NA" }],
    },
    {
      name: "a column matching no division or unit: one warning at its heading, its cells left unchecked",
      workbook: withSection0(mixed, ["Prosperity", "Peace"], ["1", "Rejected", "Partially accepted"], ["2", "Accepted", "Accepted"]),
      findings: [{ sheet: S0, cell: "B2", recommendation: null, unit: "Prosperity", severity: "warning", messageIncludes: ['column "Prosperity" matches no division or unit'] }],
    },
    {
      name: "a detail row whose acceptance is blank counts as No response",
      workbook: withSection0({ responses: [goodRow("1", "CWM"), row({ no: "1", unit: "GCP" }), goodRow("1", "PTP")] }, ["Planet"], ["1", "Accepted (CWM and GCP)"]),
      findings: [{ sheet: S0, cell: "B3", recommendation: "1", unit: "Planet", suggestion: "Accepted (CWM); No response (GCP)" }],
    },
  ],
});
