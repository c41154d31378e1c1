import { recLabel, unitLabel, eachResponse } from "../matrix";
import type { StatusCell } from "../model";
import { statusRank, type Status } from "../vocabulary";
import type { Rule } from "./types";

type Step = Status | "open";

/**
 * True when `after` is an earlier step than `before`. `O` (open) only says "not Implemented",
 * so it is a step back from Implemented and nothing can be a step back from it.
 */
function isStepBack(before: Step, after: Step): boolean {
  if (before === "open") return false;
  if (after === "open") return before === "Implemented";
  return statusRank(after) < statusRank(before);
}

function label(step: Step): string {
  return step === "open" ? "O (open)" : step;
}

/** A later status or follow-up status is earlier in the status order than the previous filled one. */
export const statusRegression: Rule = {
  meta: {
    id: "status-regression",
    title: "Follow-up status goes backwards",
    severity: "warning",
    description: "A later follow-up status goes back to an earlier step than the one before it",
  },
  check(matrix, report) {
    eachResponse(matrix, (r) => {
      // The step before and its cell (two variables, not an object per status)
      let prevStep: Step | null = null;
      let prevCell: StatusCell | null = null;
      for (const cell of r.statuses) {
        const reading = cell.reading;
        // Blank and unknown cells say nothing about progress (unknown-status reports the latter).
        // Not implemented (abandoned, withdrawn) closes the action off the ladder: neither a step back nor forward.
        if (reading.kind === "blank" || reading.kind === "unknown") continue;
        if (reading.kind === "known" && reading.value === "Not implemented") continue;
        const step: Step = reading.kind === "open" ? "open" : reading.value;
        if (prevStep !== null && prevCell !== null && isStepBack(prevStep, step)) {
          report({
            at: cell.at,
            recommendation: r.number,
            unit: unitLabel(r),
            message:
              `${recLabel(r.number)}, ${unitLabel(r)}: the status goes back from ${label(prevStep)} ("${prevCell.column.header}") ` +
              `to ${label(step)} ("${cell.column.header}"). Correct the later status, or explain in the comments why the work went back.`,
          });
        }
        prevStep = step;
        prevCell = cell;
      }
    });
  },
};
