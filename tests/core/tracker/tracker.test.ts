import { describe, expect, it } from "vitest";
import { serialFromIso } from "../../../src/core/dates";
import type { CellValue, MergedRange } from "../../../src/core/grid";
import { PRINT_MARGINS, PRINTED_POINTS_PER_WIDTH, SHEET_FONT, printableWidth, widthForText, type SheetSpec } from "../../../src/core/sheet-spec";
import { textWidth, widestWord } from "../../../src/core/text-measure";
import { section0Summary } from "../../../src/core/summary/index";
import {
  BOM, csvText, headerRow, tracker, trackWorkbook, unreadableWorkbook, unitsAcrossWorkbooks, type TrackedWorkbook, type TrackerTable,
} from "../../../src/core/tracker/index";
import { validate } from "../../../src/core/validate";
import { SEED003 } from "../../fixtures/seeds/seed003";
import { book, matrixOf, row, type BookSpec } from "../workbooks";

const AS_OF = "2025-06-30";
const OPTIONS = { asOf: AS_OF, generated: "2025-07-01" };

/** A workbook of the spec, named (its evaluation title is the name), read as of AS_OF and reduced for the tracker. */
function tracked(name: string, spec: BookSpec, file = name): TrackedWorkbook {
  const matrix = matrixOf({ ...book(spec), name }, AS_OF);
  return trackWorkbook(file, matrix, validate(matrix), file);
}

/**
 * Evaluation A (units CWM, GCP, PTP alias PTPU; recommendations 1 and 2 to all): 6 addressed, 5 answers
 * (GCP has no row for 2), 4 accepting, 1 implemented; CWM on 1 is 29 days overdue.
 */
const evaluationA = () =>
  tracked("Evaluation A.xlsx", {
    responses: [
      row({ no: "1", unit: "CWM", acceptance: "Accepted", action: "Train staff.", responsible: "Head of CWM", date: "2025-06-01", status: "Planned" }),
      row({ no: "1", unit: "GCP", acceptance: "Accepted", action: "Done it.", date: "2025-06-01", status: "Planned", m6: "Implemented" }),
      row({ no: "1", unit: "PTP", acceptance: "Rejected", action: "Outside the mandate." }),
      row({ no: "2", unit: "CWM", acceptance: "Partially accepted", action: "Part of it.", date: "2030-12-31", status: "Under implementation", comments: "Funding." }),
      row({ no: "2", unit: "PTP", acceptance: "Accepted", action: "Survey learners.", date: "Q2 2024" }),
    ],
  });

/** Evaluation B writes PTP as PTPU (an alias of PTP in A) and CWM as `cwm`; its cwm is 181 days overdue. */
const evaluationB = () =>
  tracked("Evaluation B.xlsx", {
    units: [["PTPU", "Peacekeeping Training", "Peace", ""], ["cwm", "Chemicals", "Planet", ""]],
    recommendations: [["1", "Publish the results. Then discuss them.", "", "", "All"]],
    responses: [
      row({ no: "1", unit: "PTPU", acceptance: "Accepted", action: "Publish.", date: "2025-01-01", status: "Implemented" }),
      row({ no: "1", unit: "cwm", acceptance: "Accepted", action: "=HYPERLINK(\"x\")", date: "2024-12-31", status: "Planned" }),
    ],
  });

/** The rows of a table as objects keyed by header. */
function records(table: TrackerTable): Record<string, CellValue>[] {
  return table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.header, r[i]])));
}

/** The values a range of a sheet spec covers (one column). */
function column(spec: SheetSpec, range: MergedRange): CellValue[] {
  const values: CellValue[] = [];
  for (let r = range.top; r <= range.bottom; r++) values.push(spec.cells[r][range.left]);
  return values;
}

