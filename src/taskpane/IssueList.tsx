/**
 * The result of Validate: the counts by severity (which also filter the list), the grouping, and the findings
 * in collapsible groups headed by the rule's plain title, the count and the cells ("Accepted without a target
 * date: 48 rows, column G"). A group of more than a few findings starts collapsed, so the whole list of groups
 * fits the pane; each finding is a button that selects its cell.
 */

import { useMemo, useState, type Ref } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { formatAddress } from "../core/grid";
import type { Finding, Severity } from "../core/model";
import { ruleById } from "../core/rules/index";
import { SEVERITY_WORDS, countText } from "../core/severity";
import { displayText, plural } from "../core/text";
import type { ValidationResult } from "../excel/gateway";
import { SEVERITIES, clusterLabel, groupFindings, groupSummary, whereText, type FindingGroup, type GroupBy } from "./grouping";
import { SeverityIcon } from "./SeverityIcon";
import { visuallyHidden } from "./styles";

/** Findings rendered per open group before a "Show more" button, so a workbook with thousands of issues stays responsive. */
export const PAGE_SIZE = 50;
/** Groups of at most this many findings start open; larger ones start collapsed to their heading. */
export const OPEN_UP_TO = 3;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { ...typographyStyles.subtitle2, margin: 0, ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  asOf: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, margin: 0 },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "center", border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { ...typographyStyles.caption1Strong, padding: 0, float: "left", marginRight: tokens.spacingHorizontalXS },
  countLabel: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, whiteSpace: "nowrap" },
  stale: { opacity: 0.6 },
  groupHeader: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS, textAlign: "left", minWidth: 0 },
  groupIcon: { marginTop: "2px" },
  groupText: { ...typographyStyles.body1, overflowWrap: "anywhere" },
  groupTitle: { ...typographyStyles.body1Strong },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: `0 0 ${tokens.spacingVerticalS}` },
  smallPrint: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, margin: 0, overflowWrap: "anywhere" },
  ruleId: { fontFamily: tokens.fontFamilyMonospace },
  cluster: { ...typographyStyles.caption1Strong, margin: `${tokens.spacingVerticalXS} 0 0`, overflowWrap: "anywhere" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  item: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  itemText: { display: "flex", flexDirection: "column", minWidth: 0 },
  message: { ...typographyStyles.body1, overflowWrap: "anywhere" },
  visuallyHidden,
  empty: { ...typographyStyles.body1, margin: 0 },
});

type Styles = ReturnType<typeof useStyles>;

export interface IssueListProps {
  result: ValidationResult;
  /** The as-of date the result was checked at, in words ("30 June 2025"). */
  asOfText: string;
  /** The settings changed since this result: "checking" while it is checked again, "out of date" if that did not happen. */
  stale: "checking" | "out of date" | null;
  onRefresh: () => void;
  onSelect: (finding: Finding) => void;
  /** The results heading, which Validate moves the focus to. */
  headingRef?: Ref<HTMLHeadingElement>;
  disabled?: boolean;
}

