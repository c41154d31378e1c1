/**
 * One workbook as the tracker keeps it (SPEC section 10): its counts, its open recommendations and its units,
 * computed from the response matrix and its findings and nothing else, so that the matrix can be let go before the
 * next workbook is read. Plain data (no maps, no functions): it can cross from a worker thread as it is.
 *
 * Every figure counts (recommendation, unit) pairs the way the Section 0 summary does (SPEC 6): each unit a
 * recommendation is addressed to counts once, with its first response row; an addressed unit with no usable answer
 * counts as No response.
 */

import { isOverdue, latestStatus, latestStatusCell } from "../matrix";
import type { Finding, Recommendation, Response, ResponseMatrix, StatusCell } from "../model";
import { answerOf, firstResponses, recommendationSentence } from "../summary/acceptance";
import { countBySeverity } from "../validate";
import { displayText, joinWithAnd } from "../text";

/** Counts of (recommendation, unit) pairs. */
export interface Tally {
  /** Pairs whose recommendation is addressed to the unit: the denominator of the acceptance rate. */
  addressed: number;
  /** Addressed pairs answered Accepted, Partially accepted or Rejected. */
  answers: number;
  /** Addressed pairs answered Accepted or Partially accepted: the denominator of % implemented. */
  accepting: number;
  /** Accepting pairs whose latest status is Implemented. */
  implemented: number;
  /** Accepting pairs the `overdue` rule finds late. */
  overdue: number;
}

/** Zero counts. */
export function emptyTally(): Tally {
  return { addressed: 0, answers: 0, accepting: 0, implemented: 0, overdue: 0 };
}

/** Adds `b` into `a`. */
export function addTally(a: Tally, b: Tally): void {
  a.addressed += b.addressed;
  a.answers += b.answers;
  a.accepting += b.accepting;
  a.implemented += b.implemented;
  a.overdue += b.overdue;
}

/** An accepted or partially accepted (recommendation, unit) whose latest status is not Implemented. */
export interface OpenRecommendation {
  number: string;
  /** First sentence of the recommendation. */
  text: string;
  /** The unit's code in its own workbook (the tracker maps it to the unit across workbooks). */
  unit: string;
  acceptance: "Accepted" | "Partially accepted";
  action: string;
  responsible: string;
  /** Serial number when a date, the text as written when not one, "" when blank. */
  targetDate: number | string;
  /** Days past the target date on the "as of" date, when the `overdue` rule finds it late; else null. */
  daysOverdue: number | null;
  /** The latest status as a word (`Under implementation`, `Open (O)`, the text as written), or `No status`. */
  latestStatus: string;
  /** The period of the column the latest status is in (`6 months`), else that column's header; "" when none. */
  period: string;
  /** Follow-up periods whose update is due and blank (`update-due` notes), joined: `6 months and 1 year`. */
  updateDue: string;
}

/** A unit of one workbook: its spellings (to be matched across workbooks) and its counts there. */
export interface TrackedUnit {
  code: string;
  name: string;
  aliases: string[];
  tally: Tally;
}

/** What the tracker keeps of one workbook. */
export interface TrackedWorkbook {
  /** The path as given or found. */
  file: string;
  /** A fingerprint of the file's bytes (the same bytes are the same file); "" when not known. */
  digest: string;
  /** Other paths that name the same file, counted once. */
  alsoGivenAs: string[];
  /** Why the workbook could not be read (one sentence); null when it was read. */
  unreadable: string | null;
  title: string;
  layout: string;
  recommendations: number;
  units: number;
  tally: Tally;
  updateDue: number;
  errors: number;
  warnings: number;
  open: OpenRecommendation[];
  unitTallies: TrackedUnit[];
}

/** The latest status as the tracker shows it. */
function statusWord(cell: StatusCell | null): string {
  if (!cell) return "No status";
  const r = cell.reading;
  if (r.kind === "known") return r.value;
  if (r.kind === "open") return "Open (O)";
  return r.kind === "unknown" ? displayText(r.text) : "No status";
}

/** The period a status column reports on, else its header. */
function periodOf(cell: StatusCell | null): string {
  return cell ? (cell.column.period?.label ?? displayText(cell.column.header)) : "";
}

/** Recommendations in sheet order, each number once (a repeated number is the same recommendation to the responses). */
function distinctRecommendations(matrix: ResponseMatrix): Recommendation[] {
  const seen = new Set<string>();
  return matrix.recommendations.filter((r) => !seen.has(r.number) && seen.add(r.number));
}

