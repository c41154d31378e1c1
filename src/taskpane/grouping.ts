/**
 * How the issue list arranges findings: groups (by rule, recommendation or unit), errors first in every grouping,
 * each made of clusters of alike findings (one rule, one column) that one fix often covers.
 */

import { a1, columnLetter, quoteSheetName } from "../core/grid";
import type { Finding, Severity } from "../core/model";
import { RULES, ruleById } from "../core/rules/index";
import { countBySeverity, countText } from "../core/severity";
import { displayText, joinWithAnd, plural } from "../core/text";

export type GroupBy = "rule" | "recommendation" | "unit";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Findings of one rule in one column of one sheet. */
export interface Cluster {
  key: string;
  rule: string;
  findings: Finding[];
}

export interface FindingGroup {
  key: string;
  label: string;
  /** The most serious severity among its findings. */
  worst: Severity;
  /** Errors first, then warnings, then notes; within a severity, the rule list's order, then sheet order. */
  findings: Finding[];
  clusters: Cluster[];
}

const RULE_ORDER = new Map(RULES.map((r, i) => [r.meta.id, i]));
const ruleRank = (id: string) => RULE_ORDER.get(id) ?? RULES.length;
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The rule's plain title ("Accepted without a target date"); its id for a rule this version does not know. */
export function ruleTitle(id: string): string {
  return ruleById(id)?.meta.title ?? id;
}

function groupKey(finding: Finding, by: GroupBy): string {
  if (by === "rule") return finding.rule;
  const value = by === "recommendation" ? finding.recommendation : finding.unit;
  return value === null ? "" : displayText(value);
}

function groupLabel(key: string, by: GroupBy): string {
  if (by === "rule") return ruleTitle(key);
  if (by === "recommendation") return key === "" ? "No recommendation number" : `Recommendation ${key}`;
  return key === "" ? "No unit" : key;
}

const bySeverityThenRule = (a: Finding, b: Finding) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || ruleRank(a.rule) - ruleRank(b.rule);

/**
 * Findings kept by `shown`, grouped. Groups with errors come first, then those with warnings, then notes; among
 * equals, rules keep the rule list's order and recommendations and units the order they first appear in (sheet order).
 */
export function groupFindings(findings: readonly Finding[], by: GroupBy, shown: ReadonlySet<Severity>): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    if (!shown.has(finding.severity)) continue;
    const key = groupKey(finding, by);
    let group = groups.get(key);
    if (!group) {
      group = { key, label: groupLabel(key, by), worst: finding.severity, findings: [], clusters: [] };
      groups.set(key, group);
    }
    group.findings.push(finding);
    if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[group.worst]) group.worst = finding.severity;
  }
  const result = [...groups.values()];
  // Array.prototype.sort is stable: equal groups and findings keep their first-appearance (sheet) order
  result.sort((a, b) => SEVERITY_RANK[a.worst] - SEVERITY_RANK[b.worst] || (by === "rule" ? ruleRank(a.key) - ruleRank(b.key) : 0));
  for (const group of result) {
    group.findings.sort(bySeverityThenRule);
    group.clusters = clusterFindings(group.findings);
  }
  return result;
}

/** Findings split into clusters of the same rule, sheet and column, in the order given. */
export function clusterFindings(findings: readonly Finding[]): Cluster[] {
  const clusters = new Map<string, Cluster>();
  for (const finding of findings) {
    const key = JSON.stringify([finding.rule, finding.at.sheet, finding.at.col]);
    let cluster = clusters.get(key);
    if (!cluster) {
      cluster = { key, rule: finding.rule, findings: [] };
      clusters.set(key, cluster);
    }
    cluster.findings.push(finding);
  }
  return [...clusters.values()];
}

/** Columns named one by one up to this many; more are counted. */
const NAMED_COLUMNS = 4;
/** Sheets named one by one up to this many; more are counted. */
const NAMED_SHEETS = 3;

/**
 * Where findings are, compactly: "cell H14", "48 rows, column G", "7 rows, columns C and H",
 * "5 rows: Responses column G; 'Table 2' column C". The sheet is named only when there is more than one.
 */
export function whereText(findings: readonly Finding[]): string {
  if (findings.length === 1) return `cell ${a1(findings[0].at.row, findings[0].at.col)}`;
  const columnsBySheet = new Map<string, Set<number>>();
  const rows = new Set<string>();
  for (const f of findings) {
    rows.add(`${f.at.sheet}\u0000${f.at.row}`);
    let columns = columnsBySheet.get(f.at.sheet);
    if (!columns) columnsBySheet.set(f.at.sheet, (columns = new Set()));
    columns.add(f.at.col);
  }
  const columnsText = (columns: Set<number>) => {
    const letters = [...columns].sort((a, b) => a - b).map(columnLetter);
    if (letters.length === 1) return `column ${letters[0]}`;
    return letters.length <= NAMED_COLUMNS ? `columns ${joinWithAnd(letters)}` : `${letters.length} columns`;
  };
  const count = plural(rows.size, "row");
  if (columnsBySheet.size === 1) return `${count}, ${columnsText([...columnsBySheet.values()][0])}`;
  const sheets = [...columnsBySheet].map(([sheet, columns]) => `${quoteSheetName(sheet)} ${columnsText(columns)}`);
  const named = sheets.length <= NAMED_SHEETS ? sheets : [...sheets.slice(0, NAMED_SHEETS), `${sheets.length - NAMED_SHEETS} more sheets`];
  return `${count}: ${named.join("; ")}`;
}

/** "1 error, 14 warnings": the severities present among the findings, errors first. */
export function severityCounts(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return SEVERITIES.filter((s) => counts[s] > 0)
    .map((s) => countText(s, counts[s]))
    .join(", ");
}

/** What a group's heading says after its label: where its findings are (by rule), or how many of each severity. */
export function groupSummary(group: FindingGroup, by: GroupBy): string {
  return by === "rule" ? whereText(group.findings) : severityCounts(group.findings);
}

/** "Accepted without a target date: 48 rows, column G". */
export function clusterLabel(cluster: Cluster): string {
  return `${ruleTitle(cluster.rule)}: ${whereText(cluster.findings)}`;
}
