/** The implementation block of the summary: where accepted recommendations stand (SPEC section 6). */

import type { Response, StatusCell } from "../model";
import { latestStatus } from "../matrix";
import type { StatusReading } from "../vocabulary";

/**
 * The columns of the implementation block, left to right. Besides the four statuses of the form:
 * - `Not implemented` (Abandoned, Withdrawn) is a status of its own, kept apart so it is not mistaken for progress;
 * - `Open / other`: a filled status that is not a known one: OIOS `O` (open) and text the vocabulary does not know
 *   (`unknown-status` flags it); both mean "not implemented yet";
 * - `No status`: nothing filled (blank, `-` or `No response`) in any status column.
 * Every row lands in exactly one column, so the columns add up to the accepting units.
 */
export const IMPLEMENTATION_COLUMNS = [
  "Not started", "Planned", "Under implementation", "Implemented", "Not implemented", "Open / other", "No status",
] as const;
export type ImplementationColumn = (typeof IMPLEMENTATION_COLUMNS)[number];

export type StatusCounts = Record<ImplementationColumn, number>;

/** Zero counts. */
export function noStatuses(): StatusCounts {
  return Object.fromEntries(IMPLEMENTATION_COLUMNS.map((c) => [c, 0])) as StatusCounts;
}

/** The column a status reading counts in. */
export function statusColumnOf(reading: StatusReading | null): ImplementationColumn {
  if (!reading || reading.kind === "blank") return "No status";
  if (reading.kind === "known") return reading.value;
  return "Open / other";
}

/** The column of a row's latest status (last filled of Status and follow-ups, in column order). */
export function latestStatusColumn(response: Response | undefined): ImplementationColumn {
  const s = response ? latestStatus(response) : null;
  if (s === null) return "No status";
  if (s === "open" || s === "unknown") return "Open / other";
  return s;
}

/** The column of one status column's cell of a row (a follow-up period). */
export function periodStatusColumn(response: Response | undefined, col: number): ImplementationColumn {
  const cell: StatusCell | undefined = response?.statuses.find((s) => s.column.col === col);
  return statusColumnOf(cell?.reading ?? null);
}

/** Implemented / all counted, or null when nothing is counted. */
export function implementedRate(c: StatusCounts): number | null {
  const all = IMPLEMENTATION_COLUMNS.reduce((n, k) => n + c[k], 0);
  return all === 0 ? null : c.Implemented / all;
}
