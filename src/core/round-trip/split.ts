/**
 * Split (SPEC section 9): one part per addressed unit, holding only the recommendations addressed to it, its own
 * rows with the workbook's answers, the same dropdowns, and only the cells of the round unlocked. The CLI writes
 * each part as a workbook, the add-in as a sheet of the open workbook; both write the SheetSpec made here.
 */

import { cellAt, type CellValue, type MergedRange, type Workbook } from "../grid";
import type { Role } from "../headers";
import { isAddressed } from "../matrix";
import type { Recommendation, Unit } from "../model";
import { cellRange, wrappedRowHeights, type CellStyle, type DropdownSpec, type SheetSpec, type StyledRange } from "../sheet-spec";
import { displayText, joinWithAnd } from "../text";
import { ACCEPTANCES, STATUSES } from "../vocabulary";
import { comparable } from "./answers";
import {
  answerKey,
  atPeriod,
  columnKey,
  readRoundTripBook,
  roundColumns,
  roundNamed,
  RESPONSE_ROUND,
  type AnswerColumn,
  type Round,
  type RoundTripBook,
} from "./book";
import { answerDigest, digest } from "./digest";
import { markerCells, type Marker } from "./marker";

export interface UnitPart {
  unit: Unit;
  /** Numbers of the recommendations addressed to the unit, in the workbook's order. */
  recommendations: string[];
  /** The part's sheet; its name is the unit's code, made a valid sheet name and unique among `taken`. */
  spec: SheetSpec;
  /** `<evaluation> - <unit>.xlsx`, safe as a file name on every system, unique among the parts. */
  fileName: string;
}

export interface SplitResult {
  evaluation: string;
  round: Round;
  parts: UnitPart[];
  /** Units of the Units sheet that no recommendation is addressed to (they get no part). */
  notAddressed: string[];
}

export interface SplitOptions {
  /** `response` (default) or a follow-up period such as `6 months`. */
  round?: string;
  /** Today, YYYY-MM-DD: written on the part and in its marker. */
  made: string;
  /** Sheet names the parts' sheets must not take (the add-in's open workbook). */
  taken?: readonly string[];
}

/** Splits the workbook into one part per addressed unit. Throws RoundTripError with a sentence when it cannot. */
export function splitBook(workbook: Workbook, options: SplitOptions): SplitResult {
  const book = readRoundTripBook(workbook);
  const round = roundNamed(book, options.round ?? RESPONSE_ROUND);
  const evaluation = book.matrix.title;
  const sheetNames = new Set((options.taken ?? []).map((n) => n.toLowerCase()));
  const fileNames = new Set<string>();
  const parts: UnitPart[] = [];
  const notAddressed: string[] = [];
  // Each number once (the first row of a number, as the reader takes it)
  const recommendations = [...book.recommendations.values()];
  for (const unit of book.matrix.units) {
    const recs = recommendations.filter((r) => isAddressed(r, unit.code));
    if (recs.length === 0) {
      notAddressed.push(unit.code);
      continue;
    }
    const name = uniqueName(sheetName(unit.code), sheetNames, 31);
    const spec = partSheet(book, round, unit, recs, { name, made: options.made });
    parts.push({ unit, recommendations: recs.map((r) => r.number), spec, fileName: partFileName(evaluation, unit.code, fileNames) });
  }
  return { evaluation, round, parts, notAddressed };
}

/** Excel's rules for sheet names: no `[ ] : * ? / \`, no apostrophe at either end, at most 31 characters, not "History". */
export function sheetName(text: string): string {
  let name = text.replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "").trim().slice(0, 31).trim();
  if (name === "" || name.toLowerCase() === "history") name = `Unit ${name}`.trim();
  return name;
}

