import { describe, expect, it } from "vitest";
import { memoizeText } from "../../src/core/text";

describe("remembering results per text", () => {
  it("computes a text once and gives the same result again, also right after itself", () => {
    const seen: string[] = [];
    const upper = memoizeText((t) => (seen.push(t), t.toUpperCase()));
    expect([upper("accepted"), upper("rejected"), upper("accepted"), upper("accepted")]).toEqual(["ACCEPTED", "REJECTED", "ACCEPTED", "ACCEPTED"]);
    expect(seen).toEqual(["accepted", "rejected"]);
  });

  it("remembers null results too", () => {
    let calls = 0;
    const none = memoizeText(() => (calls++, null));
    none("x");
    none("x");
    expect(calls).toBe(1);
  });

  it("does not keep texts over 200 characters, which are seldom repeated", () => {
    let calls = 0;
    const length = memoizeText((t) => (calls++, t.length));
    const long = "a".repeat(201);
    length(long);
    length("short");
    length(long);
    expect(calls).toBe(3);
  });

  it("starts afresh when full, so a workbook of unique texts cannot grow it without end", () => {
    const seen: string[] = [];
    const same = memoizeText((t) => (seen.push(t), t), 2);
    for (const t of ["a", "b", "c", "a"]) same(t);
    // "c" found it full (a, b) and cleared it; "a" is computed again
    expect(seen).toEqual(["a", "b", "c", "a"]);
  });
});
