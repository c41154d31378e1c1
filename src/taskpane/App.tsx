/** The task pane (SPEC section 7): status line, Validate, Generate summary, Create template, settings. */

import { Outcome } from "./Outcome";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Checkbox,
  Spinner,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import type { Finding, Settings } from "../core/model";
import { displayText, joinWithAnd } from "../core/text";
import type { Recognition, ValidationResult, WorkbookGateway } from "../excel/gateway";
import { failureMessage, type Activity } from "./failure";
import { IssueList } from "./IssueList";
import { MappingPanel } from "./MappingPanel";
import { SettingsPanel } from "./SettingsPanel";
import { UnitSheetsPanel } from "./UnitSheetsPanel";

/** Settings of a workbook that has none saved. */
export const DEFAULT_SETTINGS: Settings = { summaryBy: "division", severityOverrides: {} };

const PROGRESS: Partial<Record<Activity, string>> = {
  loading: "Reading the workbook…",
  validating: "Validating the responses…",
  summarising: "Writing the Section 0 summary…",
  creating: "Creating the template…",
};

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
  title: { ...typographyStyles.subtitle1, margin: 0 },
  status: { ...typographyStyles.body1, margin: 0, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  template: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
  sectionHeading: { ...typographyStyles.body1Strong, margin: 0 },
  settings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

function statusText(recognition: Recognition | null, loading: boolean): string {
  if (recognition === null) return loading ? "Reading the workbook…" : "The workbook has not been read yet.";
  if (recognition.kind === "recognised") return displayText(recognition.description);
  const reason = displayText(recognition.reason).replace(/[.\s]*$/, ".");
  return `No response matrix found: ${reason} Create a template below to start one.`;
}

export interface AppProps {
  gateway: WorkbookGateway;
}

export function App({ gateway }: AppProps) {
  const styles = useStyles();
  const [recognition, setRecognition] = useState<Recognition | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [result, setResult] = useState<ValidationResult | null>(null);
  const [busy, setBusy] = useState<Activity | null>("loading");
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [example, setExample] = useState(false);
  const [fromSelection, setFromSelection] = useState(false);
  // Saves run one after another so the last change is the one the workbook keeps.
  const saving = useRef<Promise<void>>(Promise.resolve());

  const fail = useCallback((error: unknown, activity: Activity) => {
    // The details go to the developer console; the user gets a sentence.
    console.error(error);
    setFailure(failureMessage(error, activity));
  }, []);

  useEffect(() => {
    let live = true;
    Promise.allSettled([gateway.recognise(), gateway.loadSettings()]).then(([recognised, loaded]) => {
      if (!live) return;
      if (recognised.status === "fulfilled") setRecognition(recognised.value);
      else fail(recognised.reason, "loading");
      if (loaded.status === "fulfilled") setSettings({ ...DEFAULT_SETTINGS, ...loaded.value });
      else fail(loaded.reason, "loading");
      setBusy(null);
    });
    return () => {
      live = false;
    };
  }, [gateway, fail]);

  /** Runs one long action: progress shown, buttons disabled, failure reported in words. */
  const run = async (activity: Activity, work: () => Promise<void>) => {
    setBusy(activity);
    setFailure(null);
    setNotice(null);
    try {
      await work();
    } catch (error) {
      fail(error, activity);
    } finally {
      setBusy(null);
    }
  };

  const validate = () =>
    run("validating", async () => {
      const validation = await gateway.validate(settings);
      setRecognition(validation.recognition);
      setResult(validation);
    });

  const generateSummary = () =>
    run("summarising", async () => {
      const { sheet } = await gateway.generateSummary(settings);
      setNotice(`The Section 0 summary was written to the sheet "${sheet}".`);
    });

  const createTemplate = () =>
    run("creating", async () => {
      const { sheets } = await gateway.createTemplate({ example: example && !fromSelection, fromSelection });
      setNotice(
        `Template created: ${sheets.length === 1 ? "sheet" : "sheets"} ${joinWithAnd(sheets.map((s) => `"${s}"`))}.` +
          (fromSelection
            ? " The recommendations come from the selected text; add whom each is addressed to, then the units and responses."
            : example
              ? " It holds example data; replace it with your own."
              : " Fill in the units, recommendations and responses."),
      );
      setResult(null);
      setRecognition(await gateway.recognise());
    });

  const selectCell = (finding: Finding) => {
    gateway.selectCell(finding.at).catch((error: unknown) => fail(error, "selecting"));
  };

  const changeSettings = (next: Settings) => {
    setSettings(next);
    saving.current = saving.current
      .then(() => gateway.saveSettings(next))
      .catch((error: unknown) => fail(error, "saving"));
  };

  /** A new mapping changes what the workbook is read as: the old issues go, and the status line follows once it is saved. */
  const changeMapping = (next: Settings) => {
    changeSettings(next);
    setResult(null);
    saving.current = saving.current
      .then(() => gateway.recognise())
      .then(setRecognition)
      .catch((error: unknown) => fail(error, "loading"));
  };

  const working = busy !== null;
  const progress = busy ? PROGRESS[busy] : undefined;

  return (
    <main className={styles.root} aria-labelledby="pane-title" aria-busy={working}>
      <h1 id="pane-title" className={styles.title}>
        Response Matrix
      </h1>
      <p role="status" className={styles.status}>
        {statusText(recognition, busy === "loading")}
      </p>

      <div className={styles.actions}>
        <Button appearance="primary" onClick={validate} disabled={working}>
          Validate
        </Button>
        <Button onClick={generateSummary} disabled={working}>
          Generate summary
        </Button>
      </div>

      <section className={styles.template} aria-labelledby="template-heading">
        <h2 id="template-heading" className={styles.sectionHeading}>
          New workbook
        </h2>
        <Checkbox
          checked={example && !fromSelection}
          disabled={working || fromSelection}
          onChange={(_, data) => setExample(data.checked === true)}
          label="Include example data (seed 002)"
        />
        <Checkbox
          checked={fromSelection}
          disabled={working}
          onChange={(_, data) => setFromSelection(data.checked === true)}
          label="Take the recommendations from the selected cells (report text pasted in a column)"
        />
        <Button onClick={createTemplate} disabled={working}>
          Create template
        </Button>
      </section>

      <UnitSheetsPanel gateway={gateway} recognition={recognition} disabled={working && busy !== "preparing" && busy !== "merging"} onBusyChange={setBusy} />

      {progress && <Spinner size="tiny" labelPosition="after" label={progress} />}
      <Outcome failure={failure} notice={notice} />

      {result && <IssueList result={result} onSelect={selectCell} />}

      <Accordion collapsible>
        <AccordionItem value="settings">
          <AccordionHeader as="h2">Settings</AccordionHeader>
          <AccordionPanel className={styles.settings}>
            <MappingPanel gateway={gateway} settings={settings} recognition={recognition} onChange={changeMapping} disabled={working} />
            <SettingsPanel settings={settings} onChange={changeSettings} disabled={busy === "loading"} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </main>
  );
}

