/**
 * Properties of reading, validating and summarising, over random workbooks (see arbitraries.ts):
 * nothing throws but LayoutError, every finding points at a cell that exists and reads as a sentence,
 * and the Section 0 counts add up.
 */

import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { a1, width, type Workbook } from "../../src/core/grid";
import { LayoutError } from "../../src/core/layouts/errors";
import type { Finding, ResponseMatrix } from "../../src/core/model";
import { readWorkbook } from "../../src/core/read";
import { RULES } from "../../src/core/rules/index";
import { section0Layout, section0Summary, summaryColumns } from "../../src/core/summary/index";
import { QUOTE_LIMIT, validate } from "../../src/core/validate";
import { ANSWERS } from "../../src/core/vocabulary";
import { LEAK, nearlyCanonicalWorkbook, randomWorkbook } from "./arbitraries";
import { casesLine, holds } from "./cases";

const AS_OF = "2025-06-30";
const RULE_IDS = new Set(RULES.map((r) => r.meta.id));
/** An HTML tag as a browser would read one (`<` then a letter, `/` or `!`). */
const TAG = /<[/!]?[a-z][^<>]*>/i;

/**
 * The tags written in the workbook's cells. Messages quote cell text with tags stripped, so none may appear in one.
 * (A message as a whole is not checked for `<…>`: a stray `<` in one cell and `>` in another may meet in it, as text.)
 */
function tagsIn(wb: Workbook): Set<string> {
  const tags = new Set<string>(["<script", "<img"]);
  for (const sheet of wb.sheets) {
    for (const row of sheet.rows) for (const v of row) if (typeof v === "string") for (const m of v.matchAll(new RegExp(TAG, "g"))) tags.add(m[0]);
  }
  return tags;
}

afterAll(() => console.log(casesLine("core")));

/** The matrix, or null when the workbook is not one (LayoutError); anything else thrown fails the property. */
function readOrNull(wb: Workbook): ResponseMatrix | null {
  try {
    return readWorkbook(wb, { asOf: AS_OF });
  } catch (e) {
    if (e instanceof LayoutError) {
      expect(e.message).toMatch(/\S.*[.!?]$/);
      expect(e.message).not.toMatch(LEAK);
      return null;
    }
    throw e;
  }
}

