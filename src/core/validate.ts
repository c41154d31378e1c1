/** Runs the rules over a response matrix and returns its findings, in sheet order. */

import { formatAddress, a1, type CellAddress } from "./grid";
import type { Finding, Response, ResponseMatrix, Settings } from "./model";
import { RULES } from "./rules/index";
import type { Rule } from "./rules/types";

/** Findings of the given rules (all by default), with per-workbook severity overrides applied. */
export function validate(
  matrix: ResponseMatrix,
  options: { rules?: readonly Rule[]; severityOverrides?: Settings["severityOverrides"] } = {},
): Finding[] {
  const findings: Finding[] = [];
  const overrides = options.severityOverrides ?? {};
  let responseAtRow: Map<number, Response> | undefined;
  const cellText = (at: CellAddress) => {
    if (at.sheet !== matrix.responsesSheet) return undefined;
    if (!responseAtRow) {
      responseAtRow = new Map();
      // Only rows holding a text long enough to be cut: a short text is never clipped
      for (const r of matrix.responses) if (r.values.some((v) => v.length > QUOTE_LIMIT)) responseAtRow.set(r.row, r);
    }
    return responseAtRow.get(at.row)?.values[at.col];
  };
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
        message: f.message.length > QUOTE_LIMIT ? clipQuotes(f.message, [f.unit, f.recommendation, cellText(f.at)]) : f.message,
        suggestion: f.suggestion ?? null,
        at: f.at,
      });
    });
  }
  return sortFindings(findings);
}

/** Cell text a message quotes is cut to this length: a cell may hold 32,767 characters, a message stays readable. */
export const QUOTE_LIMIT = 100;

/** The message with the long texts it quotes (the finding's unit, recommendation or own cell) cut to QUOTE_LIMIT characters and `…`. */
function clipQuotes(message: string, texts: readonly (string | null | undefined)[]): string {
  // Longest first: a unit name inside a long cell text is cut with it
  if (!texts.some((t) => t && t.length > QUOTE_LIMIT)) return message; // most messages: nothing to cut
  const long = texts.filter((t): t is string => !!t && t.length > QUOTE_LIMIT).sort((a, b) => b.length - a.length);
  for (const t of long) message = message.split(t).join(`${t.slice(0, QUOTE_LIMIT).trimEnd()}…`);
  return message;
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
