import { describe, expect, it } from "vitest";
import { WorkbookSchema } from "../../src/core/model";
import { asWorkbook } from "../../src/core/workbook-shape";

/** Inputs at the edge of the shape: each must be taken or refused exactly as WorkbookSchema does. */
const sheet = (extra: Record<string, unknown> = {}) => ({ name: "Responses", rows: [["No.", 1, true]], ...extra });
const inherited = Object.create({ sheets: [sheet()] });
/** An array with a hole between its first and last items (as `[a, , b]`). */
const holey = (first: unknown, last: unknown) => Object.assign(new Array(3), { 0: first, 2: last });
const EDGES: [string, unknown][] = [
  ["a plain workbook", { name: "a.xlsx", sheets: [sheet()] }],
  ["no name", { sheets: [sheet()] }],
  ["no sheets", { sheets: [] }],
  ["null and missing cells", { sheets: [sheet({ rows: [[null, "a", undefined], holey(1, 3), []] })] }],
  ["merges and hidden", { sheets: [sheet({ merges: [{ top: 0, left: 0, bottom: 1, right: 2 }], hidden: true })] }],
  ["undefined optional fields", { name: undefined, sheets: [sheet({ merges: undefined, hidden: undefined })] }],
  ["unknown fields (dropped)", { extra: 1, sheets: [sheet({ colour: "red", merges: [{ top: 0, left: 0, bottom: 0, right: 0, x: 1 }] })] }],
  ["sheets inherited from a prototype", inherited],
  ["-0 and a negative merge", { sheets: [sheet({ rows: [[-0]], merges: [{ top: -1, left: 0, bottom: 0, right: 0 }] })] }],
  ["NaN", { sheets: [sheet({ rows: [[NaN]] })] }],
  ["Infinity", { sheets: [sheet({ rows: [[1, -Infinity]] })] }],
  ["an object cell", { sheets: [sheet({ rows: [[{}]] })] }],
  ["a boxed string", { sheets: [sheet({ rows: [[new String("a")]] })] }],
  ["a bigint", { sheets: [sheet({ rows: [[1n]] })] }],
  ["a row that is not an array", { sheets: [sheet({ rows: ["abc"] })] }],
  ["a null row", { sheets: [sheet({ rows: [null] })] }],
  ["a missing row", { sheets: [sheet({ rows: holey([1], [2]) })] }],
  ["a null sheet", { sheets: [null] }],
  ["a sheet without a name", { sheets: [{ rows: [] }] }],
  ["a numeric name", { name: 5, sheets: [] }],
  ["a null name", { name: null, sheets: [] }],
  ["hidden null", { sheets: [sheet({ hidden: null })] }],
  ["a fractional merge", { sheets: [sheet({ merges: [{ top: 1.5, left: 0, bottom: 0, right: 0 }] })] }],
  ["an unsafe merge", { sheets: [sheet({ merges: [{ top: 2 ** 60, left: 0, bottom: 0, right: 0 }] })] }],
  ["a null merge", { sheets: [sheet({ merges: [null] })] }],
  ["merges not an array", { sheets: [sheet({ merges: {} })] }],
  ["an array", Object.assign([], { sheets: [] })],
  ["a function", Object.assign(() => 1, { sheets: [] })],
  ["null", null],
  ["a string", "workbook"],
];

describe("the workbook check at the edge", () => {
  it.each(EDGES)("takes or refuses %s as WorkbookSchema does, giving the same workbook", (_what, input) => {
    const parsed = WorkbookSchema.safeParse(input);
    expect(asWorkbook(input)).toEqual(parsed.success ? parsed.data : null);
  });

  it("gives back the rows themselves when no cell needs changing, so a large workbook is not copied", () => {
    const rows = [["No.", "Unit"], ["1", "CWM"]];
    const workbook = asWorkbook({ sheets: [{ name: "Responses", rows }] });
    expect(workbook?.sheets[0].rows).toBe(rows);
  });

  it("copies only a row that holds a null, and never changes the input", () => {
    const clean = ["1", "CWM"];
    const input = { sheets: [{ name: "Responses", rows: [clean, ["2", null]] }] };
    const workbook = asWorkbook(input);
    expect(workbook?.sheets[0].rows).toEqual([["1", "CWM"], ["2", ""]]);
    expect(workbook?.sheets[0].rows[0]).toBe(clean);
    expect(input.sheets[0].rows[1]).toEqual(["2", null]);
  });
});
