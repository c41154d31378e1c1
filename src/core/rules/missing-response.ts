import { isNotApplicable, recLabel, recommendationByNumber, eachResponse } from "../matrix";
import type { Response } from "../model";
import type { Rule } from "./types";

const ANSWER_WORDS = "Accepted, Partially accepted or Rejected";

/**
 * A recommendation is addressed to a unit and the unit has not answered: no row, a blank acceptance,
 * `-` or `Not applicable`. One finding per recommendation and unit, in Units order.
 */
export const missingResponse: Rule = {
  meta: {
    id: "missing-response",
    title: "Addressed unit has not answered",
    severity: "error",
    description: "A unit the recommendation is addressed to has not answered it",
  },
  check(matrix, report) {
    // By number, then unit: each unit's first row, and whether any of its rows answers (no key text, no list per pair)
    const firstOf = new Map<string, Map<string, Response>>();
    const answeredOf = new Map<string, Set<string>>();
    eachResponse(matrix, (r) => {
      if (r.number === null || r.unit === null) return;
      let first = firstOf.get(r.number);
      if (!first) firstOf.set(r.number, (first = new Map()));
      if (!first.has(r.unit)) first.set(r.unit, r);
      // A unit with several rows has answered when any of them answers; duplicate-response covers the rest.
      if (r.acceptance.kind === "blank" || isNotApplicable(r)) return;
      let answered = answeredOf.get(r.number);
      if (!answered) answeredOf.set(r.number, (answered = new Set()));
      answered.add(r.unit);
    });
    for (const rec of recommendationByNumber(matrix).values()) {
      const label = recLabel(rec.number);
      for (const unit of rec.addressedTo) {
        const first = firstOf.get(rec.number)?.get(unit);
        if (!first) {
          report({
            at: rec.at,
            recommendation: rec.number,
            unit,
            message: `${label} is addressed to ${unit}, but ${unit} has no row in '${matrix.responsesSheet}'. Add a row with ${unit}'s answer (${ANSWER_WORDS}).`,
          });
          continue;
        }
        if (answeredOf.get(rec.number)?.has(unit)) continue;
        if (!first.cells.acceptance) continue;
        const said = first.acceptance.kind === "blank" ? "no acceptance is given" : `the acceptance reads "${acceptanceText(first)}" although the recommendation is addressed to ${unit}`;
        report({
          at: first.cells.acceptance,
          recommendation: rec.number,
          unit,
          message:
            `${label}, ${unit}: ${said}. Write ${ANSWER_WORDS}` +
            (matrix.explicitAddressing ? `, or correct 'Addressed to' if the recommendation is not for ${unit}.` : "."),
        });
      }
    }
  },
};

/** The acceptance as the workbook writes it (`NA`, `Sans objet`, `-`). */
function acceptanceText(r: Response): string {
  const col = r.cells.acceptance?.col;
  return (col === undefined ? "" : r.values[col]) || (r.acceptance.kind === "dash" ? "-" : "Not applicable");
}
