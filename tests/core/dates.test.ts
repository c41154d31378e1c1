import { describe, expect, it } from "vitest";
import { addMonths, isoFromSerial, readDate, serialFromIso } from "../../src/core/dates";

const iso = (v: string | number) => {
  const r = readDate(v);
  return r.kind === "date" ? isoFromSerial(r.serial) : r.kind;
};

describe("dates", () => {
  it("converts between ISO dates and Excel serial numbers", () => {
    expect(serialFromIso("2025-12-31")).toBe(46022);
    expect(isoFromSerial(45839)).toBe("2025-07-01");
    expect(serialFromIso("2025-02-30")).toBeNull();
  });

  it.each([
    ["2025-12-31", "2025-12-31"], ["31 December 2025", "2025-12-31"], ["31 Dec 2025", "2025-12-31"],
    ["December 31, 2025", "2025-12-31"], ["31 décembre 2025", "2025-12-31"], ["by 31 December 2025", "2025-12-31"],
    ["no later than 30 June 2024", "2024-06-30"], ["d'ici le 1er mars 2025", "2025-03-01"], ["avant le 15 mai 2024", "2024-05-15"],
  ])("reads %s as a date", (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each(["To be decided by the UNCT", "Q2 2024", "ongoing", "31/08/2023", "December 2025", "31 Smarch 2025"])(
    "keeps %s as text, never guessing",
    (text) => {
      expect(readDate(text)).toEqual({ kind: "text", text });
    },
  );

  it("reads serial numbers and blanks", () => {
    expect(iso(45839)).toBe("2025-07-01");
    expect(readDate("")).toEqual({ kind: "blank" });
  });

  it("adds calendar months, clamping to the month's end", () => {
    expect(isoFromSerial(addMonths(serialFromIso("2024-08-31")!, 6))).toBe("2025-02-28");
    expect(isoFromSerial(addMonths(serialFromIso("2024-03-15")!, 12))).toBe("2025-03-15");
  });
});
