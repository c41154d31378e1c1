/**
 * Dates as Excel serial numbers (days since 1899-12-30, the 1900 date system), and strict text parsing:
 * text counts as a date only when it holds one full, unambiguous date (SPEC section 2).
 */

import type { CellValue } from "./grid";
import { displayText, memoizeText, normalizeKey } from "./text";

const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Serial number of a calendar date. */
export function serialFromYmd(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH) / DAY);
}

/** Calendar date of a serial number. */
export function ymdFromSerial(serial: number): { y: number; m: number; d: number } {
  const t = new Date(EPOCH + Math.floor(serial) * DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** `2025-12-31` for a serial number. */
export function isoFromSerial(serial: number): string {
  // Messages name the same few dates thousands of times
  let iso = isoDates.get(serial);
  if (iso === undefined) {
    if (isoDates.size >= 10_000) isoDates.clear();
    isoDates.set(serial, (iso = isoOf(serial)));
  }
  return iso;
}

const isoDates = new Map<number, string>();

function isoOf(serial: number): string {
  const { y, m, d } = ymdFromSerial(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Serial number for `YYYY-MM-DD`, or null when it is not a real date. */
export function serialFromIso(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  return validYmd(+m[1], +m[2], +m[3]);
}

/** The serial number `months` calendar months after `serial` (day clamped to the month's end). */
export function addMonths(serial: number, months: number): number {
  const { y, m, d } = ymdFromSerial(serial);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return serialFromYmd(ny, nm, Math.min(d, last));
}

function validYmd(y: number, m: number, d: number): number | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return serialFromYmd(y, m, d);
}

const MONTHS: Record<string, number> = {};
[
  ["january", "jan", "janvier", "janv"],
  ["february", "feb", "fevrier", "fevr", "fev"],
  ["march", "mar", "mars"],
  ["april", "apr", "avril", "avr"],
  ["may", "mai"],
  ["june", "jun", "juin"],
  ["july", "jul", "juillet", "juil"],
  ["august", "aug", "aout"],
  ["september", "sep", "sept", "septembre"],
  ["october", "oct", "octobre"],
  ["november", "nov", "novembre"],
  ["december", "dec", "decembre"],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

const LEAD = /^(?:by|before|no later than|not later than|d ici le|d ici au|avant le|au plus tard le)\s+/;

/** What a date cell holds. */
export type DateReading =
  | { kind: "blank" }
  | { kind: "date"; serial: number }
  | { kind: "text"; text: string }; // text that is not one full unambiguous date: kept and flagged

/** Reads a target-date cell: a serial number, or text holding exactly one full unambiguous date. */
export function readDate(v: CellValue): DateReading {
  if (typeof v === "number") {
    return Number.isFinite(v) && v >= 1 && v < 2_958_466 ? dateOfSerial(Math.floor(v)) : { kind: "text", text: String(v) };
  }
  if (typeof v === "boolean") return { kind: "text", text: String(v) };
  return dateOfText(v);
}

/** Readings of serial numbers, shared (so never changed): a column of dates holds few distinct days. */
const serialDates = new Map<number, DateReading>();

function dateOfSerial(serial: number): DateReading {
  let hit = serialDates.get(serial);
  if (hit === undefined) {
    if (serialDates.size >= 10_000) serialDates.clear();
    serialDates.set(serial, (hit = { kind: "date", serial }));
  }
  return hit;
}

/** Readings of date texts, remembered (a pasted-down date is read once); shared, so never changed. */
const dateOfText = memoizeText(readDateText);

function readDateText(v: string): DateReading {
  const text = displayText(v);
  if (text === "") return { kind: "blank" };
  const serial = parseDateText(text);
  return serial === null ? { kind: "text", text } : { kind: "date", serial };
}

/** Serial number of a text date such as `31 December 2025`, `2025-12-31`, `December 31, 2025`, `by 31 Dec 2025`; null otherwise. */
export function parseDateText(text: string): number | null {
  const iso = /^\s*(?:by|before|no later than)?\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?)?\s*$/i.exec(text);
  if (iso) return validYmd(+iso[1], +iso[2], +iso[3]);
  const key = normalizeKey(text).replace(LEAD, "");
  let m = /^(\d{1,2})(?: er)? ([a-z]+) (\d{4})$/.exec(key);
  if (m && MONTHS[m[2]]) return validYmd(+m[3], MONTHS[m[2]], +m[1]);
  m = /^([a-z]+) (\d{1,2})(?: st| nd| rd| th)? (\d{4})$/.exec(key);
  if (m && MONTHS[m[1]]) return validYmd(+m[3], MONTHS[m[1]], +m[2]);
  m = /^(\d{1,2})(?:st|nd|rd|th|er) ([a-z]+) (\d{4})$/.exec(key);
  if (m && MONTHS[m[2]]) return validYmd(+m[3], MONTHS[m[2]], +m[1]);
  return null;
}

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` (local time, as a shell read its clock) as a serial number with the time as its fraction. */
export function serialFromTimestamp(text: string): number | null {
  const m = /^(\d{4}-\d{1,2}-\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  const day = m ? serialFromIso(m[1]) : null;
  if (!m || day === null) return null;
  const [h, min, sec] = [m[2], m[3], m[4]].map((v) => Number(v ?? 0));
  if (h > 23 || min > 59 || sec > 59) return null;
  return day + (h * 3600 + min * 60 + sec) / 86400;
}

/** The local date and time as `YYYY-MM-DDTHH:MM`: when a summary was generated. */
export function localTimestamp(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}
