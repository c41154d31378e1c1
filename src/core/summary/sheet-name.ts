/** Which sheet the summary is written to: ours is replaced, a user's sheet is never overwritten (SPEC section 6). */

export const SUMMARY_SHEET_NAME = "Section 0 Summary";

/** Workbook-level defined name that marks a sheet as made by Response Matrix (so it may be replaced). */
export const SUMMARY_MARKER_NAME = "ResponseMatrixSummary";

/**
 * The name to write the summary (or another sheet we make, named `base`) under: the add-in's own earlier one is
 * replaced; a user's sheet of that name is never overwritten, the new one is "Section 0 Summary (2)", "(3)"...
 * Excel compares sheet names ignoring case.
 */
export function summarySheetName(
  existing: readonly { name: string; ours: boolean }[],
  base = SUMMARY_SHEET_NAME,
): { name: string; replaces: boolean } {
  const byName = new Map(existing.map((s) => [s.name.toLowerCase(), s.ours]));
  const candidate = (i: number) => (i === 1 ? base : `${base} (${i})`);
  // Regenerate in place: our earlier summary, wherever it was numbered, wins over a free name.
  for (let i = 1; i <= existing.length + 1; i++) {
    if (byName.get(candidate(i).toLowerCase()) === true) return { name: candidate(i), replaces: true };
  }
  for (let i = 1; ; i++) {
    if (!byName.has(candidate(i).toLowerCase())) return { name: candidate(i), replaces: false };
  }
}
