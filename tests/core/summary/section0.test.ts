import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/core/grid";
import type { Finding, Severity } from "../../../src/core/model";
import { serialFromIso } from "../../../src/core/dates";
import {
  ANSWER_STYLES, CHART_COLORS, MATRIX_HEADER_ROW, NO_RATE, SUMMARY_SHEET_NAME, section0Summary, styleAt, valueAt,
  type SummaryOptions,
} from "../../../src/core/summary/index";
import { goodRow, matrixOf, row, type BookSpec } from "../workbooks";

/** Seed 002 in small: CITSU alone, Peace = PTP + PMCP, Planet = CWM + GCP + SCYCLE (Units order). */
const SEED_UNITS: CellValue[][] = [
  ["CITSU", "Communications and Information Technology Support Unit", "CITSU", ""],
  ["PTP", "Peacekeeping Training Programme", "Peace", ""],
  ["PMCP", "Peacemaking and Conflict Prevention Programme", "Peace", ""],
  ["CWM", "Chemicals and Waste Management Programme", "Planet", ""],
  ["GCP", "Green Development and Climate Change Programme", "Planet", ""],
  ["SCYCLE", "Sustainable Cycles", "Planet", ""],
];

const SEED_RECOMMENDATIONS: CellValue[][] = [
  ["1", "<p><b>Recommendation 1:</b> Take steps to ensure full compliance with the UNITAR Certification Policy. Strengthen familiarity.</p>", "", "", "Peace, Planet"],
  ["2", "Integrate more rigorous quality control measures for data entry into the EMS. Avoid a zero CoC rate.", "", "", "Peace and Planet"],
  ["3", "CITSU should prioritize the development of the API for Moodle.", "", "", "CITSU"],
];

/** Rows in an order other than Units order, PMCP has no row for recommendation 2. */
const SEED_RESPONSES: CellValue[][] = [
  row({ no: "1", unit: "SCYCLE", acceptance: "Partially accepted", status: "Under implementation", m6: "Implemented" }),
  row({ no: "1", unit: "GCP", acceptance: "Accepted" }),
  row({ no: "1", unit: "CWM", acceptance: "Accepted", status: "Planned" }),
  row({ no: "1", unit: "PTP", acceptance: "Accepted", status: "Implemented" }),
  row({ no: "1", unit: "PMCP", acceptance: "Accepted", status: "Planned", m6: "Under implementation" }),
  row({ no: "2", unit: "PTP", acceptance: "Accepted", status: "Planned" }),
  row({ no: "2", unit: "CWM", acceptance: "Partially accepted", status: "Planned" }),
  row({ no: "2", unit: "GCP", acceptance: "Accepted", status: "Implemented" }),
  row({ no: "2", unit: "SCYCLE", acceptance: "Rejected" }),
  row({ no: "3", unit: "CITSU", acceptance: "Accepted", status: "When time comes, it will be done" }),
];

const seedBook: BookSpec = { units: SEED_UNITS, recommendations: SEED_RECOMMENDATIONS, responses: SEED_RESPONSES };
const BY_DIVISION: SummaryOptions = { by: "division", generated: "2025-07-01" };

function finding(severity: Severity): Finding {
  return {
    rule: "test", severity, sheet: "Responses", cell: "C2", recommendation: "1", unit: "CWM", message: "", suggestion: null,
    at: { sheet: "Responses", row: 1, col: 2 },
  };
}

function summaryOf(spec: BookSpec, options: SummaryOptions = BY_DIVISION, findings: Finding[] = []) {
  return section0Summary(matrixOf(spec), findings, options);
}

/** The values of a row from column A, as far as `lastCol`. */
function rowValues(spec: ReturnType<typeof summaryOf>, excelRow: number, lastCol: string): CellValue[] {
  const cols = lastCol.charCodeAt(0) - 64;
  return Array.from({ length: cols }, (_, i) => valueAt(spec, `${String.fromCharCode(65 + i)}${excelRow}`));
}

