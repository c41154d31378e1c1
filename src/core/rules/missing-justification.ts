import { acceptanceIs, columnsOf, isPlaceholder, recLabel, unitLabel, eachResponse } from "../matrix";
import type { Rule } from "./types";

/** Rejected, and neither the planned action nor the comments say why. */
export const missingJustification: Rule = {
  meta: {
    id: "missing-justification",
    title: "Rejected without a reason",
    severity: "error",
    description: "Rejected without a reason in planned action or comments",
  },
  check(matrix, report) {
    eachResponse(matrix, (r) => {
      if (!acceptanceIs(r, "Rejected")) return;
      const columns = columnsOf(matrix, r);
      const hasAction = columns.has("action");
      const hasComments = columns.has("comments");
      if ((hasAction && !isPlaceholder(r.action)) || (hasComments && !isPlaceholder(r.comments))) return;
      const at = (hasAction ? r.cells.action : undefined) ?? (hasComments ? r.cells.comments : undefined) ?? r.cells.acceptance;
      if (!at) return;
      const where = hasComments ? "Comments" : hasAction ? "Planned action" : "a Comments column";
      report({
        at,
        recommendation: r.number,
        unit: unitLabel(r),
        message:
          `${recLabel(r.number)}, ${unitLabel(r)}: the recommendation is rejected but no reason is given. ` +
          `Explain in ${where} why the unit does not accept it.`,
      });
    });
  },
};
