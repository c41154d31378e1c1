/**
 * Where a SheetSpec becomes worksheet XML (and its tables' parts): values, the sheet's font and the cells' styles,
 * merges, column widths, hidden columns, row heights, frozen rows, tables, dropdowns, protection and print set-up
 * (scale or fit to width, margins, page breaks; print area and titles as defined names). I/O only: every decision
 * is already in the spec. The chart's parts are xlsx-chart.ts's; the sheet only refers to its drawing.
 */

import { a1, columnLetter, type CellValue, type MergedRange } from "../../core/grid";
import { eachRowFormats, type CellFormat, type PageMargins, type SheetSpec, type TableSpec } from "../../core/sheet-spec";
import { DAYS_1904, isDateFormat } from "./reader";
import type { StyleBook } from "./styles";
import { escapeAttribute, escapeXml } from "./xml";

/** The namespaces of a workbook's parts: transitional (nearly every file) or strict OOXML. */
export interface Namespaces {
  main: string;
  relationships: string;
  /** The relationship type URI of a kind of part, e.g. `worksheet`. */
  relationshipType(kind: string): string;
}

export const TRANSITIONAL: Namespaces = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  relationshipType: (kind) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`,
};

export const STRICT: Namespaces = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  relationships: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  relationshipType: (kind) => `http://purl.oclc.org/ooxml/officeDocument/relationships/${kind}`,
};

/** Text as a cell holds it: Excel's `_xHHHH_` escapes for characters XML cannot carry (and for text that looks like one). */
export function cellText(text: string): string {
  return escapeXml(
    text
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x08\x0b\x0c\x0d\x0e-\x1f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`),
  );
}

/** A date serial of the 1900 system (as the core gives dates) in a workbook that counts days from 1904. */
export function in1904<T extends CellValue | undefined>(value: T): T {
  return (typeof value === "number" ? value - DAYS_1904 : value) as T;
}

/** The margins Excel gives a new sheet (inches). */
const DEFAULT_MARGINS: PageMargins = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** The width Excel stores for a column of the default width (Calibri 11). */
const DEFAULT_COLUMN_WIDTH = 9.140625;

/** `A1:C3`, or `A1` for one cell. */
export function rangeRef(r: MergedRange): string {
  return r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

/** A cell's XML: inline strings (no shared-strings part to rewrite), numbers, booleans; "" for an empty unstyled cell. */
export function cellXml(ref: string, value: CellValue | undefined, style: number, prefix = ""): string {
  const s = style ? ` s="${style}"` : "";
  const c = `${prefix}c`;
  if (value === undefined || value === "") return s ? `<${c} r="${ref}"${s}/>` : "";
  if (typeof value === "number") return Number.isFinite(value) ? `<${c} r="${ref}"${s}><${prefix}v>${value}</${prefix}v></${c}>` : `<${c} r="${ref}"${s} t="e"><${prefix}v>#NUM!</${prefix}v></${c}>`;
  if (typeof value === "boolean") return `<${c} r="${ref}"${s} t="b"><${prefix}v>${value ? 1 : 0}</${prefix}v></${c}>`;
  return `<${c} r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${cellText(value)}</${prefix}t></${prefix}is></${c}>`;
}

/** The column names of a table: its header cells' text, "ColumnN" for an empty one, made unique as Excel requires. */
export function tableColumns(spec: SheetSpec, table: TableSpec): string[] {
  const { top, left, right } = table.range;
  const seen = new Set<string>();
  const names: string[] = [];
  for (let c = left; c <= right; c++) {
    const base = String(spec.cells[top]?.[c] ?? "").replace(/[\r\n]+/g, " ").trim() || `Column${c - left + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** The table part of a table: its id (unique in the workbook) and name (unique among tables and defined names). */
export function tableXml(spec: SheetSpec, table: TableSpec, id: number, name: string, ns: Namespaces): string {
  const ref = rangeRef(table.range);
  const columns = tableColumns(spec, table);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${ns.main}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${columns.length}">${columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c)}"/>`).join("")}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(table.style ?? "TableStyleMedium2")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}

