import { acceptanceIs, recLabel, unitLabel, eachResponse } from "../matrix";
import type { Status } from "../vocabulary";
import type { Rule } from "./types";

const PROGRESS: readonly Status[] = ["Planned", "Under implementation", "Implemented"];

/** Rejected, yet a status or follow-up status says the recommendation is planned, under way or done. */
export const rejectedWithProgress: Rule = {
  meta: {
    id: "rejected-with-progress",
    title: "Rejected, yet in progress",
    severity: "error",
    description: "Rejected, yet a status says Planned, Under implementation or Implemented",
  },
  check(matrix, report) {
    eachResponse(matrix, (r) => {
      if (!acceptanceIs(r, "Rejected")) return;
      const cell = r.statuses.find((s) => s.reading.kind === "known" && PROGRESS.includes(s.reading.value));
      if (!cell || cell.reading.kind !== "known") return;
      report({
        at: cell.at,
        recommendation: r.number,
        unit: unitLabel(r),
        message:
          `${recLabel(r.number)}, ${unitLabel(r)}: the recommendation is rejected, yet "${cell.column.header}" reads ${cell.reading.value}. ` +
          `Correct the acceptance if the unit is acting on it, or the status if it is not.`,
      });
    });
  },
};
