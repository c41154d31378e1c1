import { recLabel, unitLabel, eachResponse } from "../matrix";
import type { Rule } from "./types";

/** The acceptance text is none of the known words (English or French); suggests the nearest one. */
export const unknownAcceptance: Rule = {
  meta: {
    id: "unknown-acceptance",
    title: "Acceptance not recognised",
    severity: "error",
    description: "The acceptance is not Accepted, Partially accepted, Rejected, No response or Not applicable",
  },
  check(matrix, report) {
    eachResponse(matrix, (r) => {
      // `-` is not unknown: it is Not applicable where the unit is not addressed, a missing answer where it is.
      if (r.acceptance.kind !== "unknown" || !r.cells.acceptance) return;
      const { text, suggestion } = r.acceptance;
      report({
        at: r.cells.acceptance,
        recommendation: r.number,
        unit: unitLabel(r),
        message:
          `${recLabel(r.number)}, ${unitLabel(r)}: the acceptance "${text}" is not a known answer. ` +
          (suggestion ? `Did you mean "${suggestion}"? ` : "") +
          `Write Accepted, Partially accepted, Rejected, No response or Not applicable.`,
        suggestion,
      });
    });
  },
};
