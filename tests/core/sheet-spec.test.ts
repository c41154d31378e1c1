import { describe, expect, it } from "vitest";
import { wrappedRowHeights } from "../../src/core/sheet-spec";

describe("row heights for wrapped text", () => {
  it("grows a row by one line for every column-width of text in a wrapped cell", () => {
    const heights = wrappedRowHeights({
      cells: [["short"], ["x".repeat(23)], ["x".repeat(45)], ["line one\nline two"]],
      styles: [{ range: { top: 0, left: 0, bottom: 3, right: 0 }, style: { wrap: true } }],
      columnWidths: [20], // 22 characters a line
    });
    expect(heights).toEqual([0, 30, 45, 30]);
  });

  it("wraps whole words, breaking after spaces, hyphens and slashes", () => {
    const heights = wrappedRowHeights({
      // 38 characters would fit two lines of 22 if cut anywhere; as whole words they take three
      cells: [["aaaaaaaaaaaa bbbbbbbbbbbb cccccccccccc"], ["responses/generated-1.xlsx"]],
      styles: [{ range: { top: 0, left: 0, bottom: 1, right: 0 }, style: { wrap: true } }],
      columnWidths: [20, 20],
    });
    expect(heights).toEqual([45, 30]);
    expect(wrappedRowHeights({ cells: [["responses/generated-1.xlsx"]], styles: [{ range: { top: 0, left: 0, bottom: 0, right: 0 }, style: { wrap: true } }], columnWidths: [13] })).toEqual([45]);
  });

  it("leaves rows without wrapped cells at Excel's default", () => {
    const heights = wrappedRowHeights({
      cells: [["x".repeat(200), "y"]],
      styles: [{ range: { top: 0, left: 1, bottom: 0, right: 1 }, style: { wrap: true } }],
      columnWidths: [10, 10],
    });
    expect(heights).toEqual([]);
  });
});