/** Periods whose update is due, by response row, from the `update-due` findings. */
function updatesDueByRow(matrix: ResponseMatrix, findings: readonly Finding[]): Map<number, string[]> {
  const byRow = new Map<number, string[]>();
  for (const f of findings) {
    if (f.rule !== "update-due" || f.at.sheet !== matrix.responsesSheet) continue;
    const column = matrix.statusColumns.find((s) => s.col === f.at.col);
    const list = byRow.get(f.at.row) ?? [];
    list.push(column?.period?.label ?? column?.header ?? f.cell);
    byRow.set(f.at.row, list);
  }
  return byRow;
}

/** What the tracker keeps of a workbook that was read: counts, open recommendations, units. */
export function trackWorkbook(file: string, matrix: ResponseMatrix, findings: readonly Finding[], digest = ""): TrackedWorkbook {
  const responseOf = firstResponses(matrix);
  const dueByRow = updatesDueByRow(matrix, findings);
  const byUnit = new Map(matrix.units.map((u) => [u.code, emptyTally()]));
  const tally = emptyTally();
  const open: OpenRecommendation[] = [];
  const recs = distinctRecommendations(matrix);
  for (const rec of recs) {
    for (const unit of rec.addressedTo) {
      const response = responseOf(rec.number, unit);
      const pair = pairTally(matrix, response);
      addTally(tally, pair);
      let ofUnit = byUnit.get(unit);
      if (!ofUnit) byUnit.set(unit, (ofUnit = emptyTally()));
      addTally(ofUnit, pair);
      if (response && pair.accepting && !pair.implemented) open.push(openRecommendation(matrix, rec, unit, response, dueByRow));
    }
  }
  const counts = countBySeverity(findings);
  const unitOf = new Map(matrix.units.map((u) => [u.code, u]));
  return {
    file,
    digest,
    alsoGivenAs: [],
    unreadable: null,
    title: displayText(matrix.title),
    layout: matrix.layout,
    recommendations: recs.length,
    units: matrix.units.length,
    tally,
    updateDue: findings.filter((f) => f.rule === "update-due").length,
    errors: counts.error,
    warnings: counts.warning,
    open,
    unitTallies: [...byUnit].map(([code, t]) => {
      const u = unitOf.get(code);
      return { code, name: displayText(u?.name ?? ""), aliases: (u?.aliases ?? []).map(displayText), tally: t };
    }),
  };
}

/** A workbook that could not be read keeps its row, with the sentence saying why. */
export function unreadableWorkbook(file: string, reason: string, digest = ""): TrackedWorkbook {
  return {
    file, digest, alsoGivenAs: [], unreadable: reason, title: "", layout: "", recommendations: 0, units: 0,
    tally: emptyTally(), updateDue: 0, errors: 0, warnings: 0, open: [], unitTallies: [],
  };
}

/** The counts of one addressed (recommendation, unit) pair. */
function pairTally(matrix: ResponseMatrix, response: Response | undefined): Tally {
  const answer = answerOf(response);
  const accepting = answer === "Accepted" || answer === "Partially accepted";
  // The latest status as SPEC 5 defines it: last filled of Status and the follow-ups (C/O where that is all)
  const implemented = accepting && response !== undefined && latestStatus(response) === "Implemented";
  return {
    addressed: 1,
    answers: answer === "No response" ? 0 : 1,
    accepting: accepting ? 1 : 0,
    implemented: implemented ? 1 : 0,
    overdue: accepting && response && isOverdue(matrix, response) ? 1 : 0,
  };
}

function openRecommendation(
  matrix: ResponseMatrix, rec: Recommendation, unit: string, response: Response, dueByRow: Map<number, string[]>,
): OpenRecommendation {
  const latest = latestStatusCell(response);
  const t = response.targetDate;
  return {
    number: rec.number,
    text: recommendationSentence(rec),
    unit,
    acceptance: answerOf(response) as OpenRecommendation["acceptance"],
    action: displayText(response.action),
    responsible: displayText(response.responsible),
    targetDate: t.kind === "date" ? t.serial : t.kind === "text" ? displayText(t.text) : "",
    daysOverdue: t.kind === "date" && isOverdue(matrix, response) ? matrix.asOf - t.serial : null,
    latestStatus: statusWord(latest),
    period: periodOf(latest),
    updateDue: joinWithAnd(dueByRow.get(response.row) ?? []),
  };
}
