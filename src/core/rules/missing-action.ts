import { acceptedWord, cellOf, isAccepting, isPlaceholder, recLabel, unitLabel, eachResponse } from "../matrix";
import type { Rule } from "./types";

/** Accepted or partially accepted, and the planned action is blank or a placeholder. */
export const missingAction: Rule = {
  meta: {
    id: "missing-action",
    title: "Accepted without a planned action",
    severity: "error",
    description: "Accepted or partially accepted without a planned action",
  },
  check(matrix, report) {
    if (!matrix.columns.has("action")) return;
    eachResponse(matrix, (r) => {
      const at = isAccepting(r) && isPlaceholder(r.action) ? cellOf(matrix, r, "action") : undefined;
      if (!at) return;
      const accepted = acceptedWord(r);
      report({
        at,
        recommendation: r.number,
        unit: unitLabel(r),
        message:
          `${recLabel(r.number)}, ${unitLabel(r)}: the recommendation is ${accepted} but no planned action is given` +
          (r.action ? ` ("${r.action}")` : "") +
          `. Describe the action the unit will take.`,
      });
    });
  },
};