/** Fails the property with `what` (plain checks: expect() per finding would be most of the suite's time). */
function ensure(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

const SEVERITIES = new Set(["error", "warning", "info"]);
/** The longest message template, plus three quoted texts cut to QUOTE_LIMIT (the generators make cell texts of up to 400 characters). */
const MESSAGE_MAX = 350 + 3 * (QUOTE_LIMIT + 1);

/** Every finding is about a cell of the workbook, with a known rule, a readable message and a1 == cell. */
function expectWellFormed(wb: Workbook, findings: readonly Finding[]): void {
  if (findings.length === 0) return;
  const tags = tagsIn(wb);
  const widths = new Map(wb.sheets.map((s) => [s, width(s)]));
  for (const f of findings) {
    const about = `${f.rule} at ${f.sheet}!${f.cell}: ${f.message}`;
    const sheet = wb.sheets.find((s) => s.name === f.sheet);
    ensure(sheet !== undefined && f.at.sheet === f.sheet, `no such sheet: ${about}`);
    ensure(Number.isInteger(f.at.row) && f.at.row >= 0 && f.at.row < sheet!.rows.length, `row outside the sheet: ${about}`);
    ensure(Number.isInteger(f.at.col) && f.at.col >= 0 && f.at.col < Math.max(1, widths.get(sheet!)!), `column outside the sheet: ${about}`);
    ensure(f.cell === a1(f.at.row, f.at.col), `cell is not a1(at): ${about}`);
    ensure(RULE_IDS.has(f.rule) && SEVERITIES.has(f.severity), `unknown rule or severity: ${about}`);
    ensure(f.message.trim().length > 0 && !LEAK.test(f.message), `message: ${about}`);
    // Long cell texts are quoted cut to QUOTE_LIMIT characters, so a message stays a readable line
    ensure(f.message.length <= MESSAGE_MAX, `message of ${f.message.length} characters: ${about}`);
    for (const tag of tags) ensure(!f.message.includes(tag), `tag ${tag} in message: ${about}`);
    for (const v of [f.recommendation, f.unit, f.suggestion]) {
      ensure(v === null || (typeof v === "string" && !TAG.test(v)), `recommendation, unit or suggestion ${String(v)}: ${about}`);
    }
  }
}

/** Per recommendation: the four answer counts add up to its addressed units; per answer: column totals = recommendation totals. */
function expectSummaryAddsUp(matrix: ResponseMatrix, findings: Finding[], by: "division" | "unit"): void {
  const spec = section0Summary(matrix, findings, { by, generated: AS_OF });
  const columns = summaryColumns(matrix.units, by);
  const seen = new Set<string>();
  const recs = matrix.recommendations.filter((r) => !seen.has(r.number) && seen.add(r.number));
  const at = section0Layout(recs.length);
  const num = (row: number, col: number) => spec.cells[row]?.[col] as number;
  recs.forEach((rec, i) => {
    const counted = ANSWERS.reduce((n, _, a) => n + num(at.countsFirst + i, 1 + a), 0);
    expect(counted, `recommendation ${rec.number}`).toBe(new Set(rec.addressedTo).size);
  });
  ANSWERS.forEach((answer, a) => {
    const byRecommendation = recs.reduce((n, _, i) => n + num(at.countsFirst + i, 1 + a), 0);
    const byColumns = columns.reduce((n, _, c) => n + num(at.firstFooter + a, 1 + c), 0);
    expect(byColumns, `total ${answer}`).toBe(byRecommendation);
    expect(num(at.countsTotal, 1 + a), `overall ${answer}`).toBe(byRecommendation);
  });
}

describe("reading and validating random workbooks", () => {
  it("fully random grids: reading returns or throws LayoutError; validating never throws; findings are well formed", () => {
    holds(
      "random grid",
      randomWorkbook(60),
      (wb) => {
        const matrix = readOrNull(wb);
        if (matrix) expectWellFormed(wb, validate(matrix));
      },
      1000,
    );
  });

  it("nearly canonical workbooks: the same, with the rules running deep", () => {
    let read = 0;
    let findings = 0;
    holds(
      "nearly canonical",
      nearlyCanonicalWorkbook(60),
      (wb) => {
        const matrix = readOrNull(wb);
        if (!matrix) return;
        read++;
        const found = validate(matrix);
        findings += found.length;
        expectWellFormed(wb, found);
      },
      1000,
    );
    // The generator is only useful if most workbooks are read and the rules find things in them.
    expect(read).toBeGreaterThan(700);
    expect(findings).toBeGreaterThan(10_000);
  });

  it("big nearly canonical workbooks (hundreds of rows) stay well formed", () => {
    holds(
      "hundreds of rows",
      nearlyCanonicalWorkbook(400, 100),
      (wb) => {
        const matrix = readOrNull(wb);
        if (matrix) expectWellFormed(wb, validate(matrix));
      },
      60,
    );
  });

  it("input that is not even a workbook (any JSON-like value) is a LayoutError, not a crash", () => {
    const notAWorkbook = fc.oneof(fc.anything(), fc.record({ sheets: fc.anything() }), fc.record({ sheets: fc.array(fc.record({ name: fc.anything(), rows: fc.anything() })) }));
    holds("not a workbook", notAWorkbook, (input) => void readOrNull(input as Workbook), 300);
  });
});

describe("the Section 0 summary of random workbooks", () => {
  it("never throws, and its counts add up (by division and by unit)", () => {
    holds(
      "summary",
      nearlyCanonicalWorkbook(60),
      (wb) => {
        const matrix = readOrNull(wb);
        if (!matrix) return;
        const findings = validate(matrix);
        expectSummaryAddsUp(matrix, findings, "division");
        expectSummaryAddsUp(matrix, findings, "unit");
      },
      500,
    );
  });
});
