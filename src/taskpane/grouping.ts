/** How the issue list arranges findings: groups (by rule, recommendation or unit) of clusters of alike findings. */

import { columnLetter } from "../core/grid";
import type { Finding, Severity } from "../core/model";
import { RULES } from "../core/rules/index";
import { displayText } from "../core/text";

export type GroupBy = "rule" | "recommendation" | "unit";

/** Findings of one rule in one column of one sheet: one fix often covers them all. */
export interface Cluster {
  key: string;
  rule: string;
  sheet: string;
  column: string;
  findings: Finding[];
}

export interface FindingGroup {
  key: string;
  label: string;
  findings: Finding[];
  clusters: Cluster[];
}

const RULE_ORDER = new Map(RULES.map((r, i) => [r.meta.id, i]));
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function groupKey(finding: Finding, by: GroupBy): string {
  if (by === "rule") return finding.rule;
  const value = by === "recommendation" ? finding.recommendation : finding.unit;
  return value === null ? "" : displayText(value);
}

function groupLabel(key: string, by: GroupBy): string {
  if (by === "rule") return key;
  if (by === "recommendation") return key === "" ? "No recommendation number" : `Recommendation ${key}`;
  return key === "" ? "No unit" : key;
}

/**
 * Findings kept by `shown`, grouped by rule (errors first, then the order of the rule list), recommendation or unit
 * (in the order they first appear, which is sheet order); within a group, clustered by rule and column.
 */
export function groupFindings(findings: readonly Finding[], by: GroupBy, shown: ReadonlySet<Severity>): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    if (!shown.has(finding.severity)) continue;
    const key = groupKey(finding, by);
    let group = groups.get(key);
    if (!group) {
      group = { key, label: groupLabel(key, by), findings: [], clusters: [] };
      groups.set(key, group);
    }
    group.findings.push(finding);
  }
  const result = [...groups.values()];
  // Rules with errors come first, then warnings, then notes; within a severity, the rule list's order.
  const rank = (g: FindingGroup) => Math.min(...g.findings.map((f) => SEVERITY_RANK[f.severity]));
  if (by === "rule") result.sort((a, b) => rank(a) - rank(b) || (RULE_ORDER.get(a.key) ?? RULES.length) - (RULE_ORDER.get(b.key) ?? RULES.length));
  for (const group of result) group.clusters = clusterFindings(group.findings);
  return result;
}

/** Findings split into clusters of the same rule, sheet and column, in order of first appearance. */
export function clusterFindings(findings: readonly Finding[]): Cluster[] {
  const clusters = new Map<string, Cluster>();
  for (const finding of findings) {
    const column = columnLetter(finding.at.col);
    const key = JSON.stringify([finding.rule, finding.at.sheet, column]);
    let cluster = clusters.get(key);
    if (!cluster) {
      cluster = { key, rule: finding.rule, sheet: finding.at.sheet, column, findings: [] };
      clusters.set(key, cluster);
    }
    cluster.findings.push(finding);
  }
  return [...clusters.values()];
}

/** "missing-action in 9 rows of column D". */
export function clusterLabel(cluster: Cluster): string {
  const rows = new Set(cluster.findings.map((f) => f.at.row)).size;
  return `${cluster.rule} in ${rows} ${rows === 1 ? "row" : "rows"} of column ${cluster.column}`;
}
