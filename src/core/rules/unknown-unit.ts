import { recLabel, eachResponse } from "../matrix";
import type { Unit } from "../model";
import { editDistance, normalizeKey } from "../text";
import type { Rule } from "./types";

/**
 * A response row or an `Addressed to` cell names a unit that is no code, name, alias (or, in `Addressed to`,
 * division) of the Units sheet; a response row with a blank unit. Suggests the nearest unit when one is close.
 */
export const unknownUnit: Rule = {
  meta: {
    id: "unknown-unit",
    title: "Unit not in the Units list",
    severity: "error",
    description: "A response or an 'Addressed to' names a unit that is not in Units",
  },
  check(matrix, report) {
    const suggestions = new Map<string, string | null>();
    eachResponse(matrix, (r) => {
      if (r.unit !== null || !r.cells.unit) return;
      if (!r.unitText) {
        report({
          at: r.cells.unit,
          recommendation: r.number,
          unit: null,
          message: `${r.number === null ? "No unit" : `${recLabel(r.number)}: no unit`} is given on this row. Write the code of the unit that gives this answer.`,
        });
        return;
      }
      if (!matrix.unitsListed) return;
      // The same misspelling often fills a whole column: look each one up once.
      let suggestion = suggestions.get(r.unitText);
      if (suggestion === undefined) {
        suggestion = nearestUnit(r.unitText, matrix.units, false);
        suggestions.set(r.unitText, suggestion);
      }
      report({
        at: r.cells.unit,
        recommendation: r.number,
        unit: r.unitText,
        message:
          `${r.number === null ? "The" : `${recLabel(r.number)}: the`} unit "${r.unitText}" is not in the Units sheet. ` +
          (suggestion ? `Did you mean ${suggestion}? ` : "") +
          `Write a unit code, name or alias from Units, or add the unit there.`,
        suggestion,
      });
    });
    if (!matrix.unitsListed) return;
    for (const rec of matrix.recommendations) {
      if (!rec.addressedAt) continue;
      for (const name of rec.addressedUnknown) {
        const suggestion = nearestUnit(name, matrix.units, true);
        report({
          at: rec.addressedAt,
          recommendation: rec.number,
          unit: name,
          message:
            `${recLabel(rec.number)} is addressed to "${name}", which is not a unit or division in the Units sheet. ` +
            (suggestion ? `Did you mean ${suggestion}? ` : "") +
            `Write unit codes or division names from Units, or add the unit there.`,
          suggestion,
        });
      }
    }
  },
};

/**
 * The unit code (or, with `divisions`, division name) closest to a misspelt name, when it is a likely typo:
 * within a third of the name's length, or two swapped neighbouring letters (`GPC` for `GCP`). Null when none or a tie.
 */
function nearestUnit(text: string, units: readonly Unit[], divisions: boolean): string | null {
  const key = normalizeKey(text);
  if (key.length < 2) return null;
  const max = Math.max(1, Math.floor(key.length / 3));
  let best: string | null = null;
  let bestD = max + 1;
  let tie = false;
  const consider = (spelling: string, answer: string) => {
    const k = normalizeKey(spelling);
    if (!k) return;
    // Lengths further apart than `max` are further apart than `max` edits (and no swap): skip the work
    if (Math.abs(k.length - key.length) > max) return;
    const d = isSwap(key, k) ? 1 : editDistance(key, k, max);
    if (d > max) return;
    if (d < bestD) {
      bestD = d;
      best = answer;
      tie = false;
    } else if (d === bestD && answer !== best) tie = true;
  };
  for (const u of units) {
    for (const s of [u.code, u.name, ...u.aliases]) consider(s, u.code);
    if (divisions && u.division !== u.code) consider(u.division, u.division);
  }
  return tie ? null : best;
}

/** True when b is a with two neighbouring characters swapped. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}
