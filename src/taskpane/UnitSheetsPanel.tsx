/**
 * The round trip with the units in the task pane (SPEC sections 7 and 9): Prepare unit sheets for a round, Merge
 * unit sheets back, and decide each conflict (keep the workbook's answer or take a unit's). Text only: cell values
 * are shown as text, never as HTML.
 */

import { useState } from "react";
import { Button, Field, Radio, RadioGroup, Select, Spinner, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { Conflict, ConflictChoice } from "../core/round-trip/merge";
import { atPeriod } from "../core/round-trip/book";
import { countsLine, decision, quoted } from "../core/round-trip/log";
import { joinWithAnd, plural } from "../core/text";
import type { MergedUnitSheets, Recognition, WorkbookGateway } from "../excel/gateway";
import { failureMessage, type Activity } from "./failure";
import { Outcome } from "./Outcome";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { ...typographyStyles.body1Strong, margin: 0 },
  hint: { ...typographyStyles.caption1, margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  report: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, overflowWrap: "anywhere" },
  text: { ...typographyStyles.body1, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  conflicts: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  legend: { ...typographyStyles.body1Strong, padding: 0, marginBottom: tokens.spacingVerticalXS },
});

/** How a round reads in the list: `Response`, `Status at 6 months`, `Status in 2025`. */
function roundLabel(round: string): string {
  return round === "response" ? "Response" : `Status ${atPeriod(round)}`;
}

const KEEP = "\u0000keep";

export interface UnitSheetsPanelProps {
  gateway: WorkbookGateway;
  recognition: Recognition | null;
  disabled: boolean;
  /** Tells the pane the panel is working (its other actions wait), or done (null). */
  onBusyChange: (activity: Activity | null) => void;
}

