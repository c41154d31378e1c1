/**
 * Dates as the user's locale writes them: how the as-of date is typed and shown in the pane ("30/06/2025" in
 * en-GB, "6/30/2025" in en-US), and how it is echoed back unambiguously ("30 June 2025", "June 30, 2025").
 * Settings keep ISO dates (YYYY-MM-DD); only the pane converts.
 */

import { localTimestamp } from "../core/dates";

type Part = "day" | "month" | "year";

/** A date of the example whose day is above 12, so a format's order can be read off it. */
const SAMPLE = Date.UTC(2025, 5, 30);

function numeric(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  // Latin digits whatever the locale, so that what is shown can be typed back
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC", numberingSystem: "latn" });
}

function utc(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** The locale's short date: the order of day, month and year, the separator, and a placeholder such as `dd/mm/yyyy`. */
export function dateFormat(locale: string): { order: Part[]; separator: string; placeholder: string } {
  const parts = numeric(locale, { day: "2-digit", month: "2-digit", year: "numeric" }).formatToParts(SAMPLE);
  const order = parts.map((p) => p.type).filter((t): t is Part => t === "day" || t === "month" || t === "year");
  const separator = parts.find((p) => p.type === "literal")?.value.trim() || "/";
  const letters: Record<Part, string> = { day: "dd", month: "mm", year: "yyyy" };
  return { order: order.length === 3 ? order : ["day", "month", "year"], separator, placeholder: order.map((p) => letters[p]).join(separator) };
}

/** "30/06/2025" (en-GB), "06/30/2025" (en-US), "30.06.2025" (de): the date as the user types it. */
export function shortDate(iso: string, locale: string): string {
  const date = utc(iso);
  return date ? numeric(locale, { day: "2-digit", month: "2-digit", year: "numeric" }).format(date) : iso;
}

/**
 * "30 June 2025" (en-GB, de, fr ...), "June 30, 2025" (en-US): the month in words, so day and month cannot be
 * confused; in English like the rest of the pane, in the locale's order of day and month.
 */
export function longDate(iso: string, locale: string): string {
  const date = utc(iso);
  const english = dateFormat(locale).order[0] === "month" ? "en-US" : "en-GB";
  return date ? numeric(english, { day: "numeric", month: "long", year: "numeric" }).format(date) : iso;
}

/**
 * The ISO date of a date typed in the locale's order (any separators, 2-digit years as 20xx), or typed as
 * YYYY-MM-DD; null when it is not a real date (31/02/2025) or not a date at all.
 */
export function parseTypedDate(text: string, locale: string): string | null {
  const numbers = text.trim().split(/[^0-9]+/).filter((n) => n !== "");
  if (numbers.length !== 3) return null;
  const order: Part[] = numbers[0].length === 4 ? ["year", "month", "day"] : dateFormat(locale).order;
  const value = (part: Part) => Number(numbers[order.indexOf(part)]);
  const yearText = numbers[order.indexOf("year")];
  const year = yearText.length === 2 ? 2000 + value("year") : yearText.length === 4 ? value("year") : NaN;
  const month = value("month");
  const day = value("day");
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!Number.isInteger(year) || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Today as YYYY-MM-DD in the user's time zone. */
export function today(now = new Date()): string {
  return localTimestamp(now).slice(0, 10);
}

/** The locale the pane formats dates in: the browser's (in Office, the language Office runs in). */
export function userLocale(): string {
  return (typeof navigator !== "undefined" && (navigator.languages?.[0] ?? navigator.language)) || "en-GB";
}
