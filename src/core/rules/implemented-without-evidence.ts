import { cellOf, isPlaceholder, latestStatus, recLabel, unitLabel, eachResponse } from "../matrix";
import type { Rule } from "./types";

/** The latest status is Implemented, the layout has an Evidence column, and it is blank for the row. */
export const implementedWithoutEvidence: Rule = {
  meta: {
    id: "implemented-without-evidence",
    title: "Implemented without evidence",
    severity: "info",
    description: "Implemented without evidence of implementation",
  },
  check(matrix, report) {
    if (!matrix.columns.has("evidence")) return;
    eachResponse(matrix, (r) => {
      const at = latestStatus(r) === "Implemented" && isPlaceholder(r.evidence) ? cellOf(matrix, r, "evidence") : undefined;
      if (!at) return;
      report({
        at,
        recommendation: r.number,
        unit: unitLabel(r),
        message:
          `${recLabel(r.number)}, ${unitLabel(r)}: the status is Implemented but no evidence is given` +
          (r.evidence ? ` ("${r.evidence}")` : "") +
          `. Name the document, link or result that shows the action was completed.`,
      });
    });
  },
};
