/**
 * Merge (SPEC section 9): the answers of returned parts into `Responses` (or the round's follow-up status column),
 * matched by recommendation and unit, never by row position.
 *
 * All parts are weighed together, cell by cell, so the result does not depend on their order. For each answer
 * cell of the round, a part's value counts only when it says something new: not blank, not what the workbook
 * already holds, and not the value the part was sent with (the marker keeps its digest: an older copy, or a
 * cell the unit left alone, never undoes a newer answer). Then:
 * - the workbook's cell is blank: the value is added;
 * - the workbook's cell is still what the part was sent with: the unit changed its own answer, which is taken;
 * - otherwise (the workbook changed too, or two parts disagree): a conflict, listed with every value and left
 *   as the workbook has it, unless taken (`--take parts`, or the choice made for it in the task pane).
 * A blank in a part never clears an answer.
 */

import { a1, isBlank, type CellValue, type Workbook } from "../grid";
import { isAddressed } from "../matrix";
import { normalizeKey } from "../text";
import { comparable } from "./answers";
import {
  answerKey,
  atPeriod,
  bookCell,
  columnKey,
  readRoundTripBook,
  roundColumns,
  roundNamed,
  roundOfId,
  type AnswerColumn,
  type Round,
  type RoundTripBook,
} from "./book";
import { answerDigest, digest } from "./digest";
import { capitalised, readParts, type PartColumn, type PartRow, type PartSource, type ReadPart } from "./parts";
import { recommendationsDigest, textDigest } from "./split";

/** One cell to set on a sheet of the workbook (0-based). */
export interface CellChange {
  sheet: string;
  row: number;
  col: number;
  value: CellValue;
  /** The cell is a date column's (a number is then an Excel date serial). */
  date?: boolean;
}

/** Something said about a part: a refused row, or a warning; `cell` is on the part's sheet. */
export interface PartNote {
  kind: "refused" | "warning";
  sentence: string;
  cell: string | null;
}

export interface RowCounts {
  added: number;
  changed: number;
  unchanged: number;
  conflicting: number;
  refused: number;
}

/** What happened to one part. */
export interface PartLog extends RowCounts {
  /** The file (or workbook) it came from. */
  source: string;
  sheet: string | null;
  /** How sentences name it. */
  name: string;
  /** The unit's code, when the part says one. */
  unit: string | null;
  /** Responses cells written from this part (A1). */
  cells: string[];
  /** Why the whole part was refused, or null. */
  refusedBecause: string | null;
  notes: PartNote[];
}

/** One value parts propose for a cell, and the parts proposing it. */
export interface Proposal {
  value: CellValue;
  /** As compared (`Accepted`, a date's day). */
  text: string;
  from: { name: string; unit: string; cell: string }[];
}

export interface Conflict {
  /** Identifies the conflict and the workbook's value it is about (a choice made for it applies to nothing else). */
  key: string;
  recommendation: string;
  unit: string;
  header: string;
  /** The Responses cell (A1). */
  cell: string;
  book: CellValue;
  bookText: string;
  proposals: Proposal[];
  /** What was done: the workbook's value kept, or a part's taken. */
  taken: Proposal | null;
  /** True once decided: a part's value taken, or the workbook's kept by a choice. */
  decided: boolean;
}

/** A choice made for a conflict: keep the workbook's value, or take one of the parts'. */
export interface ConflictChoice {
  key: string;
  /** The chosen value, as compared (`Conflict.bookText` to keep, or a proposal's `text`). */
  text: string;
}

export interface MergeOptions {
  /** `parts`: a conflict with one value from the parts takes it. */
  take?: "parts";
  choices?: readonly ConflictChoice[];
  /** The round to merge; by default the latest round among the parts. */
  round?: string;
}

export interface MergeResult {
  evaluation: string;
  responsesSheet: string;
  /** The round merged; null when no part could be merged. */
  round: Round | null;
  changes: CellChange[];
  /**
   * The rows added under the last row of Responses for answers it had no row for (0-based, first to last), or
   * null; `left` and `right` are the columns of the Responses header (its first and last non-blank cell), `header`
   * its row. The shells make the rows part of the Responses table when it ends just above them, and style them like
   * the row above when it is an answer row (not the header).
   */
  addedRows: { first: number; last: number; left: number; right: number; header: number } | null;
  parts: PartLog[];
  conflicts: Conflict[];
  totals: RowCounts;
}

