import { describe, expect, it } from "vitest";
import { a1, columnIndex, columnLetter, formatAddress, parseA1, parseAddress, quoteSheetName } from "../../src/core/grid";

describe("A1 addresses", () => {
  it("converts column indexes to letters and back", () => {
    expect([0, 25, 26, 51, 701, 702, 16383].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"]);
    expect(["A", "Z", "AA", "XFD"].map(columnIndex)).toEqual([0, 25, 26, 16383]);
  });

  it("writes and parses cell references", () => {
    expect(a1(6, 2)).toBe("C7");
    expect(parseA1("C7")).toEqual({ row: 6, col: 2 });
    expect(parseA1("$AA$100")).toEqual({ row: 99, col: 26 });
    expect(() => parseA1("7C")).toThrow(/not a cell reference/);
  });

  it("quotes sheet names with spaces, apostrophes or that look like cells", () => {
    expect(quoteSheetName("Responses")).toBe("Responses");
    expect(quoteSheetName("Section 0 Summary")).toBe("'Section 0 Summary'");
    expect(quoteSheetName("O'Neil's sheet")).toBe("'O''Neil''s sheet'");
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("2024")).toBe("'2024'");
    expect(quoteSheetName("Réponses")).toBe("'Réponses'");
  });

  it("formats and parses full addresses, round trip", () => {
    const at = { sheet: "O'Neil's sheet", row: 6, col: 2 };
    expect(formatAddress(at)).toBe("'O''Neil''s sheet'!C7");
    expect(parseAddress(formatAddress(at))).toEqual(at);
    expect(parseAddress("Responses!D12")).toEqual({ sheet: "Responses", row: 11, col: 3 });
  });
});
