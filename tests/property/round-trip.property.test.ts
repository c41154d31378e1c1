/**
 * Merge over random sets of returned parts of the seed 002 example, in random order: the same answers are written
 * and the same conflicts reported whatever the order; merging the same parts again changes nothing; an answer the
 * workbook already holds is never overwritten without a conflict.
 */

import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { CellValue, Workbook } from "../../src/core/grid";
import { mergeParts, type MergeResult } from "../../src/core/round-trip/merge";
import type { PartSource } from "../../src/core/round-trip/parts";
import { applied, PartEditor, returned, sheetOf, split, unansweredBook } from "../core/round-trip/parts";
import { casesLine, holds } from "./cases";

afterAll(() => console.log(casesLine("round trip")));

const PARTS = split(unansweredBook()).parts;
const FIELDS = ["Acceptance", "Planned action", "Comments"] as const;
const VALUES: Record<(typeof FIELDS)[number], string[]> = {
  Acceptance: ["", "Accepted", "Partially accepted", "Rejected", "accepted"],
  "Planned action": ["", "Plan A", "Plan B"],
  Comments: ["", "Too costly.", "On track."],
};
/** The columns of Responses a response round may write: No. and Unit of new rows, and the answers. */
const RESPONSE_COLUMNS = new Set([0, 1, 2, 3, 4, 5, 6, 11]);

interface Copy {
  unit: number;
  fills: number[][];
  reorder: boolean;
}

/** One returned copy of a unit's part: which unit, the value index of each field of each of its rows, sorted or not. */
const copy: fc.Arbitrary<Copy> = fc.record({
  unit: fc.integer({ min: 0, max: PARTS.length - 1 }),
  fills: fc.array(fc.array(fc.nat(4), { minLength: FIELDS.length, maxLength: FIELDS.length }), { minLength: 4, maxLength: 4 }),
  reorder: fc.boolean(),
});

/** Answers the office typed into the workbook after the split: [part index, recommendation index, acceptance index]. */
const office = fc.array(fc.tuple(fc.integer({ min: 0, max: PARTS.length - 1 }), fc.nat(3), fc.integer({ min: 1, max: 3 })), { maxLength: 6 });

const scenario = fc
  .record({ copies: fc.array(copy, { minLength: 1, maxLength: 12 }), office })
  .chain((s) => fc.record({ copies: fc.constant(s.copies), office: fc.constant(s.office), order: fc.shuffledSubarray(s.copies.map((_, i) => i), { minLength: s.copies.length }) }));

function sourceOf(c: Copy, i: number): PartSource {
  const part = PARTS[c.unit];
  const source = returned(part, `copy ${i} of ${part.unit.code}.xlsx`);
  const editor = new PartEditor(source);
  part.recommendations.forEach((number, r) => {
    FIELDS.forEach((field, f) => {
      const values = VALUES[field];
      editor.set(number, field, values[c.fills[r % c.fills.length][f] % values.length]);
    });
  });
  if (c.reorder) editor.reorder();
  return source;
}

function bookWith(typed: [number, number, number][]): Workbook {
  const book = unansweredBook();
  const rows = sheetOf(book, "Responses").rows;
  const seen = new Set<string>();
  for (const [p, r, a] of typed) {
    const part = PARTS[p];
    const number = part.recommendations[r % part.recommendations.length];
    if (seen.has(`${number} ${part.unit.code}`)) continue;
    seen.add(`${number} ${part.unit.code}`);
    rows.push([number, part.unit.code, VALUES.Acceptance[a]]);
  }
  return book;
}

/** The per-part logs by source, for comparing merges of the same parts in another order. */
function logsBySource(result: MergeResult) {
  return Object.fromEntries(result.parts.map((p) => [p.source, p]));
}

function cell(book: Workbook, row: number, col: number): CellValue {
  return sheetOf(book, "Responses").rows[row]?.[col] ?? "";
}

describe("merge, over random sets of parts in random order", () => {
  it("finds the same answers and the same conflicts whatever the order, changes nothing the second time, overwrites nothing silently", () => {
    holds(
      "merge order",
      scenario,
      ({ copies, office: typed, order }) => {
        const book = bookWith(typed);
        const sources = copies.map(sourceOf);
        const first = mergeParts(book, sources);
        const shuffled = mergeParts(book, order.map((i) => sources[i]));
        expect(shuffled.changes).toEqual(first.changes);
        expect(shuffled.conflicts).toEqual(first.conflicts);
        expect(logsBySource(shuffled)).toEqual(logsBySource(first));

        for (const change of first.changes) {
          expect(RESPONSE_COLUMNS.has(change.col)).toBe(true);
          // never over an answer already there: that is a conflict, left as it is
          expect(cell(book, change.row, change.col)).toBe("");
        }
        const merged = applied(book, first.changes);
        const again = mergeParts(merged, order.map((i) => sources[i]));
        expect(again.changes).toEqual([]);
        expect(again.conflicts.map((c) => c.key)).toEqual(first.conflicts.map((c) => c.key));
      },
      60,
    );
  });
});
