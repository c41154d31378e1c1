/**
 * A cell's value as Excel shows it under its number format, for the playground's view of the in-memory workbook:
 * dates (`yyyy-mm-dd`, `d mmm yyyy`, `dd/mm/yy hh:mm` ...), percentages (`0%`, `0.0%`), fixed decimals and
 * thousands (`#,##0.00`), text (`@`) and General. Enough for what the add-in writes; not all of Excel's grammar.
 */

import { ymdFromSerial } from "../core/dates";
import type { CellValue } from "../core/grid";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The format's first section (positive numbers) with quoted and escaped literals kept apart from its codes. */
function tokens(section: string): { code: boolean; text: string }[] {
  const out: { code: boolean; text: string }[] = [];
  for (let i = 0; i < section.length; i++) {
    const c = section[i];
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      out.push({ code: false, text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end;
    } else if (c === "\\" && i + 1 < section.length) {
      out.push({ code: false, text: section[++i] });
    } else if (c === "[") {
      // colours and conditions ([Red], [<0]) change nothing in text
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end;
    } else if (c === "_" || c === "*") {
      i++; // padding to the width of the next character
    } else {
      out.push({ code: true, text: c });
    }
  }
  return out;
}

/** Excel's General: integers as they are, other numbers to at most 10 significant digits. */
function general(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10)));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function formatDate(serial: number, parts: { code: boolean; text: string }[]): string {
  const { y, m, d } = ymdFromSerial(serial);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
  const [hh, mi, ss] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const code = parts.map((p) => (p.code ? p.text : `\u0000${p.text}\u0000`)).join("");
  let out = "";
  let afterHour = false;
  for (let i = 0; i < code.length; ) {
    if (code[i] === "\u0000") {
      const end = code.indexOf("\u0000", i + 1);
      out += code.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    const run = /^(y+|m+|d+|h+|s+)/i.exec(code.slice(i))?.[0];
    if (!run) {
      out += code[i++];
      continue;
    }
    const letter = run[0].toLowerCase();
    const n = run.length;
    // `m` right after an hour (or before seconds) is minutes
    const minutes = letter === "m" && (afterHour || /^[^a-z]*s/i.test(code.slice(i + n)));
    if (letter === "y") out += n <= 2 ? pad(y % 100, 2) : String(y);
    else if (letter === "m" && minutes) out += n === 1 ? String(mi) : pad(mi, 2);
    else if (letter === "m") out += n === 1 ? String(m) : n === 2 ? pad(m, 2) : n === 3 ? MONTHS[m - 1].slice(0, 3) : MONTHS[m - 1];
    else if (letter === "d") out += n === 1 ? String(d) : n === 2 ? pad(d, 2) : n === 3 ? DAYS[weekday].slice(0, 3) : DAYS[weekday];
    else if (letter === "h") out += n === 1 ? String(hh) : pad(hh, 2);
    else out += n === 1 ? String(ss) : pad(ss, 2);
    afterHour = letter === "h";
    i += n;
  }
  return out;
}

function formatNumber(n: number, parts: { code: boolean; text: string }[]): string {
  const code = parts.filter((p) => p.code).map((p) => p.text).join("");
  const percent = code.includes("%");
  const decimals = /\.([0#?]+)/.exec(code)?.[1].length ?? 0;
  const value = percent ? n * 100 : n;
  let number = Math.abs(value).toFixed(decimals);
  if (/[0#?],[0#?]/.test(code)) number = number.replace(/^\d+/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ","));
  const sign = value < 0 && Number(number) !== 0 ? "-" : "";
  // literals keep their place around the number: the text before the first digit code, and after the last
  let before = "";
  let after = "";
  let seenDigit = false;
  for (const p of parts) {
    if (p.code && /[0#?.,]/.test(p.text)) seenDigit = true;
    else if (!p.code || p.text !== "%") {
      if (seenDigit) after += p.text;
      else before += p.text;
    }
  }
  return `${sign}${before}${number}${percent ? "%" : ""}${after}`;
}

/** The text Excel would show for a value with the given number format. */
export function formatCellValue(value: CellValue | undefined, numberFormat = "General"): string {
  if (value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const section = numberFormat.split(";")[0];
  if (section === "General" || section === "@" || section === "") return general(value);
  const parts = tokens(section);
  const codes = parts.filter((p) => p.code).map((p) => p.text).join("");
  return /[ymdhs]/i.test(codes) ? formatDate(value, parts) : formatNumber(value, parts);
}