interface Candidate {
  part: ReadPart;
  log: PartLog;
  unit: string;
  round: Round;
}

/** A value one part row proposes for one answer cell. */
interface Offer {
  candidate: Candidate;
  row: PartRow;
  /** The column on the part's sheet. */
  col: number;
  value: CellValue;
  text: string;
  /** Digest of the value the part was sent with; null when the part did not carry one. */
  sent: string | null;
  /** What became of it: it said nothing new, was written, or is part of a conflict (taken or not). */
  fate: "none" | "written" | "conflict";
}

/** The offers of one matched part row, for counting the row as added, changed, conflicting or unchanged. */
interface RowOffers {
  candidate: Candidate;
  recommendation: string;
  offers: Offer[];
}

/** One answer cell of the round: a unit's answer to a recommendation, in one column. */
interface Target {
  recommendation: string;
  unit: string;
  column: AnswerColumn;
  offers: Offer[];
}

type Outcome = { kind: "none" } | { kind: "written"; value: CellValue; by: Offer[] } | { kind: "conflict"; conflict: Conflict; takenBy: Offer[] };

function emptyLog(name: string, source: string, sheet: string | null, unit: string | null): PartLog {
  return { source, sheet, name, unit, added: 0, changed: 0, unchanged: 0, conflicting: 0, refused: 0, cells: [], refusedBecause: null, notes: [] };
}

/** Merges the parts into the workbook: cell changes, a log per part, and the conflicts. Throws RoundTripError when the workbook cannot take them. */
export function mergeParts(workbook: Workbook, sources: readonly PartSource[], options: MergeOptions = {}): MergeResult {
  const book = readRoundTripBook(workbook);
  const logs: PartLog[] = [];
  const candidates: Candidate[] = [];
  for (const source of sources) {
    for (const reading of readParts(source)) {
      if (reading.kind === "unreadable") {
        const log = emptyLog(reading.name, source.source, reading.sheet, null);
        log.refusedBecause = reading.sentence;
        logs.push(log);
        continue;
      }
      const candidate = admit(book, reading.part);
      logs.push(candidate.log);
      if (candidate.round) candidates.push(candidate as Candidate);
    }
  }

  const round = options.round !== undefined ? roundNamed(book, options.round) : latest(candidates.map((c) => c.round));
  const merging = candidates.filter((c) => {
    if (round && c.round === round) return true;
    refuseWhole(c.log, c.part.rows.length, `${capitalised(c.log.name)} is ${c.unit}'s part for ${c.round.name}, but the parts merged now are for ${round?.name}, so it was not merged. Merge it on its own if it is meant.`);
    return false;
  });

  const targets = new Map<string, Target>();
  const matched: RowOffers[] = [];
  const columns = round ? roundColumns(book, round) : [];
  for (const c of merging) collectOffers(book, c, columns, targets, matched);
  const outcomes = resolve(book, targets, options);
  const { changes, addedRows } = writeChanges(book, outcomes);
  countRows(book, matched, columns);

  const conflicts = sortedConflicts(book, outcomes);
  const totals: RowCounts = { added: 0, changed: 0, unchanged: 0, conflicting: 0, refused: 0 };
  for (const log of logs) for (const k of Object.keys(totals) as (keyof RowCounts)[]) totals[k] += log[k];
  return { evaluation: book.matrix.title, responsesSheet: book.sheet.name, round, changes, addedRows, parts: logs, conflicts, totals };
}

/** The conflicts in the order of the Recommendations and Units sheets, then of the columns (never of the parts). */
function sortedConflicts(book: RoundTripBook, outcomes: Map<Target, Outcome>): Conflict[] {
  const recOrder = new Map(book.matrix.recommendations.map((r, i) => [r.number, i]));
  const unitOrder = new Map(book.matrix.units.map((u, i) => [u.code, i]));
  const list = [...outcomes].flatMap(([target, o]) => (o.kind === "conflict" ? [{ target, conflict: o.conflict }] : []));
  list.sort(
    (a, b) =>
      (recOrder.get(a.target.recommendation) ?? 0) - (recOrder.get(b.target.recommendation) ?? 0) ||
      (unitOrder.get(a.target.unit) ?? 0) - (unitOrder.get(b.target.unit) ?? 0) ||
      a.target.column.col - b.target.column.col,
  );
  return list.map((x) => x.conflict);
}

