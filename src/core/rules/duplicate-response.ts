import { formatAddress } from "../grid";
import { recLabel, unitLabel, eachResponse } from "../matrix";
import type { Response } from "../model";
import { normalizeKey } from "../text";
import type { Rule } from "./types";

/**
 * The same recommendation and unit on more than one row. Every later copy is reported at its unit cell
 * and compared with the first row: identical rows are a warning, differing ones an error.
 */
export const duplicateResponse: Rule = {
  meta: {
    id: "duplicate-response",
    title: "Answered on more than one row",
    severity: "error",
    description: "The same recommendation and unit appear on more than one row",
  },
  check(matrix, report) {
    // By number, then unit: no key string built per row
    const first = new Map<string, Map<string, Response>>();
    eachResponse(matrix, (r) => {
      // A unit that resolves to nothing in a listed Units sheet is unknown-unit's finding on the same cell.
      const unit = r.unit ?? (matrix.unitsListed ? null : normalizeKey(r.unitText) || null);
      if (r.number === null || unit === null || !r.cells.unit) return;
      let ofNumber = first.get(r.number);
      if (!ofNumber) first.set(r.number, (ofNumber = new Map()));
      const original = ofNumber.get(unit);
      if (!original) {
        ofNumber.set(unit, r);
        return;
      }
      const identical = sameValues(original, r);
      const where = formatAddress(original.cells.unit ?? r.cells.unit);
      report({
        at: r.cells.unit,
        recommendation: r.number,
        unit: unitLabel(r),
        message:
          `${recLabel(r.number)}, ${unitLabel(r)}: this row repeats the answer already on row ${original.row + 1} (${where})` +
          (identical ? `, word for word. Delete one of the two rows.` : ` with different content. Keep one answer and delete the other row.`),
        severity: identical ? "warning" : "error",
      });
    });
  },
};

/** Same cell texts, ignoring the No. column (a blank inherited No. equals the number above) and trailing blanks. */
function sameValues(a: Response, b: Response): boolean {
  const skip = a.cells.number?.col;
  const n = Math.max(a.values.length, b.values.length);
  for (let c = 0; c < n; c++) {
    if (c === skip) continue;
    if ((a.values[c] ?? "") !== (b.values[c] ?? "")) return false;
  }
  return true;
}
