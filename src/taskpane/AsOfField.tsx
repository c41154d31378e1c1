/**
 * The as-of date, typed and shown as the user's locale writes dates ("30/06/2025", "6/30/2025"), echoed back with
 * the month in words ("30 June 2025") so day and month cannot be confused. Kept as YYYY-MM-DD in the settings.
 */

import { useEffect, useState } from "react";
import { Field, Input } from "@fluentui/react-components";
import { dateFormat, longDate, parseTypedDate, shortDate, today } from "./dates";

export interface AsOfFieldProps {
  /** YYYY-MM-DD, or undefined for today. */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  locale: string;
  disabled?: boolean;
}

export function AsOfField({ value, onChange, locale, disabled }: AsOfFieldProps) {
  const [text, setText] = useState(value ? shortDate(value, locale) : "");
  const [wrong, setWrong] = useState<string | null>(null);
  const { placeholder } = dateFormat(locale);

  // A value set elsewhere (loaded from the workbook, or this field's own commit) is shown the locale's way
  useEffect(() => {
    setText(value ? shortDate(value, locale) : "");
    setWrong(null);
  }, [value, locale]);

  /** Takes what was typed: on leaving the field or Enter, so half-typed dates are never used. */
  const commit = () => {
    if (text.trim() === "") {
      setWrong(null);
      if (value !== undefined) onChange(undefined);
      return;
    }
    const iso = parseTypedDate(text, locale);
    if (iso === null) {
      setWrong(`"${text.trim()}" is not a date. Type it as ${placeholder}, for example ${shortDate(today(), locale)}.`);
      return;
    }
    setWrong(null);
    if (iso === value) setText(shortDate(iso, locale));
    else onChange(iso);
  };

  const echo = value
    ? `Checking as of ${longDate(value, locale)}.`
    : `Empty, so today is used: ${longDate(today(), locale)}.`;

  return (
    <Field
      label="As of"
      validationMessage={wrong ?? undefined}
      hint={`${echo} Overdue dates and due follow-up updates are counted up to this day. Type it as ${placeholder}.`}
    >
      <Input
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(_, data) => setText(data.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
        }}
      />
    </Field>
  );
}