/** The latest of the rounds (the response first, then the follow-ups left to right), or null. */
function latest(rounds: Round[]): Round | null {
  return rounds.reduce<Round | null>((best, r) => (best === null || r.rank > best.rank ? r : best), null);
}

function refuseWhole(log: PartLog, rows: number, sentence: string): void {
  log.refusedBecause = sentence;
  log.refused = rows;
}

/** Checks a part against the workbook: its evaluation, unit and round. A refused part has no round. */
function admit(book: RoundTripBook, part: ReadPart): Omit<Candidate, "round"> & { round: Round | null } {
  const m = part.marker;
  const unit = book.directory.resolve(m.unit);
  const log = emptyLog(part.name, part.source.source, part.sheet, unit ?? m.unit);
  const refused = (sentence: string) => {
    refuseWhole(log, part.rows.length, sentence);
    return { part, log, unit: unit ?? m.unit, round: null };
  };
  if (!sameEvaluation(book, part)) {
    return refused(`${capitalised(part.name)} is a part of "${m.evaluation}", not of this workbook's evaluation "${book.matrix.title}", so it was not merged.`);
  }
  if (unit === null) {
    return refused(
      `${capitalised(part.name)} is the part of ${m.unit}, a unit the workbook's Units sheet does not list, so it was not merged. ` +
        `Add ${m.unit} to Units (or as another unit's alias), then merge again.`,
    );
  }
  const round = roundOfId(book, m.round);
  if (!round) {
    return refused(
      `${capitalised(part.name)} is ${unit}'s part for the status ${atPeriod(m.round)}, but the Responses sheet has no status column for that period, so it was not merged. ` +
        `Add a "Status ${atPeriod(m.round)}" column to Responses, then merge again.`,
    );
  }
  if (!part.marker.recommendations.some((r) => { const rec = book.recommendations.get(r.n); return rec !== undefined && isAddressed(rec, unit); })) {
    return refused(`None of the recommendations of ${part.name} is addressed to ${unit} in the workbook any more, so it was not merged. Check "Addressed to" in Recommendations.`);
  }
  return { part, log, unit, round };
}

/** Same evaluation: the same title, or (a workbook saved under another name, without a Title cell) the same recommendations. */
function sameEvaluation(book: RoundTripBook, part: ReadPart): boolean {
  const m = part.marker;
  if (normalizeKey(m.evaluation) === normalizeKey(book.matrix.title)) return true;
  const recs = m.recommendations.map((r) => book.recommendations.get(r.n));
  return recs.every((r) => r !== undefined) && recommendationsDigest(recs.map((r) => [r!.number, r!.text])) === m.digest;
}

/** The part's column for a Responses column: the same role, and for a follow-up status the same period. */
function partColumn(part: ReadPart, column: AnswerColumn): PartColumn | undefined {
  return part.columns.find((c) => c.role === column.role && (c.role !== "followUp" || c.period === column.period));
}

/** The recommendation a part row answers: its number, or (number lost) the recommendation whose text it shows. */
function recommendationOf(book: RoundTripBook, row: PartRow): string | null {
  if (row.number !== null) return row.number;
  if (row.text === "") return null;
  const matches = [...book.recommendations.values()].filter((r) => r.text === row.text);
  return matches.length === 1 ? matches[0].number : null;
}

function note(log: PartLog, kind: PartNote["kind"], sentence: string, cell: string | null): void {
  log.notes.push({ kind, sentence, cell });
  if (kind === "refused") log.refused++;
}

/** The row values of the round's columns (`cols`: the part's column of each), as compared: equal for rows that say the same. */
function signature(row: PartRow, columns: readonly AnswerColumn[], cols: readonly (PartColumn | undefined)[]): string {
  return columns.map((c, i) => (cols[i] ? comparable(c.role, row.values[cols[i]!.col] ?? "") : "")).join("\u0001");
}

