/**
 * The Section 0 matrix (SPEC 3.2, seed 002): recommendations as rows, divisions or units as columns, the acceptance
 * in the cells (`Accepted`, `Accepted (GCP and CWM); Partially accepted (SCYCLE)`, `NA`), and possibly a row of
 * checkboxes (☒ addressed, □ not) for a recommendation whose answers another row gives.
 *
 * Beside detailed responses it is attached to their matrix (`section0`) and checked against them by the rule
 * `summary-mismatch`, never merged. Alone, it is a layout of its own: each column stands for a division or unit.
 * Where it sits on its sheet is the segmenter's to find (blocks.ts).
 */

import type { CellAddress, CellValue, Sheet, Workbook } from "../grid";
import type { Response, Section0Cell, Section0Matrix, Section0Reading, Section0Row, Unit } from "../model";
import { displayText, normalizeKey } from "../text";
import { UnitDirectory } from "../units";
import { readAcceptance, type Acceptance } from "../vocabulary";
import { readDate } from "../dates";
import { segmentSheet, type Block } from "./blocks";
import { type DetailReading, type Layout, workbookScore } from "./layout";
import { DATE_LABELS, TITLE_LABELS, formLabel, recommendationCell } from "./table";

export const LAYOUT_ID = "section-0";
export const LAYOUT_NAME = "Section 0 layout";

const CHECKED = /^[☒☑✓✔xX]$/u;
const UNCHECKED = /^[□☐▢]$/u;

/** Reads a Section 0 cell: blank, `NA`, a checkbox, one answer, or answers by unit; anything else is unknown. */
export function readSection0Cell(v: CellValue): Section0Reading {
  const text = displayText(v);
  if (text === "") return { kind: "blank" };
  if (CHECKED.test(text)) return { kind: "addressed" };
  if (UNCHECKED.test(text)) return { kind: "notAddressed" };
  const whole = readAcceptance(text);
  if (whole.kind === "dash" || (whole.kind === "known" && whole.value === "Not applicable")) return { kind: "notAddressed" };
  if (whole.kind === "known") return { kind: "answers", parts: [{ answer: whole.value, units: null }] };
  const parts: { answer: Acceptance; units: string[] | null }[] = [];
  // Groups end at `;` or at a closing bracket: `Accepted (GCP, CWM); Partially accepted (SCYCLE)`, `Accepted: GCP; Rejected: SCYCLE`
  for (const piece of text.split(/;|(?<=\))/)) {
    const group = piece.replace(/^[\s,]+/, "").trim();
    if (!group) continue;
    const m = /^([^():]+?)\s*(?:\(([^()]*)\)|:\s*([^():]+))$/.exec(group);
    const answer = readAcceptance(m ? m[1] : group);
    if (answer.kind !== "known") return { kind: "unknown", text };
    const list = m ? (m[2] ?? m[3]) : null;
    const units =
      list === null
        ? null
        : list
            .split(/\s*[,&/]\s*|\s+(?:and|et)\s+/i)
            .map((u) => u.trim())
            .filter(Boolean);
    if (units && units.length === 0) return { kind: "unknown", text };
    parts.push({ answer: answer.value, units });
  }
  // One group may name no units (the column's other units); two cannot both be "the others"
  if (parts.length === 0 || parts.filter((p) => p.units === null).length > 1) return { kind: "unknown", text };
  return { kind: "answers", parts };
}

/** The units a Section 0 column stands for: a division's units, or the one unit its label names (code, name or alias). */
export function unitsOfColumn(directory: UnitDirectory, label: string): string[] | null {
  const division = directory.division(label);
  if (division && division.length) return division;
  const code = directory.resolve(label);
  return code === null ? null : [code];
}

