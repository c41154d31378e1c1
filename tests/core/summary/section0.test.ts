import { describe, expect, it } from "vitest";
import type { CellValue } from "../../../src/core/grid";
import type { Finding, Severity } from "../../../src/core/model";
import { serialFromIso } from "../../../src/core/dates";
import {
  ANSWER_STYLES, CHART_COLORS, MATRIX_HEADER_ROW, MIN_PRINTED_POINTS, NO_RATE, SUMMARY_SHEET_NAME, section0Summary, styleAt, valueAt,
  type SummaryOptions,
} from "../../../src/core/summary/index";
import { columnLetter } from "../../../src/core/grid";
import { PRINTED_POINTS_PER_WIDTH, SHEET_FONT, printableWidth, textRoom, type SheetSpec } from "../../../src/core/sheet-spec";
import { widestWord, wrappedLines } from "../../../src/core/text-measure";
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
const BY_DIVISION: SummaryOptions = { by: "division", generated: "2025-07-01T14:05" };

/** Default units (Planet = CWM + GCP, Peace = PTP): nobody answers recommendation 1; recommendation 2 has one blank. */
const unansweredBook: BookSpec = {
  responses: [
    row({ no: "1", unit: "CWM", acceptance: "Acepted" }),
    row({ no: "1", unit: "GCP", acceptance: "-" }),
    row({ no: "1", unit: "PTP", acceptance: "Not applicable" }),
    row({ no: "2", unit: "CWM", acceptance: "", comments: "to follow" }),
    row({ no: "2", unit: "GCP", acceptance: "Accepted" }),
    row({ no: "2", unit: "PTP", acceptance: "Oui" }),
  ],
};

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

  it("writes when it was generated (date and time) and the as-of date, each with its format", () => {
    expect(rowValues(sheet, 3, "B")).toEqual(["Generated", serialFromIso("2025-07-01")! + (14 * 60 + 5) / 1440]);
    expect(rowValues(sheet, 4, "B")).toEqual(["As of", serialFromIso("2025-06-30")]);
    expect(styleAt(sheet, "B3").numberFormat).toBe("yyyy-mm-dd hh:mm");
    expect(styleAt(sheet, "B4").numberFormat).toBe("yyyy-mm-dd");
  });

  it("keeps the counts of findings beside the title block, outside the print area, saying so", () => {
    const area = sheet.print!.area!;
    expect(valueAt(sheet, "K1")).toBe("Checks when generated (kept outside the print area: not printed)");
    expect([rowValues(sheet, 2, "L").slice(10), rowValues(sheet, 3, "L").slice(10), rowValues(sheet, 4, "L").slice(10)]).toEqual([
      ["Errors", 2], ["Warnings", 1], ["Notes", 1],
    ]);
    expect(area.right).toBeLessThan(10);
    expect(sheet.cells.flat()).not.toContain("Information");
  });

  it("counts zero when there are no findings", () => {
    const clean = summaryOf(seedBook);
    expect([valueAt(clean, "L2"), valueAt(clean, "L3"), valueAt(clean, "L4")]).toEqual([0, 0, 0]);
  });
});

