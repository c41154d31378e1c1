import { acceptedWord, cellOf, isAccepting, recLabel, saysNoDate, unitLabel, eachResponse } from "../matrix";
import type { Rule } from "./types";

/** Accepted or partially accepted, and the target date is blank or says there is none (`-`, `N/A`, `TBD`). */
export const missingDate: Rule = {
  meta: {
    id: "missing-date",
    title: "Accepted without a target date",
    severity: "warning",
    description: "Accepted or partially accepted without a target date",
  },
  check(matrix, report) {
    if (!matrix.columns.has("targetDate")) return;
    eachResponse(matrix, (r) => {
      const d = r.targetDate;
      // Other text is invalid-date's, so one cell gets one finding
      const at = isAccepting(r) && saysNoDate(d) ? cellOf(matrix, r, "targetDate") : undefined;
      if (!at) return;
      const accepted = acceptedWord(r);
      report({
        at,
        recommendation: r.number,
        unit: unitLabel(r),
        message:
          `${recLabel(r.number)}, ${unitLabel(r)}: the recommendation is ${accepted} but no target date is given` +
          (d.kind === "text" ? ` ("${d.text}")` : "") +
          `. Enter the date by which the planned action will be completed.`,
      });
    });
  },
};
