/**
 * The tracker's three tables as data (SPEC 10): Evaluations (one row per workbook), Open recommendations and Units.
 * The sheets (sheets.ts) and the CSV files (csv.ts) are both written from these, so they hold the same values.
 *
 * Rates and their denominators (stated in each table's notes):
 *   acceptance rate = accepted or partially accepted ÷ addressed (SPEC 6: a unit that has not answered counts);
 *   % implemented   = implemented ÷ accepted or partially accepted, by the latest status (SPEC 5).
 * A rate with nothing to divide by is left blank, so that the column stays a number column for filters and Power BI.
 */

import type { CellValue } from "../grid";
import { normalizeKey, plural } from "../text";
import { unitsAcrossWorkbooks } from "./units";
import { addTally, emptyTally, type Tally, type TrackedWorkbook } from "./workbook";

/** How a column's values are written: text, a count, a rate (0 to 1, shown as a percentage), a date (serial number). */
export type ColumnKind = "text" | "count" | "rate" | "date";

export interface TrackerColumn {
  header: string;
  kind: ColumnKind;
  /**
   * Reading width in Excel character units: what a column of long texts gets first when the sheet fits its columns
   * to what they hold (sheets.ts); a column of short values, or of none, is narrower, one of longer texts may be wider.
   */
  width: number;
}

export interface TrackerTable {
  /** The sheet's name. */
  sheet: string;
  /** The Excel table's name. */
  table: string;
  /** The CSV file's name. */
  csv: string;
  title: string;
  /** What the rows are and how rates are counted, printed above the table. */
  notes: string[];
  columns: TrackerColumn[];
  /** Values by row, in column order; "" is empty. Dates in `date` columns are serial numbers (text when not a date). */
  rows: CellValue[][];
}

const text = (header: string, width: number): TrackerColumn => ({ header, kind: "text", width });
const count = (header: string, width = 10): TrackerColumn => ({ header, kind: "count", width });
const rate = (header: string, width = 12): TrackerColumn => ({ header, kind: "rate", width });

/** Columns shared by Evaluations and Units: the counts behind each rate, next to it. */
const RATE_COLUMNS: TrackerColumn[] = [
  count("Addressed", 10), count("Answers", 8), count("Accepted or partially accepted", 10), rate("Acceptance rate", 11),
  count("Implemented", 12), rate("% implemented", 12),
];

const RATE_NOTES = [
  "Addressed: each unit a recommendation is addressed to, once. Answers: those that answered Accepted, Partially accepted or Rejected.",
  "Acceptance rate = Accepted or partially accepted ÷ Addressed (a unit that has not answered counts as no response).",
  "% implemented = Implemented ÷ Accepted or partially accepted, by the latest status (the last filled of Status and the follow-ups).",
  "Overdue: accepted or partially accepted, target date before the as-of date, latest status not Implemented. Blank rate: nothing to divide by.",
];

/** The rate, or "" when there is nothing to divide by. */
function ratio(part: number, whole: number): number | "" {
  return whole === 0 ? "" : part / whole;
}

/** Addressed, Answers, Accepted or partially accepted, Acceptance rate, Implemented, % implemented. */
function rateCells(t: Tally): CellValue[] {
  return [t.addressed, t.answers, t.accepting, ratio(t.accepting, t.addressed), t.implemented, ratio(t.implemented, t.accepting)];
}

/** The file's name, without its folder. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/**
 * Each file once: a workbook whose bytes match an earlier one's (a copy under another name) is folded into it,
 * named among the paths it was also given as.
 */
export function countOnce(workbooks: readonly TrackedWorkbook[]): TrackedWorkbook[] {
  const byDigest = new Map<string, TrackedWorkbook>();
  const kept: TrackedWorkbook[] = [];
  for (const w of workbooks) {
    const first = w.digest ? byDigest.get(w.digest) : undefined;
    if (first) {
      first.alsoGivenAs.push(w.file, ...w.alsoGivenAs);
      continue;
    }
    const copy = { ...w, alsoGivenAs: [...w.alsoGivenAs] };
    if (w.digest) byDigest.set(w.digest, copy);
    kept.push(copy);
  }
  return kept;
}

/**
 * The name each workbook's evaluation goes by: its title, else its file name; where two workbooks would go by the
 * same name, each is told apart by its file.
 */
export function evaluationLabels(workbooks: readonly TrackedWorkbook[]): string[] {
  const names = workbooks.map((w) => w.title || fileName(w.file).replace(/\.xlsx$/i, ""));
  const seen = new Map<string, number>();
  for (const n of names) seen.set(normalizeKey(n), (seen.get(normalizeKey(n)) ?? 0) + 1);
  return names.map((n, i) => ((seen.get(normalizeKey(n)) ?? 0) > 1 ? `${n} (${workbooks[i].file})` : n));
}

/** Notes of an Evaluations row: why it could not be read, the other paths of the same file, other files with the same title. */
function evaluationNotes(w: TrackedWorkbook, byTitle: ReadonlyMap<string, readonly TrackedWorkbook[]>): string {
  const notes: string[] = [];
  if (w.unreadable) notes.push(w.unreadable);
  const others = [...new Set(w.alsoGivenAs.filter((p) => p !== w.file))];
  if (others.length) notes.push(`Also given as ${others.join(", ")} (the same file); counted once.`);
  else if (w.alsoGivenAs.length) notes.push("Given more than once; counted once.");
  const twins = (byTitle.get(normalizeKey(w.title)) ?? []).filter((o) => o !== w).map((o) => o.file);
  if (twins.length) {
    const others = twins.length === 1 ? twins[0] : `${twins[0]} and ${plural(twins.length - 1, "other")}`;
    notes.push(`${others} has the same evaluation title; if one is an earlier copy of the other, leave it out so that its answers are not counted twice.`);
  }
  return notes.join(" ");
}

