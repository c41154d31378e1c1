import { unknownAcceptance } from "../../../src/core/rules/unknown-acceptance";
import { ruleTester } from "../rule-tester";
import { completeResponses, goodRow, row } from "../workbooks";

ruleTester(unknownAcceptance, {
  valid: [
    { name: "English answers", workbook: { responses: completeResponses() } },
    {
      name: "French answers and short forms",
      workbook: {
        responses: [
          goodRow("1", "CWM", { acceptance: "Acceptée" }),
          goodRow("1", "GCP", { acceptance: "Partiellement acceptée", comments: "Sauf le volet formation." }),
          goodRow("1", "PTP", { acceptance: "Rejetée", comments: "Hors mandat." }),
          goodRow("2", "CWM", { acceptance: "Oui" }),
          goodRow("2", "GCP", { acceptance: "N" }),
        ],
      },
    },
    {
      name: "blank, '-', NA and No response are known (other rules judge them)",
      workbook: {
        responses: [
          row({ no: "1", unit: "CWM" }),
          row({ no: "1", unit: "GCP", acceptance: "-" }),
          row({ no: "1", unit: "PTP", acceptance: "N/A" }),
          row({ no: "2", unit: "CWM", acceptance: "No response received" }),
        ],
      },
    },
  ],
  invalid: [
    {
      name: "flags a typo and suggests the nearest answer",
      workbook: { responses: [goodRow("1", "CWM", { acceptance: "Acepted" })] },
      findings: [{ cell: "C2", recommendation: "1", unit: "CWM", suggestion: "Accepted", messageIncludes: ['"Acepted"', 'Did you mean "Accepted"?'] }],
    },
    {
      name: "suggests the canonical word for a misspelt French answer",
      workbook: {
        responses: [goodRow("1", "CWM", { acceptance: "Partiellement aceptée" }), goodRow("1", "GCP", { acceptance: "Rejeted" })],
      },
      findings: [
        { cell: "C2", recommendation: "1", unit: "CWM", suggestion: "Partially accepted" },
        { cell: "C3", recommendation: "1", unit: "GCP", suggestion: "Rejected" },
      ],
    },
    {
      name: "text far from any answer has no suggestion",
      workbook: { responses: [goodRow("2", "PTP", { acceptance: "To be discussed with the Director" })] },
      findings: [{ cell: "C2", recommendation: "2", unit: "PTP", suggestion: null, messageIncludes: ["is not a known answer"] }],
    },
  ],
});