describe("Section 0 summary: title block", () => {
  const sheet = summaryOf(seedBook, BY_DIVISION, [finding("error"), finding("warning"), finding("error"), finding("info")]);

  it("names the sheet and the evaluation", () => {
    expect(sheet.name).toBe(SUMMARY_SHEET_NAME);
    expect(valueAt(sheet, "A1")).toBe("Section 0 – Summary of response");
    expect(styleAt(sheet, "A1")).toMatchObject({ bold: true, fontSize: 14 });
    expect(rowValues(sheet, 2, "B")).toEqual(["Evaluation", "test"]);
  });

  it("writes the generated and as-of dates as serial numbers with a date format", () => {
    expect(rowValues(sheet, 3, "B")).toEqual(["Generated", serialFromIso("2025-07-01")]);
    expect(rowValues(sheet, 4, "B")).toEqual(["As of", serialFromIso("2025-06-30")]);
    expect(styleAt(sheet, "B3").numberFormat).toBe("yyyy-mm-dd");
    expect(styleAt(sheet, "B4").numberFormat).toBe("yyyy-mm-dd");
  });

  it("counts the findings by severity", () => {
    expect(rowValues(sheet, 5, "B")).toEqual(["Errors", 2]);
    expect(rowValues(sheet, 6, "B")).toEqual(["Warnings", 1]);
    expect(rowValues(sheet, 7, "B")).toEqual(["Notes", 1]);
  });

  it("counts zero when there are no findings", () => {
    const clean = summaryOf(seedBook);
    expect([valueAt(clean, "B5"), valueAt(clean, "B6"), valueAt(clean, "B7")]).toEqual([0, 0, 0]);
  });
});

