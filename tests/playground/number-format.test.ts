import { describe, expect, it } from "vitest";
import { serialFromIso } from "../../src/core/dates";
import { formatCellValue } from "../../src/playground/number-format";

const JUNE_30 = serialFromIso("2025-06-30")!;

describe("cells as Excel shows them under their number format", () => {
  it("shows date serial numbers as dates", () => {
    expect(formatCellValue(JUNE_30, "yyyy-mm-dd")).toBe("2025-06-30");
    expect(formatCellValue(JUNE_30, "d mmm yyyy")).toBe("30 Jun 2025");
    expect(formatCellValue(JUNE_30, "dddd d mmmm yyyy")).toBe("Monday 30 June 2025");
    expect(formatCellValue(JUNE_30, "dd/mm/yy")).toBe("30/06/25");
    expect(formatCellValue(JUNE_30 + 0.5, "yyyy-mm-dd hh:mm")).toBe("2025-06-30 12:00");
  });

  it("shows rates as percentages with the format's decimals", () => {
    expect(formatCellValue(0.9230769230769231, "0%")).toBe("92%");
    expect(formatCellValue(0.9230769230769231, "0.0%")).toBe("92.3%");
  });

  it("keeps decimals, thousands separators and quoted text of number formats", () => {
    expect(formatCellValue(1234567.891, "#,##0.00")).toBe("1,234,567.89");
    expect(formatCellValue(12, '0" units"')).toBe("12 units");
    expect(formatCellValue(0.5, "0.00;[Red]-0.00")).toBe("0.50");
  });

  it("shows General numbers as Excel does, to 10 significant digits", () => {
    expect(formatCellValue(0.9230769230769231)).toBe("0.9230769231");
    expect(formatCellValue(46356, "General")).toBe("46356");
  });

  it("leaves text, blanks and booleans as they are", () => {
    expect(formatCellValue("Accepted", "0%")).toBe("Accepted");
    expect(formatCellValue("", "yyyy-mm-dd")).toBe("");
    expect(formatCellValue(undefined)).toBe("");
    expect(formatCellValue(true)).toBe("TRUE");
  });
});