/** Adds the part's offers for the round's cells to `targets`; refuses the rows it cannot match, warns about edited texts and locked cells. */
function collectOffers(book: RoundTripBook, c: Candidate, columns: readonly AnswerColumn[], targets: Map<string, Target>, matched: RowOffers[]): void {
  const { part, log, unit, round } = c;
  const sent = new Map(part.marker.recommendations.map((r) => [r.n, r]));
  const cols = columns.map((column) => partColumn(part, column));
  const shown = book.columns.map((column) => partColumn(part, column));
  const signatures = new Map(part.rows.map((row) => [row, signature(row, columns, cols)]));
  const byRecommendation = new Map<string, PartRow[]>();
  const unmatched: PartRow[] = [];
  for (const row of part.rows) {
    const number = recommendationOf(book, row);
    if (number === null) {
      unmatched.push(row);
      continue;
    }
    byRecommendation.set(number, [...(byRecommendation.get(number) ?? []), row]);
  }
  const empty = columns.map(() => "").join("\u0001");
  for (const row of unmatched) {
    if (signatures.get(row) === empty) continue; // a note under the table, nothing to merge
    note(log, "refused", `Row ${row.row + 1} of ${part.name} has answers but no recommendation number, so they could not be matched and were not merged. Put the answers on the row of their recommendation.`, a1(row.row, part.numberCol));
  }

  for (const [number, rows] of byRecommendation) {
    const where = a1(rows[0].row, part.numberCol);
    const rec = book.recommendations.get(number);
    if (!rec) {
      for (const row of rows) note(log, "refused", `Recommendation ${number} (row ${row.row + 1} of ${part.name}) is not in the workbook's Recommendations sheet, so its answers were not merged. Check the number with ${unit}.`, a1(row.row, part.numberCol));
      continue;
    }
    if (!isAddressed(rec, unit)) {
      for (const row of rows) {
        note(log, "refused", `Recommendation ${number} is not addressed to ${unit} in the workbook, so ${unit}'s answer on row ${row.row + 1} of ${part.name} was not merged. If it should be, add ${unit} to its "Addressed to", then merge again.`, a1(row.row, part.numberCol));
      }
      continue;
    }
    // The same recommendation on several rows (a row copied or inserted): one answer, or none if they differ.
    const answered = [...new Set(rows.map((r) => signatures.get(r)!).filter((s) => s !== empty))];
    if (answered.length > 1) {
      for (const row of rows) {
        note(log, "refused", `Recommendation ${number} appears on rows ${rows.map((r) => r.row + 1).join(" and ")} of ${part.name} with different answers, so none of them was merged. Keep one row and merge the part again.`, a1(row.row, part.numberCol));
      }
      continue;
    }
    const row = rows.find((r) => signatures.get(r) !== empty) ?? rows[0];
    log.unchanged += rows.length - 1;
    const mine: RowOffers = { candidate: c, recommendation: number, offers: [] };
    matched.push(mine);
    const was = sent.get(number);

    if (part.textCol !== null && row.text !== "" && was && textDigest(row.text) !== was.t) {
      note(log, "warning", `The text of recommendation ${number} was changed in ${part.name} (${a1(row.row, part.textCol)}); the workbook keeps its own text and ${unit}'s answers were merged. Check that they still fit the recommendation.`, a1(row.row, part.textCol));
    } else if (was && bookTextDigest(book, rec.text) !== was.t) {
      note(log, "warning", `Recommendation ${number} was reworded in the workbook after ${part.name} was made, so ${unit} answered the earlier text; its answers were merged. Check that they still fit.`, where);
    }

    for (const [i, column] of book.columns.entries()) {
      const pc = shown[i];
      if (!pc) continue;
      const value = row.values[pc.col] ?? "";
      const text = comparable(column.role, value);
      const sentDigest = was ? (was.b[columnKey(column)] ?? null) : null;
      if (!columns.includes(column)) {
        // A locked cell changed (the protection was removed, or answers pasted over it): said, not merged.
        if (sentDigest !== null && answerDigest(text) !== sentDigest) {
          note(log, "warning", `${column.header} of recommendation ${number} was changed in ${part.name} (${a1(row.row, pc.col)}), but it is not filled in ${round.name}, so the change was not merged.`, a1(row.row, pc.col));
        }
        continue;
      }
      const key = `${answerKey(number, unit)}\u0000${column.col}`;
      let target = targets.get(key);
      if (!target) targets.set(key, (target = { recommendation: number, unit, column, offers: [] }));
      const offer: Offer = { candidate: c, row, col: pc.col, value, text, sent: sentDigest, fate: "none" };
      target.offers.push(offer);
      mine.offers.push(offer);
    }
  }
}

