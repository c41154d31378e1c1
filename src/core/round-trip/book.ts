/**
 * The workbook as the round trip with the units sees it (SPEC section 9): the canonical `Responses` sheet, its
 * answer columns, the rounds it can be split for (the response, then one per follow-up status column), and
 * where each unit's answer to each recommendation sits.
 */

import { cellAt, isBlank, type Sheet, type Workbook } from "../grid";
import { headerPeriod, type Role } from "../headers";
import { LAYOUT_ID as CANONICAL, canonicalResponsesSheet } from "../layouts/canonical";
import { LayoutError } from "../layouts/errors";
import { layoutName } from "../layouts/index";
import { tableHeader } from "../layouts/blocks";
import type { Recommendation, ResponseMatrix, Unit } from "../model";
import { readWorkbook } from "../read";
import { joinWithAnd, normalizeKey } from "../text";
import { UnitDirectory } from "../units";
import { isPartSheet } from "./marker";

/** A workbook or part that the round trip cannot use, with a sentence saying why and what to do. */
export class RoundTripError extends LayoutError {
  constructor(message: string) {
    super(message);
    this.name = "RoundTripError";
  }
}

/** The id of the first round, when units answer the recommendations. */
export const RESPONSE_ROUND = "response";

/** What a unit fills in the response round. */
export const RESPONSE_ROLES: readonly Role[] = ["acceptance", "action", "responsible", "budget", "targetDate", "comments"];
/** What a unit fills in a follow-up round besides that period's status column (role `followUp`). */
export const FOLLOW_UP_ROLES: readonly Role[] = ["followUp", "evidence", "comments"];

/** Roles of the Responses columns a part shows (number and unit are given once per row and once per part). */
const SHOWN_ROLES: ReadonlySet<Role> = new Set<Role>([
  "acceptance", "action", "responsible", "budget", "targetDate", "status", "followUp", "comments", "evidence", "responseDate",
]);

/** A column of the Responses sheet that a part shows. */
export interface AnswerColumn {
  role: Role;
  header: string;
  /** Column on the Responses sheet. */
  col: number;
  /** For a follow-up status column, the period it names (`6 months`), which is the id of its round. */
  period: string | null;
}

/** A round of the round trip: the response, or the status update at one follow-up period. */
export interface Round {
  /** `response`, or the period (`6 months`, `1 year`). */
  id: string;
  /** In a sentence: "the response", "the 6 months follow-up". */
  name: string;
  /** Order of the rounds: the response first, then the follow-up columns left to right. */
  rank: number;
  /** The follow-up status column a follow-up round fills; null for the response. */
  column: AnswerColumn | null;
}

export interface RoundTripBook {
  matrix: ResponseMatrix;
  /** The Responses sheet. */
  sheet: Sheet;
  headerRow: number;
  numberCol: number;
  unitCol: number;
  /** Answer columns, left to right. */
  columns: AnswerColumn[];
  rounds: Round[];
  /** The first Responses row of each recommendation and unit (see `answerKey`). */
  rowOf: Map<string, number>;
  /** The row under the last non-blank row of Responses: where rows for new answers go. */
  nextRow: number;
  recommendations: Map<string, Recommendation>;
  units: Map<string, Unit>;
  directory: UnitDirectory;
}

/** Key of one unit's answer to one recommendation. */
export function answerKey(recommendation: string, unit: string): string {
  return `${recommendation}\u0000${unit}`;
}

/** How a column is named in a part's marker: its role, or `@` and the period for a follow-up status column. */
export function columnKey(column: Pick<AnswerColumn, "role" | "period">): string {
  return column.role === "followUp" ? `@${column.period}` : column.role;
}

/** The Responses columns a unit fills in a round (those of its roles the workbook has). */
export function roundColumns(book: RoundTripBook, round: Round): AnswerColumn[] {
  const roles = roundRoles(round);
  return book.columns.filter((c) => (c.role === "followUp" ? c === round.column : roles.includes(c.role)));
}

/** The roles a unit fills in a round (in a follow-up round, `followUp` stands for that period's column). */
export function roundRoles(round: Round): readonly Role[] {
  return round.column ? FOLLOW_UP_ROLES : RESPONSE_ROLES;
}

/** The workbook without the unit parts and their marker (prepared unit sheets are not part of the matrix). */
export function withoutParts(workbook: Workbook): Workbook {
  return workbook.sheets.some(isPartSheet) ? { ...workbook, sheets: workbook.sheets.filter((s) => !isPartSheet(s)) } : workbook;
}

/**
 * Reads the workbook for splitting or merging. Throws RoundTripError with a sentence when it is not the canonical
 * workbook (Units, Recommendations, Responses) or says nowhere whom the recommendations are addressed to.
 */
