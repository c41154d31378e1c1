import { describe, expect, it } from "vitest";
import { certainIsoDate, invalidDate } from "../../../src/core/rules/invalid-date";
import { missingDate } from "../../../src/core/rules/missing-date";
import { overdue } from "../../../src/core/rules/overdue";
import { validate } from "../../../src/core/validate";
import { ruleTester } from "../rule-tester";
import { completeResponses, goodRow, matrixOf } from "../workbooks";

ruleTester(invalidDate, {
  valid: [
    { name: "ISO text dates", workbook: { responses: completeResponses() } },
    {
      name: "serial numbers, written-out dates and `by` / `d'ici le` dates",
      workbook: {
        responses: [
          goodRow("1", "CWM", { date: 45838 }),
          goodRow("1", "GCP", { date: "31 Dec 2025" }),
          goodRow("1", "PTP", { date: "by December 31, 2025" }),
          goodRow("2", "CWM", { date: "d'ici le 31 décembre 2025" }),
        ],
      },
    },
    { name: "a blank date is missing-date's", workbook: { responses: [goodRow("1", "CWM", { date: "" })] } },
    { name: "a placeholder that says there is no date", workbook: { responses: [goodRow("1", "CWM", { acceptance: "Rejected", date: "-", comments: "Not our mandate." }), goodRow("1", "GCP", { date: "N/A" })] } },
    {
      name: "a layout with no target-date column",
      workbook: { responsesHeader: ["No.", "Unit", "Acceptance", "Comments"], responses: [["1", "CWM", "Accepted", "Q2 2024"]] },
    },
  ],
  invalid: [
    {
      name: "flags a quarter, `ongoing` and free text, suggesting nothing",
      workbook: {
        responses: [
          goodRow("1", "CWM", { date: "Q2 2024" }),
          goodRow("1", "GCP", { date: "ongoing" }),
          goodRow("1", "PTP", { date: "To be decided by the UNCT" }),
        ],
      },
      findings: [
        { cell: "G2", recommendation: "1", unit: "CWM", suggestion: null, messageIncludes: ['"Q2 2024"', "day, month and year"] },
        { cell: "G3", recommendation: "1", unit: "GCP", suggestion: null },
        { cell: "G4", recommendation: "1", unit: "PTP", suggestion: null },
      ],
    },
    {
      name: "flags `To be decided`: a text in the date column that is not a date, not a missing date",
      workbook: { responses: [goodRow("1", "CWM", { date: "To be decided" }), goodRow("1", "GCP", { date: "To be determined" })] },
      findings: [
        { cell: "G2", recommendation: "1", unit: "CWM", messageIncludes: ['"To be decided"'] },
        { cell: "G3", recommendation: "1", unit: "GCP" },
      ],
    },
    {
      name: "suggests the ISO date only when day and month cannot be swapped",
      workbook: { responses: [goodRow("1", "CWM", { date: "31/08/2023" }), goodRow("1", "GCP", { date: "03/08/2023" })] },
      findings: [
        { cell: "G2", recommendation: "1", unit: "CWM", suggestion: "2023-08-31", messageIncludes: ["Write it as 2023-08-31"] },
        { cell: "G3", recommendation: "1", unit: "GCP", suggestion: null },
      ],
    },
    {
      name: "fires whatever the acceptance",
      workbook: { responses: [goodRow("2", "PTP", { acceptance: "Rejected", date: "December 2025", comments: "Not our mandate." })] },
      findings: [{ cell: "G2", recommendation: "2", unit: "PTP" }],
    },
  ],
});

describe("certainIsoDate", () => {
  it("rewrites numeric dates whose order is certain", () => {
    expect(certainIsoDate("31/08/2023")).toBe("2023-08-31");
    expect(certainIsoDate("08/31/2023")).toBe("2023-08-31");
    expect(certainIsoDate("05.05.2025")).toBe("2025-05-05");
    expect(certainIsoDate("2025/12/31")).toBe("2025-12-31");
  });
  it("never guesses the order, a two-digit year or an impossible date", () => {
    expect(certainIsoDate("03/08/2023")).toBeNull();
    expect(certainIsoDate("31/08/23")).toBeNull();
    expect(certainIsoDate("30/02/2024")).toBeNull();
    expect(certainIsoDate("Q2 2024")).toBeNull();
  });
});

describe("one finding per target-date cell", () => {
  const rules = [missingDate, invalidDate, overdue];
  const findings = (date: string | number, extra = {}) =>
    validate(matrixOf({ responses: [goodRow("1", "CWM", { date, ...extra })] }), { rules }).map((f) => `${f.rule} ${f.cell}`);

  it("text that is not a date is invalid-date only", () => {
    expect(findings("Q2 2024")).toEqual(["invalid-date G2"]);
  });
  it("`To be decided` is invalid-date only, never missing-date", () => {
    expect(findings("To be decided")).toEqual(["invalid-date G2"]);
  });
  it("a blank date is missing-date only, and cannot be overdue", () => {
    expect(findings("")).toEqual(["missing-date G2"]);
  });
  it("a real date in the past is overdue only", () => {
    expect(findings("2024-12-31")).toEqual(["overdue G2"]);
  });
  it("a date written day/month in the past is invalid-date, never overdue", () => {
    expect(findings("31/12/2024")).toEqual(["invalid-date G2"]);
  });
});