describe("Section 0 summary: matrix by division (seed 002's Planet cases)", () => {
  const sheet = summaryOf(seedBook);

  it("has a header row: recommendation, divisions in Units order, answer counts, acceptance rate", () => {
    expect(MATRIX_HEADER_ROW).toBe(8);
    expect(rowValues(sheet, 9, "I")).toEqual([
      "Recommendation", "CITSU", "Peace", "Planet", "Accepted", "Partially accepted", "Rejected", "No response", "Acceptance rate",
    ]);
  });

  it("labels each row with the number and the first sentence, tags and a leading 'Recommendation 1:' removed", () => {
    expect(valueAt(sheet, "A10")).toBe("1. Take steps to ensure full compliance with the UNITAR Certification Policy.");
    expect(valueAt(sheet, "A11")).toBe("2. Integrate more rigorous quality control measures for data entry into the EMS.");
    expect(valueAt(sheet, "A12")).toBe("3. CITSU should prioritize the development of the API for Moodle.");
  });

  it("groups differing answers as Accepted (CWM and GCP); Partially accepted (SCYCLE)", () => {
    expect(valueAt(sheet, "D10")).toBe("Accepted (CWM and GCP); Partially accepted (SCYCLE)");
  });

  it("lists the groups in answer order, not in row or Units order", () => {
    expect(valueAt(sheet, "D11")).toBe("Accepted (GCP); Partially accepted (CWM); Rejected (SCYCLE)");
  });

  it("writes the answer alone when all addressed units of the division agree", () => {
    expect(valueAt(sheet, "C10")).toBe("Accepted");
    expect(valueAt(sheet, "B12")).toBe("Accepted");
  });

  it("counts an addressed unit without a row as No response", () => {
    expect(valueAt(sheet, "C11")).toBe("Accepted (PTP); No response (PMCP)");
  });

  it("writes NA where no unit of the division is addressed (recommendation 3 is for CITSU only)", () => {
    expect(rowValues(sheet, 12, "D")).toEqual(["3. CITSU should prioritize the development of the API for Moodle.", "Accepted", "NA", "NA"]);
    expect(valueAt(sheet, "B10")).toBe("NA");
    expect(valueAt(sheet, "B11")).toBe("NA");
  });

  it("counts each recommendation's addressed units by answer, with the acceptance rate", () => {
    expect(rowValues(sheet, 10, "I").slice(4)).toEqual([4, 1, 0, 0, 1]);
    expect(rowValues(sheet, 11, "I").slice(4)).toEqual([2, 1, 1, 1, 0.6]);
    expect(rowValues(sheet, 12, "I").slice(4)).toEqual([1, 0, 0, 0, 1]);
    expect(styleAt(sheet, "I11").numberFormat).toBe("0%");
  });

  it("counts each division's answers in total rows, with the overall total where a row meets its own column", () => {
    expect(rowValues(sheet, 13, "I")).toEqual(["Total accepted", 1, 3, 3, 7, "", "", "", ""]);
    expect(rowValues(sheet, 14, "I")).toEqual(["Total partially accepted", 0, 0, 2, "", 2, "", "", ""]);
    expect(rowValues(sheet, 15, "I")).toEqual(["Total rejected", 0, 0, 1, "", "", 1, "", ""]);
    expect(rowValues(sheet, 16, "I")).toEqual(["Total no response", 0, 1, 0, "", "", "", 1, ""]);
    expect(rowValues(sheet, 17, "I")).toEqual(["Acceptance rate", 1, 0.75, 5 / 6, "", "", "", "", 9 / 11]);
    expect(styleAt(sheet, "C17").numberFormat).toBe("0%");
    expect(styleAt(sheet, "I17").numberFormat).toBe("0%");
  });

  it("has totals that add up to the addressed units, both ways", () => {
    const addressed = 5 + 5 + 1;
    const perRecommendation = [10, 11, 12].flatMap((r) => ["E", "F", "G", "H"].map((c) => valueAt(sheet, `${c}${r}`) as number));
    const perDivision = [13, 14, 15, 16].flatMap((r) => ["B", "C", "D"].map((c) => valueAt(sheet, `${c}${r}`) as number));
    const overall = ["E13", "F14", "G15", "H16"].map((ref) => valueAt(sheet, ref) as number);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect([sum(perRecommendation), sum(perDivision), sum(overall)]).toEqual([addressed, addressed, addressed]);
  });

  it("reads three units of one answer as 'A, B and C', in Units order", () => {
    const people = summaryOf({
      units: [["SDP", "", "People", ""], ["A2030", "", "People", ""], ["HO", "", "People", ""], ["PFTP", "", "People", ""]],
      recommendations: [["1", "Do it.", "", "", "All"]],
      responses: [goodRow("1", "HO"), goodRow("1", "PFTP", { acceptance: "Rejected" }), goodRow("1", "A2030"), goodRow("1", "SDP")],
    });
    expect(valueAt(people, "B10")).toBe("Accepted (SDP, A2030 and HO); Rejected (PFTP)");
  });

  it("counts blank, '-', Not applicable and unknown text of an addressed unit as No response", () => {
    const sheet2 = summaryOf({
      responses: [
        row({ no: "1", unit: "CWM", acceptance: "Acepted" }),
        row({ no: "1", unit: "GCP", acceptance: "-" }),
        row({ no: "1", unit: "PTP", acceptance: "Not applicable" }),
        row({ no: "2", unit: "CWM", acceptance: "", comments: "to follow" }),
        row({ no: "2", unit: "GCP", acceptance: "Accepted" }),
        row({ no: "2", unit: "PTP", acceptance: "Oui" }),
      ],
    });
    expect(rowValues(sheet2, 10, "H")).toEqual(["1. Strengthen quality control of data entry.", "No response", "No response", 0, 0, 0, 3, 0]);
    expect(rowValues(sheet2, 11, "C")).toEqual(["2. Improve learner engagement.", "Accepted (GCP); No response (CWM)", "Accepted"]);
  });

  it("uses a unit's first row when it has several for one recommendation", () => {
    const sheet2 = summaryOf({
      responses: [
        row({ no: "1", unit: "CWM", acceptance: "Rejected" }),
        row({ no: "1", unit: "CWM", acceptance: "Accepted" }),
        row({ no: "1", unit: "GCP", acceptance: "Accepted" }),
      ],
    });
    expect(valueAt(sheet2, "B10")).toBe("Accepted (GCP); Rejected (CWM)");
    expect(rowValues(sheet2, 10, "H").slice(3)).toEqual([1, 0, 1, 1, 1 / 3]);
  });

  it("writes '–' for the rate and NA everywhere for a recommendation addressed to no known unit", () => {
    const sheet2 = summaryOf({ recommendations: [["1", "Do it.", "", "", "Finance"]], responses: [] });
    expect(rowValues(sheet2, 10, "H")).toEqual(["1. Do it.", "NA", "NA", 0, 0, 0, 0, NO_RATE]);
    expect(rowValues(sheet2, 15, "H")).toEqual(["Acceptance rate", NO_RATE, NO_RATE, "", "", "", "", NO_RATE]);
  });

  it("labels a recommendation without text by its number", () => {
    const sheet2 = summaryOf({ recommendations: [["4", "", "", "", "CWM"]], responses: [goodRow("4", "CWM")] });
    expect(valueAt(sheet2, "A10")).toBe("Recommendation 4");
  });
});

