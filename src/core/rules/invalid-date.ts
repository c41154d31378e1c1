import { isoFromSerial, serialFromIso } from "../dates";
import { cellOf, recLabel, saysNoDate, unitLabel, eachResponse } from "../matrix";
import type { Rule } from "./types";

/**
 * The ISO form of an all-number date whose day/month order cannot be mistaken (`31/08/2023`: 31 is no month;
 * `05/05/2025`), else null. Two-digit years and `03/08/2023` are never guessed.
 */
export function certainIsoDate(text: string): string | null {
  let y: number, a: number, b: number;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (m) [a, b, y] = [+m[1], +m[2], +m[3]];
  else if ((m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(text.trim()))) [y, a, b] = [+m[1], +m[3], +m[2]];
  else return null;
  // a and b are the day and the month in one order or the other; only one reading may be a real date
  const dayFirst = a > 12 || a === b ? serialFromIso(`${y}-${b}-${a}`) : null;
  const monthFirst = b > 12 ? serialFromIso(`${y}-${a}-${b}`) : null;
  const serial = dayFirst ?? monthFirst;
  return serial === null ? null : isoFromSerial(serial);
}

/** The target date is text that is not one full unambiguous date (`Q2 2024`, `ongoing`, `31/08/2023`). */
export const invalidDate: Rule = {
  meta: {
    id: "invalid-date",
    title: "Target date not readable",
    severity: "warning",
    description: "Target date that is not a full, unambiguous date",
  },
  check(matrix, report) {
    if (!matrix.columns.has("targetDate")) return;
    eachResponse(matrix, (r) => {
      const d = r.targetDate;
      // `-`, `N/A`, `TBD` say "no date": missing-date's, where a date is expected
      const at = d.kind === "text" && !saysNoDate(d) ? cellOf(matrix, r, "targetDate") : undefined;
      if (!at || d.kind !== "text") return;
      const suggestion = certainIsoDate(d.text);
      report({
        at,
        recommendation: r.number,
        unit: unitLabel(r),
        message:
          `${recLabel(r.number)}, ${unitLabel(r)}: the target date "${d.text}" is not a full, unambiguous date. ` +
          (suggestion
            ? `Write it as ${suggestion}.`
            : `Write one date with day, month and year, such as 2025-12-31 or 31 December 2025 (for a quarter or a month, its last day).`),
        suggestion,
      });
    });
  },
};
