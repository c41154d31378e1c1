/** Settings kept in the workbook: summary by division or unit, its language, "as of" date, severity per rule. */

import { Field, Input, Radio, RadioGroup, Select, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { Settings } from "../core/model";
import { RULES } from "../core/rules/index";
import { SEVERITY_WORDS } from "./SeverityIcon";

type Override = Settings["severityOverrides"][string];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  rules: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0 },
  legend: { ...typographyStyles.body1Strong, padding: 0, marginBottom: tokens.spacingVerticalXS },
});

/** Today as YYYY-MM-DD in the user's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface SettingsPanelProps {
  settings: Settings;
  onChange: (settings: Settings) => void;
  disabled?: boolean;
}

export function SettingsPanel({ settings, onChange, disabled }: SettingsPanelProps) {
  const styles = useStyles();

  const setOverride = (rule: string, value: string) => {
    const severityOverrides = { ...settings.severityOverrides };
    if (value === "default") delete severityOverrides[rule];
    else severityOverrides[rule] = value as Override;
    onChange({ ...settings, severityOverrides });
  };

  return (
    <div className={styles.root}>
      <Field label="Summary columns">
        <RadioGroup
          value={settings.summaryBy}
          disabled={disabled}
          onChange={(_, data) => onChange({ ...settings, summaryBy: data.value === "unit" ? "unit" : "division" })}
        >
          <Radio value="division" label="One column per division" />
          <Radio value="unit" label="One column per unit" />
        </RadioGroup>
      </Field>
      <Field label="Summary language" hint="Headings, labels and answers of the summary sheet.">
        <Select
          value={settings.summaryLanguage ?? "auto"}
          disabled={disabled}
          onChange={(_, data) => {
            const { summaryLanguage: _previous, ...rest } = settings;
            onChange(data.value === "en" || data.value === "fr" ? { ...rest, summaryLanguage: data.value } : rest);
          }}
        >
          <option value="auto">As the workbook&apos;s headers</option>
          <option value="en">English</option>
          <option value="fr">French (français)</option>
        </Select>
      </Field>
      <Field label="As of" hint={`Overdue dates are counted up to this day. Leave it empty to use today (${today()}).`}>
        <Input
          type="date"
          value={settings.asOf ?? ""}
          disabled={disabled}
          onChange={(_, data) => {
            const { asOf: _previous, ...rest } = settings;
            onChange(/^\d{4}-\d{2}-\d{2}$/.test(data.value) ? { ...rest, asOf: data.value } : rest);
          }}
        />
      </Field>
      <fieldset className={styles.rules}>
        <legend className={styles.legend}>Severity of each rule</legend>
        {RULES.map(({ meta }) => (
          <Field key={meta.id} label={meta.id} hint={meta.description}>
            <Select
              value={settings.severityOverrides[meta.id] ?? "default"}
              disabled={disabled}
              onChange={(_, data) => setOverride(meta.id, data.value)}
            >
              <option value="default">Default ({SEVERITY_WORDS[meta.severity].one})</option>
              <option value="error">{SEVERITY_WORDS.error.title}</option>
              <option value="warning">{SEVERITY_WORDS.warning.title}</option>
              <option value="info">{SEVERITY_WORDS.info.title}</option>
              <option value="off">Off: do not check</option>
            </Select>
          </Field>
        ))}
      </fieldset>
    </div>
  );
}
