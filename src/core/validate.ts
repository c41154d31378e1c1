/** Runs the rules over a response matrix and returns its findings, in sheet order. */

import { formatAddress, a1 } from "./grid";
import type { Finding, ResponseMatrix, Settings } from "./model";
import { RULES } from "./rules/index";
import type { Rule } from "./rules/types";

/** Findings of the given rules (all by default), with per-workbook severity overrides applied. */
export function validate(
  matrix: ResponseMatrix,
  options: { rules?: readonly Rule[]; severityOverrides?: Settings["severityOverrides"] } = {},
): Finding[] {
  const findings: Finding[] = [];
  const overrides = options.severityOverrides ?? {};
  for (const rule of options.rules ?? RULES) {
    const override = overrides[rule.meta.id];
    if (override === "off") continue;
    rule.check(matrix, (f) => {
      findings.push({
        rule: rule.meta.id,
        severity: override ?? f.severity ?? rule.meta.severity,
        sheet: f.at.sheet,
        cell: a1(f.at.row, f.at.col),
        recommendation: f.recommendation,
        unit: f.unit,
        message: f.message,
        suggestion: f.suggestion ?? null,
        at: f.at,
      });
    });
  }
  return sortFindings(findings);
}

/** Sheet, row, column, then rule id: the order people read a workbook in. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) || a.at.row - b.at.row || a.at.col - b.at.col || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** Counts of findings by severity. */
export function countBySeverity(findings: readonly Finding[]): { error: number; warning: number; info: number } {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export { formatAddress };