describe("tracker tables", () => {
  const { tables, sheets } = tracker([evaluationA(), evaluationB(), unreadableWorkbook("c.xlsx", `The file "c.xlsx" is empty; it is not an Excel workbook.`)], OPTIONS);
  const [evaluations, open, units] = tables.map(records);

  it("gives each workbook a row whose rates sit beside their numerators and denominators", () => {
    expect(evaluations[0]).toMatchObject({
      Evaluation: "Evaluation A", File: "Evaluation A.xlsx", Layout: "canonical", Recommendations: 2, Units: 3,
      Addressed: 6, Answers: 5, "Accepted or partially accepted": 4, "Acceptance rate": 4 / 6, Implemented: 1, "% implemented": 1 / 4,
      Overdue: 1, Notes: "",
    });
    expect(evaluations[1]).toMatchObject({ Addressed: 2, Answers: 2, "Accepted or partially accepted": 2, "Acceptance rate": 1, Implemented: 1, "% implemented": 0.5, Overdue: 1 });
    // The denominators are stated where the table is printed
    expect(tables[0].notes.join(" ")).toContain("Acceptance rate = Accepted or partially accepted ÷ Addressed");
    expect(tables[0].notes.join(" ")).toContain("% implemented = Implemented ÷ Accepted or partially accepted");
  });

  it("counts errors and warnings as validate finds them", () => {
    const matrix = matrixOf({ ...book({ responses: [row({ no: "1", unit: "CWM", acceptance: "Acepted" })] }), name: "x.xlsx" }, AS_OF);
    const findings = validate(matrix);
    const w = trackWorkbook("x.xlsx", matrix, findings);
    expect([w.errors, w.warnings]).toEqual([findings.filter((f) => f.severity === "error").length, findings.filter((f) => f.severity === "warning").length]);
    expect(w.errors).toBeGreaterThan(0);
  });

  it("keeps an unreadable workbook's row, with the sentence saying why and no counts", () => {
    expect(evaluations[2]).toMatchObject({ Evaluation: "c", File: "c.xlsx", Layout: "", Addressed: "", "Acceptance rate": "", Notes: `The file "c.xlsx" is empty; it is not an Excel workbook.` });
  });

  it("lists the open recommendations, overdue first with their days against the as-of date", () => {
    expect(open.map((o) => [o.Evaluation, o["No."], o.Unit, o["Days overdue"]])).toEqual([
      ["Evaluation B", "1", "CWM", 181], // 2024-12-31 to 2025-06-30
      ["Evaluation A", "1", "CWM", 29], // 2025-06-01 to 2025-06-30
      ["Evaluation A", "2", "CWM", ""],
      ["Evaluation A", "2", "PTP", ""],
    ]);
    expect(open[1]).toMatchObject({
      Recommendation: "Strengthen quality control of data entry.", Acceptance: "Accepted", "Planned action": "Train staff.",
      Responsible: "Head of CWM", "Target date": serialFromIso("2025-06-01"), "Latest status": "Planned", Period: "Status",
    });
    expect(open[2]).toMatchObject({ Acceptance: "Partially accepted", "Latest status": "Under implementation", "Target date": serialFromIso("2030-12-31") });
    // A target date that is not a date is kept as written; no status at all is said so
    expect(open[3]).toMatchObject({ "Target date": "Q2 2024", "Latest status": "No status", Period: "" });
  });

  it("makes one unit of spellings whose code matches (case, or an alias of the Units sheet)", () => {
    expect(units.map((u) => [u.Unit, u["Also written as"], u.Evaluations, u.Addressed, u.Answers, u["Accepted or partially accepted"], u.Implemented, u.Open, u.Overdue])).toEqual([
      ["CWM", "", 2, 3, 3, 3, 0, 3, 2],
      ["GCP", "", 1, 2, 1, 1, 1, 0, 0],
      ["PTP", "PTPU", 2, 3, 3, 2, 1, 1, 0],
    ]);
    expect(units[2]).toMatchObject({ Name: "Peacekeeping Training Programme", "Acceptance rate": 2 / 3, "% implemented": 1 / 2 });
  });

  it("keeps two units apart when no alias links their codes, even with the same name", () => {
    const identity = unitsAcrossWorkbooks([
      [{ code: "HO", name: "Hiroshima Office", aliases: ["H.O."] }],
      [{ code: "HIRO", name: "Hiroshima Office", aliases: [] }, { code: "h o", name: "", aliases: [] }],
    ]);
    expect(identity.units.map((u) => [u.label, u.alsoWrittenAs])).toEqual([["HO", ["h o"]], ["HIRO", []]]);
    expect(identity.unitOf(1, "h o")).toBe(identity.unitOf(0, "HO"));
  });

  it("puts a chart of % implemented per evaluation on the Evaluations sheet, reading the table's own cells", () => {
    const chart = sheets[0].chart!;
    expect(chart.kind).toBe("bar");
    expect(column(sheets[0], chart.categories)).toEqual(["Evaluation A", "Evaluation B", "c"]);
    expect(chart.series.map((s) => s.name)).toEqual(["% implemented"]);
    expect(column(sheets[0], chart.series[0].values)).toEqual([0.25, 0.5, ""]);
    expect(sheets[0].cells[chart.series[0].values.top - 1][chart.series[0].values.left]).toBe("% implemented");
    expect(chart.anchor.top).toBeGreaterThan(chart.categories.bottom);
  });

  it("writes each table as an Excel table with filters under its title block, printed A4 landscape with the header repeated", () => {
    sheets.forEach((sheet, i) => {
      const header = headerRow(tables[i]);
      expect(sheet.name).toBe(tables[i].sheet);
      expect(sheet.cells[header]).toEqual(tables[i].columns.map((c) => c.header));
      expect(sheet.cells.slice(header + 1, header + 1 + tables[i].rows.length)).toEqual(tables[i].rows);
      expect(sheet.tables).toEqual([{ name: tables[i].table, range: { top: header, left: 0, bottom: header + Math.max(1, tables[i].rows.length), right: tables[i].columns.length - 1 } }]);
      expect(sheet.print).toEqual({ orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: header, last: header }, margins: PRINT_MARGINS });
      expect(sheet.cells[1]).toContain(serialFromIso(AS_OF));
      // One named font (the summary's), whose widths the layout is measured with
      expect(sheet.font).toEqual(SHEET_FONT);
      // Headers wrap between words, never inside one: each bold word fits its column
      tables[i].columns.forEach((c, col) => {
        expect(widthForText(widestWord(c.header, SHEET_FONT.size, true)), c.header).toBeLessThanOrEqual(sheet.columnWidths[col]);
      });
    });
  });

  it("fits each sheet on one A4 landscape page wide with its text printed at 8 points or more", () => {
    for (const sheet of sheets) {
      // LibreOffice's column unit is the wider (PRINTED_POINTS_PER_WIDTH): fit-to-width shrinks the columns into the page
      const points = sheet.columnWidths.reduce((sum, w) => sum + w * PRINTED_POINTS_PER_WIDTH, 0);
      expect(SHEET_FONT.size * Math.min(1, printableWidth(PRINT_MARGINS) / points), sheet.name).toBeGreaterThanOrEqual(8);
    }
  });

  it("fits the columns to what they hold: a blank column as narrow as its header, numbers and dates whole, words unbroken", () => {
    const long = "Heads of office, Sector Commanders, Force Deputy-Chief of Staff-Operations; Senior Protection of Civilians Adviser";
    const book = tracked("Evaluation C.xlsx", {
      units: [["MINUSMA", "United Nations Multidimensional Integrated Stabilization Mission in Mali", "Peace", ""]],
      responses: [
        row({ no: "1", unit: "MINUSMA", acceptance: "Accepted", responsible: long, date: "2019-06-30", status: "Planned" }),
        row({ no: "2", unit: "MINUSMA", acceptance: "Accepted", responsible: long, date: "Q4 2019, once the posts are funded", status: "Planned" }),
      ],
    });
    const { tables: t, sheets: s } = tracker([book], OPTIONS);
    const openTable = t[1];
    expect(openTable.rows).toHaveLength(2);
    const open = s[1];
    const at = (header: string) => openTable.columns.findIndex((c) => c.header === header);
    const width = (header: string) => open.columnWidths[at(header)];
    const reading = (header: string) => openTable.columns[at(header)].width;
    // no planned action anywhere: the column keeps only its header's room, and leaves the rest to the others
    expect(width("Planned action")).toBe(widthForText(widestWord("Planned action", SHEET_FONT.size, true)));
    expect(width("Planned action")).toBeLessThan(reading("Planned action"));
    expect(width("Responsible")).toBeGreaterThan(reading("Responsible")); // its long lists get that room
    // the unit's name is one word: never broken; the date's column holds a date; a written date wraps
    expect(width("Unit")).toBeGreaterThanOrEqual(widthForText(widestWord("MINUSMA", SHEET_FONT.size)));
    expect(width("Target date")).toBeGreaterThanOrEqual(widthForText(textWidth("2019-06-30", SHEET_FONT.size)));
    const dateStyle = open.styles.find((st) => st.range.left === at("Target date") && st.range.top > headerRow(openTable));
    expect(dateStyle?.style.wrap).toBe(true);
    // and the page still prints its text at 8 points or more
    const points = open.columnWidths.reduce((sum, w) => sum + w * PRINTED_POINTS_PER_WIDTH, 0);
    expect(SHEET_FONT.size * Math.min(1, printableWidth(PRINT_MARGINS) / points)).toBeGreaterThanOrEqual(8);
  });
});