describe("Section 0 summary: matrix by division (seed 002's Planet cases)", () => {
  const sheet = summaryOf(seedBook);

  it("has a header row: recommendation, then the divisions in Units order", () => {
    expect(MATRIX_HEADER_ROW).toBe(5);
    expect(rowValues(sheet, 6, "E")).toEqual(["Recommendation", "CITSU", "Peace", "Planet", ""]);
  });

  it("labels each row with the number and the first sentence, tags and a leading 'Recommendation 1:' removed", () => {
    expect(valueAt(sheet, "A7")).toBe("1. Take steps to ensure full compliance with the UNITAR Certification Policy.");
    expect(valueAt(sheet, "A8")).toBe("2. Integrate more rigorous quality control measures for data entry into the EMS.");
    expect(valueAt(sheet, "A9")).toBe("3. CITSU should prioritize the development of the API for Moodle.");
  });

  it("groups differing answers as Accepted (CWM and GCP); Partially accepted (SCYCLE)", () => {
    expect(valueAt(sheet, "D7")).toBe("Accepted (CWM and GCP); Partially accepted (SCYCLE)");
  });

  it("lists the groups in answer order, not in row or Units order", () => {
    expect(valueAt(sheet, "D8")).toBe("Accepted (GCP); Partially accepted (CWM); Rejected (SCYCLE)");
  });

  it("writes the answer alone when all addressed units of the division agree", () => {
    expect(valueAt(sheet, "C7")).toBe("Accepted");
    expect(valueAt(sheet, "B9")).toBe("Accepted");
  });

  it("counts an addressed unit without a row as No response", () => {
    expect(valueAt(sheet, "C8")).toBe("Accepted (PTP); No response (PMCP)");
  });

  it("writes NA where no unit of the division is addressed (recommendation 3 is for CITSU only)", () => {
    expect(rowValues(sheet, 9, "D")).toEqual(["3. CITSU should prioritize the development of the API for Moodle.", "Accepted", "NA", "NA"]);
    expect(valueAt(sheet, "B7")).toBe("NA");
    expect(valueAt(sheet, "B8")).toBe("NA");
  });

  it("counts each division's units by answer under its column, labelled as counts of units, with its acceptance rate", () => {
    expect(rowValues(sheet, 10, "E")).toEqual(["Units that accepted", 1, 3, 3, ""]);
    expect(rowValues(sheet, 11, "E")).toEqual(["Units that partially accepted", 0, 0, 2, ""]);
    expect(rowValues(sheet, 12, "E")).toEqual(["Units that rejected", 0, 0, 1, ""]);
    expect(rowValues(sheet, 13, "E")).toEqual(["Units with no response", 0, 1, 0, ""]);
    expect(rowValues(sheet, 14, "E")).toEqual(["Acceptance rate", 1, 0.75, 5 / 6, ""]);
    expect(styleAt(sheet, "C14").numberFormat).toBe("0%");
    expect(styleAt(sheet, "A10")).toMatchObject({ bold: true, border: true });
  });

  it("counts each recommendation's units by answer in a table of its own, with a row for all of them", () => {
    expect(valueAt(sheet, "A23")).toBe("Units by answer, per recommendation");
    expect(rowValues(sheet, 24, "G")).toEqual([
      "Recommendation", "Units that accepted", "Units that partially accepted", "Units that rejected", "Units with no response",
      "Acceptance rate", "",
    ]);
    expect(rowValues(sheet, 25, "F")).toEqual(["Recommendation 1", 4, 1, 0, 0, 1]);
    expect(rowValues(sheet, 26, "F")).toEqual(["Recommendation 2", 2, 1, 1, 1, 0.6]);
    expect(rowValues(sheet, 27, "F")).toEqual(["Recommendation 3", 1, 0, 0, 0, 1]);
    expect(rowValues(sheet, 28, "F")).toEqual(["All recommendations", 7, 2, 1, 1, 9 / 11]);
    expect(styleAt(sheet, "F26").numberFormat).toBe("0%");
    expect(styleAt(sheet, "A28").bold).toBe(true);
  });

  it("has totals that add up to the addressed units, both ways, and no overall figure off the table (no diagonal)", () => {
    const addressed = 5 + 5 + 1;
    const sum = (xs: CellValue[]) => xs.reduce((a: number, b) => a + (b as number), 0);
    const byDivision = [10, 11, 12, 13].flatMap((r) => rowValues(sheet, r, "D").slice(1));
    const byRecommendation = [25, 26, 27].flatMap((r) => rowValues(sheet, r, "E").slice(1));
    expect([sum(byDivision), sum(byRecommendation), sum(rowValues(sheet, 28, "E").slice(1))]).toEqual([addressed, addressed, addressed]);
    for (const r of [10, 11, 12, 13, 14]) expect(rowValues(sheet, r, "I").slice(4)).toEqual(["", "", "", "", ""]);
  });

  it("reads three units of one answer as 'A, B and C', in Units order", () => {
    const people = summaryOf({
      units: [["SDP", "", "People", ""], ["A2030", "", "People", ""], ["HO", "", "People", ""], ["PFTP", "", "People", ""]],
      recommendations: [["1", "Do it.", "", "", "All"]],
      responses: [goodRow("1", "HO"), goodRow("1", "PFTP", { acceptance: "Rejected" }), goodRow("1", "A2030"), goodRow("1", "SDP")],
    });
    expect(valueAt(people, "B7")).toBe("Accepted (SDP, A2030 and HO); Rejected (PFTP)");
  });

  it("counts blank, '-', Not applicable and unknown text of an addressed unit as No response", () => {
    const sheet2 = summaryOf(unansweredBook);
    expect(rowValues(sheet2, 7, "C")).toEqual(["1. Strengthen quality control of data entry.", "No response", "No response"]);
    expect(rowValues(sheet2, 8, "C")).toEqual(["2. Improve learner engagement.", "Accepted (GCP); No response (CWM)", "Accepted"]);
    expect(rowValues(sheet2, 24, "F")).toEqual(["Recommendation 1", 0, 0, 0, 3, 0]);
  });

  it("uses a unit's first row when it has several for one recommendation", () => {
    const sheet2 = summaryOf({
      responses: [
        row({ no: "1", unit: "CWM", acceptance: "Rejected" }),
        row({ no: "1", unit: "CWM", acceptance: "Accepted" }),
        row({ no: "1", unit: "GCP", acceptance: "Accepted" }),
      ],
    });
    expect(valueAt(sheet2, "B7")).toBe("Accepted (GCP); Rejected (CWM)");
    expect(rowValues(sheet2, 24, "F")).toEqual(["Recommendation 1", 1, 0, 1, 1, 1 / 3]);
  });

  it("writes '–' for the rate and NA everywhere for a recommendation addressed to no known unit", () => {
    const sheet2 = summaryOf({ recommendations: [["1", "Do it.", "", "", "Finance"]], responses: [] });
    expect(rowValues(sheet2, 7, "C")).toEqual(["1. Do it.", "NA", "NA"]);
    expect(rowValues(sheet2, 12, "C")).toEqual(["Acceptance rate", NO_RATE, NO_RATE]);
    expect(rowValues(sheet2, 23, "F")).toEqual(["Recommendation 1", 0, 0, 0, 0, NO_RATE]);
  });

  it("labels a recommendation without text by its number", () => {
    const sheet2 = summaryOf({ recommendations: [["4", "", "", "", "CWM"]], responses: [goodRow("4", "CWM")] });
    expect(valueAt(sheet2, "A7")).toBe("Recommendation 4");
  });
});

