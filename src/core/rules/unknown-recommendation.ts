import { recLabel, recommendationByNumber, unitLabel, eachResponse } from "../matrix";
import type { Rule } from "./types";

/**
 * A response row holds no recognisable recommendation number, or (where a Recommendations sheet exists)
 * a number that sheet does not have. Rows that inherit a number from above are reported at their own No. cell.
 */
export const unknownRecommendation: Rule = {
  meta: {
    id: "unknown-recommendation",
    title: "Recommendation not in the list",
    severity: "error",
    description: "A response names a recommendation number that Recommendations does not have",
  },
  check(matrix, report) {
    const recs = recommendationByNumber(matrix);
    eachResponse(matrix, (r) => {
      if (r.number !== null && (!matrix.explicitAddressing || recs.has(r.number))) return;
      const at = r.cells.number;
      if (!at) return;
      const unit = r.unitText ? unitLabel(r) : null;
      if (r.number === null) {
        const who = unit ? `The row of ${unit}` : "This row";
        const said = r.numberText
          ? `the No. cell reads "${r.numberText}", which is not a recommendation number`
          : "the No. cell is blank and no row above gives a number";
        report({
          at,
          recommendation: null,
          unit,
          message: `${who} names no recommendation: ${said}. Write the number of the recommendation it answers (e.g. 1, 2, 13a).`,
        });
      } else {
        const inherited = r.numberText ? "" : " (taken from the row above)";
        report({
          at,
          recommendation: r.number,
          unit,
          message:
            `${recLabel(r.number)}${inherited}${unit ? `, ${unit}` : ""}: the Recommendations sheet has no recommendation ${r.number}. ` +
            `Correct the number, or add the recommendation to Recommendations.`,
        });
      }
    });
  },
};