/** An inline list for a dropdown: `"Accepted,Rejected"` (Excel cannot escape commas in such a list, and caps it at 255 characters). */
export function listFormula(values: readonly string[]): string {
  return `"${values.map((v) => v.replace(/"/g, '""')).join(",")}"`;
}

/** The cell format index of every formatted cell, by row then column, and whether it shows a date. */
function cellStyles(spec: SheetSpec, styles: StyleBook): Map<number, Map<number, { xf: number; date: boolean }>> {
  const byFormat = new Map<CellFormat, { xf: number; date: boolean }>();
  const out = new Map<number, Map<number, { xf: number; date: boolean }>>();
  eachRowFormats(spec, (r, row) => {
    const xfs = new Map<number, { xf: number; date: boolean }>();
    for (const [c, format] of row) {
      let written = byFormat.get(format);
      if (written === undefined) byFormat.set(format, (written = { xf: styles.xf(format), date: !!format.numberFormat && isDateFormat(format.numberFormat) }));
      if (written.xf) xfs.set(c, written);
    }
    out.set(r, xfs);
  });
  return out;
}

/** The relationship ids of the parts a sheet refers to: its tables' (in the order of `spec.tables`) and its drawing's. */
export interface SheetRelationships {
  tables?: readonly string[];
  drawing?: string;
}

/**
 * The worksheet XML of a spec. The caller adds the parts it refers to (tableXml, the chart's drawing) and the
 * print area's and print titles' defined names (printArea, printTitles). In a 1904 workbook (`date1904`), date
 * cells are written as serials of that system.
 */
