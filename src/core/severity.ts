/** The one word for each severity, used by the pane, the command line's text and the summary sheet alike (JSON keeps the ids). */

import type { Finding, Severity } from "./model";

/** Words for each severity, singular and plural, and as a heading. */
export const SEVERITY_WORDS: Record<Severity, { one: string; many: string; title: string }> = {
  error: { one: "error", many: "errors", title: "Error" },
  warning: { one: "warning", many: "warnings", title: "Warning" },
  info: { one: "note", many: "notes", title: "Note" },
};

/** "1 error", "3 warnings", "0 notes". */
export function countText(severity: Severity, count: number): string {
  const words = SEVERITY_WORDS[severity];
  return `${count} ${count === 1 ? words.one : words.many}`;
}

/** Counts of findings by severity. */
export function countBySeverity(findings: readonly Pick<Finding, "severity">[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
