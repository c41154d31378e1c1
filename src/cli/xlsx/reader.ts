/**
 * Reading an .xlsx package into the core's Workbook grid: each sheet streamed from the zip through the XML
 * tokenizer straight into rows of values, once. What the grid holds: values (shared and inline strings, rich
 * text as its text, cached formula results, error values as their text, booleans), dates as serial numbers of the
 * 1900 system (1904 workbooks' date cells moved by 1,462 days), merged ranges, hidden sheets; and the workbook's
 * defined names. Dropdowns, conditional formats, styles other than number formats are never expanded or read.
 */

import type { CellValue, MergedRange, Sheet, Workbook } from "../../core/grid";
import { relationshipKind, relationshipsOf, workbookPart, type Relationship } from "./package";
import { XmlScanner, type XmlAttributes, type XmlHandler } from "./xml";
import type { ZipArchive } from "./zip";

/** A defined name of the workbook, its formula text as written (e.g. `'Section 0 Summary'!$A$1`). */
export interface DefinedName {
  name: string;
  text: string;
  /** The index of the sheet (in workbook order) the name is local to. */
  localSheet?: number;
}

/** A sheet of the workbook, as workbook.xml lists it. */
export interface SheetEntry {
  name: string;
  sheetId: string;
  /** The relationship id that names its part. */
  rid: string;
  hidden: boolean;
  /** Its part, e.g. `xl/worksheets/sheet1.xml` (undefined when the relationship is missing). */
  part?: string;
  /** `worksheet`, `chartsheet`, `dialogsheet` ... (the relationship type's last word). */
  kind: string;
}

/** What workbook.xml says: where it is, its sheets in order, the date system and the defined names. */
export interface WorkbookInfo {
  part: string;
  date1904: boolean;
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  relationships: Relationship[];
}

/** Reads workbook.xml and its relationships; undefined when the package has no workbook part. */
export function workbookInfo(archive: ZipArchive): WorkbookInfo | undefined {
  const part = workbookPart(archive);
  if (!part) return undefined;
  const relationships = relationshipsOf(archive, part);
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const info: WorkbookInfo = { part, date1904: false, sheets: [], definedNames: [], relationships };
  let name: DefinedName | null = null;
  const handler: XmlHandler = {
    open(tag, attributes, empty) {
      if (tag !== "workbookPr" && tag !== "sheet" && tag !== "definedName") return;
      const a = attributes.all();
      if (tag === "workbookPr") info.date1904 = a.date1904 === "1" || a.date1904 === "true";
      else if (tag === "sheet") {
        const rel = byId.get(a.id ?? "");
        info.sheets.push({
          name: a.name ?? "",
          sheetId: a.sheetId ?? "",
          rid: a.id ?? "",
          hidden: a.state === "hidden" || a.state === "veryHidden",
          part: rel && !rel.external ? rel.target : undefined,
          kind: rel ? relationshipKind(rel.type) : "",
        });
      } else if (tag === "definedName") {
        name = { name: a.name ?? "", text: "" };
        if (a.localSheetId !== undefined && /^\d+$/.test(a.localSheetId)) name.localSheet = Number(a.localSheetId);
        if (empty) {
          info.definedNames.push(name);
          name = null;
        }
        handler.wantText = !empty;
      }
    },
    close(tag) {
      if (tag === "definedName" && name) {
        info.definedNames.push(name);
        name = null;
        handler.wantText = false;
      }
    },
    text(t) {
      if (name) name.text += t;
    },
  };
  XmlScanner.scan(archive.text(part) ?? "", handler);
  return info;
}

