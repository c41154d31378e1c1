/**
 * Setting cells of an existing worksheet part: each changed cell's element is rewritten in place (its style
 * kept, its formula dropped: it now holds a value), a missing cell or row inserted where the order of the sheet
 * wants it; every other byte of the part stays as it was.
 */

import { a1, type CellValue } from "../../core/grid";
import { cellXml, in1904 } from "./sheet-xml";
import { prefixAt, splice, type Span } from "./spans";
import { parseRange } from "./reader";
import { XmlScanner } from "./xml";

/** One cell to set (0-based row and column). */
export interface CellSet {
  row: number;
  col: number;
  value: CellValue;
}

/** A cell that other cells' shared formula starts from cannot be overwritten without breaking them. */
export class SharedFormulaCell extends Error {
  constructor(readonly ref: string) {
    super(ref);
  }
}

interface CellAt {
  col: number;
  span: Span;
  style: number;
  /** The cell's formula: none, its own, or the start of a shared one (others depend on it). */
  formula: "none" | "own" | "shared";
}

interface RowAt {
  row: number;
  span: Span;
  cells: CellAt[];
  /** The row's own style (`s` with `customFormat="1"`), or 0. */
  style: number;
}

/** Rows added to a sheet that take the styles of the row above them (`source`): its cells' and its own. */
export interface NewRows {
  first: number;
  last: number;
  source: number;
}

/** An element's offsets, as `spans` gives them. */
function span(name: string, attributes: Record<string, string>, depth: number, at: number, end: number, empty: boolean): Span {
  return { name, attributes, depth, at, openEnd: end, closeAt: empty ? end - 2 : -1, end };
}

/** Rows and cells keep no attributes: what is needed of them is read as they are met. */
const NONE: Record<string, string> = {};

/**
 * Where the root, the sheet data, each row and each cell are (one scan, keeping only those). Rows and cells
 * without `r` take the next number.
 */
function layout(xml: string): { root: Span; sheetData: Span | undefined; rows: RowAt[]; topLevel: Span[] } {
  const rows: RowAt[] = [];
  const topLevel: Span[] = [];
  const open: (Span | null)[] = [];
  let root: Span | undefined;
  let sheetData: Span | undefined;
  let row: RowAt | null = null;
  let cell: CellAt | null = null;
  let lastRow = -1;
  XmlScanner.scan(xml, {
    open(name, a, empty, at, end) {
      const depth = open.length;
      let kept: Span | null = null;
      if (depth === 0) kept = root = span(name, a.all(), depth, at, end, empty);
      else if (depth === 1) {
        kept = span(name, a.all(), depth, at, end, empty);
        topLevel.push(kept);
        if (name === "sheetData") sheetData = kept;
      } else if (depth === 2 && name === "row" && open[1] === sheetData) {
        const r = Number(a.get("r"));
        lastRow = Number.isInteger(r) && r >= 1 ? r - 1 : lastRow + 1;
        kept = span(name, NONE, depth, at, end, empty);
        row = { row: lastRow, span: kept, cells: [], style: a.get("customFormat") === "1" || a.get("customFormat") === "true" ? Number(a.get("s") ?? 0) || 0 : 0 };
        rows.push(row);
      } else if (depth === 3 && name === "c" && row && open[2] === row.span) {
        const r = a.get("r") ?? "";
        const ref = parseRange(r);
        const col = ref && r.indexOf(":") < 0 ? ref.left : (row.cells[row.cells.length - 1]?.col ?? -1) + 1;
        kept = span(name, NONE, depth, at, end, empty);
        cell = { col, span: kept, style: Number(a.get("s") ?? 0) || 0, formula: "none" };
        row.cells.push(cell);
      } else if (depth === 4 && name === "f" && cell && open[3] === cell.span) {
        cell.formula = a.get("t") === "shared" && a.get("ref") ? "shared" : "own";
      }
      if (!empty) open.push(kept);
    },
    close(_name, at, end) {
      const kept = open.pop();
      if (kept) {
        kept.closeAt = at;
        kept.end = end;
      }
    },
  });
  return { root: root!, sheetData, rows, topLevel };
}

/**
 * The worksheet XML with the cells set. Throws SharedFormulaCell for a cell other formulas are shared from.
 * `isDateStyle` (given for a 1904 workbook) says which cell formats show dates, whose serials are then moved to 1904.
 * Returns whether a formula was overwritten (the calculation chain then names a cell that no longer has one).
 */
