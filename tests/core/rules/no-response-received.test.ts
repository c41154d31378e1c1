import { noResponseReceived } from "../../../src/core/rules/no-response-received";
import { ruleTester } from "../rule-tester";
import { completeResponses, goodRow, row } from "../workbooks";

const ONLY_CWM = [["1", "Strengthen quality control of data entry.", "High", "Data", "CWM"]];

ruleTester(noResponseReceived, {
  valid: [
    { name: "every unit answered", workbook: { responses: completeResponses() } },
    { name: "a blank acceptance is missing-response, not this rule", workbook: { responses: [row({ no: "1", unit: "CWM" })] } },
    {
      name: "No response from a unit the recommendation is not addressed to owes nothing",
      workbook: { recommendations: ONLY_CWM, responses: [goodRow("1", "CWM"), row({ no: "1", unit: "GCP", acceptance: "No response received" })] },
    },
    {
      name: "No response in a status cell is not an acceptance",
      workbook: { responses: [goodRow("1", "CWM", { m6: "No response received" })] },
    },
  ],
  invalid: [
    {
      name: "flags 'No response received' at the acceptance cell",
      workbook: { responses: [goodRow("1", "CWM"), row({ no: "1", unit: "GCP", acceptance: "No response received", action: "No response received" })] },
      findings: [{ cell: "C3", recommendation: "1", unit: "GCP", severity: "warning", messageIncludes: ["no response has been received", "Ask GCP"] }],
    },
    {
      name: "knows the synonyms in English and French",
      workbook: {
        responses: [
          row({ no: "1", unit: "CWM", acceptance: "Not received" }),
          row({ no: "2", unit: "PTP", acceptance: "Pas de réponse" }),
          row({ no: "", unit: "GCP", acceptance: "no response" }),
        ],
      },
      findings: [
        { cell: "C2", recommendation: "1", unit: "CWM" },
        { cell: "C3", recommendation: "2", unit: "PTP" },
        { cell: "C4", recommendation: "2", unit: "GCP" },
      ],
    },
    {
      name: "a unit not in Units is named as written",
      workbook: { responses: [row({ no: "1", unit: "A2030", acceptance: "No response" })] },
      findings: [{ cell: "C2", recommendation: "1", unit: "A2030" }],
    },
  ],
});