export function readRoundTripBook(workbook: Workbook): RoundTripBook {
  const input = withoutParts(workbook);
  let matrix: ResponseMatrix;
  try {
    // The "as of" date matters only to the rules; a fixed one keeps this pure.
    matrix = readWorkbook(input, { asOf: "2000-01-01" });
  } catch (e) {
    if (e instanceof LayoutError) throw new RoundTripError(e.message);
    throw e;
  }
  const sheet = canonicalResponsesSheet(input);
  const map = sheet && tableHeader(sheet, ["number", "unit", "acceptance"]);
  if (matrix.layout !== CANONICAL || !sheet || !map) {
    throw new RoundTripError(
      `Unit parts are made from, and merged into, the response matrix workbook (sheets Units, Recommendations and Responses); ` +
        `this workbook was read as ${layoutName(matrix.layout)}. Create the template, copy the recommendations and answers into it, then try again.`,
    );
  }
  if (!matrix.explicitAddressing) {
    throw new RoundTripError(
      `The workbook has no Recommendations sheet saying whom each recommendation is addressed to, so it cannot be split by unit. ` +
        `Add the Recommendations sheet (No., Recommendation, Addressed to), then try again.`,
    );
  }

  const columns: AnswerColumn[] = [];
  for (const [role, col] of Object.entries(map.roles) as [Role, number][]) {
    if (SHOWN_ROLES.has(role)) columns.push({ role, header: map.headers[col], col, period: null });
  }
  for (const col of map.followUps) {
    columns.push({ role: "followUp", header: map.headers[col], col, period: headerPeriod(map.headers[col])?.label ?? map.headers[col] });
  }
  columns.sort((a, b) => a.col - b.col);

  const rounds: Round[] = [{ id: RESPONSE_ROUND, name: "the response", rank: 0, column: null }];
  for (const column of columns) {
    if (column.role !== "followUp" || rounds.some((r) => r.id === column.period)) continue;
    rounds.push({ id: column.period!, name: `the ${column.period} follow-up`, rank: rounds.length, column });
  }

  const rowOf = new Map<string, number>();
  for (const r of matrix.responses) {
    if (r.number === null || r.unit === null) continue;
    const key = answerKey(r.number, r.unit);
    if (!rowOf.has(key)) rowOf.set(key, r.row);
  }
  let last = sheet.rows.length - 1;
  while (last > map.headerRow && (sheet.rows[last] ?? []).every((v) => isBlank(v))) last--;

  const recommendations = new Map<string, Recommendation>();
  for (const rec of matrix.recommendations) if (!recommendations.has(rec.number)) recommendations.set(rec.number, rec);

  return {
    matrix,
    sheet,
    headerRow: map.headerRow,
    numberCol: map.roles.number!,
    unitCol: map.roles.unit!,
    columns,
    rounds,
    rowOf,
    nextRow: last + 1,
    recommendations,
    units: new Map(matrix.units.map((u) => [u.code, u])),
    directory: new UnitDirectory(matrix.units),
  };
}

const RESPONSE_WORDS = new Set(["response", "responses", "management response", "reponse", "reponses", "reponse de la direction"]);

/** The round a user named (`response`, `6 months`, `one year` ...); throws RoundTripError naming the rounds there are. */
export function roundNamed(book: RoundTripBook, text: string): Round {
  const key = normalizeKey(text);
  if (RESPONSE_WORDS.has(key)) return book.rounds[0];
  const period = headerPeriod(text);
  const found = period && book.rounds.find((r) => r.column && samePeriod(r.id, period.label));
  if (found) return found;
  const names = book.rounds.map((r) => (r.id === RESPONSE_ROUND ? r.id : `"${r.id}"`));
  throw new RoundTripError(
    `There is no round "${text}" in this workbook: its Responses sheet has ${book.rounds.length > 1 ? "follow-up status columns for " + joinWithAnd(book.rounds.slice(1).map((r) => r.id)) : "no follow-up status column"}. ` +
      `Choose ${joinWithAnd(names, "or")}.`,
  );
}

/** A follow-up period in a sentence: `at 6 months`, `in 2025` (a period that names a year). */
export function atPeriod(period: string): string {
  return /^\d{4}$/.test(period) ? `in ${period}` : `at ${period}`;
}

/** Whether two period labels name the same period (`12 months` and `1 year` do). */
export function samePeriod(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = headerPeriod(`status ${a}`);
  const pb = headerPeriod(`status ${b}`);
  if (!pa || !pb) return normalizeKey(a) === normalizeKey(b);
  return pa.months !== null ? pa.months === pb.months : pa.year !== null && pa.year === pb.year;
}

/** The round of a part's marker in this workbook, or null when the workbook has no such round. */
export function roundOfId(book: RoundTripBook, id: string): Round | null {
  if (id === RESPONSE_ROUND) return book.rounds[0];
  return book.rounds.find((r) => r.column && samePeriod(r.id, id)) ?? null;
}

/** A cell of the Responses sheet. */
export function bookCell(book: RoundTripBook, row: number, col: number) {
  return cellAt(book.sheet, row, col);
}
