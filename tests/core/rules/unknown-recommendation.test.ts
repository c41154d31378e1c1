import type { Workbook } from "../../../src/core/grid";
import { unknownRecommendation } from "../../../src/core/rules/unknown-recommendation";
import { ruleTester } from "../rule-tester";
import { book, completeResponses, goodRow, type BookSpec } from "../workbooks";

/** The canonical workbook without its Recommendations sheet: any number is a recommendation. */
function withoutRecommendations(spec: BookSpec): Workbook {
  const wb = book(spec);
  return { ...wb, sheets: wb.sheets.filter((s) => s.name !== "Recommendations") };
}

ruleTester(unknownRecommendation, {
  valid: [
    { name: "every number is in Recommendations", workbook: { responses: completeResponses() } },
    {
      name: "numbers written as 'Recommendation 1', '(2)', '1.' and inherited from the row above",
      workbook: { responses: [goodRow("Recommendation 1", "CWM"), goodRow("", "GCP"), goodRow("(2)", "CWM"), goodRow("1.", "PTP")] },
    },
    {
      name: "without a Recommendations sheet any number is a recommendation",
      workbook: withoutRecommendations({ responses: [goodRow("7", "CWM"), goodRow("13a", "GCP")] }),
    },
  ],
  invalid: [
    {
      name: "flags a number Recommendations does not have, at the No. cell",
      workbook: { responses: [goodRow("1", "CWM"), goodRow("9", "GCP")] },
      findings: [{ cell: "A3", recommendation: "9", unit: "GCP", messageIncludes: ["no recommendation 9", "Correct the number"] }],
    },
    {
      name: "rows inheriting an unknown number are reported at their own No. cell",
      workbook: { responses: [goodRow("3", "CWM"), goodRow("", "GCP")] },
      findings: [
        { cell: "A2", recommendation: "3", unit: "CWM" },
        { cell: "A3", recommendation: "3", unit: "GCP", messageIncludes: ["taken from the row above"] },
      ],
    },
    {
      name: "a No. cell holding no number, and a first row with a blank No.",
      workbook: { responses: [goodRow("", "PTP"), goodRow("see above", "CWM")] },
      findings: [
        { cell: "A2", recommendation: null, unit: "PTP", messageIncludes: ["The row of PTP", "blank"] },
        { cell: "A3", recommendation: null, unit: "CWM", messageIncludes: ['"see above"'] },
      ],
    },
    {
      name: "a missing number is flagged even without a Recommendations sheet",
      workbook: withoutRecommendations({ responses: [goodRow("Rec. A", "CWM")] }),
      findings: [{ cell: "A2", recommendation: null, unit: "CWM" }],
    },
  ],
});
