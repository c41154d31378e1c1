import { acceptanceIs, isAddressed, recLabel, recommendationByNumber, unitLabel, eachResponse } from "../matrix";
import type { Rule } from "./types";

/**
 * The acceptance says `No response` (`No response received`, `Pas de réponse` ...).
 * Not reported where the recommendation is known not to be addressed to the unit: no answer is owed there.
 */
export const noResponseReceived: Rule = {
  meta: {
    id: "no-response-received",
    title: "No response received",
    severity: "warning",
    description: "The acceptance says no response was received",
  },
  check(matrix, report) {
    const recs = recommendationByNumber(matrix);
    eachResponse(matrix, (r) => {
      if (!acceptanceIs(r, "No response") || !r.cells.acceptance) return;
      const rec = r.number === null ? undefined : recs.get(r.number);
      if (matrix.explicitAddressing && rec && r.unit !== null && !isAddressed(rec, r.unit)) return;
      report({
        at: r.cells.acceptance,
        recommendation: r.number,
        unit: unitLabel(r),
        message:
          `${recLabel(r.number)}, ${unitLabel(r)}: no response has been received. ` +
          `Ask ${unitLabel(r)} for its answer (Accepted, Partially accepted or Rejected) and write it here.`,
      });
    });
  },
};
