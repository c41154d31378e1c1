/**
 * Seed 003: OIOS audit 2018/087 (MINUSMA, 7 recommendations), Annex I and Appendix I on one sheet.
 * Expected findings, worked out from the report: all seven accepted ("Yes") with a date (31 December 2018 for
 * recommendation 1, 30 June 2019 for the others), all open (O): as of 2025-06-30 all seven are overdue; as of
 * 2019-03-01 only recommendation 1 is. Several offices are responsible for most recommendations: they are the
 * Responsible of MINUSMA's answer, not units answering on their own.
 */

import { describe, expect, it } from "vitest";
import { serialFromIso } from "../../src/core/dates";
import { LAYOUTS } from "../../src/core/layouts/index";
import { workbookScore } from "../../src/core/layouts/layout";
import type { Finding } from "../../src/core/model";
import { readWorkbook } from "../../src/core/read";
import { validate } from "../../src/core/validate";
import { SEED003 } from "../fixtures/seeds/seed003";

const SHEET = "2018-087";
const pick = (f: Finding) => [f.rule, f.sheet, f.cell, f.recommendation, f.unit];
/** Appendix I rows (1-based) of recommendations 1 to 7, and Annex I rows of their C/O. */
const APPENDIX_ROWS = [38, 39, 47, 48, 52, 53, 54];
const ANNEX_ROWS = [9, 10, 11, 12, 13, 14, 29];

describe("seed 003, an OIOS management response on one sheet", () => {
  const matrix = readWorkbook(SEED003, { asOf: "2025-06-30" });

  it("is recognised as the OIOS layout, and better than as any other", () => {
    const scores = Object.fromEntries(LAYOUTS.map((l) => [l.id, workbookScore(l, SEED003)]));
    expect(scores.oios).toBe(0.9);
    expect(Object.entries(scores).filter(([id, s]) => id !== "oios" && s >= 0.9)).toEqual([]);
    expect(matrix.layout).toBe("oios");
  });

  it("names the audited entity from its labelled cell; the offices named per recommendation stay its Responsible", () => {
    expect(matrix.units).toEqual([{ code: "MINUSMA", name: "MINUSMA", division: "MINUSMA", aliases: [], at: { sheet: SHEET, row: 0, col: 1 } }]);
    expect(matrix.recommendations.every((r) => r.addressedTo.length === 1 && r.addressedTo[0] === "MINUSMA")).toBe(true);
    expect(matrix.responses[2].responsible).toBe("Chief of Staff; Director Mission Support; Gender Unit; MINUSMA Police");
  });

  it("joins the seven answers to their C/O, Annex I's second page (its header's footnote marks differ) included", () => {
    expect(matrix.responses.map((r) => [r.number, r.row + 1, r.acceptance.kind === "known" && r.acceptance.value, r.statuses[0].at.row + 1, r.statuses[0].reading.kind])).toEqual(
      APPENDIX_ROWS.map((row, i) => [String(i + 1), row, "Accepted", ANNEX_ROWS[i], "open"]),
    );
    expect(matrix.title).toBe("Audit of protection of civilians operations in the United Nations Multidimensional Integrated Stabilization Mission in Mali");
  });

  it("carries recommendation 2's text, responsible offices and comments over the page break, and 4's comments", () => {
    const [, two, , four] = matrix.responses;
    expect(matrix.recommendations[1].text).toBe(
      "MINUSMA should take actions to provide guidance on and update threat risk assessments on protection of civilians (PoC), including ranking of hotspots, to prioritize PoC activities of the Mission.",
    );
    expect(two.responsible).toBe("Heads of office, Sector Commanders, Force Deputy- Chief of Staff- Operations; Senior Protection of civilians Adviser");
    expect(two.comments.startsWith("This recommendation will be taken care of")).toBe(true);
    expect(two.comments.endsWith("(Paragraph 19)")).toBe(true);
    expect(four.comments.endsWith("Lere base was handed over to the government of Mali, security situation etc.")).toBe(true);
  });

  it("reads a date written over two lines as a date", () => {
    expect(matrix.responses.map((r) => r.targetDate)).toEqual([
      { kind: "date", serial: serialFromIso("2018-12-31") },
      ...Array(6).fill({ kind: "date", serial: serialFromIso("2019-06-30") }),
    ]);
  });

  it("finds, as of 2025-06-30, all seven open past their dates", () => {
    expect(validate(matrix).map(pick)).toEqual(APPENDIX_ROWS.map((row, i) => ["overdue", SHEET, `F${row}`, String(i + 1), "MINUSMA"]));
  });

  it("finds, as of 2019-03-01, only recommendation 1 overdue", () => {
    expect(validate(readWorkbook(SEED003, { asOf: "2019-03-01" })).map(pick)).toEqual([["overdue", SHEET, "F38", "1", "MINUSMA"]]);
  });
});