export interface TrackerTables {
  evaluations: TrackerTable;
  open: TrackerTable;
  units: TrackerTable;
}

/** The three tables from the workbooks read (in the order given), each file counted once. */
export function trackerTables(given: readonly TrackedWorkbook[]): TrackerTables {
  const workbooks = countOnce(given);
  const labels = evaluationLabels(workbooks);
  const identity = unitsAcrossWorkbooks(workbooks.map((w) => w.unitTallies));
  const byTitle = new Map<string, TrackedWorkbook[]>();
  for (const w of workbooks) {
    const key = normalizeKey(w.title);
    if (key) byTitle.set(key, [...(byTitle.get(key) ?? []), w]);
  }

  const evaluationColumns = [
    text("Evaluation", 20), text("File", 13), text("Layout", 10), count("Recommendations", 16), count("Units", 6),
    ...RATE_COLUMNS, count("Overdue", 8), count("Update due", 7), count("Errors", 7), count("Warnings", 9), text("Notes", 18),
  ];
  const evaluations: TrackerTable = {
    sheet: "Evaluations",
    table: "TrackerEvaluations",
    csv: "evaluations.csv",
    title: "Evaluations",
    notes: [
      "One row per workbook read. A workbook that could not be read keeps its row, with the reason in Notes.",
      ...RATE_NOTES,
      "Update due: follow-up status updates whose period has passed and whose cell is blank. Errors and warnings: as the validate command lists them.",
    ],
    columns: evaluationColumns,
    rows: workbooks.map((w, i) => {
      const notes = evaluationNotes(w, byTitle);
      if (w.unreadable) return [labels[i], w.file, ...evaluationColumns.slice(2, -1).map(() => ""), notes];
      return [
        labels[i], w.file, w.layout, w.recommendations, w.units, ...rateCells(w.tally), w.tally.overdue, w.updateDue, w.errors,
        w.warnings, notes,
      ];
    }),
  };

  const openRows = workbooks.flatMap((w, i) =>
    w.open.map((o) => ({
      days: o.daysOverdue,
      cells: [
        labels[i], o.number, o.text, identity.units[identity.unitOf(i, o.unit)].label, o.acceptance, o.action, o.responsible,
        o.targetDate, o.daysOverdue ?? "", o.latestStatus, o.period, o.updateDue,
      ] as CellValue[],
    })),
  );
  // Overdue first, longest overdue at the top; the rest in workbook, recommendation and unit order (a stable sort)
  openRows.sort((a, b) => (b.days ?? -1) - (a.days ?? -1));
  const open: TrackerTable = {
    sheet: "Open recommendations",
    table: "TrackerOpenRecommendations",
    csv: "open-recommendations.csv",
    title: "Open recommendations",
    notes: [
      "Every recommendation and unit that accepted or partially accepted it whose latest status is not Implemented.",
      "Overdue first, the longest overdue at the top. Days overdue: from the target date to the as-of date, where the target date has passed.",
      "Latest status: the last filled of Status and the follow-up columns; Period: the follow-up it was reported at. Update due: follow-ups now due and blank.",
    ],
    columns: [
      text("Evaluation", 22), text("No.", 6), text("Recommendation", 30), text("Unit", 10), text("Acceptance", 11),
      text("Planned action", 32), text("Responsible", 13), { header: "Target date", kind: "date", width: 11 }, count("Days overdue", 8),
      text("Latest status", 13), text("Period", 10), text("Update due", 9),
    ],
    rows: openRows.map((r) => r.cells),
  };

  const byUnit = identity.units.map(() => ({ tally: emptyTally(), evaluations: 0 }));
  workbooks.forEach((w, i) => {
    for (const u of w.unitTallies) {
      if (u.tally.addressed === 0) continue;
      const entry = byUnit[identity.unitOf(i, u.code)];
      addTally(entry.tally, u.tally);
      entry.evaluations++;
    }
  });
  const unitOrder = identity.units
    .map((u, g) => ({ u, g }))
    .filter(({ g }) => byUnit[g].tally.addressed > 0)
    .sort((a, b) => a.u.label.localeCompare(b.u.label, "en", { numeric: true, sensitivity: "base" }));
  const units: TrackerTable = {
    sheet: "Units",
    table: "TrackerUnits",
    csv: "units.csv",
    title: "Units",
    notes: [
      "One row per unit across the evaluations, each workbook's answers counted where the unit is addressed.",
      "A unit written differently in two workbooks is one unit when one's code is a code, name or alias of the other (Units sheet).",
      ...RATE_NOTES,
    ],
    columns: [
      text("Unit", 14), text("Name", 28), text("Also written as", 12), count("Evaluations", 12), ...RATE_COLUMNS,
      count("Open", 7), count("Overdue", 8),
    ],
    rows: unitOrder.map(({ u, g }) => {
      const { tally, evaluations } = byUnit[g];
      return [u.label, u.name, u.alsoWrittenAs.join(", "), evaluations, ...rateCells(tally), tally.accepting - tally.implemented, tally.overdue];
    }),
  };

  return { evaluations, open, units };
}