/** Digests of the workbook's recommendation texts, made once for all the parts. */
const textDigests = new WeakMap<RoundTripBook, Map<string, string>>();

function bookTextDigest(book: RoundTripBook, text: string): string {
  let known = textDigests.get(book);
  if (!known) textDigests.set(book, (known = new Map()));
  let d = known.get(text);
  if (d === undefined) known.set(text, (d = textDigest(text)));
  return d;
}

/** Decides every answer cell: written, a conflict, or nothing to do. */
function resolve(book: RoundTripBook, targets: Map<string, Target>, options: MergeOptions): Map<Target, Outcome> {
  const choices = new Map((options.choices ?? []).map((c) => [c.key, c.text]));
  const outcomes = new Map<Target, Outcome>();
  for (const target of targets.values()) {
    const row = book.rowOf.get(answerKey(target.recommendation, target.unit));
    const current = row === undefined ? "" : bookCell(book, row, target.column.col);
    const currentText = comparable(target.column.role, current);
    // Offers that say something new: not blank, not the workbook's value, not the value the part was sent with.
    const news = target.offers.filter((o) => o.text !== "" && o.text !== currentText && (o.sent === null || answerDigest(o.text) !== o.sent));
    if (news.length === 0) {
      outcomes.set(target, { kind: "none" });
      continue;
    }
    const agreed = news.every((o) => o.text === news[0].text);
    const untouched = currentText === "" || news.every((o) => o.sent === answerDigest(currentText));
    if (agreed && untouched) {
      for (const o of news) o.fate = "written";
      outcomes.set(target, { kind: "written", value: oneValue(news), by: news });
      continue;
    }
    for (const o of news) o.fate = "conflict";
    const proposals = proposalsOf(news);
    const key = `${target.recommendation}\u0000${target.unit}\u0000${columnKey(target.column)}\u0000${digest(currentText)}`;
    const chosen = choices.get(key);
    const taken = chosen !== undefined ? (proposals.find((p) => p.text === chosen) ?? null) : options.take === "parts" && proposals.length === 1 ? proposals[0] : null;
    const conflict: Conflict = {
      key,
      recommendation: target.recommendation,
      unit: target.unit,
      header: target.column.header,
      cell: row === undefined ? "" : a1(row, target.column.col),
      book: current,
      bookText: currentText,
      proposals,
      taken,
      decided: taken !== null || chosen === currentText,
    };
    outcomes.set(target, { kind: "conflict", conflict, takenBy: taken ? news.filter((o) => o.text === taken.text) : [] });
  }
  return outcomes;
}

/** One of the values offers agree on, always the same (two parts may write one answer differently: a date as a date or as text). */
function oneValue(offers: readonly Offer[]): CellValue {
  if (offers.length === 1) return offers[0].value;
  return offers.map((o) => o.value).sort((a, b) => (`${typeof a}${String(a)}` < `${typeof b}${String(b)}` ? -1 : 1))[0];
}

/** The distinct values offered, in a fixed order (so the result does not depend on the order of the parts). */
function proposalsOf(offers: Offer[]): Proposal[] {
  const byText = new Map<string, Offer[]>();
  for (const o of offers) byText.set(o.text, [...(byText.get(o.text) ?? []), o]);
  return [...byText.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([text, list]) => {
      const from = list.map((o) => ({ name: o.candidate.log.name, unit: o.candidate.unit, cell: a1(o.row.row, o.col) })).sort((a, b) => (a.name + a.cell < b.name + b.cell ? -1 : 1));
      return { value: oneValue(list), text, from };
    });
}

/**
 * The cell changes: into the existing row of each recommendation and unit, or into new rows under the table (in the
 * order of the Recommendations and Units sheets) for answers the workbook has no row for. Logs the cells per part.
 */
