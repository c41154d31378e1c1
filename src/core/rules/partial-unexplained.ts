import { acceptanceIs, cellOf, isPlaceholder, recLabel, unitLabel, eachResponse } from "../matrix";
import type { Rule } from "./types";

/** Partially accepted, and the Comments cell does not say which part is not accepted, or why. */
export const partialUnexplained: Rule = {
  meta: {
    id: "partial-unexplained",
    title: "Partially accepted, not explained",
    severity: "warning",
    description: "Partially accepted without a comment saying which part is not accepted and why",
  },
  check(matrix, report) {
    if (!matrix.columns.has("comments")) return;
    eachResponse(matrix, (r) => {
      const at = acceptanceIs(r, "Partially accepted") && isPlaceholder(r.comments) ? cellOf(matrix, r, "comments") : undefined;
      if (!at) return;
      report({
        at,
        recommendation: r.number,
        unit: unitLabel(r),
        message:
          `${recLabel(r.number)}, ${unitLabel(r)}: the recommendation is partially accepted but Comments is blank. ` +
          `Say which part the unit does not accept, and why.`,
      });
    });
  },
};
