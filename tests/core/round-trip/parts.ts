/**
 * The round trip's fixtures: the seed 002 example workbook as grids (answered, or not yet answered), its parts as a
 * unit gets them, and a small editor to fill a returned part the way a unit does (by recommendation number and
 * column header, wherever the row and column now are).
 */

import type { CellValue, Sheet, Workbook } from "../../../src/core/grid";
import type { CellChange } from "../../../src/core/round-trip/merge";
import type { PartSource } from "../../../src/core/round-trip/parts";
import { splitBook, type SplitResult, type UnitPart } from "../../../src/core/round-trip/split";
import type { SheetSpec } from "../../../src/core/sheet-spec";
import { templateSheets } from "../../../src/core/template";

export const TODAY = "2025-07-01";

function gridOf(spec: SheetSpec): Sheet {
  return { name: spec.name, rows: spec.cells.map((r) => [...r]) };
}

/** The seed 002 example workbook (14 units, 5 recommendations, every Section III answer), as `template --example` writes it. */
export function exampleBook(): Workbook {
  return { name: "book.xlsx", sheets: templateSheets({ example: true }).map(gridOf) };
}

/** The seed 002 example before any answer came in: Units and Recommendations filled, Responses only its header. */
export function unansweredBook(): Workbook {
  const wb = exampleBook();
  const responses = wb.sheets.find((s) => s.name === "Responses")!;
  responses.rows = responses.rows.slice(0, 1);
  return wb;
}

export function split(workbook: Workbook, round?: string): SplitResult {
  return splitBook(workbook, { round, made: TODAY });
}

export function partOf(result: SplitResult, unit: string): UnitPart {
  const part = result.parts.find((p) => p.unit.code === unit);
  if (!part) throw new Error(`no part for ${unit}`);
  return part;
}

/** A returned file holding the part's sheet, as written (a fresh copy each time). */
export function returned(part: UnitPart, file = part.fileName): PartSource {
  return { source: file, workbook: { name: file, sheets: [gridOf(part.spec)] }, kind: "file" };
}

/** Fills a returned part as a unit does: by recommendation number and column header, never by position. */
export class PartEditor {
  readonly sheet: Sheet;
  constructor(source: PartSource) {
    this.sheet = source.workbook.sheets[0];
  }

  get headerRow(): number {
    return this.sheet.rows.findIndex((r) => r[0] === "No." && r[1] === "Recommendation");
  }

  col(header: string): number {
    const c = this.sheet.rows[this.headerRow].indexOf(header);
    if (c < 0) throw new Error(`no column ${header}`);
    return c;
  }

  row(number: string): number {
    const r = this.sheet.rows.findIndex((row, i) => i > this.headerRow && row[0] === number);
    if (r < 0) throw new Error(`no row for recommendation ${number}`);
    return r;
  }

  set(number: string, header: string, value: CellValue): this {
    this.sheet.rows[this.row(number)][this.col(header)] = value;
    return this;
  }

  get(number: string, header: string): CellValue {
    return this.sheet.rows[this.row(number)][this.col(header)] ?? "";
  }

  /** Reverses the order of the table's rows (a unit sorting them). */
  reorder(): this {
    const h = this.headerRow;
    const body = this.sheet.rows.slice(h + 1).reverse();
    this.sheet.rows.splice(h + 1, body.length, ...body);
    return this;
  }

  rename(name: string): this {
    this.sheet.name = name;
    return this;
  }

  /** Inserts a row under the table's header (rows below move down). */
  insertRow(values: CellValue[]): this {
    this.sheet.rows.splice(this.headerRow + 1, 0, values);
    return this;
  }
}

/** The workbook with the merge's cell changes applied (what the shells write). */
export function applied(workbook: Workbook, changes: readonly CellChange[]): Workbook {
  const copy: Workbook = { ...workbook, sheets: workbook.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) })) };
  for (const c of changes) {
    const sheet = copy.sheets.find((s) => s.name === c.sheet)!;
    while (sheet.rows.length <= c.row) sheet.rows.push([]);
    const row = sheet.rows[c.row];
    while (row.length < c.col) row.push("");
    row[c.col] = c.value;
  }
  return copy;
}

/** A sheet's rows with trailing blank cells and rows removed, for comparing. */
export function trimmedRows(sheet: Sheet): CellValue[][] {
  const rows = sheet.rows.map((r) => {
    const copy = [...r];
    while (copy.length && (copy[copy.length - 1] === "" || copy[copy.length - 1] === undefined)) copy.pop();
    return copy;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

export function sheetOf(workbook: Workbook, name: string): Sheet {
  const sheet = workbook.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}
