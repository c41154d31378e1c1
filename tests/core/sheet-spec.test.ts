import { describe, expect, it } from "vitest";
import { blockPageBreaks, printScale, printableWidth, textRoom, widthForText, wrappedRowHeights } from "../../src/core/sheet-spec";
import { textWidth, widestWord, wrappedLines } from "../../src/core/text-measure";

describe("measuring text as Arial prints it", () => {
  it("measures wider letters wider, bold wider than regular, accented letters as their base letter", () => {
    expect(textWidth("mmmm", 10)).toBeGreaterThan(textWidth("iiii", 10));
    expect(textWidth("Implementation", 10, true)).toBeGreaterThan(textWidth("Implementation", 10));
    expect(textWidth("Acceptée", 10)).toBeCloseTo(textWidth("Acceptee", 10));
    // Arial's advance widths: "0" is 0.556 em, so ten of them at 10 pt are 55.6 pt (and a small safety margin)
    expect(textWidth("0000000000", 10)).toBeGreaterThan(55.6);
    expect(textWidth("0000000000", 10)).toBeLessThan(60);
  });

  it("wraps at spaces only, breaking a word only when it is wider than the cell", () => {
    const word = textWidth("Accepted", 10);
    expect(wrappedLines("Accepted Accepted Accepted", word * 2.5, 10)).toBe(2);
    expect(wrappedLines("Accepted", word * 0.6, 10)).toBe(2);
    expect(wrappedLines("one\ntwo", 500, 10)).toBe(2);
    expect(widestWord("a Multilateral b", 10)).toBe(textWidth("Multilateral", 10));
  });
});

describe("column widths and print scale", () => {
  it("gives a column the width that holds a text on one line", () => {
    const points = textWidth("Implementation", 10, true);
    expect(textRoom(widthForText(points))).toBeGreaterThanOrEqual(points);
    expect(textRoom(widthForText(points) - 0.5)).toBeLessThan(points);
  });

  it("prints at 100 % what fits, fits the page down to the smallest scale allowed, and goes several pages wide below it", () => {
    const page = printableWidth();
    expect(printScale(page / 2, 80)).toEqual({ scale: 100, oneWide: true });
    expect(printScale(page / 0.85, 80)).toEqual({ scale: 85, oneWide: true });
    expect(printScale(page / 0.5, 80)).toEqual({ scale: 80, oneWide: false });
  });

  it("starts a block on a new page when the page it would start on cannot hold it", () => {
    const heights = Array(40).fill(20);
    // rows 0-9 (200 pt), 12-21 (200 pt), 24-33 (200 pt) on pages of 450 pt: the third block starts a page
    expect(blockPageBreaks([{ top: 0, bottom: 9 }, { top: 12, bottom: 21 }, { top: 24, bottom: 33 }], heights, 450)).toEqual([24]);
    expect(blockPageBreaks([{ top: 0, bottom: 9 }, { top: 12, bottom: 21 }], heights, 1000)).toEqual([]);
  });
});

describe("row heights for wrapped text", () => {
  it("grows a row by one line for every line its wrapped text takes in the column, at the cell's font size", () => {
    const width = widthForText(textWidth("word word", 10)); // two words a line
    const heights = wrappedRowHeights({
      cells: [["word"], ["word word word"], ["word word word word word"], ["line one\nline two"]],
      styles: [{ range: { top: 0, left: 0, bottom: 3, right: 0 }, style: { wrap: true } }],
      columnWidths: [width],
      font: { name: "Arial", size: 10 },
    });
    expect(heights).toEqual([0, 27, 39, 27]);
  });

  it("counts a merged cell's text across its columns, and leaves rows of short or unwrapped text at Excel's default", () => {
    const text = "word ".repeat(12).trim();
    const spec = {
      cells: [[text, "", ""], ["x".repeat(200), "y", ""]],
      styles: [{ range: { top: 0, left: 0, bottom: 0, right: 0 }, style: { wrap: true } }],
      columnWidths: [10, 30, 30],
      font: { name: "Arial", size: 10 },
    };
    expect(wrappedRowHeights({ ...spec, merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] })).toEqual([]);
    expect(wrappedRowHeights(spec)[0]).toBeGreaterThan(15);
  });

  it("makes a row as tall as a larger font needs", () => {
    const heights = wrappedRowHeights({ cells: [["Title"]], styles: [{ range: { top: 0, left: 0, bottom: 0, right: 0 }, style: { fontSize: 14 } }], columnWidths: [30] });
    expect(heights).toEqual([20]); // 14 pt × 1.2 + 3 pt, to the quarter point above
  });
});
