/**
 * Seed 002 converted from its PDF into one sheet (tests/fixtures/seeds/seed002.ts `seed002OneSheet`): cover,
 * Section 0 with its ☒/□ row, Section II, then Section III with its page headers, continued rows, rec 5's extra
 * column and its Comments rows. Read as blocks, it gives exactly the findings the same data gives on separate
 * sheets, finding by finding; and what was found is said per block, in the core, the task pane and the CLI.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workbook } from "../../src/core/grid";
import { describeBlocks } from "../../src/core/layouts/describe";
import type { Finding, ResponseMatrix } from "../../src/core/model";
import { readWorkbook } from "../../src/core/read";
import { validate } from "../../src/core/validate";
import { recognitionOf } from "../../src/excel/office-gateway";
import { cli, tempFolder, writeXlsx } from "../cli/files";
import { section0Sheet, sectionIIISheet, seed002OneSheet, seed002Workbook, unitsSheet } from "../fixtures/seeds/seed002";

const AS_OF = "2025-06-30";
const read = (wb: Workbook): ResponseMatrix => readWorkbook(wb, { asOf: AS_OF });
const { sheet: oneSheet, offsets } = seed002OneSheet();

/**
 * A finding of the separate sheets as it reads on the one sheet: its cell moved down by its part's offset, its
 * sheet renamed (in the messages too, where they name the sheet of the detailed responses).
 */
function onOneSheet(f: Finding): Omit<Finding, "at"> {
  const offset = f.sheet === "Section 0" ? offsets.section0 : offsets.sectionIII;
  const row = Number(/\d+$/.exec(f.cell)![0]) + offset;
  const { at: _at, ...rest } = f;
  return { ...rest, sheet: "Table 1", cell: `${/^[A-Z]+/.exec(f.cell)![0]}${row}`, message: f.message.replace("'Section III'", "'Table 1'") };
}
const plain = ({ at: _at, ...rest }: Finding) => rest;

describe("seed 002 converted from its PDF into one sheet", () => {
  const separate = seed002Workbook();
  const whole: Workbook = { name: "seed002.xlsx", sheets: [oneSheet, unitsSheet()] };
  const matrix = read(whole);
  const findings = validate(matrix);

  it("reads Section III as the answers and checks Section 0 against them, not Section 0 alone", () => {
    expect(matrix.layout).toBe("section-iii");
    expect(matrix.responsesSheet).toBe("Table 1");
    expect(matrix.responses).toHaveLength(53);
    expect(matrix.units).toHaveLength(14);
    expect(matrix.recommendations.map((r) => r.number)).toEqual(["1", "2", "3", "4", "5"]);
    expect(matrix.section0?.rows.map((r) => [r.number, r.checkboxes])).toEqual([["1", false], ["2", false], ["3", false], ["4", false], ["5", false], ["5", true]]);
    // A summary cell has no action column: no rejection "without a reason" is read from it
    expect(findings.filter((f) => f.rule === "missing-justification")).toEqual([]);
  });

  it("gives exactly the findings of the same data on separate sheets (Section 0, Section III, Units), finding by finding", () => {
    const expected = validate(read(separate)).map(onOneSheet);
    expect(findings.map(plain)).toEqual(expected);
    expect(findings).toHaveLength(21);
    // the defects the issue names: A2030's missing answers, NYO's `-` actions, SCYCLE's free-text status
    expect(findings.filter((f) => f.rule === "no-response-received").map((f) => f.unit)).toEqual(["A2030", "A2030", "A2030", "A2030"]);
    expect(findings.filter((f) => f.rule === "missing-action").map((f) => [f.recommendation, f.unit])).toEqual([["1", "NYO"], ["2", "NYO"], ["4", "SCYCLE"]]);
    expect(findings.find((f) => f.rule === "unknown-status")).toMatchObject({ unit: "SCYCLE", cell: `G${21 + offsets.sectionIII}` });
  });

  it("gives the same findings without a Units sheet, as the conversion alone is", () => {
    const twoSheets: Workbook = { name: "seed002.xlsx", sheets: [section0Sheet(), sectionIIISheet()] };
    const alone = validate(read({ name: "seed002.xlsx", sheets: [oneSheet] }));
    expect(alone.map(plain)).toEqual(validate(read(twoSheets)).map(onOneSheet));
    expect(alone.filter((f) => f.rule === "summary-mismatch").length).toBeGreaterThan(0);
  });

  it("says what it found per block: where each sits, what it holds, how it was used", () => {
    expect(describeBlocks(matrix)).toEqual([
      "Sheet 'Table 1': Section 0 matrix at A14:J23 (9 divisions, 5 recommendations, checked against the detail); " +
        "Section III at A44:J138 (14 units, 5 recommendations, 53 answers)",
      "Sheet 'Units': list of units at A1:D15 (14 units)",
    ]);
    expect(matrix.blocks?.map((b) => [b.kind, b.use, b.sheet, b.top, b.bottom])).toEqual([
      ["section-0", "checked", "Table 1", 13, 22],
      ["section-iii", "answers", "Table 1", 43, 137],
      ["units", "list", "Units", 0, 14],
    ]);
  });

  it("shows the same in the task pane's status line", () => {
    const recognition = recognitionOf(matrix);
    expect(recognition.kind === "recognised" && recognition.description).toBe(
      "Found: Sheet 'Table 1': Section 0 matrix at A14:J23 (9 divisions, 5 recommendations, checked against the detail); " +
        "Section III at A44:J138 (14 units, 5 recommendations, 53 answers). Sheet 'Units': list of units at A1:D15 (14 units).",
    );
  });
});

describe("seed 002 as one sheet through the command line", () => {
  let folder: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => {
    folder = await tempFolder();
    await writeXlsx(folder.path("converted.xlsx"), { sheets: [oneSheet] });
  });
  afterAll(() => folder.remove());

  it("lists every block in the JSON beside the main layout", async () => {
    const { status, out } = await cli("validate", folder.path("converted.xlsx"), "--format", "json", "--as-of", AS_OF);
    const report = JSON.parse(out);
    expect(status).toBe(1);
    expect(report.layout).toBe("section-iii");
    expect(report.blocks).toEqual([
      { kind: "section-0", sheet: "Table 1", range: "A14:J23", counts: { columns: 9, recommendations: 5 }, use: "checked" },
      { kind: "section-iii", sheet: "Table 1", range: "A44:J138", counts: { units: 14, recommendations: 5, answers: 53 }, use: "answers" },
    ]);
  });

  it("says each block on the line after the layout in the text report", async () => {
    const { out } = await cli("validate", folder.path("converted.xlsx"), "--as-of", AS_OF);
    const lines = out.split("\n");
    expect(lines[0]).toBe(`${folder.path("converted.xlsx")}: section-iii layout, sheet 'Table 1': 14 units, 5 recommendations, 53 response rows (as of ${AS_OF})`);
    expect(lines[1]).toBe(
      "  Sheet 'Table 1': Section 0 matrix at A14:J23 (9 divisions or units, 5 recommendations, checked against the detail); " +
        "Section III at A44:J138 (14 units, 5 recommendations, 53 answers)",
    );
  });
});
