import { acceptanceIs, isAddressed, isNotApplicable, recLabel, recommendationByNumber, eachResponse } from "../matrix";
import type { Rule } from "./types";

/**
 * A unit answers a recommendation that `Addressed to` does not give it. Blank, `-`, Not applicable and
 * No response are not answers; unknown acceptance text is left to unknown-acceptance (same cell).
 */
export const notAddressed: Rule = {
  meta: {
    id: "not-addressed",
    title: "Answer from a unit not addressed",
    severity: "warning",
    description: "A unit answers a recommendation that is not addressed to it",
  },
  check(matrix, report) {
    if (!matrix.explicitAddressing) return;
    const recs = recommendationByNumber(matrix);
    eachResponse(matrix, (r) => {
      if (r.acceptance.kind !== "known" || isNotApplicable(r) || acceptanceIs(r, "No response") || !r.cells.acceptance) return;
      // An unknown recommendation or unit is reported by its own rule; whom it is addressed to cannot be told.
      const rec = r.number === null ? undefined : recs.get(r.number);
      if (!rec || r.unit === null || isAddressed(rec, r.unit)) return;
      report({
        at: r.cells.acceptance,
        recommendation: r.number,
        unit: r.unit,
        message:
          `${recLabel(r.number)}, ${r.unit}: the unit answers "${r.acceptance.value}", but the recommendation is not addressed to ${r.unit}. ` +
          `Add ${r.unit} to 'Addressed to' on Recommendations, or write Not applicable here.`,
      });
    });
  },
};