/** Reads a matrix block: its column labels, and each recommendation row's cells under them. */
function readMatrixBlock(block: Block): Section0Matrix {
  const { sheet } = block;
  const frame = block.frame!;
  const at = (row: number, col: number): CellAddress => ({ sheet: sheet.name, row, col });
  const rows: Section0Row[] = frame.rows.map((r) => {
    const cells = sheet.rows[r] ?? [];
    const rec = recommendationCell(cells[frame.labelCol] ?? "")!;
    const texts = frame.columns.map(({ col }) => displayText(cells[col]));
    const row: Section0Cell[] = frame.columns.map(({ col }, i) => ({ column: i, text: texts[i], reading: readSection0Cell(texts[i]), at: at(r, col) }));
    const filled = texts.filter(Boolean);
    const checkboxes = filled.length > 0 && filled.every((t) => CHECKED.test(t) || UNCHECKED.test(t));
    // `1 | Take steps ... | Accepted | ...`: the text in a column of its own before the labelled ones
    const text = rec.text || (frame.columns[0]?.col > frame.labelCol + 1 ? displayText(cells[frame.labelCol + 1]) : "");
    return { number: rec.number, text, checkboxes, at: at(r, frame.labelCol), cells: row };
  });
  return { sheet: sheet.name, columns: frame.columns.map(({ label, col }) => ({ label, at: at(frame.labelRow, col) })), rows };
}

/** Reads a sheet's first Section 0 matrix, or null when the sheet has none. */
export function readSection0Sheet(sheet: Sheet): Section0Matrix | null {
  const block = segmentSheet(sheet).find((b) => b.shape === "matrix");
  return block ? readMatrixBlock(block) : null;
}

/**
 * A Section 0 matrix: 0.5, below every layout of detailed responses. Beside them it is checked against them
 * (rule summary-mismatch); alone, it is read as the answers (readSection0Alone).
 */
export const section0: Layout = {
  id: LAYOUT_ID,
  name: LAYOUT_NAME,
  blockName: "Section 0 matrix",
  classify: (block) => (block.shape === "matrix" ? 0.5 : 0),
  read: (block) => ({ part: "section0", section0: readMatrixBlock(block) }),
};

/** How well the workbook matches: 0.5 when a block of it is a Section 0 matrix. */
export function detectSection0(workbook: Workbook): number {
  return workbookScore(section0, workbook);
}

/**
 * Units when there is no Units sheet: a column whose cells name units (`Accepted (GCP and CWM)`) is a division of
 * those units; any other column is a unit of its own.
 */
function unitsFromColumns(s0: Section0Matrix): Unit[] {
  const named = s0.columns.map(() => new Map<string, { name: string; at: CellAddress }>());
  for (const row of s0.rows) {
    for (const cell of row.cells) {
      if (cell.reading.kind !== "answers") continue;
      for (const part of cell.reading.parts) for (const name of part.units ?? []) if (!named[cell.column].has(normalizeKey(name))) named[cell.column].set(normalizeKey(name), { name, at: cell.at });
    }
  }
  const units: Unit[] = [];
  const seen = new Set<string>();
  const add = (code: string, division: string, at: CellAddress) => {
    const key = normalizeKey(code) || code;
    if (seen.has(key)) return;
    seen.add(key);
    units.push({ code, name: "", division, aliases: [], at });
  };
  s0.columns.forEach((column, i) => {
    if (named[i].size === 0) add(column.label, column.label, column.at);
    else for (const { name, at } of named[i].values()) add(name, column.label, at);
  });
  return units;
}

/** A unit's answer (or blank, for a ticked box with no answer), read from a Section 0 cell. */
function section0Response(
  row: Section0Row,
  cell: Section0Cell,
  unit: { text: string; code: string | null; at: CellAddress },
  acceptance: Response["acceptance"],
  values: string[],
): Response {
  return {
    row: cell.at.row,
    number: row.number,
    numberText: row.number,
    unitText: unit.text,
    unit: unit.code,
    acceptance,
    action: "",
    responsible: "",
    budget: "",
    targetDate: { kind: "blank" },
    statuses: [],
    comments: "",
    evidence: "",
    responseDate: { kind: "blank" },
    cells: { number: row.at, unit: unit.at, acceptance: cell.at },
    values,
    block: 0,
  };
}

/**
 * Reads a Section 0 matrix alone as the workbook's responses: each cell answers for the units of its column
 * (or those it names), `NA` and □ leave them unaddressed, ☒ addresses them (their answer comes from another row,
 * else it is missing). Units come from the list of units, else from the columns.
 */
