import { describe, expect, it } from "vitest";
import type { Workbook } from "../../../src/core/grid";
import { duplicateResponse } from "../../../src/core/rules/duplicate-response";
import { missingResponse } from "../../../src/core/rules/missing-response";
import { notAddressed } from "../../../src/core/rules/not-addressed";
import { unknownUnit } from "../../../src/core/rules/unknown-unit";
import { validate } from "../../../src/core/validate";
import { ruleTester } from "../rule-tester";
import { book, completeResponses, goodRow, matrixOf, type BookSpec } from "../workbooks";

/** The canonical workbook without its Units sheet: units are whatever the rows write. */
function withoutUnits(spec: BookSpec): Workbook {
  const wb = book(spec);
  return { ...wb, sheets: wb.sheets.filter((s) => s.name !== "Units") };
}

const rec = (no: string, addressedTo: string) => [no, "Strengthen quality control.", "", "", addressedTo];

ruleTester(unknownUnit, {
  valid: [
    { name: "units written as codes", workbook: { responses: completeResponses() } },
    {
      name: "units written as name, alias or 'Name (CODE)'",
      workbook: {
        responses: [
          goodRow("1", "Chemicals and Waste Management Programme"),
          goodRow("1", "PTPU"),
          goodRow("1", "Green Development and Climate Change Programme (GCP)"),
        ],
      },
    },
    {
      name: "Addressed to with codes, a division, 'and', All or Tous",
      workbook: {
        recommendations: [rec("1", "CWM and PTP"), rec("2", "Planet"), rec("3", "All"), rec("4", "Tous")],
        responses: [goodRow("1", "CWM")],
      },
    },
    {
      name: "without a Units sheet any unit text is a unit",
      workbook: withoutUnits({ recommendations: [rec("1", "All")], responses: [goodRow("1", "HO"), goodRow("1", "Hiroshima")] }),
    },
  ],
  invalid: [
    {
      name: "flags a misspelt unit code and suggests the nearest (swapped letters)",
      workbook: { responses: [goodRow("1", "CWM"), goodRow("1", "GPC")] },
      findings: [{ cell: "B3", recommendation: "1", unit: "GPC", suggestion: "GCP", messageIncludes: ['"GPC" is not in the Units sheet', "Did you mean GCP?"] }],
    },
    {
      name: "a misspelt unit name suggests the unit's code; a name far from any has no suggestion",
      workbook: { responses: [goodRow("1", "Chemicals and Waste Managment Programme"), goodRow("2", "Finance Office")] },
      findings: [
        { cell: "B2", recommendation: "1", unit: "Chemicals and Waste Managment Programme", suggestion: "CWM" },
        { cell: "B3", recommendation: "2", unit: "Finance Office", suggestion: null },
      ],
    },
    {
      name: "a response row with a blank unit, with or without a Units sheet",
      workbook: withoutUnits({ responses: [goodRow("1", "HO"), goodRow("", "")] }),
      findings: [{ cell: "B3", recommendation: "1", unit: null, messageIncludes: ["no unit is given"] }],
    },
    {
      name: "flags each unknown name of an 'Addressed to' cell, suggesting a unit code or division",
      workbook: {
        recommendations: [rec("1", "CWM, XYZ; Plantet")],
        responses: [goodRow("1", "CWM")],
      },
      findings: [
        { sheet: "Recommendations", cell: "E2", recommendation: "1", unit: "XYZ", suggestion: null },
        { sheet: "Recommendations", cell: "E2", recommendation: "1", unit: "Plantet", suggestion: "Planet", messageIncludes: ["Recommendation 1 is addressed to \"Plantet\""] },
      ],
    },
  ],
});

describe("an unknown unit is reported once, by unknown-unit", () => {
  it("gives rows of an unknown unit no not-addressed or duplicate-response finding", () => {
    const matrix = matrixOf({
      recommendations: [rec("1", "CWM")],
      responses: [goodRow("1", "CWM"), goodRow("1", "XYZ"), goodRow("1", "XYZ")],
    });
    const findings = validate(matrix, { rules: [unknownUnit, notAddressed, duplicateResponse, missingResponse] });
    expect(findings.map((f) => [f.rule, f.cell, f.unit])).toEqual([
      ["unknown-unit", "B3", "XYZ"],
      ["unknown-unit", "B4", "XYZ"],
    ]);
  });
});
