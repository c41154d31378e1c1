import { acceptedWord, hasStatusColumns, hasStatusColumnsFor, isAccepting, recLabel, unitLabel, eachResponse } from "../matrix";
import type { Rule } from "./types";

/** Accepted or partially accepted, and every status and follow-up status cell of the row is blank. */
export const missingStatus: Rule = {
  meta: {
    id: "missing-status",
    title: "Accepted without a status",
    severity: "warning",
    description: "Accepted or partially accepted without any implementation status",
  },
  check(matrix, report) {
    if (!hasStatusColumns(matrix)) return;
    eachResponse(matrix, (r) => {
      if (!isAccepting(r) || r.statuses.length === 0 || !hasStatusColumnsFor(matrix, r)) return;
      if (r.statuses.some((s) => s.reading.kind !== "blank")) return;
      const first = r.statuses[0];
      const accepted = acceptedWord(r);
      const what = first.column.openClosed ? "C (closed, implemented) or O (open)" : "Not started, Planned, Under implementation or Implemented";
      report({
        at: first.at,
        recommendation: r.number,
        unit: unitLabel(r),
        message:
          `${recLabel(r.number)}, ${unitLabel(r)}: the recommendation is ${accepted} but no implementation status is given. ` +
          `Enter the status in "${first.column.header}" (${what}).`,
      });
    });
  },
};
