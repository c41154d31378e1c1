/**
 * Seed 000: UNITAR's single-unit management response (7 recommendations), as the form sits in a workbook.
 * Expected findings, worked out from the form: every recommendation is answered (6 Accepted, 5 Partially accepted)
 * with a planned action; no status is given at 6 months or one year, though both are due from the response
 * signed on 22 Jan 2024; recommendation 5 is partially accepted and its Comments row is blank.
 */

import { describe, expect, it } from "vitest";
import { LAYOUTS } from "../../src/core/layouts/index";
import { workbookScore } from "../../src/core/layouts/layout";
import type { Finding } from "../../src/core/model";
import { readWorkbook } from "../../src/core/read";
import { validate } from "../../src/core/validate";
import { SEED000, SEED000_UNIT as UNIT } from "../fixtures/seeds/seed000";

const SHEET = "Management Response";
const pick = (f: Finding) => [f.rule, f.sheet, f.cell, f.recommendation, f.unit];

/** The rows (1-based, as Excel shows them) of recommendations 1 to 7 and of recommendation 5's Comments row. */
const ROWS = { 1: 19, 2: 25, 3: 28, 4: 37, 5: 40, 6: 45, 7: 50 } as const;
const COMMENTS_5 = "A43";

describe("seed 000, a single-unit form", () => {
  const matrix = readWorkbook(SEED000, { asOf: "2025-06-30" });

  it("is recognised as the single-unit form, and better than as any other layout", () => {
    const scores = Object.fromEntries(LAYOUTS.map((l) => [l.id, workbookScore(l, SEED000)]));
    expect(scores["single-unit"]).toBe(0.6);
    expect(Math.max(...Object.values(scores))).toBe(0.6);
    expect(matrix.layout).toBe("single-unit");
    expect(matrix.responsesSheet).toBe(SHEET);
  });

  it("names the one unit from its labelled cell, and addresses every recommendation to it", () => {
    expect(matrix.units).toEqual([{ code: UNIT, name: UNIT, division: UNIT, aliases: [], at: { sheet: SHEET, row: 2, col: 1 } }]);
    expect(matrix.recommendations.map((r) => [r.number, r.addressedTo])).toEqual(["1", "2", "3", "4", "5", "6", "7"].map((n) => [n, [UNIT]]));
  });

  it("reads one answer per recommendation under the two-row header, skipping repeated headers, page titles and Comments rows", () => {
    expect(matrix.responses.map((r) => [r.number, r.row + 1, r.acceptance])).toEqual(
      Object.entries(ROWS).map(([n, row]) => [n, row, { kind: "known", value: n === "5" ? "Partially accepted" : "Accepted" }]),
    );
    expect(matrix.statusColumns.map((c) => [c.col, c.period?.label])).toEqual([
      [5, "6 months"],
      [6, "1 year"],
    ]);
    expect([...matrix.columns].sort()).toEqual(["acceptance", "action", "budget", "comments", "followUp", "number", "recommendation"]);
  });

  it("takes each recommendation's text from the merged column beside its number, and 6's from the cell it shares with its number", () => {
    const starts = matrix.recommendations.map((r) => r.text.split(" ").slice(0, 4).join(" "));
    expect(starts).toEqual([
      "UNITAR should promote the",
      "Focus on developing specialized",
      "UNITAR should review the",
      "UNITAR should specify qualitative",
      "Strengthen communication and dissemination.",
      "Foster peer-to-peer knowledge sharing",
      "UNITAR should build on",
    ]);
  });

  it("reads the title from its label and the response date from the signature block", () => {
    expect(matrix.title).toBe(
      "Independent Evaluation of the “Strengthening Crisis Management Capacities of Malian National Police, Gendarmerie and the National Guard during Elections” Project",
    );
    expect(matrix.responseDate).toBe(45313); // 22 Jan 2024
  });

  it("finds, as of 2025-06-30: no status anywhere (both updates due), and recommendation 5 partially accepted without a comment", () => {
    const expected = Object.entries(ROWS).flatMap(([n, row]) => [
      ["missing-status", SHEET, `F${row}`, n, UNIT],
      ["update-due", SHEET, `G${row}`, n, UNIT],
      ...(n === "5" ? [["partial-unexplained", SHEET, COMMENTS_5, "5", UNIT]] : []),
    ]);
    expect(validate(matrix).map(pick)).toEqual(expected);
  });

  it("asks for no update before one is due (as of 2024-03-01)", () => {
    const early = validate(readWorkbook(SEED000, { asOf: "2024-03-01" }));
    expect(early.filter((f) => f.rule === "update-due")).toEqual([]);
    expect(early.map((f) => f.rule).sort()).toEqual([...Array(7).fill("missing-status"), "partial-unexplained"]);
  });

  it("words its findings with the unit's name", () => {
    const partial = validate(matrix).find((f) => f.rule === "partial-unexplained")!;
    expect(partial.message).toBe(
      `Recommendation 5, ${UNIT}: the recommendation is partially accepted but Comments is blank. Say which part the unit does not accept, and why.`,
    );
  });

  it("feeds a comment written in the Comments row into its recommendation's answer", () => {
    const rows = SEED000.sheets[0].rows.map((r) => [...r]);
    expect(rows[42]).toEqual(["Comments:"]); // A43
    rows[42] = ["Comments: the security constraints limit what can be disseminated."];
    const m = readWorkbook({ ...SEED000, sheets: [{ ...SEED000.sheets[0], rows }] }, { asOf: "2025-06-30" });
    expect(m.responses.find((r) => r.number === "5")!.comments).toBe("the security constraints limit what can be disseminated.");
    expect(validate(m).filter((f) => f.rule === "partial-unexplained")).toEqual([]);
  });
});
