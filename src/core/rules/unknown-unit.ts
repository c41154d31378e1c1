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
    const spellings = new UnitSpellings(matrix.units);
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
        suggestion = spellings.nearest(r.unitText, false);
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
        const suggestion = spellings.nearest(name, true);
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
 * The units' spellings (code, name, aliases; and divisions) as comparison keys, worked out once for all the
 * misspellings a workbook has, each with the answer it suggests.
 */
class UnitSpellings {
  private readonly keys: string[] = [];
  private readonly answers: string[] = [];
  /** Where the keys of divisions start: they are looked at only for `Addressed to`. */
  private readonly divisionsFrom: number;

  constructor(units: readonly Unit[]) {
    const add = (spelling: string, answer: string) => {
      const k = normalizeKey(spelling);
      if (!k) return;
      this.keys.push(k);
      this.answers.push(answer);
    };
    for (const u of units) {
      add(u.code, u.code);
      add(u.name, u.code);
      for (const alias of u.aliases) add(alias, u.code);
    }
    this.divisionsFrom = this.keys.length;
    for (const u of units) if (u.division !== u.code) add(u.division, u.division);
  }

  /**
   * The unit code (or, with `divisions`, division name) closest to a misspelt name, when it is a likely typo:
   * within a third of the name's length, or two swapped neighbouring letters (`GPC` for `GCP`). Null when none or a tie.
   */
  nearest(text: string, divisions: boolean): string | null {
    const key = normalizeKey(text);
    if (key.length < 2) return null;
    const max = Math.max(1, Math.floor(key.length / 3));
    let best: string | null = null;
    let bestD = max + 1;
    let tie = false;
    const end = divisions ? this.keys.length : this.divisionsFrom;
    for (let i = 0; i < end; i++) {
      const k = this.keys[i];
      // Lengths further apart than `max` are further apart than `max` edits (and no swap): skip the work
      if (Math.abs(k.length - key.length) > max) continue;
      const d = isSwap(key, k) ? 1 : editDistance(key, k, max);
      if (d > max) continue;
      const answer = this.answers[i];
      if (d < bestD) {
        bestD = d;
        best = answer;
        tie = false;
      } else if (d === bestD && answer !== best) tie = true;
    }
    return tie ? null : best;
  }
}

/** True when b is a with two neighbouring characters swapped. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // the first difference and the next character, crossed; the rest alike
  if (i + 1 >= a.length || a.charCodeAt(i) !== b.charCodeAt(i + 1) || a.charCodeAt(i + 1) !== b.charCodeAt(i)) return false;
  for (let k = i + 2; k < a.length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
  return a.charCodeAt(i) !== a.charCodeAt(i + 1);
}
