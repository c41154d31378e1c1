/**
 * The task pane (SPEC section 7). At the top, always in reach: the status line, then a bar that stays in view
 * with Validate, Generate summary and the tabs (Issues, Template, Unit sheets, Settings). Each tab is one entry of `sections`;
 * a new area of the pane is one more entry there.
 */

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { Button, Spinner, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { Finding, Settings } from "../core/model";
import { countText } from "../core/severity";
import { displayText, joinWithAnd, plural } from "../core/text";
import type { Recognition, TemplateOptions, ValidationResult, WorkbookGateway } from "../excel/gateway";
import { Announcer, useAnnounce } from "./announce";
import { longDate, today, userLocale } from "./dates";
import { failureMessage, isUserFacing, type Activity } from "./failure";
import { IssueList } from "./IssueList";
import { MappingPanel } from "./MappingPanel";
import { NOTHING_CHECKED, NothingChecked } from "./NothingChecked";
import { Outcome } from "./Outcome";
import { PaneTabs } from "./PaneTabs";
import { SettingsPanel, SeveritySettings } from "./SettingsPanel";
import { TemplatePanel } from "./TemplatePanel";
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
    gap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`,
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
  title: { ...typographyStyles.subtitle1, margin: `${tokens.spacingVerticalM} 0 0` },
  status: { ...typographyStyles.body1, margin: 0, overflowWrap: "anywhere" },
  // Stays at the top while the issue list scrolls under it
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    margin: `0 calc(-1 * ${tokens.spacingHorizontalM})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0, paddingTop: tokens.spacingVerticalS },
  intro: { ...typographyStyles.body1, margin: 0 },
});

/** What the status line says: what was recognised, or that nothing was and what to do. */
function statusText(recognition: Recognition | null, loading: boolean): string {
  if (recognition === null) return loading ? "Reading the workbook…" : "The workbook has not been read yet.";
  if (recognition.kind === "recognised") return displayText(recognition.description);
  // The reason says what to do; the Issues tab offers the two ways on
  return `No response matrix found: ${displayText(recognition.reason).replace(/[.\s]*$/, ".")}`;
}

/** What validation depends on: a change of anything else (summary layout, language) leaves the issue list valid. */
function checkedWith(settings: Settings): string {
  const overrides = Object.entries(settings.severityOverrides).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([settings.asOf ?? null, overrides, settings.mapping ?? null]);
}

/** The sentence read out after a validation: what was checked and what was found, in the pane's words. */
function validationSentence(result: ValidationResult, asOfText: string, again: boolean): string {
  if (result.recognition.kind === "none") return NOTHING_CHECKED;
  const { counts } = result;
  const found = counts.error + counts.warning + counts.info === 0 ? "no issues found" : `${countText("error", counts.error)}, ${countText("warning", counts.warning)}, ${countText("info", counts.info)}`;
  const what = `${plural(result.recognition.responses, "response")} checked as of ${asOfText}`;
  return `${again ? "Checked again with the new settings" : "Validation done"}: ${what}, ${found}.`;
}

export interface AppProps {
  gateway: WorkbookGateway;
  /** The locale dates are typed and shown in (default: the browser's). */
  locale?: string;
}

export function App(props: AppProps) {
  return (
    <Announcer>
      <Pane {...props} />
    </Announcer>
  );
}

type SectionId = "issues" | "template" | "unit-sheets" | "settings";