export function sheetXml(spec: SheetSpec, styles: StyleBook, ns: Namespaces, related: SheetRelationships = {}, date1904 = false): string {
  const cells: (CellValue | undefined)[][] = spec.cells.map((row) => [...row]);
  for (const table of spec.tables ?? []) {
    const names = tableColumns(spec, table);
    const header = (cells[table.range.top] ??= []);
    names.forEach((name, i) => (header[table.range.left + i] = name)); // a table's header cells hold its column names
  }
  const xfs = cellStyles(spec, styles);
  const heights = spec.rowHeights ?? [];
  let lastRow = Math.max(cells.length, heights.length) - 1;
  for (const r of xfs.keys()) lastRow = Math.max(lastRow, r);

  const rows: string[] = [];
  let maxCol = 0;
  for (let r = 0; r <= lastRow; r++) {
    const values = cells[r] ?? [];
    const rowXfs = xfs.get(r);
    const cols = new Set<number>();
    values.forEach((v, c) => v !== undefined && v !== "" && cols.add(c));
    rowXfs?.forEach((_, c) => cols.add(c));
    const xml = [...cols]
      .sort((a, b) => a - b)
      .map((c) => {
        const format = rowXfs?.get(c);
        return cellXml(a1(r, c), date1904 && format?.date ? in1904(values[c]) : values[c], format?.xf ?? 0);
      })
      .join("");
    for (const c of cols) maxCol = Math.max(maxCol, c);
    const height = heights[r] > 0 ? ` ht="${heights[r]}" customHeight="1"` : "";
    if (xml || height) rows.push(xml ? `<row r="${r + 1}"${height}>${xml}</row>` : `<row r="${r + 1}"${height}/>`);
  }

  const freeze = spec.freezeRows
    ? `<sheetView workbookViewId="0"><pane ySplit="${spec.freezeRows}" topLeftCell="${a1(spec.freezeRows, 0)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${a1(spec.freezeRows, 0)}" sqref="${a1(spec.freezeRows, 0)}"/></sheetView>`
    : `<sheetView workbookViewId="0"/>`;
  const hidden = new Set(spec.hiddenColumns ?? []);
  const columns: string[] = [];
  for (let c = 0; c < Math.max(spec.columnWidths.length, ...[...hidden].map((h) => h + 1)); c++) {
    const width = spec.columnWidths[c] > 0 ? ` width="${spec.columnWidths[c]}" customWidth="1"` : "";
    // a hidden column keeps a width, to come back at when shown (a <col> without one is 0 wide)
    if (hidden.has(c)) columns.push(`<col min="${c + 1}" max="${c + 1}"${width || ` width="${DEFAULT_COLUMN_WIDTH}"`} hidden="1"/>`);
    else if (width) columns.push(`<col min="${c + 1}" max="${c + 1}"${width}/>`);
  }
  const merges = spec.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join("");
  const dropdowns = (spec.dropdowns ?? [])
    .map(
      (d) =>
        // a warning, not a stop: Excel still accepts other text, which validation then reports with a suggestion
        `<dataValidation type="list" errorStyle="warning" allowBlank="1" showErrorMessage="1" errorTitle="Not in the list" error="${escapeAttribute(d.prompt ?? "This value is not in the list.")}" sqref="${rangeRef(d.range)}">` +
        `<formula1>${escapeXml(listFormula(d.values))}</formula1></dataValidation>`,
    )
    .join("");
  const print = spec.print;
  const margins = print?.margins ?? DEFAULT_MARGINS;
  const breaks = (print?.pageBreaks ?? []).filter((r) => r > 0);
  const tables = related.tables ?? [];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${ns.main}" xmlns:r="${ns.relationships}">` +
    (print?.fitToWidth ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "") +
    `<dimension ref="${rows.length ? rangeRef({ top: 0, left: 0, bottom: lastRow, right: maxCol }) : "A1"}"/>` +
    `<sheetViews>${freeze}</sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (columns.length ? `<cols>${columns.join("")}</cols>` : "") +
    (rows.length ? `<sheetData>${rows.join("")}</sheetData>` : "<sheetData/>") +
    // No password: the protection guides people to the cells to fill, it secures nothing. Widths and heights stay adjustable.
    (spec.protection ? `<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>` : "") +
    (merges ? `<mergeCells count="${spec.merges.length}">${merges}</mergeCells>` : "") +
    (dropdowns ? `<dataValidations count="${spec.dropdowns!.length}">${dropdowns}</dataValidations>` : "") +
    `<pageMargins left="${margins.left}" right="${margins.right}" top="${margins.top}" bottom="${margins.bottom}" header="${margins.header}" footer="${margins.footer}"/>` +
    (print
      ? `<pageSetup paperSize="9" orientation="${print.orientation}"${print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ` scale="${print.scale ?? 100}"`}/>`
      : "") +
    // a break before each row that starts a page: `id` is the last row (1-based) of the page before it
    (breaks.length ? `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>` : "") +
    (related.drawing ? `<drawing r:id="${related.drawing}"/>` : "") +
    (tables.length ? `<tableParts count="${tables.length}">${tables.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>` : "") +
    `</worksheet>`
  );
}

/** `'Sheet'!$A$1:$J$40`: a range as a defined name or a chart formula refers to it. */
export function absoluteRange(quotedName: string, r: MergedRange): string {
  const cell = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  return `${quotedName}!${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
}

/** The print titles of a spec as a defined name's text (`'Sheet'!$A:$A,'Sheet'!$3:$3`: columns, then rows), or undefined. */
export function printTitles(spec: SheetSpec, quotedName: string): string | undefined {
  const columns = spec.print?.repeatColumns;
  const rows = spec.print?.repeatRows;
  const parts = [
    ...(columns ? [`${quotedName}!$${columnLetter(columns.first)}:$${columnLetter(columns.last)}`] : []),
    ...(rows ? [`${quotedName}!$${rows.first + 1}:$${rows.last + 1}`] : []),
  ];
  return parts.length ? parts.join(",") : undefined;
}

/** The print area of a spec as a defined name's text (`'Sheet'!$A$1:$J$40`), or undefined. */
export function printArea(spec: SheetSpec, quotedName: string): string | undefined {
  return spec.print?.area ? absoluteRange(quotedName, spec.print.area) : undefined;
}