describe("Section 0 summary: matrix by unit", () => {
  const sheet = summaryOf(seedBook, { by: "unit", generated: "2025-07-01" });

  it("has one column per unit in Units order", () => {
    expect(rowValues(sheet, 9, "L")).toEqual([
      "Recommendation", "CITSU", "PTP", "PMCP", "CWM", "GCP", "SCYCLE", "Accepted", "Partially accepted", "Rejected", "No response",
      "Acceptance rate",
    ]);
  });

  it("writes each unit's answer, No response, or NA", () => {
    expect(rowValues(sheet, 10, "G").slice(1)).toEqual(["NA", "Accepted", "Accepted", "Accepted", "Accepted", "Partially accepted"]);
    expect(rowValues(sheet, 11, "G").slice(1)).toEqual(["NA", "Accepted", "No response", "Partially accepted", "Accepted", "Rejected"]);
    expect(rowValues(sheet, 12, "G").slice(1)).toEqual(["Accepted", "NA", "NA", "NA", "NA", "NA"]);
  });

  it("totals per unit and overall", () => {
    expect(rowValues(sheet, 13, "H")).toEqual(["Total accepted", 1, 2, 1, 1, 2, 0, 7]);
    expect(rowValues(sheet, 16, "K").slice(1)).toEqual([0, 0, 1, 0, 0, 0, "", "", "", 1]);
    expect(valueAt(sheet, "L17")).toBe(9 / 11);
  });

  it("uses narrower unit columns", () => {
    expect(sheet.columnWidths.slice(0, 12)).toEqual([45, 16, 16, 16, 16, 16, 16, 10, 10, 10, 10, 12]);
  });
});