describe("each workbook counted once", () => {
  it("folds a file whose bytes match an earlier one into it, saying so", () => {
    const a = evaluationA();
    const copy = { ...evaluationA(), file: "copy of A.xlsx" };
    const { tables } = tracker([a, copy], OPTIONS);
    expect(tables[0].rows).toHaveLength(1);
    expect(records(tables[0])[0].Notes).toBe("Also given as copy of A.xlsx (the same file); counted once.");
    expect(tables[1].rows).toHaveLength(3);
  });

  it("says so when the same path was given twice", () => {
    const a = { ...evaluationA(), alsoGivenAs: ["Evaluation A.xlsx"] };
    expect(records(tracker([a], OPTIONS).tables[0])[0].Notes).toBe("Given more than once; counted once.");
  });

  it("tells apart two different workbooks with the same evaluation title, and says they may be copies", () => {
    const first = tracked("Evaluation A.xlsx", { responses: [row({ no: "1", unit: "CWM", acceptance: "Accepted", status: "Planned" })] }, "a/Evaluation A.xlsx");
    const second = tracked("Evaluation A.xlsx", { responses: [row({ no: "1", unit: "CWM", acceptance: "Rejected", action: "No." })] }, "b/Evaluation A.xlsx");
    const rows = records(tracker([first, second], OPTIONS).tables[0]);
    expect(rows.map((r) => r.Evaluation)).toEqual(["Evaluation A (a/Evaluation A.xlsx)", "Evaluation A (b/Evaluation A.xlsx)"]);
    expect(rows[0].Notes).toMatch(/^b\/Evaluation A\.xlsx has the same evaluation title; if one is an earlier copy/);
  });
});

