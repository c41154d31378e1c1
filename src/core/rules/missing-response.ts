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
    // By number, then unit: no key string built per row and per addressed unit
    const rowsOf = new Map<string, Map<string, Response[]>>();
    eachResponse(matrix, (r) => {
      if (r.number === null || r.unit === null) return;
      let ofNumber = rowsOf.get(r.number);
      if (!ofNumber) rowsOf.set(r.number, (ofNumber = new Map()));
      const list = ofNumber.get(r.unit);
      if (list) list.push(r);
      else ofNumber.set(r.unit, [r]);
    });
    for (const rec of recommendationByNumber(matrix).values()) {
      const label = recLabel(rec.number);
      for (const unit of rec.addressedTo) {
        const rows = rowsOf.get(rec.number)?.get(unit) ?? [];
        if (rows.length === 0) {
          report({
            at: rec.at,
            recommendation: rec.number,
            unit,
            message: `${label} is addressed to ${unit}, but ${unit} has no row in '${matrix.responsesSheet}'. Add a row with ${unit}'s answer (${ANSWER_WORDS}).`,
          });
          continue;
        }
        // A unit with several rows has answered when any of them answers; duplicate-response covers the rest.
        if (!rows.every((r) => r.acceptance.kind === "blank" || isNotApplicable(r))) continue;
        const first = rows[0];
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