/** Excel's `_xHHHH_` escapes (a character XML cannot hold, e.g. `_x000D_` for a carriage return) decoded. */
export function unescapeExcel(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Where a piece of UTF-8 may be cut so that its text ends at the end of a tag: just after its last `>` (the
 * scanner then has no token left over to join to the next piece); else after its last whole character.
 */
export function pieceEnd(bytes: Uint8Array): number {
  const gt = bytes.lastIndexOf(0x3e);
  if (gt >= 0) return gt + 1;
  // no `>`: before the start of the last character, unless it is whole (one byte, or all its continuation bytes here)
  let k = bytes.length - 1;
  while (k > 0 && (bytes[k] & 0xc0) === 0x80) k--;
  const lead = bytes[k];
  const length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return k + length <= bytes.length ? k + length : k;
}

/**
 * Streams a part through the tokenizer, each piece decoded up to the end of its last tag (pieceEnd) and the rest
 * of its bytes carried to the next: the scanner gets text that ends where a token does, so it need not join the
 * pieces' texts, and no character is ever cut in two.
 */
async function scanPart(archive: ZipArchive, part: string, handler: XmlHandler): Promise<boolean> {
  const scanner = new XmlScanner(handler);
  let carry: Buffer | null = null;
  let first = true;
  const found = await archive.stream(part, (chunk) => {
    let bytes = chunk;
    if (carry) {
      // The carried bytes and the piece up to its first tag's end, decoded on their own: the piece is not copied
      // (a piece with no tag at all, inside a long text, is joined to them and cut as any other)
      const gt = chunk.indexOf(0x3e);
      if (gt >= 0) scanner.write(Buffer.concat([carry, chunk.subarray(0, gt + 1)]).toString("utf8"));
      bytes = gt >= 0 ? chunk.subarray(gt + 1) : Buffer.concat([carry, chunk]);
      carry = null;
    }
    // a byte-order mark
    if (first && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    first = false;
    const end = pieceEnd(bytes);
    carry = end < bytes.length ? bytes.subarray(end) : null;
    if (end > 0) scanner.write(bytes.toString("utf8", 0, end));
  });
  if (found) {
    if (carry) scanner.write((carry as Buffer).toString("utf8"));
    scanner.end();
  }
  return found;
}

/** The shared strings, in order: plain or rich text (runs joined; phonetic guides left out). */
async function sharedStrings(archive: ZipArchive, part: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  let current: string | null = null;
  let phonetic = 0;
  const handler: XmlHandler = {
    open(tag, _a, empty) {
      if (tag === "si") current = empty ? (strings.push(""), null) : "";
      else if (tag === "rPh") phonetic += empty ? 0 : 1;
      else if (tag === "t" && !empty && current !== null && phonetic === 0) handler.wantText = true;
    },
    close(tag) {
      if (tag === "t") handler.wantText = false;
      else if (tag === "rPh") phonetic--;
      else if (tag === "si" && current !== null) {
        strings.push(unescapeExcel(current));
        current = null;
      }
    },
    text(t) {
      current += t;
    },
  };
  await scanPart(archive, part, handler);
  return strings;
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, the locale ones included). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a number format code shows a date or time: y, m, d, h, s outside quotes and brackets (`[Red]`, `[$-409]`). */
export function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "").replace(/\\./g, "")) && !/^general$/i.test(code.trim());
}

/** For each cell style (`s` of a cell) of a styles part, whether its number format shows a date. */
export function dateStyles(text: string | undefined): boolean[] {
  if (text === undefined) return [];
  const custom = new Map<number, string>();
  const dates: boolean[] = [];
  let inCellXfs = false;
  XmlScanner.scan(text, {
    open(tag, a, empty) {
      if (tag === "numFmt" && a.get("numFmtId") !== undefined) custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
      else if (tag === "cellXfs") inCellXfs = !empty;
      else if (tag === "xf" && inCellXfs) {
        const id = Number(a.get("numFmtId") ?? 0);
        const code = custom.get(id);
        dates.push(code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id));
      }
    },
    close(tag) {
      if (tag === "cellXfs") inCellXfs = false;
    },
  });
  return dates;
}

/** Days from 1899-12-30 (serial 0 of the 1900 system) to 1904-01-01 (serial 0 of the 1904 system). */
export const DAYS_1904 = 1462;
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** A number as the core takes it: NaN or infinity (as a damaged file can hold) is Excel's `#NUM!`. */
export function cellValue(value: CellValue | null | undefined): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && !Number.isFinite(value)) return "#NUM!";
  return value;
}