function Pane({ gateway, locale = userLocale() }: AppProps) {
  const styles = useStyles();
  const announce = useAnnounce();
  const [recognition, setRecognition] = useState<Recognition | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  // The last validation and the settings it ran with
  const [checked, setChecked] = useState<{ result: ValidationResult; with: Settings } | null>(null);
  const [busy, setBusy] = useState<Activity | null>("loading");
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [section, setSection] = useState<SectionId>("issues");
  const [chooseRequest, setChooseRequest] = useState(0);
  // Where the focus goes once the next render is done (the results heading after Validate, a panel's heading)
  const focusNext = useRef<HTMLElement | null | (() => HTMLElement | null)>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const templateHeading = useRef<HTMLHeadingElement>(null);
  // Saves run one after another so the last change is the one the workbook keeps.
  const saving = useRef<Promise<void>>(Promise.resolve());
  // The settings an automatic re-validation was last tried with, so a failed one is not retried in a loop
  const retried = useRef<string | null>(null);

  const fail = useCallback((error: unknown, activity: Activity) => {
    // What was written for people is shown to them and is no error of the add-in; anything else is, for developers
    if (!isUserFacing(error)) console.error(error);
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

  useEffect(() => {
    const target = typeof focusNext.current === "function" ? focusNext.current() : focusNext.current;
    if (target) {
      focusNext.current = null;
      target.focus();
    }
  });

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

  const asOfText = (s: Settings) => longDate(s.asOf ?? today(), locale);

  /** Validates with the current settings. Asked for by the user, the results are shown and focused; else only replaced. */
  const check = (how: "asked" | "again") =>
    run("validating", async () => {
      const used = settings;
      const result = await gateway.validate(used);
      setRecognition(result.recognition);
      setChecked({ result, with: used });
      announce(validationSentence(result, asOfText(used), how === "again"));
      if (how === "asked") {
        setSection("issues");
        focusNext.current = () => resultsHeading.current;
      }
    });

  const stale = checked !== null && checkedWith(checked.with) !== checkedWith(settings);

  // Results made stale by a change of settings are checked again at once (it is cheap); if that fails, the list
  // says it is out of date and keeps its "Validate again" button.
  useEffect(() => {
    if (!stale || busy !== null || retried.current === checkedWith(settings)) return;
    retried.current = checkedWith(settings);
    void check("again");
  });

  const generateSummary = () =>
    run("summarising", async () => {
      const { sheet } = await gateway.generateSummary(settings);
      setNotice(`The Section 0 summary was written to the sheet "${sheet}".`);
      // The sheet counts the findings of the workbook as it is now: a list on show is brought to the same counts
      if (checked !== null) setChecked({ result: await gateway.validate(settings), with: settings });
    });

  const createTemplate = (options: Required<TemplateOptions>) =>
    run("creating", async () => {
      const { sheets } = await gateway.createTemplate(options);
      setNotice(
        `Template created: ${sheets.length === 1 ? "sheet" : "sheets"} ${joinWithAnd(sheets.map((s) => `"${s}"`))}.` +
          (options.fromSelection
            ? " The recommendations come from the selected text; add whom each is addressed to, then the units and responses."
            : options.example
              ? " It holds example data; replace it with your own."
              : " Fill in the units, recommendations and responses."),
      );
      setChecked(null);
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

  /** A new mapping changes what the workbook is read as: the status line follows once it is saved (issues are re-checked as stale). */
  const changeMapping = (next: Settings) => {
    changeSettings(next);
    if (checked !== null) return;
    saving.current = saving.current
      .then(() => gateway.recognise())
      .then(setRecognition)
      .catch((error: unknown) => fail(error, "loading"));
  };

  const open = (id: SectionId, focus: () => HTMLElement | null) => {
    setSection(id);
    focusNext.current = focus;
  };

  const working = busy !== null;
  const progress = busy ? PROGRESS[busy] : undefined;
  const result = checked?.result ?? null;
  const nothingToCheck = (result ? result.recognition : recognition)?.kind === "none";

  const issues: ReactNode = nothingToCheck ? (
    <NothingChecked
      validated={result !== null}
      headingRef={resultsHeading}
      disabled={working}
      onChooseColumns={() => {
        setChooseRequest((n) => n + 1);
        open("settings", () => document.getElementById("mapping-heading"));
      }}
      onCreateTemplate={() => open("template", () => templateHeading.current)}
    />
  ) : result && checked ? (
    <IssueList
      result={result}
      asOfText={asOfText(checked.with)}
      stale={stale ? (busy === "validating" ? "checking" : "out of date") : null}
      onRefresh={() => void check("asked")}
      onSelect={selectCell}
      headingRef={resultsHeading}
      disabled={working}
    />
  ) : (
    <p className={styles.intro}>Validate checks every response against the rules and lists what to fix here, with a click to each cell.</p>
  );

  /** The pane's tabs, in order. A new area (say, the round trip with the units) is one more entry. */
  const sections: { id: SectionId; label: string; content: ReactNode }[] = [
    { id: "issues", label: "Issues", content: issues },
    { id: "template", label: "Template", content: <TemplatePanel onCreate={createTemplate} disabled={working} headingRef={templateHeading} /> },
    {
      id: "unit-sheets",
      label: "Unit sheets",
      content: (
        <UnitSheetsPanel gateway={gateway} recognition={recognition} disabled={working && busy !== "preparing" && busy !== "merging"} onBusyChange={setBusy} />
      ),
    },
    {
      id: "settings",
      label: "Settings",
      content: (
        <>
          <SettingsPanel settings={settings} onChange={changeSettings} locale={locale} disabled={busy === "loading"} />
          <MappingPanel
            gateway={gateway}
            settings={settings}
            recognition={recognition}
            onChange={changeMapping}
            disabled={working}
            chooseRequest={chooseRequest}
          />
          <SeveritySettings settings={settings} onChange={changeSettings} disabled={busy === "loading"} />
        </>
      ),
    },
  ];

  return (
    <main className={styles.root} aria-labelledby="pane-title" aria-busy={working}>
      <h1 id="pane-title" className={styles.title}>
        Response Matrix
      </h1>
      <p role="status" className={styles.status}>
        {statusText(recognition, busy === "loading")}
      </p>

      <div className={styles.bar}>
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => void check("asked")} disabled={working}>
            Validate
          </Button>
          <Button onClick={generateSummary} disabled={working}>
            Generate summary
          </Button>
          {progress && <Spinner size="extra-tiny" labelPosition="after" label={progress} />}
        </div>
        <PaneTabs tabs={sections} selected={section} onSelect={(id) => setSection(id as SectionId)} label="Parts of the pane" />
      </div>

      <Outcome failure={failure} notice={notice} />

      {sections.map((s) => (
        <div
          key={s.id}
          id={`panel-${s.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${s.id}`}
          hidden={s.id !== section}
          className={s.id === section ? styles.panel : undefined}
        >
          {s.content}
        </div>
      ))}
    </main>
  );
}