export function setCells(xml: string, changes: readonly CellSet[], isDateStyle?: (style: number) => boolean, newRows?: NewRows): { xml: string; formulaReplaced: boolean } {
  const { root, sheetData, rows, topLevel } = layout(xml);
  const p = prefixAt(xml, sheetData?.at ?? root.at);
  const edits: { at: number; end: number; text: string }[] = [];
  let formulaReplaced = false;

  // the last change of a cell wins; changes grouped by row, in order
  const byRow = new Map<number, Map<number, CellValue>>();
  for (const c of changes) (byRow.get(c.row) ?? byRow.set(c.row, new Map()).get(c.row)!).set(c.col, c.value);
  const rowOf = new Map(rows.map((r) => [r.row, r]));
  const appended: string[] = [];
  // an added row's cells take the styles of the source row's (its styled empty cells too), and the row its own style
  const source = newRows ? rowOf.get(newRows.source) : undefined;
  const sourceStyles = new Map((source?.cells ?? []).filter((c) => c.style).map((c) => [c.col, c.style]));
  const isNew = (r: number) => newRows !== undefined && r >= newRows.first && r <= newRows.last;
  if (source && newRows) for (let r = newRows.first; r <= newRows.last; r++) if (!byRow.has(r) && !rowOf.has(r)) byRow.set(r, new Map());
  const styleOf = (r: number, c: number) => (isNew(r) ? (sourceStyles.get(c) ?? 0) : 0);
  const valueIn = (style: number, v: CellValue | undefined) => (style && isDateStyle?.(style) ? in1904(v) : v);

  for (const [r, cols] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const row = rowOf.get(r);
    if (!row) {
      const all = new Map<number, CellValue | undefined>(isNew(r) ? [...sourceStyles.keys()].map((c) => [c, undefined]) : []);
      for (const [c, v] of cols) all.set(c, v);
      const cells = [...all].sort((a, b) => a[0] - b[0]).map(([c, v]) => cellXml(a1(r, c), valueIn(styleOf(r, c), v), styleOf(r, c), p)).join("");
      const next = rows.find((x) => x.row > r);
      const rowStyle = isNew(r) && source?.style ? ` s="${source.style}" customFormat="1"` : "";
      const element = cells || rowStyle ? `<${p}row r="${r + 1}"${rowStyle}>${cells}</${p}row>` : "";
      if (next) edits.push({ at: next.span.at, end: next.span.at, text: element });
      else appended.push(element);
      continue;
    }
    const inserted: { at: number; text: string }[] = [];
    for (const [c, v] of [...cols].sort((a, b) => a[0] - b[0])) {
      const cell = row.cells.find((x) => x.col === c);
      if (cell) {
        if (cell.formula === "shared") throw new SharedFormulaCell(a1(r, c));
        if (cell.formula === "own") formulaReplaced = true;
        const value = isDateStyle?.(cell.style) ? in1904(v) : v;
        edits.push({ at: cell.span.at, end: cell.span.end, text: cellXml(a1(r, c), value, cell.style, p) });
        continue;
      }
      const next = row.cells.find((x) => x.col > c);
      inserted.push({ at: next ? next.span.at : row.span.closeAt, text: cellXml(a1(r, c), valueIn(styleOf(r, c), v), styleOf(r, c), p) });
    }
    if (!inserted.length) continue;
    if (row.span.closeAt < row.span.openEnd) {
      // `<row r="5"/>`: opened up to hold its new cells
      const start = xml.slice(row.span.at, row.span.closeAt).replace(/\s*$/, ">");
      edits.push({ at: row.span.at, end: row.span.end, text: `${start}${inserted.map((i) => i.text).join("")}</${p}row>` });
    } else for (const i of inserted) edits.push({ at: i.at, end: i.at, text: i.text });
  }

  if (appended.length) {
    const text = appended.join("");
    if (!sheetData) {
      const before = topLevel.find((s) => !["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols"].includes(s.name));
      const at = before ? before.at : root.closeAt;
      edits.push({ at, end: at, text: `<${p}sheetData>${text}</${p}sheetData>` });
    } else if (sheetData.closeAt < sheetData.openEnd) edits.push({ at: sheetData.at, end: sheetData.end, text: `<${p}sheetData>${text}</${p}sheetData>` });
    else edits.push({ at: sheetData.closeAt, end: sheetData.closeAt, text });
  }
  return { xml: splice(xml, edits), formulaReplaced };
}
