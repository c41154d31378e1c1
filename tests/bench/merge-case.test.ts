/** The merge benchmark measures what it says: every part merges, every row of every part is written. */

import { describe, expect, it } from "vitest";
import { measureMerge } from "../../bench/merge-case";

describe("merge benchmark case", () => {
  it("merges every row of every part into a new Responses row (number, unit, acceptance, action, and comments where given)", () => {
    const result = measureMerge(4, 6, 1);
    expect([result.parts, result.rowsPerPart, result.runsMs.length]).toEqual([4, 6, 1]);
    // 24 rows: number, unit, acceptance and action each, comments on some
    expect(result.changes).toBeGreaterThanOrEqual(24 * 4);
    expect(result.changes).toBeLessThanOrEqual(24 * 5);
  });
});