/** `name`, or `name (2)`, `name (3)` ... the first not in `taken` (compared ignoring case), which it joins. */
function uniqueName(name: string, taken: Set<string>, max: number): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    candidate = `${name.slice(0, max - suffix.length).trimEnd()}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Characters no system allows in a file name. */
const UNSAFE = /[<>:"/\\|?*]/g;
/** Control characters (code points below 32, and DEL), which no file name should hold. */
function withoutControls(text: string): string {
  return [...text].map((ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? " " : ch)).join("");
}
/** Names Windows keeps for devices, whatever the extension. */
const DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** File-name-safe text: unsafe characters become spaces, no dot or space at the end, at most `max` characters cut at a word. */
function fileNamePart(text: string, max: number): string {
  let s = withoutControls(displayText(text)).replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  if (s.length > max) {
    const cut = s.slice(0, max);
    s = cut.includes(" ") ? cut.slice(0, cut.lastIndexOf(" ")) : cut;
  }
  s = s.replace(/[. ]+$/, "");
  return DEVICE.test(s) ? `${s}_` : s;
}

/** `<evaluation> - <unit>.xlsx`, unique among `taken` (compared ignoring case, as Windows and macOS do). */
export function partFileName(evaluation: string, unit: string, taken: Set<string>): string {
  const base = `${fileNamePart(evaluation, 100) || "Management response"} - ${fileNamePart(unit, 60) || "unit"}`;
  return `${uniqueName(base, taken, 200)}.xlsx`;
}

const WIDTHS: Partial<Record<Role, number>> = {
  acceptance: 20, action: 45, responsible: 22, budget: 18, targetDate: 13, status: 20, followUp: 20, comments: 40, evidence: 30, responseDate: 14,
};
const WRAPPED: ReadonlySet<Role> = new Set<Role>(["action", "responsible", "budget", "comments", "evidence"]);
const DATES: ReadonlySet<Role> = new Set<Role>(["targetDate", "responseDate"]);
const NUMBER_WIDTH = 7;
const TEXT_WIDTH = 60;

const LOCKED_FILL = "#F2F2F2";
const HEADER_FILL = "#DDEBF7";
const HEADER_STYLE: CellStyle = { bold: true, wrap: true, vertical: "top", fill: HEADER_FILL, border: true };

/** What to ask for each role in the response round, in the order the form asks. */
const ASKED: Partial<Record<Role, string>> = {
  action: "the planned actions",
  responsible: "the person responsible",
  budget: "the budget allocated",
  targetDate: "the target date",
};

/** The instructions block, in the words of the forms the offices send out. */
function instructions(book: RoundTripBook, round: Round, unit: Unit): string[] {
  const has = (role: Role) => book.columns.some((c) => c.role === role);
  const finish = [
    "Fill in only the white cells; the grey cells show the recommendations and earlier answers and are locked. " +
      "Do not change the recommendation numbers or texts, and do not add or delete rows.",
    "When you are done, save the file and return it to the evaluation office.",
  ];
  if (!round.column) {
    const asked = (Object.keys(ASKED) as Role[]).filter(has).map((r) => ASKED[r]!);
    return [
      `This form lists the recommendations addressed to your unit (${unit.code}). Please fill in a response for each one.`,
      "Acceptance: choose Accepted, Partially accepted or Rejected from the list.",
      ...(asked.length ? [`For accepted or partially accepted recommendations, please also indicate ${joinWithAnd(asked)}.`] : []),
      ...(has("comments") ? ["If a recommendation is partially accepted or rejected, please say why in Comments."] : []),
      ...finish,
    ];
  }
  return [
    `This form lists the recommendations addressed to your unit (${unit.code}) and the responses given. ` +
      `Please report the status of implementation ${atPeriod(round.id)}.`,
    `${round.column.header}: choose ${joinWithAnd([...STATUSES], "or")} from the list.`,
    ...(has("evidence") ? ["Evidence: for what is implemented, say what shows it (a document, a report, a link)."] : []),
    ...(has("comments") ? ["Comments: anything the evaluation office should know about progress or delays."] : []),
    ...finish,
  ];
}

/** The value of a unit's answer cell in the workbook ("" when it has no row for the recommendation). */
function bookValue(book: RoundTripBook, row: number | undefined, col: number): CellValue {
  return row === undefined ? "" : cellAt(book.sheet, row, col);
}

/** The part's sheet for one unit: title, instructions, the table of its recommendations, the hidden marker. */
export function partSheet(book: RoundTripBook, round: Round, unit: Unit, recs: readonly Recommendation[], options: { name: string; made: string }): SheetSpec {
  const columns: AnswerColumn[] = book.columns;
  const editable = new Set(roundColumns(book, round));
  const isEditable = (c: AnswerColumn) => editable.has(c);
  const width = 2 + columns.length;
  const last = width - 1;

  const lines = instructions(book, round, unit);
  const head: CellValue[][] = [
    [`Management response: ${book.matrix.title}`],
    ["Unit:", unit.name ? `${unit.code} – ${unit.name}` : unit.code],
    ["Round:", round.column ? `Follow-up: ${round.column.header}` : "Response to the recommendations"],
    ["Prepared:", options.made],
    [],
    ["Instructions for completing this form:"],
    ...lines.map((l) => [l]),
    [],
  ];
  const firstLine = 6;
  const headerRow = head.length;
  const top = headerRow + 1;
  const bottom = headerRow + recs.length;

  const rows: CellValue[][] = recs.map((rec) => {
    const row = book.rowOf.get(answerKey(rec.number, unit.code));
    return [rec.number, rec.text, ...columns.map((c) => bookValue(book, row, c.col))];
  });
  const numberHeader = displayText(cellAt(book.sheet, book.headerRow, book.numberCol)) || "No.";
  const cells: CellValue[][] = [...head, [numberHeader, "Recommendation", ...columns.map((c) => c.header)], ...rows];

  const column = (c: number): MergedRange => ({ top, left: c, bottom, right: c });
  const styles: StyledRange[] = [
    { range: cellRange(0, 0), style: { bold: true, fontSize: 14 } },
    { range: { top: 1, left: 0, bottom: 3, right: 0 }, style: { bold: true } },
    { range: cellRange(5, 0), style: { bold: true } },
    ...lines.map((_, i) => ({ range: { top: firstLine + i, left: 0, bottom: firstLine + i, right: last }, style: { wrap: true, vertical: "top" as const } })),
    { range: { top: headerRow, left: 0, bottom: headerRow, right: last }, style: HEADER_STYLE },
  ];
  if (recs.length > 0) {
    styles.push(
      { range: { top, left: 0, bottom, right: last }, style: { vertical: "top", border: true } },
      { range: column(0), style: { numberFormat: "@", fill: LOCKED_FILL } },
      { range: column(1), style: { wrap: true, fill: LOCKED_FILL } },
    );
    columns.forEach((c, i) => {
      const style: CellStyle = {};
      if (!isEditable(c)) style.fill = LOCKED_FILL;
      if (WRAPPED.has(c.role)) style.wrap = true;
      if (DATES.has(c.role)) style.numberFormat = "yyyy-mm-dd";
      if (Object.keys(style).length) styles.push({ range: column(2 + i), style });
    });
  }

  const dropdowns: DropdownSpec[] =
    recs.length === 0
      ? []
      : columns.flatMap((c, i): DropdownSpec[] => {
          if (c.role === "acceptance") return [{ range: column(2 + i), values: [...ACCEPTANCES], prompt: "Choose Accepted, Partially accepted, Rejected, No response or Not applicable." }];
          if (c.role === "status" || c.role === "followUp") return [{ range: column(2 + i), values: [...STATUSES], prompt: "Choose Not started, Planned, Under implementation, Implemented or Not implemented." }];
          return [];
        });

  const marker = partMarker(book, round, unit, recs, options.made);
  const markerRow = cells[0];
  while (markerRow.length < width) markerRow.push("");
  const markerValues = markerCells(marker);
  markerRow.push(...markerValues);
  const hiddenColumns = markerValues.map((_, i) => width + i);

  const columnWidths = [NUMBER_WIDTH, TEXT_WIDTH, ...columns.map((c) => WIDTHS[c.role] ?? 18)];
  const spec: SheetSpec = {
    name: options.name,
    cells,
    styles,
    merges: lines.map((_, i) => ({ top: firstLine + i, left: 0, bottom: firstLine + i, right: last })),
    columnWidths,
    freezeRows: headerRow + 1,
    dropdowns,
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: headerRow, last: headerRow } },
    protection: { unlocked: recs.length === 0 ? [] : columns.flatMap((c, i) => (isEditable(c) ? [column(2 + i)] : [])) },
    hiddenColumns,
  };
  // Wrapped rows tall enough for their text; the instruction lines span the whole table's width.
  const heights = wrappedRowHeights({ ...spec, styles: styles.filter((s) => s.range.top >= headerRow) });
  const perLine = Math.floor(columnWidths.reduce((a, b) => a + b, 0) * 1.1);
  lines.forEach((l, i) => {
    const n = Math.ceil(l.length / perLine);
    heights[firstLine + i] = n > 1 ? n * 15 : 0;
  });
  spec.rowHeights = Array.from({ length: cells.length }, (_, r) => heights[r] ?? 0);
  return spec;
}

/** The hidden marker: evaluation, unit, round, the recommendations' digest, and the digest of every answer as sent. */
function partMarker(book: RoundTripBook, round: Round, unit: Unit, recs: readonly Recommendation[], made: string): Marker {
  return {
    v: 1,
    evaluation: book.matrix.title,
    unit: unit.code,
    round: round.id,
    digest: recommendationsDigest(recs.map((r) => [r.number, r.text])),
    made,
    recommendations: recs.map((rec) => {
      const row = book.rowOf.get(answerKey(rec.number, unit.code));
      const b: Record<string, string> = {};
      for (const c of book.columns) b[columnKey(c)] = answerDigest(comparable(c.role, bookValue(book, row, c.col)));
      return { n: rec.number, t: textDigest(rec.text), b };
    }),
  };
}

/** Digest of a recommendation's text as shown (tags stripped, white space folded). */
export function textDigest(text: string): string {
  return digest(displayText(text));
}

/** Digest of a list of recommendations (number and text, in order). */
export function recommendationsDigest(recs: readonly (readonly [string, string])[]): string {
  return digest(recs.map(([n, t]) => `${n}\u0001${displayText(t)}`).join("\u0002"));
}