/** Excel's limits: 1,048,576 rows and 16,384 columns (XFD). */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** `A1` -> column 0 and row 0 into `out`; false when it is not a cell reference (or one past Excel's limits). */
function parseRef(ref: string, out: { row: number; col: number }): boolean {
  return parseRefIn(ref, 0, ref.length, out);
}

/** parseRef of text[from, to), without cutting it out. */
function parseRefIn(ref: string, from: number, n: number, out: { row: number; col: number }): boolean {
  let col = 0;
  let i = from;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === from || i === n) return false;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    row = row * 10 + c;
  }
  if (row === 0 || row > MAX_ROWS || col > MAX_COLUMNS) return false; // past Excel's limits: a damaged reference
  out.col = col - 1;
  out.row = row - 1;
  return true;
}

/** `A1:C3` (or `A1`) as a 0-based range; null when it is not one. */
export function parseRange(ref: string): MergedRange | null {
  const [from, to = from] = ref.split(":");
  const a = { row: 0, col: 0 };
  const b = { row: 0, col: 0 };
  if (!parseRef(from.replace(/\$/g, ""), a) || !parseRef(to.replace(/\$/g, ""), b)) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** A cell's `t` attribute at s[start, end) when it is one the fast reading of a cell takes; else "". */
function cellType(s: string, start: number, end: number): string {
  if (end === start + 1) {
    const c = s.charCodeAt(start);
    return c === 115 ? "s" : c === 110 ? "n" : c === 98 ? "b" : c === 101 ? "e" : c === 100 ? "d" : "";
  }
  return end === start + 3 && s.startsWith("str", start) ? "str" : "";
}

/** Builds one sheet's rows from its XML: the values of `<c>` cells inside `<sheetData>`, and `<mergeCell>` ranges. */
class SheetGrid implements XmlHandler {
  wantText = false;
  /** rows[r][c]; holes are cells without a value. */
  readonly rows: (CellValue | undefined)[][] = [];
  readonly merges: MergedRange[] = [];
  /** The last row holding any `<c>` element, with or without a value. */
  lastCellRow = -1;
  private inSheetData = false;
  private row = -1;
  private col = -1;
  private readonly at = { row: 0, col: 0 };
  private type = "";
  private style = 0;
  private buffer = "";
  private hasValue = false;
  private inInline = false;
  private phonetic = 0;
  /** The cell lies past the sheet's edge. */
  private skip = false;

  constructor(
    private readonly strings: readonly string[],
    private readonly dateStyle: readonly boolean[],
    private readonly date1904: boolean,
  ) {}

  open(tag: string, a: XmlAttributes, empty: boolean): void {
    if (!this.inSheetData) {
      if (tag === "sheetData") this.inSheetData = !empty;
      else if (tag === "mergeCell") {
        const range = parseRange(a.get("ref") ?? "");
        if (range) this.merges.push(range);
      }
      return;
    }
    switch (tag) {
      case "row": {
        const ref = a.get("r");
        const r = ref === undefined ? NaN : Number(ref);
        this.row = Number.isInteger(r) && r >= 1 && r <= MAX_ROWS ? r - 1 : this.row + 1;
        this.col = -1;
        return;
      }
      case "c": {
        const ref = a.slot("r");
        let inside = true;
        if (ref < 0) {
          // no reference: the cell after the one before
          this.col++;
          if (this.row < 0) this.row = 0;
          inside = this.col < MAX_COLUMNS && this.row < MAX_ROWS;
        } else if (a.plain(ref) ? parseRefIn(a.source, a.valueStart(ref), a.valueEnd(ref), this.at) : parseRef(a.value(ref), this.at)) {
          this.col = this.at.col;
          if (this.at.row !== this.row) this.row = this.at.row; // a cell's own reference wins over its row's
        } else inside = false; // a reference that is not one, or past Excel's limits: a damaged cell
        this.skip = !inside;
        this.hasValue = false;
        if (this.skip) return;
        const style = a.get("s");
        this.startCell(a.get("t") ?? "n", style === undefined ? 0 : Number(style));
        return;
      }
      case "v":
        if (!empty) this.wantText = true;
        this.hasValue = true;
        return;
      case "is":
        this.inInline = true;
        this.hasValue = true;
        return;
      case "rPh":
        if (!empty) this.phonetic++;
        return;
      case "t":
        if (this.inInline && this.phonetic === 0 && !empty) this.wantText = true;
        return;
    }
  }

  close(tag: string): void {
    if (!this.inSheetData) return;
    switch (tag) {
      case "v":
      case "t":
        this.wantText = false;
        return;
      case "rPh":
        this.phonetic--;
        return;
      case "is":
        this.inInline = false;
        return;
      case "c":
        if (this.hasValue && !this.skip) this.put(this.value());
        return;
      case "sheetData":
        this.inSheetData = false;
        return;
    }
  }

  text(t: string): void {
    this.buffer += t;
  }

  /**
   * A cell of the form nearly every cell has, `<c ...><v>123</v></c>` (a number, or a shared string's index), read
   * from the text at once: what scanning its tags one by one would give, for a fraction of the work. Any other
   * form (a formula, an inline string, a prefix, white space, a cell cut at the end of the chunk) is scanned as usual.
   */
  content(qname: string, s: string, from: number): number {
    return qname !== "c" || !this.inSheetData || this.skip ? -1 : this.valueElement(s, from);
  }

  /**
   * A whole cell of the form nearly every cell has, `<c r="B5" s="3" t="s"><v>12</v></c>` (no attribute but r, s
   * and t, each plain and double-quoted, one space apart; a number or a shared string's index), or one without a
   * value (`<c r="B5" s="3"/>`), read from the text at once: what open(), content() and close() make of it, without
   * the tokenizer's work per attribute. Any other form is -1, and scanned as usual (open() then sets again all that
   * this has set; nothing is put in the grid before the cell is known to be of this form).
   */
  element(s: string, lt: number): number {
    if (!this.inSheetData || s.charCodeAt(lt + 1) !== 99 || s.charCodeAt(lt + 2) !== 32) return -1; // `<c `
    let k = lt + 3;
    let type = "n";
    let style = 0;
    let referenced = false;
    for (;;) {
      while (s.charCodeAt(k) === 32) k++;
      const name = s.charCodeAt(k);
      if (name === 62 || name === 47) break; // `>` or `/`
      if (s.charCodeAt(k + 1) !== 61 || s.charCodeAt(k + 2) !== 34) return -1; // a one-letter name, `="`
      const start = k + 3;
      const end = s.indexOf('"', start);
      if (end < 0) return -1;
      if (name === 114) {
        // r: a reference within Excel's limits (anything else is the tokenizer's to report as it does)
        if (!parseRefIn(s, start, end, this.at)) return -1;
        referenced = true;
      } else if (name === 115) {
        // s: a style index
        if (end === start || end - start > 9) return -1;
        style = 0;
        for (let c = start; c < end; c++) {
          const d = s.charCodeAt(c) - 48;
          if (d < 0 || d > 9) return -1;
          style = style * 10 + d;
        }
      } else if (name === 116) {
        type = cellType(s, start, end);
        if (type === "") return -1;
      } else return -1;
      k = end + 1;
    }
    const empty = s.charCodeAt(k) === 47;
    if (!referenced || (empty && s.charCodeAt(k + 1) !== 62)) return -1;
    this.col = this.at.col;
    this.row = this.at.row;
    this.skip = false;
    this.startCell(type, style);
    if (empty) return k + 2;
    const after = this.valueElement(s, k + 1);
    if (after >= 0) return after;
    return s.startsWith("</c>", k + 1) ? k + 5 : -1; // `<c r="A1"></c>` has no value
  }

  /** A cell inside the sheet starts at (this.row, this.col), of that type and style, with no value read yet. */
  private startCell(type: string, style: number): void {
    if (this.row > this.lastCellRow) this.lastCellRow = this.row;
    this.type = type;
    this.style = style;
    this.buffer = "";
    this.hasValue = false;
    this.inInline = false;
    this.phonetic = 0;
  }

  /** `<v>123</v></c>` at `from` (a number, or a shared string's index): the value put, the index after it; else -1. */
  private valueElement(s: string, from: number): number {
    if (!s.startsWith("<v>", from)) return -1;
    const start = from + 3;
    const n = s.length;
    let k = start;
    let whole = 0;
    let digitsOnly = true;
    for (; k < n; k++) {
      const c = s.charCodeAt(k);
      if (c >= 48 && c <= 57) whole = whole * 10 + (c - 48);
      else if (c === 46 || c === 45 || c === 43 || c === 69 || c === 101) digitsOnly = false; // . - + E e
      else break;
    }
    if (k === start || !s.startsWith("</v></c>", k)) return -1;
    let v: CellValue | undefined;
    // up to 15 digits: the integer exactly as Number() and parseFloat() read it
    if (digitsOnly && k - start <= 15 && (this.type === "s" || this.type === "n")) {
      v = this.type === "s" ? this.strings[whole] : this.date1904 && this.dateStyle[this.style] ? whole + DAYS_1904 : whole;
    } else {
      this.buffer = s.slice(start, k);
      v = this.value();
    }
    this.put(v);
    return k + 8;
  }

  /** The cell's value; undefined when it has none (`<c r="A1" s="2"/>`, `<v></v>`). */
  private value(): CellValue | undefined {
    const t = this.buffer;
    switch (this.type) {
      case "s": {
        const s = this.strings[Number(t)];
        return s === undefined ? undefined : s;
      }
      case "inlineStr":
      case "str":
        return unescapeExcel(t);
      case "b":
        return t === "" ? undefined : !(t.trim() === "0" || t.trim().toLowerCase() === "false");
      case "e":
        return t === "" ? undefined : t;
      case "d": {
        const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}${t.includes("T") ? "Z" : ""}`);
        return Number.isFinite(ms) ? (ms - EPOCH_1900) / DAY_MS : t === "" ? undefined : t;
      }
      default: {
        if (t === "") return undefined;
        const v = parseFloat(t);
        if (!Number.isFinite(v)) return cellValue(v);
        return this.date1904 && this.dateStyle[this.style] ? v + DAYS_1904 : v;
      }
    }
  }

  private put(v: CellValue | undefined): void {
    if (v === undefined) return;
    const row = this.rows[this.row] ?? (this.rows[this.row] = []);
    row[this.col] = v;
  }

  /** The grid: merged cells other than the top-left one emptied, holes filled with "", ragged rows kept ragged. */
  sheet(name: string, hidden: boolean): Sheet {
    const rows = this.rows;
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
        const row = rows[r];
        if (!row) continue;
        for (let c = m.left; c <= m.right && c < row.length; c++) if (r !== m.top || c !== m.left) row[c] = undefined;
      }
    }
    // A merged range makes its rows part of the sheet, as far as the sheet has cells (never a whole column's million rows)
    let length = rows.length;
    for (const m of this.merges) length = Math.max(length, Math.min(m.bottom, this.lastCellRow) + 1);
    const out: CellValue[][] = new Array(length);
    for (let r = 0; r < length; r++) {
      const row = rows[r];
      if (!row) {
        out[r] = [];
        continue;
      }
      let end = row.length;
      while (end > 0 && row[end - 1] === undefined) end--;
      row.length = end;
      for (let c = 0; c < end; c++) if (row[c] === undefined) row[c] = "";
      out[r] = row as CellValue[];
    }
    const sheet: Sheet = { name, rows: out, merges: this.merges };
    if (hidden) sheet.hidden = true;
    return sheet;
  }
}

/** The grid of every worksheet (chart sheets and others have no cells), in workbook order. */
export async function readWorkbookGrid(archive: ZipArchive, name?: string): Promise<{ workbook: Workbook; info: WorkbookInfo | undefined }> {
  const info = workbookInfo(archive);
  if (!info) return { workbook: { name, sheets: [] }, info };
  const partOf = (kind: string) => info.relationships.find((r) => relationshipKind(r.type) === kind && !r.external)?.target;
  const strings = await sharedStrings(archive, partOf("sharedStrings"));
  const styles = partOf("styles");
  const dates = info.date1904 && styles ? dateStyles(archive.text(styles)) : [];
  const sheets: Sheet[] = [];
  for (const entry of info.sheets) {
    if (entry.kind !== "worksheet" || !entry.part) continue;
    const grid = new SheetGrid(strings, dates, info.date1904);
    if (!(await scanPart(archive, entry.part, grid))) continue; // a sheet whose part is missing: ExcelJS leaves it out too
    sheets.push(grid.sheet(entry.name, entry.hidden));
  }
  return { workbook: { name, sheets }, info };
}
