import { recLabel, unitLabel, eachResponse } from "../matrix";
import { STATUSES } from "../vocabulary";
import type { Rule } from "./types";

/** A status or follow-up status cell whose text is not in the status vocabulary. */
export const unknownStatus: Rule = {
  meta: {
    id: "unknown-status",
    title: "Status not recognised",
    severity: "error",
    description: "A status or follow-up status that is not a known status",
  },
  check(matrix, report) {
    eachResponse(matrix, (r) => {
      for (const s of r.statuses) {
        if (s.reading.kind !== "unknown") continue;
        const { text, suggestion } = s.reading;
        // A C/O column only takes C or O; elsewhere the ordered status words apply
        const allowed = s.column.openClosed ? "C (closed, implemented) or O (open)" : `one of ${STATUSES.join(", ")}`;
        report({
          at: s.at,
          recommendation: r.number,
          unit: unitLabel(r),
          message:
            `${recLabel(r.number)}, ${unitLabel(r)}: the status "${text}" in "${s.column.header}" is not a known status` +
            (suggestion ? ` (did you mean "${suggestion}"?)` : "") +
            `. Write ${allowed}.`,
          suggestion,
        });
      }
    });
  },
};