describe("Section 0 summary: matrix by unit", () => {
  const sheet = summaryOf(seedBook, { by: "unit", generated: "2025-07-01" });

  it("has one column per unit in Units order", () => {
    expect(rowValues(sheet, 6, "G")).toEqual(["Recommendation", "CITSU", "PTP", "PMCP", "CWM", "GCP", "SCYCLE"]);
  });

  it("writes each unit's answer, No response, or NA", () => {
    expect(rowValues(sheet, 7, "G").slice(1)).toEqual(["NA", "Accepted", "Accepted", "Accepted", "Accepted", "Partially accepted"]);
    expect(rowValues(sheet, 8, "G").slice(1)).toEqual(["NA", "Accepted", "No response", "Partially accepted", "Accepted", "Rejected"]);
    expect(rowValues(sheet, 9, "G").slice(1)).toEqual(["Accepted", "NA", "NA", "NA", "NA", "NA"]);
  });

  it("counts per unit under its column", () => {
    expect(rowValues(sheet, 10, "G")).toEqual(["Units that accepted", 1, 2, 1, 1, 2, 0]);
    expect(rowValues(sheet, 13, "G").slice(1)).toEqual([0, 0, 1, 0, 0, 0]);
    expect(rowValues(sheet, 14, "G").slice(1)).toEqual([1, 1, 0.5, 1, 1, 0.5]);
  });
});

