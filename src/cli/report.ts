/** How `validate` prints its findings: a readable text report grouped by rule, or one JSON object per file. */

import { a1, quoteSheetName } from "../core/grid";
import { blockRange, blocksNeedSaying, describeBlocks } from "../core/layouts/describe";
import type { Finding, ResponseMatrix } from "../core/model";
import { RULES, ruleById } from "../core/rules/index";
import { countText } from "../core/severity";
import { plural } from "../core/text";
import { countBySeverity } from "../core/validate";

export interface FileResult {
  /** The path as given on the command line. */
  file: string;
  matrix: ResponseMatrix;
  findings: Finding[];
}

/**
 * SPEC section 8: `{"file", "layout", "blocks", "counts", "issues": [{rule, severity, sheet, cell, recommendation, unit,
 * message, suggestion}]}`; `layout` names the main layout of answers, `blocks` every block found (kind, sheet, range, counts).
 */
export function jsonReport({ file, matrix, findings }: FileResult): string {
  return JSON.stringify({
    file,
    layout: matrix.layout,
    blocks: (matrix.blocks ?? []).map((b) => ({ kind: b.kind, sheet: b.sheet, range: blockRange(b), counts: b.counts, use: b.use })),
    counts: countBySeverity(findings),
    issues: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      recommendation: f.recommendation,
      unit: f.unit,
      message: f.message,
      suggestion: f.suggestion,
    })),
  });
}


const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
const RULE_ORDER = new Map(RULES.map((r, i) => [r.meta.id, i]));
/** Messages printed per rule; the group's header still lists every cell. */
const LISTED_MESSAGES = 10;

/** `Responses!D4, D9:D17; Recommendations!E3`: every cell, runs of adjacent rows in a column as ranges. */
export function cellList(findings: readonly Finding[]): string {
  const bySheet = new Map<string, { row: number; col: number }[]>();
  for (const f of findings) {
    // push, not a copy per cell: a copy made this quadratic in the number of findings
    const cells = bySheet.get(f.sheet);
    if (cells) cells.push(f.at);
    else bySheet.set(f.sheet, [f.at]);
  }
  const parts: string[] = [];
  for (const [sheet, cells] of bySheet) {
    const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
    const runs: string[] = [];
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1].col === sorted[i].col && sorted[j + 1].row <= sorted[j].row + 1) j++;
      const first = a1(sorted[i].row, sorted[i].col);
      runs.push(sorted[j].row === sorted[i].row ? first : `${first}:${a1(sorted[j].row, sorted[j].col)}`);
      i = j + 1;
    }
    parts.push(`${quoteSheetName(sheet)}!${runs.join(", ")}`);
  }
  return parts.join("; ");
}

/**
 * The text report of one file: what was found (with a line per sheet when a sheet holds several blocks), the
 * counts, then the findings grouped by rule (errors first), each group headed by the rule's title and counted in
 * the pane's severity words; the rule id only in brackets, for `--format json` users.
 */
export function textReport({ file, matrix, findings }: FileResult, asOf: string): string {
  const counts = countBySeverity(findings);
  const lines = [
    `${file}: ${matrix.layout} layout, sheet ${quoteSheetName(matrix.responsesSheet)}: ` +
      `${plural(matrix.units.length, "unit")}, ${plural(matrix.recommendations.length, "recommendation")}, ` +
      `${plural(matrix.responses.length, "response row")} (as of ${asOf})`,
    ...(blocksNeedSaying(matrix) ? describeBlocks(matrix).map((line) => `  ${line}`) : []),
    `${countText("error", counts.error)}, ${countText("warning", counts.warning)}, ${countText("info", counts.info)}`,
  ];
  if (findings.length === 0) {
    lines.push("No problems found.");
    return lines.join("\n");
  }
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.severity}\u0000${f.rule}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      SEVERITY_ORDER[a[0].severity] - SEVERITY_ORDER[b[0].severity] ||
      (RULE_ORDER.get(a[0].rule) ?? RULES.length) - (RULE_ORDER.get(b[0].rule) ?? RULES.length) ||
      a[0].rule.localeCompare(b[0].rule),
  );
  for (const group of ordered) {
    const { rule, severity } = group[0];
    lines.push("", `${ruleById(rule)?.meta.title ?? rule}: ${countText(severity, group.length)} — ${cellList(group)} [${rule}]`);
    for (const f of group.slice(0, LISTED_MESSAGES)) {
      lines.push(`  ${quoteSheetName(f.sheet)}!${f.cell}  ${f.message}${f.suggestion ? ` (suggestion: ${f.suggestion})` : ""}`);
    }
    if (group.length > LISTED_MESSAGES) {
      lines.push(`  … and ${group.length - LISTED_MESSAGES} more, in the cells listed above (--format json gives every message).`);
    }
  }
  return lines.join("\n");
}
