/** Settings kept in the workbook: the as-of date, summary by division or unit, its language, and the severity of each rule. */

import { useId } from "react";
import { Field, Label, Radio, RadioGroup, Select, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { Settings } from "../core/model";
import { RULES } from "../core/rules/index";
import type { Rule } from "../core/rules/types";
import { SEVERITY_WORDS } from "../core/severity";
import { AsOfField } from "./AsOfField";

type Override = Settings["severityOverrides"][string];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  rules: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { ...typographyStyles.body1Strong, padding: 0, marginBottom: tokens.spacingVerticalXS },
  rule: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) auto", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  ruleId: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

export interface SettingsPanelProps {
  settings: Settings;
  onChange: (settings: Settings) => void;
  /** The locale dates are typed and shown in. */
  locale: string;
  disabled?: boolean;
}

/** The as-of date and how the summary is laid out. A new setting is one more field here. */
export function SettingsPanel({ settings, onChange, locale, disabled }: SettingsPanelProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <AsOfField
        value={settings.asOf}
        locale={locale}
        disabled={disabled}
        onChange={(asOf) => {
          const { asOf: _previous, ...rest } = settings;
          onChange(asOf ? { ...rest, asOf } : rest);
        }}
      />
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
    </div>
  );
}

/** Settings → Severity of each rule: every rule by its title (id in small print), its default named in the pane's words. */
export function SeveritySettings({ settings, onChange, disabled }: Omit<SettingsPanelProps, "locale">) {
  const styles = useStyles();
  const setOverride = (rule: string, value: string) => {
    const severityOverrides = { ...settings.severityOverrides };
    if (value === "default") delete severityOverrides[rule];
    else severityOverrides[rule] = value as Override;
    onChange({ ...settings, severityOverrides });
  };
  return (
    <fieldset className={styles.rules}>
      <legend className={styles.legend}>Severity of each rule</legend>
      {RULES.map((rule) => (
        <RuleSeverity key={rule.meta.id} rule={rule} value={settings.severityOverrides[rule.meta.id] ?? "default"} onChange={setOverride} disabled={disabled} styles={styles} />
      ))}
    </fieldset>
  );
}

function RuleSeverity(props: { rule: Rule; value: string; onChange: (rule: string, value: string) => void; disabled?: boolean; styles: ReturnType<typeof useStyles> }) {
  const { rule, value, onChange, disabled, styles } = props;
  const id = useId();
  const { meta } = rule;
  return (
    <div className={styles.rule}>
      <div>
        <Label htmlFor={id}>{meta.title}</Label>
        <div id={`${id}-id`} className={styles.ruleId}>
          {meta.id}
        </div>
      </div>
      <Select id={id} aria-describedby={`${id}-id`} value={value} disabled={disabled} onChange={(_, data) => onChange(meta.id, data.value)}>
        <option value="default">Default ({SEVERITY_WORDS[meta.severity].one})</option>
        <option value="error">{SEVERITY_WORDS.error.title}</option>
        <option value="warning">{SEVERITY_WORDS.warning.title}</option>
        <option value="info">{SEVERITY_WORDS.info.title}</option>
        <option value="off">Off: not checked</option>
      </Select>
    </div>
  );
}
