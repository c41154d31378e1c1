/** The result of Validate: counts by severity, severity filter, grouping, and the findings as buttons that select their cell. */

import { useMemo, useState } from "react";
import { Button, Checkbox, Field, Select, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { formatAddress } from "../core/grid";
import type { Finding, Severity } from "../core/model";
import { ruleById } from "../core/rules/index";
import { displayText } from "../core/text";
import type { ValidationResult } from "../excel/gateway";
import { clusterLabel, groupFindings, type GroupBy } from "./grouping";
import { SEVERITY_WORDS, SeverityIcon, countText } from "./SeverityIcon";

/** Findings rendered per group before a "Show more" button, so a workbook with thousands of issues stays responsive. */
export const PAGE_SIZE = 50;

const SEVERITIES: Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  counts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, margin: 0, padding: 0 },
  filters: { display: "flex", flexWrap: "wrap", border: "none", margin: 0, padding: 0 },
  legend: { ...typographyStyles.caption1Strong, padding: 0 },
  checkboxLabel: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  groupHeading: { ...typographyStyles.body1Strong, margin: 0, overflowWrap: "anywhere" },
  groupDescription: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, margin: 0 },
  cluster: { ...typographyStyles.caption1Strong, margin: `${tokens.spacingVerticalXS} 0 0` },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  item: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  itemText: { display: "flex", flexDirection: "column", minWidth: 0, gap: "2px" },
  message: { ...typographyStyles.body1, overflowWrap: "anywhere" },
  where: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  empty: { ...typographyStyles.body1, margin: 0 },
});

export interface IssueListProps {
  result: ValidationResult;
  onSelect: (finding: Finding) => void;
}

export function IssueList({ result, onSelect }: IssueListProps) {
  const styles = useStyles();
  const [groupBy, setGroupBy] = useState<GroupBy>("rule");
  const [shown, setShown] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const groups = useMemo(() => groupFindings(result.findings, groupBy, shown), [result.findings, groupBy, shown]);

  const toggle = (severity: Severity, on: boolean) => {
    const next = new Set(shown);
    if (on) next.add(severity);
    else next.delete(severity);
    setShown(next);
  };

  return (
    <section className={styles.root} aria-labelledby="issues-heading">
      <h2 id="issues-heading" className={styles.heading}>
        Issues
      </h2>
      <p className={styles.counts}>
        {SEVERITIES.map((severity) => (
          <span key={severity} className={styles.checkboxLabel}>
            <SeverityIcon severity={severity} />
            {countText(severity, result.counts[severity])}
          </span>
        ))}
      </p>
      {result.findings.length > 0 && (
        <>
          <fieldset className={styles.filters}>
            <legend className={styles.legend}>Show</legend>
            {SEVERITIES.map((severity) => (
              <Checkbox
                key={severity}
                checked={shown.has(severity)}
                onChange={(_, data) => toggle(severity, data.checked === true)}
                label={SEVERITY_WORDS[severity].many.replace(/^./, (c) => c.toUpperCase())}
              />
            ))}
          </fieldset>
          <Field label="Group by">
            <Select value={groupBy} onChange={(_, data) => setGroupBy(data.value as GroupBy)}>
              <option value="rule">Rule</option>
              <option value="recommendation">Recommendation</option>
              <option value="unit">Unit</option>
            </Select>
          </Field>
        </>
      )}
      {result.findings.length === 0 && <p className={styles.empty}>No issues found.</p>}
      {result.findings.length > 0 && groups.length === 0 && (
        <p className={styles.empty}>No issues of the selected severities.</p>
      )}
      {groups.map((group, index) => {
        const headingId = `issue-group-${index}`;
        const limit = expanded.has(group.key) ? Infinity : PAGE_SIZE;
        let remaining = limit;
        const description = groupBy === "rule" ? ruleById(group.key)?.meta.description : undefined;
        return (
          <section key={group.key} className={styles.group} aria-labelledby={headingId}>
            <h3 id={headingId} className={styles.groupHeading}>
              {group.label} ({group.findings.length})
            </h3>
            {description && <p className={styles.groupDescription}>{description}</p>}
            {group.clusters.map((cluster) => {
              if (remaining <= 0) return null;
              const visible = cluster.findings.slice(0, remaining);
              remaining -= visible.length;
              return (
                <div key={cluster.key}>
                  {cluster.findings.length > 1 && <p className={styles.cluster}>{clusterLabel(cluster)}</p>}
                  <ul role="list" className={styles.list}>
                    {visible.map((finding) => (
                      <li key={`${finding.rule}|${formatAddress(finding.at)}`}>
                        <FindingButton finding={finding} onSelect={onSelect} styles={styles} />
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
            {group.findings.length > limit && (
              <Button appearance="subtle" onClick={() => setExpanded(new Set(expanded).add(group.key))}>
                Show {group.findings.length - limit} more in {group.label}
              </Button>
            )}
          </section>
        );
      })}
    </section>
  );
}

function FindingButton({
  finding,
  onSelect,
  styles,
}: {
  finding: Finding;
  onSelect: (finding: Finding) => void;
  styles: ReturnType<typeof useStyles>;
}) {
  const where = [
    formatAddress(finding.at),
    finding.recommendation !== null ? `Recommendation ${displayText(finding.recommendation)}` : null,
    finding.unit !== null ? displayText(finding.unit) : null,
    finding.rule,
  ].filter((part): part is string => part !== null && part !== "");
  const suggestion = finding.suggestion ? displayText(finding.suggestion) : "";
  return (
    // A native button: Enter and Space activate it, and it is in the tab order.
    <button type="button" className={styles.item} onClick={() => onSelect(finding)}>
      <SeverityIcon severity={finding.severity} />
      <span className={styles.itemText}>
        <span className={styles.message}>
          <span className={styles.visuallyHidden}>{SEVERITY_WORDS[finding.severity].title}: </span>
          {displayText(finding.message)}
        </span>
        {suggestion && <span className={styles.where}>Suggestion: {suggestion}</span>}
        <span className={styles.where}>{where.join(" · ")}</span>
      </span>
    </button>
  );
}