export function readSection0Alone(s0: Section0Matrix, sheet: Sheet, sheets: readonly Sheet[], listed: Unit[]): DetailReading & { units: Unit[]; unitsListed: boolean } {
  const unitsListed = listed.length > 0;
  const units = unitsListed ? listed : unitsFromColumns(s0);
  const directory = new UnitDirectory(units);
  const columnUnits = s0.columns.map((c) => unitsOfColumn(directory, c.label));
  // The column's units as responses name them; an unmatched column answers as itself (an unknown unit)
  const unitsOf = (column: number) => {
    const { label, at } = s0.columns[column];
    return columnUnits[column]?.map((code) => ({ text: code, code, at })) ?? [{ text: label, code: null, at }];
  };

  const responses: Response[] = [];
  const ticks: { row: Section0Row; cell: Section0Cell; values: string[] }[] = [];
  for (const row of s0.rows) {
    const values = (sheet.rows[row.at.row] ?? []).map((v) => displayText(v));
    for (const cell of row.cells) {
      const reading = cell.reading;
      if (reading.kind === "addressed") ticks.push({ row, cell, values });
      if (reading.kind === "unknown") {
        for (const unit of unitsOf(cell.column)) responses.push(section0Response(row, cell, unit, readAcceptance(reading.text), values));
      }
      if (reading.kind !== "answers") continue;
      const named = new Set<string>();
      for (const part of reading.parts) {
        for (const name of part.units ?? []) {
          const code = directory.resolve(name);
          named.add(code ?? name);
          if (part.answer !== "Not applicable") responses.push(section0Response(row, cell, { text: name, code, at: cell.at }, { kind: "known", value: part.answer }, values));
        }
      }
      const rest = reading.parts.find((p) => p.units === null);
      if (!rest || rest.answer === "Not applicable") continue;
      for (const unit of unitsOf(cell.column)) {
        if (!named.has(unit.code ?? unit.text)) responses.push(section0Response(row, cell, unit, { kind: "known", value: rest.answer }, values));
      }
    }
  }
  // A ticked box whose column answers nowhere else for the recommendation: addressed, and the answer is missing
  const answered = new Set(responses.map((r) => `${r.number}\u0000${r.unit ?? r.unitText}`));
  for (const { row, cell, values } of ticks) {
    const columnUnitsOf = unitsOf(cell.column);
    if (columnUnitsOf.some((u) => answered.has(`${row.number}\u0000${u.code ?? u.text}`))) continue;
    for (const unit of columnUnitsOf) {
      responses.push(section0Response(row, cell, { ...unit, at: cell.at }, { kind: "blank" }, values));
      answered.add(`${row.number}\u0000${unit.code ?? unit.text}`);
    }
  }

  // Recommendations in row order, each addressed to the units with an answer (or a tick) for it
  const addressed = new Map<string, string[]>();
  for (const r of responses) {
    if (r.number === null || r.unit === null) continue;
    const list = addressed.get(r.number) ?? [];
    list.push(r.unit);
    addressed.set(r.number, list);
  }
  const seen = new Map<string, Section0Row>();
  for (const row of s0.rows) if (!seen.has(row.number) || (seen.get(row.number)!.checkboxes && !row.checkboxes)) seen.set(row.number, row);
  const recommendations = [...new Set(s0.rows.map((r) => r.number))].map((number) => {
    const row = seen.get(number)!;
    return {
      number,
      text: row.text,
      priority: "",
      category: "",
      addressedTo: directory.sort(addressed.get(number) ?? []),
      addressedUnknown: [],
      at: row.at,
      addressedAt: null,
    };
  });

  const headerRow = s0.columns[0]?.at.row ?? 0;
  const title = formLabel(sheets, sheet, headerRow, TITLE_LABELS);
  const dateCell = formLabel(sheets, sheet, headerRow, DATE_LABELS);
  const responseDate = dateCell === null ? null : readDate(dateCell);
  return {
    responses,
    units,
    unitsListed,
    recommendations,
    texts: new Map(),
    columns: new Set(["number", "unit", "acceptance"]),
    statusColumns: [],
    title: title === null ? "" : displayText(title),
    responseDate: responseDate?.kind === "date" ? responseDate.serial : null,
  };
}
