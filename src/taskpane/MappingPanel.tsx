/**
 * Settings → Sheet and columns: what was recognised, and the sheet, header row and column of each role
 * chosen by hand when recognition gets it wrong. The choice is saved in the workbook with the settings.
 */

import { Outcome } from "./Outcome";
import { useEffect, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { columnIndex } from "../core/grid";
import { ROLE_LABELS, type Role } from "../core/headers";
import { OPTIONAL_ROLES, REQUIRED_ROLES, guessedMapping, startingMapping, type HeaderChoice } from "../core/layouts/mapped";
import type { Mapping, Settings } from "../core/model";
import { joinWithAnd } from "../core/text";
import type { Recognition, SheetChoices, WorkbookGateway } from "../excel/gateway";
import { failureMessage, isUserFacing } from "./failure";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { ...typographyStyles.body1Strong, margin: 0 },
  text: { ...typographyStyles.body1, margin: 0, overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  group: { display: "flex", flexDirection: "column", border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { ...typographyStyles.body1Strong, padding: 0, marginBottom: tokens.spacingVerticalXS },
});

/** Why one would choose by hand (the status line above already says what was recognised, or why nothing was). */
function recognitionText(recognition: Recognition | null): string {
  if (recognition?.kind === "none") return "Nothing was recognised automatically: say which sheet and columns hold the responses.";
  return "If the add-in read the wrong table, or none, say which sheet and columns hold the responses.";
}

/** How a column is offered: "D — Proposed action", or "D (no header)". */
function columnText(h: HeaderChoice): string {
  return h.text ? `${h.letter} — ${h.text}` : `${h.letter} (no header)`;
}

/** The mapping without the roles left at "None". */
function cleaned(draft: Mapping): Mapping {
  const columns = Object.fromEntries(Object.entries(draft.columns).filter(([, letter]) => letter)) as Mapping["columns"];
  const followUps = [...(draft.followUps ?? [])].sort((a, b) => columnIndex(a) - columnIndex(b));
  return { sheet: draft.sheet, headerRow: draft.headerRow, columns, followUps };
}

export interface MappingPanelProps {
  gateway: Pick<WorkbookGateway, "describeSheets">;
  settings: Settings;
  recognition: Recognition | null;
  onChange: (settings: Settings) => void;
  disabled?: boolean;
  /** Counts requests from elsewhere in the pane ("Choose the sheet and columns" where nothing was recognised) to start choosing. */
  chooseRequest?: number;
}

export function MappingPanel({ gateway, settings, recognition, onChange, disabled, chooseRequest = 0 }: MappingPanelProps) {
  const styles = useStyles();
  const headingId = "mapping-heading";
  const [choices, setChoices] = useState<SheetChoices | null>(null);
  const [draft, setDraft] = useState<Mapping | null>(null);
  const [rowText, setRowText] = useState("");
  const [loading, setLoading] = useState(false);
  const [tried, setTried] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const start = (mapping: Mapping | null) => {
    setDraft(mapping);
    setRowText(mapping ? String(mapping.headerRow) : "");
    setTried(false);
  };

  const choose = async () => {
    setLoading(true);
    setFailure(null);
    setNotice(null);
    try {
      const described = await gateway.describeSheets();
      setChoices(described);
      start(startingMapping(described, settings.mapping));
      if (described.sheets.length === 0) setFailure("The workbook has no sheets to choose from.");
    } catch (error) {
      if (!isUserFacing(error)) console.error(error);
      setFailure(failureMessage(error, "loading"));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    if (chooseRequest > 0) void choose();
    // only a new request starts choosing, not a re-render
  }, [chooseRequest]);

  const sheet = choices?.sheets.find((s) => s.name === draft?.sheet) ?? null;
  const headers = (draft && sheet?.rows[draft.headerRow - 1]) || [];
  const missing = draft ? REQUIRED_ROLES.filter((role) => !draft.columns[role]) : [];

  const chooseSheet = (name: string) => {
    const next = choices?.sheets.find((s) => s.name === name);
    if (next) start(guessedMapping(next.name, next.headerRow, next.headers));
  };

  const chooseHeaderRow = (text: string) => {
    setRowText(text);
    const row = Number(text);
    // The columns are guessed again from the new row's headers; an unfinished number waits
    if (sheet && Number.isInteger(row) && row >= 1 && row <= sheet.rows.length) {
      setDraft(guessedMapping(sheet.name, row, sheet.rows[row - 1]));
    }
  };

  const chooseColumn = (role: Role, letter: string) => {
    if (!draft) return;
    setDraft({ ...draft, columns: { ...draft.columns, [role]: letter } });
  };

  const toggleFollowUp = (letter: string, on: boolean) => {
    if (!draft) return;
    const others = (draft.followUps ?? []).filter((l) => l !== letter);
    setDraft({ ...draft, followUps: on ? [...others, letter] : others });
  };

  const save = () => {
    if (!draft) return;
    setTried(true);
    if (missing.length > 0) return;
    const mapping = cleaned(draft);
    onChange({ ...settings, mapping });
    setDraft(null);
    setNotice(`Saved in the workbook. Validate and Generate summary will read the sheet '${mapping.sheet}' with these columns.`);
  };

  const clearMapping = () => {
    const { mapping: _dropped, ...rest } = settings;
    onChange(rest);
    setDraft(null);
    setNotice("Automatic recognition is used again.");
  };

  const rowCount = sheet?.rows.length ?? 0;
  // Columns already given a role are not offered as follow-ups, unless they were ticked before
  const taken = new Set(Object.values(draft?.columns ?? {}));
  const followUpChoices = headers.filter((h) => h.text && (!taken.has(h.letter) || draft?.followUps?.includes(h.letter)));
  const rowValid = draft !== null && String(draft.headerRow) === rowText;

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1} className={styles.heading}>
        Sheet and columns
      </h2>
      <p className={styles.text}>{recognitionText(recognition)}</p>
      {settings.mapping && (
        <p className={styles.text}>
          Your column mapping is used: sheet &apos;{settings.mapping.sheet}&apos;, headers in row {settings.mapping.headerRow}.
        </p>
      )}

      {!draft && (
        <div className={styles.actions}>
          <Button onClick={choose} disabled={disabled || loading}>
            Choose the sheet and columns
          </Button>
          {settings.mapping && (
            <Button onClick={clearMapping} disabled={disabled || loading}>
              Use automatic recognition
            </Button>
          )}
        </div>
      )}
      {loading && <Spinner size="tiny" labelPosition="after" label="Reading the sheets…" />}
      <Outcome failure={failure} notice={notice} />

      {draft && choices && (
        <form
          className={styles.form}
          aria-label="Sheet and columns"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <Field label="Sheet" hint="The sheet that holds one row per recommendation and unit.">
            <Select value={draft.sheet} disabled={disabled} onChange={(_, data) => chooseSheet(data.value)}>
              {choices.sheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label="Header row"
            hint={`The row whose cells name the columns (1 to ${Math.max(rowCount, 1)}).`}
            validationMessage={rowValid ? undefined : `Enter a row number from 1 to ${Math.max(rowCount, 1)}.`}
          >
            <Input
              type="number"
              min={1}
              max={Math.max(rowCount, 1)}
              value={rowText}
              disabled={disabled || rowCount === 0}
              onChange={(_, data) => chooseHeaderRow(data.value)}
            />
          </Field>
          {rowCount === 0 && <p className={styles.text}>This sheet is empty: choose another one.</p>}

          {[...REQUIRED_ROLES, ...OPTIONAL_ROLES].map((role) => {
            const required = REQUIRED_ROLES.includes(role);
            const value = draft.columns[role] ?? "";
            const known = value === "" || headers.some((h) => h.letter === value);
            return (
              <Field
                key={role}
                label={ROLE_LABELS[role]}
                required={required}
                validationMessage={tried && required && !value ? `Choose which column holds "${ROLE_LABELS[role]}".` : undefined}
              >
                <Select value={value} disabled={disabled} onChange={(_, data) => chooseColumn(role, data.value)}>
                  <option value="">{required ? "Choose a column" : "None"}</option>
                  {!known && <option value={value}>{value} (beyond the table)</option>}
                  {headers.map((h) => (
                    <option key={h.letter} value={h.letter}>
                      {columnText(h)}
                    </option>
                  ))}
                </Select>
              </Field>
            );
          })}

          {followUpChoices.length > 0 && (
            <fieldset className={styles.group}>
              <legend className={styles.legend}>Follow-up status columns</legend>
              {followUpChoices.map((h) => (
                <Checkbox
                  key={h.letter}
                  label={columnText(h)}
                  disabled={disabled}
                  checked={(draft.followUps ?? []).includes(h.letter)}
                  onChange={(_, data) => toggleFollowUp(h.letter, data.checked === true)}
                />
              ))}
            </fieldset>
          )}

          {tried && missing.length > 0 && (
            <MessageBar intent="warning">
              <MessageBarBody>
                Choose a column for {joinWithAnd(missing.map((r) => `"${ROLE_LABELS[r]}"`))} before saving.
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={disabled || !rowValid}>
              Save
            </Button>
            <Button onClick={() => start(null)} disabled={disabled}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
