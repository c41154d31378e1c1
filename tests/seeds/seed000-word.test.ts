/**
 * Seed 000 pasted from Word (tests/fixtures/seeds/seed000.ts `seed000PastedFromWord`): the header repeated before
 * each recommendation, each paragraph of a text on a row of its own with the other cells merged down them,
 * `Comments:` rows, the signature block below. It gives exactly the findings of the form as SEED000 holds it,
 * finding by finding.
 */

import { describe, expect, it } from "vitest";
import { describeBlocks } from "../../src/core/layouts/describe";
import type { Finding } from "../../src/core/model";
import { readWorkbook } from "../../src/core/read";
import { validate } from "../../src/core/validate";
import { SEED000, SEED000_UNIT, seed000PastedFromWord } from "../fixtures/seeds/seed000";

const AS_OF = "2025-06-30";
const { workbook: pasted, rowOf } = seed000PastedFromWord();

/** A finding on SEED000 as it reads on the pasted sheet: same column, the row its recommendation or Comments row went to. */
function onPastedSheet({ at, ...f }: Finding): Omit<Finding, "at"> {
  const row = rowOf.get(at.row);
  if (row === undefined) throw new Error(`row ${at.row + 1} of SEED000 has no place on the pasted sheet`);
  return { ...f, sheet: "Sheet1", cell: `${/^[A-Z]+/.exec(f.cell)![0]}${row + 1}` };
}

describe("seed 000 pasted from Word", () => {
  const matrix = readWorkbook(pasted, { asOf: AS_OF });
  const original = readWorkbook(SEED000, { asOf: AS_OF });

  it("is one single-unit form from its first header to the signature block, its unit named above it", () => {
    expect(matrix.layout).toBe("single-unit");
    expect(describeBlocks(matrix)).toEqual(["Sheet 'Sheet1': single-unit form at A17:G53 (1 unit, 7 recommendations, 7 answers)"]);
    expect(matrix.units.map((u) => u.code)).toEqual([SEED000_UNIT]);
    expect(matrix.responseDate).toBe(45313); // 22 Jan 2024, from the signature block
  });

  it("reads one answer per recommendation, each text whole from the rows its paragraphs were pasted on", () => {
    expect(matrix.responses.map((r) => [r.number, r.row])).toEqual(original.responses.map((r) => [r.number, rowOf.get(r.row)]));
    expect(matrix.recommendations.map((r) => r.text)).toEqual(original.recommendations.map((r) => r.text));
    expect(matrix.recommendations[0].text).toMatch(/^UNITAR should promote .* With a view to helping ensure longer-term impact/);
    expect(matrix.recommendations[5].text).toMatch(/^Foster peer-to-peer .* trained participants often engage with security forces/);
  });

  it("gives exactly the findings of the form as it sits in a workbook, finding by finding", () => {
    const expected = validate(original).map(onPastedSheet);
    expect(expected).toHaveLength(15);
    expect(validate(matrix).map(({ at: _at, ...f }) => f)).toEqual(expected);
  });
});