export function IssueList({ result, asOfText, stale, onRefresh, onSelect, headingRef, disabled }: IssueListProps) {
  const styles = useStyles();
  const [groupBy, setGroupBy] = useState<GroupBy>("rule");
  const [shown, setShown] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  // Groups the user opened or closed, by grouping and key; the others follow OPEN_UP_TO. Kept across re-validation.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const groups = useMemo(() => groupFindings(result.findings, groupBy, shown), [result.findings, groupBy, shown]);
  const total = result.findings.length;

  const toggleKey = (group: FindingGroup) => `${groupBy}\u0000${group.key}`;
  const isOpen = (group: FindingGroup) => toggled.get(toggleKey(group)) ?? group.findings.length <= OPEN_UP_TO;
  const openItems = groups.filter(isOpen).map((g) => g.key);

  const show = (severity: Severity, on: boolean) => {
    const next = new Set(shown);
    if (on) next.add(severity);
    else next.delete(severity);
    setShown(next);
  };

  return (
    <section className={styles.root} aria-labelledby="issues-heading">
      <h2 id="issues-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
        Issues
      </h2>
      <p className={styles.asOf}>
        {plural(result.recognition.kind === "recognised" ? result.recognition.responses : 0, "response")} checked as of {asOfText}.
      </p>
      {stale && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {stale === "checking"
              ? "The settings changed: checking again…"
              : "The settings changed after this check, so this list is out of date."}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onRefresh} disabled={disabled}>
              Validate again
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={stale ? styles.stale : undefined}>
        {total === 0 ? (
          <p className={styles.empty}>No issues found: every response meets every rule that is switched on.</p>
        ) : (
          <div className={styles.root}>
            <fieldset className={styles.filters}>
              <legend className={styles.legend}>Show</legend>
              {SEVERITIES.map((severity) => (
                <Checkbox
                  key={severity}
                  checked={shown.has(severity)}
                  onChange={(_, data) => show(severity, data.checked === true)}
                  label={
                    <span className={styles.countLabel}>
                      <SeverityIcon severity={severity} />
                      {countText(severity, result.counts[severity])}
                    </span>
                  }
                />
              ))}
            </fieldset>
            <Field label="Group by" orientation="horizontal">
              <Select value={groupBy} onChange={(_, data) => setGroupBy(data.value as GroupBy)}>
                <option value="rule">Rule</option>
                <option value="recommendation">Recommendation</option>
                <option value="unit">Unit</option>
              </Select>
            </Field>
            {groups.length === 0 && <p className={styles.empty}>No issues of the selected severities.</p>}
            <Accordion
              multiple
              collapsible
              openItems={openItems}
              onToggle={(_, data) => {
                const group = groups.find((g) => g.key === data.value);
                if (group) setToggled(new Map(toggled).set(toggleKey(group), !isOpen(group)));
              }}
            >
              {groups.map((group) => (
                <AccordionItem key={group.key} value={group.key}>
                  <AccordionHeader as="h3" expandIconPosition="end">
                    <span className={styles.groupHeader}>
                      <SeverityIcon severity={group.worst} className={styles.groupIcon} />
                      <span className={styles.groupText}>
                        {groupBy === "rule" && <span className={styles.visuallyHidden}>{SEVERITY_WORDS[group.worst].title}: </span>}
                        <span className={styles.groupTitle}>{group.label}</span>: {groupSummary(group, groupBy)}
                      </span>
                    </span>
                  </AccordionHeader>
                  <AccordionPanel className={styles.panel}>
                    <GroupContent
                      group={group}
                      groupBy={groupBy}
                      limit={expanded.has(toggleKey(group)) ? Infinity : PAGE_SIZE}
                      onMore={() => setExpanded(new Set(expanded).add(toggleKey(group)))}
                      onSelect={onSelect}
                      styles={styles}
                    />
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          </div>
        )}
      </div>
    </section>
  );
}

/** An open group: by rule, what the rule checks (its id in small print); then its findings, cluster by cluster. */
function GroupContent(props: {
  group: FindingGroup;
  groupBy: GroupBy;
  limit: number;
  onMore: () => void;
  onSelect: (finding: Finding) => void;
  styles: Styles;
}) {
  const { group, groupBy, limit, onMore, onSelect, styles } = props;
  const rule = groupBy === "rule" ? ruleById(group.key) : undefined;
  let remaining = limit;
  return (
    <>
      {rule && (
        <p className={styles.smallPrint}>
          {rule.meta.description}. Rule <span className={styles.ruleId}>{rule.meta.id}</span>
        </p>
      )}
      {group.clusters.map((cluster) => {
        if (remaining <= 0) return null;
        const visible = cluster.findings.slice(0, remaining);
        remaining -= visible.length;
        // By rule, the heading already names the rule: a cluster needs a label only where the group has several
        const label = groupBy === "rule" ? (group.clusters.length > 1 ? whereText(cluster.findings) : null) : clusterLabel(cluster);
        return (
          <div key={cluster.key}>
            {label && <p className={styles.cluster}>{label}</p>}
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
        <Button appearance="subtle" onClick={onMore}>
          Show {group.findings.length - limit} more in {group.label}
        </Button>
      )}
    </>
  );
}

function FindingButton({ finding, onSelect, styles }: { finding: Finding; onSelect: (finding: Finding) => void; styles: Styles }) {
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
        {suggestion && <span className={styles.smallPrint}>Suggestion: {suggestion}</span>}
        <span className={styles.smallPrint}>{formatAddress(finding.at)}</span>
      </span>
    </button>
  );
}