describe("Section 0 summary: fills and legend", () => {
  const sheet = summaryOf(seedBook);

  it("fills a cell by the least favourable answer given in it", () => {
    expect(styleAt(sheet, "C7")).toMatchObject(ANSWER_STYLES.Accepted);
    expect(styleAt(sheet, "D7")).toMatchObject(ANSWER_STYLES["Partially accepted"]);
    expect(styleAt(sheet, "D8")).toMatchObject(ANSWER_STYLES.Rejected);
  });

  it("colours a column where some units did not answer by the answers given, not grey", () => {
    // Peace, recommendation 2: PTP accepted, PMCP has no row
    expect(valueAt(sheet, "C8")).toBe("Accepted (PTP); No response (PMCP)");
    expect(styleAt(sheet, "C8")).toMatchObject(ANSWER_STYLES.Accepted);
  });

  it("greys a cell only where no addressed unit of the column answered", () => {
    const sheet2 = summaryOf(unansweredBook);
    expect(styleAt(sheet2, "B7")).toMatchObject(ANSWER_STYLES["No response"]);
    expect(styleAt(sheet2, "C7")).toMatchObject(ANSWER_STYLES["No response"]);
    expect(styleAt(sheet2, "B8")).toMatchObject(ANSWER_STYLES.Accepted);
  });

  it("leaves NA cells and totals without fill", () => {
    expect(styleAt(sheet, "B7").fill).toBeUndefined();
    expect(styleAt(sheet, "B10").fill).toBeUndefined();
    expect(styleAt(sheet, "B25").fill).toBeUndefined();
  });

  it("explains the fills in a legend under the matrix, each line filled as the cells it explains", () => {
    expect(valueAt(sheet, "A16")).toBe("Colours: the least favourable answer given in the cell (the words say the same)");
    expect(styleAt(sheet, "A16").bold).toBe(true);
    const legend = [17, 18, 19, 20, 21].map((r) => [valueAt(sheet, `A${r}`), styleAt(sheet, `A${r}`).fill]);
    expect(legend).toEqual([
      ["Rejected: at least one unit rejected", ANSWER_STYLES.Rejected.fill],
      ["Partially accepted: at least one unit partially accepted, none rejected", ANSWER_STYLES["Partially accepted"].fill],
      ["Accepted: every unit that answered accepted", ANSWER_STYLES.Accepted.fill],
      ["No response: no unit of the column has answered", ANSWER_STYLES["No response"].fill],
      ["NA: not addressed to any unit of the column", undefined],
    ]);
    expect(styleAt(sheet, "A18").fontColor).toBe(ANSWER_STYLES["Partially accepted"].fontColor);
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
    expect(styleAt(sheet, "D7")).toMatchObject({ wrap: true, border: true, vertical: "top" });
    expect(styleAt(sheet, "D14")).toMatchObject({ border: true });
    expect(styleAt(sheet, "E7").border).toBeUndefined();
    expect(styleAt(sheet, "A15").border).toBeUndefined();
    expect(styleAt(sheet, "C6")).toMatchObject({ bold: true, fill: "#DDEBF7", wrap: true });
  });

  it("writes a rectangular grid, a width for every column", () => {
    const widths = new Set(sheet.cells.map((r) => r.length));
    expect(widths.size).toBe(1);
    expect(sheet.columnWidths.length).toBe(sheet.cells[0].length);
  });
});