function writeChanges(book: RoundTripBook, outcomes: Map<Target, Outcome>): { changes: CellChange[]; addedRows: MergeResult["addedRows"] } {
  const written: { target: Target; value: CellValue; by: Offer[] }[] = [];
  for (const [target, o] of outcomes) {
    if (o.kind === "written") written.push({ target, value: o.value, by: o.by });
    else if (o.kind === "conflict" && o.conflict.taken) written.push({ target, value: o.conflict.taken.value, by: o.takenBy });
  }
  const recOrder = new Map(book.matrix.recommendations.map((r, i) => [r.number, i]));
  const unitOrder = new Map(book.matrix.units.map((u, i) => [u.code, i]));
  const newKeys = [
    ...new Set(written.filter((w) => !book.rowOf.has(answerKey(w.target.recommendation, w.target.unit))).map((w) => answerKey(w.target.recommendation, w.target.unit))),
  ];
  const place = new Map(
    newKeys.map((key) => {
      const [rec, unit] = key.split("\u0000");
      return [key, (recOrder.get(rec) ?? 0) * (unitOrder.size + 1) + (unitOrder.get(unit) ?? 0)];
    }),
  );
  newKeys.sort((a, b) => place.get(a)! - place.get(b)!);
  const newRow = new Map(newKeys.map((k, i) => [k, book.nextRow + i]));
  const sheet = book.sheet.name;
  const changes: CellChange[] = [];
  const cellsOf = new Map<PartLog, { row: number; col: number }[]>();
  for (const key of newKeys) {
    const [rec, unit] = key.split("\u0000");
    changes.push({ sheet, row: newRow.get(key)!, col: book.numberCol, value: rec }, { sheet, row: newRow.get(key)!, col: book.unitCol, value: unit });
  }
  for (const w of written) {
    const key = answerKey(w.target.recommendation, w.target.unit);
    const row = book.rowOf.get(key) ?? newRow.get(key)!;
    const date = w.target.column.role === "targetDate" || w.target.column.role === "responseDate";
    changes.push({ sheet, row, col: w.target.column.col, value: w.value, ...(date ? { date } : {}) });
    for (const [i, o] of w.by.entries()) {
      const log = o.candidate.log;
      if (w.by.findIndex((x) => x.candidate.log === log) !== i) continue; // one part offering it twice
      const list = cellsOf.get(log) ?? [];
      list.push({ row, col: w.target.column.col });
      cellsOf.set(log, list);
    }
  }
  // Conflicts on new rows get their cell now that the rows are placed.
  for (const [target, o] of outcomes) {
    if (o.kind !== "conflict" || o.conflict.cell !== "") continue;
    const row = newRow.get(answerKey(target.recommendation, target.unit));
    o.conflict.cell = row === undefined ? "" : a1(row, target.column.col);
  }
  for (const [log, cells] of cellsOf) log.cells = cells.sort((a, b) => a.row - b.row || a.col - b.col).map((c) => a1(c.row, c.col));
  const header = book.sheet.rows[book.headerRow] ?? [];
  const headed = header.flatMap((v, c) => (isBlank(v) ? [] : [c]));
  const addedRows = newKeys.length ? { first: book.nextRow, last: book.nextRow + newKeys.length - 1, left: headed[0], right: headed[headed.length - 1], header: book.headerRow } : null;
  return { changes: changes.sort((a, b) => a.row - b.row || a.col - b.col), addedRows };
}

/** Counts each matched part row as added, changed, conflicting or unchanged. */
function countRows(book: RoundTripBook, matched: readonly RowOffers[], columns: readonly AnswerColumn[]): void {
  for (const { candidate, recommendation, offers } of matched) {
    const log = candidate.log;
    if (offers.some((o) => o.fate === "conflict")) log.conflicting++;
    else if (offers.some((o) => o.fate === "written")) {
      const existing = book.rowOf.get(answerKey(recommendation, candidate.unit));
      const hadAnswer = existing !== undefined && columns.some((c) => comparable(c.role, bookCell(book, existing, c.col)) !== "");
      if (hadAnswer) log.changed++;
      else log.added++;
    } else log.unchanged++;
  }
}