describe("Section 0 summary: fills and formatting", () => {
  const sheet = summaryOf(seedBook);

  it("fills a cell by its worst answer", () => {
    expect(styleAt(sheet, "C10")).toMatchObject(ANSWER_STYLES.Accepted);
    expect(styleAt(sheet, "D10")).toMatchObject(ANSWER_STYLES["Partially accepted"]);
    expect(styleAt(sheet, "D11")).toMatchObject(ANSWER_STYLES.Rejected);
    expect(styleAt(sheet, "C11")).toMatchObject(ANSWER_STYLES["No response"]);
  });

  it("leaves NA cells and totals without fill", () => {
    expect(styleAt(sheet, "B10").fill).toBeUndefined();
    expect(styleAt(sheet, "E10").fill).toBeUndefined();
    expect(styleAt(sheet, "B13").fill).toBeUndefined();
  });

  it("uses four distinct soft fills with dark text", () => {
    const fills = Object.values(ANSWER_STYLES).map((s) => s.fill);
    expect(new Set(fills).size).toBe(4);
    for (const s of Object.values(ANSWER_STYLES)) {
      expect(luminance(s.fill!)).toBeGreaterThan(0.5);
      expect(luminance(s.fontColor!)).toBeLessThan(0.2);
    }
  });

  it("wraps and borders the matrix, with a bold filled header", () => {
    expect(styleAt(sheet, "D10")).toMatchObject({ wrap: true, border: true, vertical: "top" });
    expect(styleAt(sheet, "I17")).toMatchObject({ border: true });
    expect(styleAt(sheet, "J10").border).toBeUndefined();
    expect(styleAt(sheet, "A18").border).toBeUndefined();
    expect(styleAt(sheet, "C9")).toMatchObject({ bold: true, fill: "#DDEBF7", wrap: true });
    expect(styleAt(sheet, "A13")).toMatchObject({ bold: true });
  });

  it("sets column widths, frozen header and A4 landscape print", () => {
    expect(sheet.columnWidths.slice(0, 9)).toEqual([45, 22, 22, 22, 10, 10, 10, 10, 12]);
    expect(sheet.freezeRows).toBe(9);
    expect(sheet.print).toEqual({ orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: 8, last: 8 } });
  });

  it("writes a rectangular grid", () => {
    const widths = new Set(sheet.cells.map((r) => r.length));
    expect(widths.size).toBe(1);
    expect(sheet.columnWidths.length).toBe(sheet.cells[0].length);
  });
});

