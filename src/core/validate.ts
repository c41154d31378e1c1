/** Runs the rules over a response matrix and returns its findings, in sheet order. */

import { formatAddress, a1, type CellAddress } from "./grid";
import type { Finding, Response, ResponseMatrix, Settings, Severity } from "./model";
import { RULES } from "./rules/index";
import type { Report, Rule } from "./rules/types";

/** Findings of the given rules (all by default), with per-workbook severity overrides applied. */
export function validate(
  matrix: ResponseMatrix,
  options: { rules?: readonly Rule[]; severityOverrides?: Settings["severityOverrides"] } = {},
): Finding[] {
  const findings: Finding[] = [];
  const overrides = options.severityOverrides ?? {};
  const texts: CellTexts = { matrix, responseAtRow: null };
  for (const rule of options.rules ?? RULES) {
    const override = overrides[rule.meta.id];
    if (override === "off") continue;
    const outer = collecting;
    collecting = { findings, rule, override, texts };
    try {
      rule.check(matrix, report);
    } finally {
      collecting = outer;
    }
  }
  return sortFindings(findings);
}

/** Where the rule being run reports to. */
interface Collecting {
  findings: Finding[];
  rule: Rule;
  override: Severity | undefined;
  texts: CellTexts;
}

/** The responses sheet's long cell texts, by row once first asked for. */
interface CellTexts {
  matrix: ResponseMatrix;
  responseAtRow: Map<number, Response> | null;
}

/** The text of a cell of the responses sheet, when it is long enough to be clipped (else undefined). */
function longCellText(texts: CellTexts, at: CellAddress): string | undefined {
  if (at.sheet !== texts.matrix.responsesSheet) return undefined;
  if (!texts.responseAtRow) {
    texts.responseAtRow = new Map();
    // Only rows holding a text long enough to be cut: a short text is never clipped
    // (and on the responses sheet: blocks of answers on other sheets have rows of the same numbers)
    const responses = texts.matrix.responses;
    for (let i = 0; i < responses.length; i++) {
      const r = responses[i];
      if (r.values.some(isLong) && r.cells.acceptance?.sheet === at.sheet) texts.responseAtRow.set(r.row, r);
    }
  }
  return texts.responseAtRow.get(at.row)?.values[at.col];
}

let collecting: Collecting | null = null;

/**
 * How every rule reports: one function, the same on every run, so the engine keeps the rules' compiled code
 * (a new closure per run made each rule fall back to slow code at its first finding, on every validation).
 */
const report: Report = (f) => {
  if (!collecting) throw new Error("A rule reported a finding outside validate().");
  const { findings, rule, override, texts } = collecting;
  findings.push({
    rule: rule.meta.id,
    severity: override ?? f.severity ?? rule.meta.severity,
    sheet: f.at.sheet,
    cell: a1(f.at.row, f.at.col),
    recommendation: f.recommendation,
    unit: f.unit,
    message: f.message.length > QUOTE_LIMIT ? clipQuotes(f.message, f.unit, f.recommendation, longCellText(texts, f.at)) : f.message,
    suggestion: f.suggestion ?? null,
    at: f.at,
  });
};

/** Cell text a message quotes is cut to this length: a cell may hold 32,767 characters, a message stays readable. */
export const QUOTE_LIMIT = 100;

/** The message with the long texts it quotes (the finding's unit, recommendation or own cell) cut to QUOTE_LIMIT characters and `…`. */
function clipQuotes(message: string, unit: string | null, recommendation: string | null, cell: string | undefined): string {
  if (!isLong(unit) && !isLong(recommendation) && !isLong(cell)) return message; // most messages: nothing to cut
  // Longest first: a unit name inside a long cell text is cut with it
  const long = [unit, recommendation, cell].filter(isLong).sort((a, b) => b.length - a.length);
  for (const t of long) message = message.split(t).join(`${t.slice(0, QUOTE_LIMIT).trimEnd()}…`);
  return message;
}

/** Whether a text is long enough for a message to cut it. */
function isLong(text: string | null | undefined): text is string {
  return !!text && text.length > QUOTE_LIMIT;
}

/** Sheet, row, column, then rule id: the order people read a workbook in. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) || a.at.row - b.at.row || a.at.col - b.at.col || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

export { countBySeverity } from "./severity";

export { formatAddress };
