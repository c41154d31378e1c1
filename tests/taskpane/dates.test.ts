import { describe, expect, it } from "vitest";
import { dateFormat, longDate, parseTypedDate, shortDate } from "../../src/taskpane/dates";

describe("dates as the user's locale writes them", () => {
  it.each([
    ["en-GB", "dd/mm/yyyy", "30/06/2025", "30 June 2025"],
    ["en-US", "mm/dd/yyyy", "06/30/2025", "June 30, 2025"],
    ["de-DE", "dd.mm.yyyy", "30.06.2025", "30 June 2025"],
    ["sv-SE", "yyyy-mm-dd", "2025-06-30", "30 June 2025"],
  ])("%s: typed as %s, shown as %s, echoed as %s", (locale, placeholder, short, long) => {
    expect(dateFormat(locale).placeholder).toBe(placeholder);
    expect(shortDate("2025-06-30", locale)).toBe(short);
    expect(longDate("2025-06-30", locale)).toBe(long);
    expect(parseTypedDate(short, locale)).toBe("2025-06-30");
  });

  it("reads day and month in the locale's order, with any separator and short numbers", () => {
    expect(parseTypedDate("1/7/2025", "en-GB")).toBe("2025-07-01");
    expect(parseTypedDate("1/7/2025", "en-US")).toBe("2025-01-07");
    expect(parseTypedDate(" 1-7-25 ", "en-GB")).toBe("2025-07-01");
  });

  it("always reads year-first ISO dates", () => {
    expect(parseTypedDate("2025-06-30", "en-US")).toBe("2025-06-30");
    expect(parseTypedDate("2025-6-3", "en-GB")).toBe("2025-06-03");
  });

  it("refuses what is not a real, whole date", () => {
    for (const text of ["31/02/2025", "30/13/2025", "30/06", "30/06/202", "tomorrow", "", "1/2/3/4"]) expect(parseTypedDate(text, "en-GB"), text).toBeNull();
  });
});