describe("Section 0 summary: implementation block", () => {
  const sheet = summaryOf(seedBook);

  it("has a title and a header row of statuses", () => {
    expect(valueAt(sheet, "A19")).toBe("Implementation status of accepted and partially accepted recommendations (latest status)");
    expect(rowValues(sheet, 20, "I")).toEqual([
      "Recommendation", "Not started", "Planned", "Under implementation", "Implemented", "Not implemented", "Open / other", "No status",
      "% implemented",
    ]);
  });

  it("counts the latest status of accepting units, follow-ups included", () => {
    // PTP Implemented, PMCP Planned then Under implementation, CWM Planned, GCP nothing, SCYCLE Under implementation then Implemented
    expect(rowValues(sheet, 21, "I")).toEqual(["1. Take steps to ensure full compliance with the UNITAR Certification Policy.", 0, 1, 1, 2, 0, 0, 1, 0.4]);
  });

  it("leaves out rejected units and units that did not answer", () => {
    // PTP Planned, CWM Planned, GCP Implemented; SCYCLE rejected, PMCP has no row
    expect(rowValues(sheet, 22, "I").slice(1)).toEqual([0, 2, 0, 1, 0, 0, 0, 1 / 3]);
  });

  it("counts a status the vocabulary does not know as Open / other", () => {
    expect(rowValues(sheet, 23, "I").slice(1)).toEqual([0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it("ends with a total row", () => {
    expect(rowValues(sheet, 24, "I")).toEqual(["Total", 0, 3, 1, 3, 0, 1, 1, 1 / 3]);
    expect(styleAt(sheet, "I24").numberFormat).toBe("0%");
    expect(styleAt(sheet, "A24").bold).toBe(true);
  });

  it("adds one block per follow-up period, counting that period's column only", () => {
    expect(valueAt(sheet, "A26")).toBe("Follow-up status: 6 months");
    expect(valueAt(sheet, "B27")).toBe("Not started");
    expect(rowValues(sheet, 28, "I").slice(1)).toEqual([0, 0, 1, 1, 0, 0, 3, 0.2]);
    expect(rowValues(sheet, 29, "I").slice(1)).toEqual([0, 0, 0, 0, 0, 0, 3, 0]);
    expect(rowValues(sheet, 31, "I")).toEqual(["Total", 0, 0, 1, 1, 0, 0, 7, 1 / 9]);
  });

  it("leaves out a follow-up period nobody has reported on yet", () => {
    // the 1-year column exists but is blank on every row
    expect(sheet.cells.flat()).not.toContain("Follow-up status: 1 year");
  });

  it("has no follow-up blocks when the form has no follow-up columns", () => {
    const plain = summaryOf({
      responsesHeader: ["No.", "Unit", "Acceptance", "Planned action", "Status"],
      responses: [["1", "CWM", "Accepted", "Train staff.", "Implemented"], ["2", "CWM", "Partially accepted", "Train staff.", ""]],
    });
    expect(valueAt(plain, "A18")).toBe("Implementation status of accepted and partially accepted recommendations (latest status)");
    // CWM only: recommendation 1 Implemented, 2 no status; GCP and PTP have no row and are not counted
    expect(rowValues(plain, 20, "I").slice(1)).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
    expect(rowValues(plain, 21, "I").slice(1)).toEqual([0, 0, 0, 0, 0, 0, 1, 0]);
    expect(valueAt(plain, "A22")).toBe("Total");
    expect(plain.cells.length).toBe(22);
    expect(plain.cells.flat().some((v) => typeof v === "string" && v.startsWith("Follow-up status"))).toBe(false);
  });

  it("has no implementation block when the form has no status column at all", () => {
    const bare = summaryOf({ responsesHeader: ["No.", "Unit", "Acceptance"], responses: [["1", "CWM", "Accepted"]] });
    expect(bare.cells.length).toBe(16);
    expect(valueAt(bare, "A16")).toBe("Acceptance rate");
  });

  it("names a follow-up period that is a year by the year", () => {
    const yearly = summaryOf({
      responsesHeader: ["No.", "Unit", "Acceptance", "Status", "Update on status in 2025"],
      responses: [["1", "CWM", "Accepted", "Planned", "Implemented"]],
    });
    expect(valueAt(yearly, "A24")).toBe("Follow-up status: 2025");
    expect(rowValues(yearly, 26, "I").slice(1)).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
  });
});

describe("Section 0 summary: row heights", () => {
  it("makes rows tall enough for wrapped labels and mixed answers, so nothing is cut off in print", () => {
    const sheet = summaryOf(seedBook);
    const first = MATRIX_HEADER_ROW + 1;
    // "Accepted (CWM and GCP); Partially accepted (SCYCLE)" needs three lines of a 22-wide division column
    expect(sheet.rowHeights?.[first]).toBeGreaterThanOrEqual(45);
    expect(sheet.rowHeights?.[0] ?? 0).toBe(0); // the title is not wrapped
  });
});

describe("Section 0 summary: chart", () => {
  it("stacks the four answer counts per recommendation, below the tables", () => {
    const sheet = summaryOf(seedBook);
    expect(sheet.chart).toEqual({
      kind: "barStacked",
      title: "Acceptance by recommendation (number of units)",
      categories: { top: 9, left: 0, bottom: 11, right: 0 },
      series: [
        { name: "Accepted", values: { top: 9, left: 4, bottom: 11, right: 4 }, color: CHART_COLORS.Accepted },
        { name: "Partially accepted", values: { top: 9, left: 5, bottom: 11, right: 5 }, color: CHART_COLORS["Partially accepted"] },
        { name: "Rejected", values: { top: 9, left: 6, bottom: 11, right: 6 }, color: CHART_COLORS.Rejected },
        { name: "No response", values: { top: 9, left: 7, bottom: 11, right: 7 }, color: CHART_COLORS["No response"] },
      ],
      anchor: { top: 32, left: 0, bottom: 47, right: 3 },
    });
    expect(sheet.cells.length).toBe(31);
  });

  it("has no chart when there is no recommendation", () => {
    const empty = summaryOf({ recommendations: [], responses: [] });
    expect(empty.chart).toBeUndefined();
  });
});

/** Relative luminance of `#RRGGBB` (WCAG). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