describe("agreement with the rest of the core", () => {
  const matrix = matrixOf(SEED003, AS_OF);
  const findings = validate(matrix);
  const w = trackWorkbook("seed003.xlsx", matrix, findings);

  it("finds overdue exactly where the overdue rule does (seed 003, OIOS C/O statuses)", () => {
    const rule = findings.filter((f) => f.rule === "overdue");
    expect(w.tally.overdue).toBe(rule.length);
    expect(w.open.filter((o) => o.daysOverdue !== null).map((o) => o.number)).toEqual(rule.map((f) => f.recommendation));
    for (const o of w.open) {
      expect(o.daysOverdue).toBe(serialFromIso(AS_OF)! - (o.targetDate as number));
      expect(o.latestStatus).toBe("Open (O)");
    }
  });

  it("counts acceptance and implementation as the Section 0 summary's totals do", () => {
    const a = tracked("A.xlsx", { responses: evaluationASpecRows() });
    const spec = section0Summary(matrixOf({ ...book({ responses: evaluationASpecRows() }), name: "A.xlsx" }, AS_OF), [], { by: "unit", generated: AS_OF });
    // The summary's per-recommendation table ends with a row for all recommendations; its last figure is the rate
    const header = spec.cells.findIndex((r) => r[0] === "Recommendation" && r.includes("Acceptance rate"));
    const allRow = spec.cells.find((r) => r[0] === "All recommendations")!;
    expect(allRow[spec.cells[header].indexOf("Acceptance rate")]).toBe(a.tally.accepting / a.tally.addressed);
    const statusHeader = spec.cells.find((r) => r[0] === "Recommendation" && r.includes("% implemented"))!;
    const implementedTotal = spec.cells.filter((r) => r[0] === "Total").at(0)!;
    expect(implementedTotal[statusHeader.indexOf("% implemented")]).toBe(a.tally.implemented / a.tally.accepting);
  });
});

function evaluationASpecRows(): CellValue[][] {
  return [
    row({ no: "1", unit: "CWM", acceptance: "Accepted", status: "Implemented" }),
    row({ no: "1", unit: "GCP", acceptance: "Partially accepted", status: "Planned" }),
    row({ no: "2", unit: "PTP", acceptance: "Rejected" }),
    row({ no: "2", unit: "CWM", acceptance: "Accepted", status: "Planned", m6: "Implemented" }),
  ];
}

describe("CSV", () => {
  const table: Pick<TrackerTable, "columns" | "rows"> = {
    columns: [
      { header: "Text", kind: "text", width: 10 }, { header: "Count", kind: "count", width: 10 },
      { header: "Rate", kind: "rate", width: 10 }, { header: "Target date", kind: "date", width: 10 },
    ],
    rows: [
      ["Accepted, with \"care\"\nsecond line", 3, 0.75, serialFromIso("2025-12-31")!],
      ["=HYPERLINK(\"http://x\")", "", "", "Q2 2024"],
      ["-", 0, 0, ""],
      ["Unité d'évaluation", 1, 1, ""],
    ],
  };

  it("is UTF-8 with a byte-order mark, CRLF lines and RFC 4180 quoting; dates ISO, rates as fractions", () => {
    expect(csvText(table)).toBe(
      `${BOM}Text,Count,Rate,Target date\r\n"Accepted, with ""care""\nsecond line",3,0.75,2025-12-31\r\n` +
        `"'=HYPERLINK(""http://x"")",,,Q2 2024\r\n-,0,0,\r\nUnité d'évaluation,1,1,\r\n`,
    );
  });
});