describe("Section 0 summary: implementation block", () => {
  const sheet = summaryOf(seedBook);

  it("has a title and a header row of statuses", () => {
    expect(valueAt(sheet, "A46")).toBe("Implementation status of accepted and partially accepted recommendations (latest status)");
    expect(rowValues(sheet, 47, "I")).toEqual([
      "Recommendation", "Not started", "Planned", "Under implementation", "Implemented", "Not implemented", "Open / other", "No status",
      "% implemented",
    ]);
  });

  it("counts the latest status of accepting units, follow-ups included", () => {
    // PTP Implemented, PMCP Planned then Under implementation, CWM Planned, GCP nothing, SCYCLE Under implementation then Implemented
    expect(rowValues(sheet, 48, "I")).toEqual(["1. Take steps to ensure full compliance with the UNITAR Certification Policy.", 0, 1, 1, 2, 0, 0, 1, 0.4]);
  });

  it("leaves out rejected units and units that did not answer", () => {
    // PTP Planned, CWM Planned, GCP Implemented; SCYCLE rejected, PMCP has no row
    expect(rowValues(sheet, 49, "I").slice(1)).toEqual([0, 2, 0, 1, 0, 0, 0, 1 / 3]);
  });

  it("counts a status the vocabulary does not know as Open / other", () => {
    expect(rowValues(sheet, 50, "I").slice(1)).toEqual([0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it("ends with a total row", () => {
    expect(rowValues(sheet, 51, "I")).toEqual(["Total", 0, 3, 1, 3, 0, 1, 1, 1 / 3]);
    expect(styleAt(sheet, "I51").numberFormat).toBe("0%");
    expect(styleAt(sheet, "A51").bold).toBe(true);
  });

  it("adds one block per follow-up period, counting that period's column only", () => {
    expect(valueAt(sheet, "A53")).toBe("Follow-up status: 6 months");
    expect(valueAt(sheet, "B54")).toBe("Not started");
    expect(rowValues(sheet, 55, "I").slice(1)).toEqual([0, 0, 1, 1, 0, 0, 3, 0.2]);
    expect(rowValues(sheet, 56, "I").slice(1)).toEqual([0, 0, 0, 0, 0, 0, 3, 0]);
    expect(rowValues(sheet, 58, "I")).toEqual(["Total", 0, 0, 1, 1, 0, 0, 7, 1 / 9]);
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
    expect(valueAt(plain, "A44")).toBe("Implementation status of accepted and partially accepted recommendations (latest status)");
    // CWM only: recommendation 1 Implemented, 2 no status; GCP and PTP have no row and are not counted
    expect(rowValues(plain, 46, "I").slice(1)).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
    expect(rowValues(plain, 47, "I").slice(1)).toEqual([0, 0, 0, 0, 0, 0, 1, 0]);
    expect(valueAt(plain, "A48")).toBe("Total");
    expect(plain.cells.length).toBe(48);
    expect(plain.cells.flat().some((v) => typeof v === "string" && v.startsWith("Follow-up status"))).toBe(false);
  });

  it("has no implementation block when the form has no status column at all", () => {
    const bare = summaryOf({ responsesHeader: ["No.", "Unit", "Acceptance"], responses: [["1", "CWM", "Accepted"]] });
    expect(bare.cells.length).toBe(26);
    expect(valueAt(bare, "A26")).toBe("All recommendations");
  });

  it("names a follow-up period that is a year by the year", () => {
    const yearly = summaryOf({
      responsesHeader: ["No.", "Unit", "Acceptance", "Status", "Update on status in 2025"],
      responses: [["1", "CWM", "Accepted", "Planned", "Implemented"]],
    });
    expect(valueAt(yearly, "A50")).toBe("Follow-up status: 2025");
    expect(rowValues(yearly, 52, "I").slice(1)).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
  });
});

describe("Section 0 summary: printing on A4 landscape", () => {
  const sheet = summaryOf(seedBook);
  const minScale = (MIN_PRINTED_POINTS / SHEET_FONT.size) * 100;
  /** Every text in the print area with its font size and weight (numbers are a few characters, and never wrap). */
  const printedText = (spec: SheetSpec) =>
    spec.cells.flatMap((row, r) =>
      row.flatMap((v, c) => {
        const area = spec.print!.area!;
        if (typeof v !== "string" || v === "" || r > area.bottom || c > area.right) return [];
        const style = styleAt(spec, `${columnLetter(c)}${r + 1}`);
        return [{ r, c, text: String(v), size: style.fontSize ?? spec.font!.size, bold: style.bold ?? false, wrap: style.wrap ?? false }];
      }),
    );

  it("names one font for the whole sheet, Arial 10, and no style names another", () => {
    expect(sheet.font).toEqual({ name: "Arial", size: 10 });
    expect(sheet.styles.every((s) => !("fontName" in s.style))).toBe(true);
  });

  it("prints no text below 8 points at its scale", () => {
    const scale = sheet.print!.scale!;
    expect(sheet.print!.fitToWidth).toBeUndefined();
    expect(scale).toBeGreaterThanOrEqual(minScale);
    const smallest = Math.min(...printedText(sheet).map((t) => t.size));
    expect((smallest * scale) / 100).toBeGreaterThanOrEqual(8);
  });

  it("fits the printed columns on one page wide, so no column is repeated", () => {
    const widthPoints = sheet.columnWidths.slice(0, sheet.print!.area!.right + 1).reduce((a, w) => a + w * PRINTED_POINTS_PER_WIDTH, 0);
    expect((widthPoints * sheet.print!.scale!) / 100).toBeLessThanOrEqual(printableWidth(sheet.print!.margins));
    expect(sheet.print!.repeatColumns).toBeUndefined();
  });

  it("prints from A1 to the last table column, down to the last table, on A4 landscape with set margins", () => {
    expect(sheet.print).toMatchObject({
      orientation: "landscape", paperSize: "A4", margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      area: { top: 0, left: 0, bottom: sheet.cells.length - 1, right: 8 },
    });
  });

  it("keeps twelve division columns on one page wide at 8 points or more", () => {
    const divisions = ["Peace", "People", "Planet", "Prosperity", "Multilateral Diplomacy Programme", "Satellite Analysis and Applied Research",
      "New York Office", "Hiroshima Office", "Communications", "Chemicals and Waste", "Public Finance and Trade", "Digital Health"];
    const wide = summaryOf({
      units: divisions.map((d, i) => [`U${i}`, "", d, ""]),
      recommendations: [["1", SEED_RECOMMENDATIONS[0][1], "", "", "All"]],
      responses: divisions.map((_, i) => goodRow("1", `U${i}`, { acceptance: i % 2 ? "Partially accepted" : "Accepted" })),
    });
    expect(wide.print!.scale!).toBeGreaterThanOrEqual(minScale);
    expect(wide.print!.repeatColumns).toBeUndefined();
  });

  it("repeats the recommendation column on every page of a matrix wider than a page, rather than shrink below 8 points", () => {
    const units = Array.from({ length: 30 }, (_, i) => [`Unit${i + 1}`, "", "", ""]);
    const wide = summaryOf({ units, recommendations: [["1", "Do it.", "", "", "All"]], responses: [] }, { by: "unit", generated: "2025-07-01" });
    expect(wide.print!.scale).toBe(minScale);
    expect(wide.print!.repeatColumns).toEqual({ first: 0, last: 0 });
  });

  it("never breaks a header or any word inside a word: every column holds its widest word", () => {
    const spans = new Map(sheet.merges.map((m) => [`${m.top},${m.left}`, m]));
    for (const t of printedText(sheet)) {
      if (!t.wrap || spans.has(`${t.r},${t.c}`)) continue;
      expect(widestWord(t.text, t.size, t.bold), `${t.text} in column ${t.c}`).toBeLessThanOrEqual(textRoom(sheet.columnWidths[t.c]));
    }
  });

  it("makes rows tall enough for their wrapped text, merged cells across their columns", () => {
    for (const t of printedText(sheet)) {
      if (!t.wrap) continue;
      const merge = sheet.merges.find((m) => m.top === t.r && m.left === t.c);
      const width = sheet.columnWidths.slice(t.c, (merge?.right ?? t.c) + 1).reduce((a, w) => a + w, 0);
      const lines = wrappedLines(t.text, textRoom(width), t.size, t.bold);
      expect(sheet.rowHeights?.[t.r] || 15, t.text).toBeGreaterThanOrEqual(lines * t.size * 1.2);
    }
  });

  it("starts each table on a page that holds it, and repeats no header row when the matrix fits on its page", () => {
    expect(sheet.print!.pageBreaks!.every((row) => sheet.cells[row]?.[0] !== "" || row === sheet.chart!.anchor.top)).toBe(true);
    expect(sheet.print!.repeatRows).toBeUndefined();
    expect(sheet.freezeRows).toBe(6);
  });
});

describe("Section 0 summary: chart", () => {
  it("stacks the four answer counts per recommendation from the counts table, right under it", () => {
    const sheet = summaryOf(seedBook);
    const column = (col: number) => ({ top: 24, left: col, bottom: 26, right: col });
    expect(sheet.chart).toMatchObject({
      kind: "barStacked",
      title: "Acceptance by recommendation (number of units)",
      categories: column(0),
      series: [
        { name: "Accepted", values: column(1), color: CHART_COLORS.Accepted },
        { name: "Partially accepted", values: column(2), color: CHART_COLORS["Partially accepted"] },
        { name: "Rejected", values: column(3), color: CHART_COLORS.Rejected },
        { name: "No response", values: column(4), color: CHART_COLORS["No response"] },
      ],
    });
    expect(sheet.chart!.anchor).toMatchObject({ top: 29, left: 0, bottom: 43 });
    expect(valueAt(sheet, "A28")).toBe("All recommendations");
    expect(valueAt(sheet, "A46")).toBe("Implementation status of accepted and partially accepted recommendations (latest status)");
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