export function UnitSheetsPanel({ gateway, recognition, disabled, onBusyChange }: UnitSheetsPanelProps) {
  const styles = useStyles();
  const rounds = recognition?.kind === "recognised" && recognition.rounds?.length ? recognition.rounds : ["response"];
  const [round, setRound] = useState("response");
  const [busy, setBusy] = useState<Activity | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [report, setReport] = useState<MergedUnitSheets | null>(null);
  /** The choice for each open conflict, by its key: KEEP or a proposal's text. */
  const [choices, setChoices] = useState<Record<string, string>>({});

  const chosenRound = rounds.includes(round) ? round : "response";

  const run = async (activity: Activity, work: () => Promise<void>) => {
    setBusy(activity);
    onBusyChange(activity);
    setFailure(null);
    setNotice(null);
    try {
      await work();
    } catch (error) {
      console.error(error);
      setFailure(failureMessage(error, activity));
    } finally {
      setBusy(null);
      onBusyChange(null);
    }
  };

  const prepare = () =>
    run("preparing", async () => {
      const prepared = await gateway.prepareUnitSheets(chosenRound);
      setReport(null);
      setNotice(
        `Prepared ${plural(prepared.sheets.length, "unit sheet")} for ${prepared.round}: ${joinWithAnd(prepared.sheets)}. ` +
          "Each is protected except the cells its unit fills in; share the workbook (or copy each sheet to its unit), then merge the answers back." +
          (prepared.notAddressed.length ? ` No sheet for ${joinWithAnd(prepared.notAddressed)}: no recommendation is addressed to ${prepared.notAddressed.length === 1 ? "it" : "them"}.` : ""),
      );
    });

  const merge = (decided: ConflictChoice[]) =>
    run("merging", async () => {
      const merged = await gateway.mergeUnitSheets(decided);
      setReport(merged);
      setChoices({});
    });

  const apply = () => {
    if (!report) return;
    const decided = report.conflicts.flatMap((c) => {
      if (c.decided) return [];
      const chosen = choices[c.key] ?? KEEP;
      return [{ key: c.key, text: chosen === KEEP ? c.bookText : chosen }];
    });
    void merge(decided);
  };

  const working = disabled || busy !== null;
  const open = report?.conflicts.filter((c) => !c.decided) ?? [];

  return (
    <section className={styles.root} aria-labelledby="unit-sheets-heading" aria-busy={busy !== null}>
      <h2 id="unit-sheets-heading" className={styles.heading}>
        Unit sheets
      </h2>
      <p className={styles.hint}>
        One sheet per unit with only its recommendations, protected except the cells to fill in. Merge brings the answers back into
        Responses; the Merge log sheet lists every cell.
      </p>
      <Field label="Round">
        <Select value={chosenRound} disabled={working} onChange={(_, data) => setRound(data.value)}>
          {rounds.map((r) => (
            <option key={r} value={r}>
              {roundLabel(r)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button onClick={prepare} disabled={working}>
          Prepare unit sheets
        </Button>
        <Button onClick={() => void merge([])} disabled={working}>
          Merge unit sheets
        </Button>
      </div>
      {busy && <Spinner size="tiny" labelPosition="after" label={busy === "preparing" ? "Preparing the unit sheets…" : "Merging the unit sheets…"} />}
      <Outcome failure={failure} notice={notice} />
      <div aria-live="polite">{report && <MergeReport report={report} />}</div>
      {open.length > 0 && (
        <fieldset className={styles.conflicts}>
          <legend className={styles.legend}>
            {plural(open.length, "conflict")}: choose the answer to keep
          </legend>
          {open.map((c) => (
            <ConflictChoiceField key={c.key} conflict={c} value={choices[c.key] ?? KEEP} disabled={working} onChange={(v) => setChoices({ ...choices, [c.key]: v })} />
          ))}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={apply} disabled={working}>
              Apply choices
            </Button>
          </div>
        </fieldset>
      )}
    </section>
  );
}

/** What a merge came to: the totals, the parts refused and the warnings, the conflicts already decided. */
function MergeReport({ report }: { report: MergedUnitSheets }) {
  const styles = useStyles();
  const merged = report.parts.filter((p) => !p.refusedBecause).length;
  const said = report.parts.flatMap((p) => [...(p.refusedBecause ? [p.refusedBecause] : []), ...p.notes.map((n) => `${n.kind === "refused" ? "Refused" : "Warning"}: ${n.sentence}`)]);
  const decided = report.conflicts.filter((c) => c.decided);
  return (
    <div className={styles.report}>
      <p className={styles.text}>
        {`Merged ${merged} of ${plural(report.parts.length, "unit sheet")}${report.round ? ` for ${report.round}` : ""}: ${countsLine(report.totals)}. ` +
          `The sheet "${report.logSheet}" lists every cell.`}
      </p>
      {said.length > 0 && (
        <ul className={styles.list} aria-label="Refused and warnings">
          {said.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      )}
      {decided.length > 0 && (
        <ul className={styles.list} aria-label="Conflicts decided">
          {decided.map((c) => (
            <li key={c.key}>{`Recommendation ${c.recommendation}, ${c.unit}, ${c.header} (${report.responsesSheet}!${c.cell}): ${decision(c)}.`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ConflictChoiceField({ conflict, value, disabled, onChange }: { conflict: Conflict; value: string; disabled: boolean; onChange: (value: string) => void }) {
  const c = conflict;
  return (
    <Field label={`Recommendation ${c.recommendation}, ${c.unit}, ${c.header} (cell ${c.cell})`}>
      <RadioGroup value={value} disabled={disabled} onChange={(_, data) => onChange(data.value)}>
        <Radio value={KEEP} label={`Keep the workbook's ${quoted(c.book)}`} />
        {c.proposals.map((p) => (
          <Radio key={p.text} value={p.text} label={`Take ${quoted(p.value)} from ${joinWithAnd(p.from.map((f) => f.name))}`} />
        ))}
      </RadioGroup>
    </Field>
  );
}
