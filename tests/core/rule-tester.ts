/**
 * RuleTester in the manner of ESLint's: valid cases produce no finding of the rule,
 * invalid cases produce exactly the listed findings (rule, cell, recommendation, unit, and any other field given).
 */

import { describe, expect, it } from "vitest";
import type { Workbook } from "../../src/core/grid";
import type { Finding } from "../../src/core/model";
import type { Rule } from "../../src/core/rules/types";
import { validate } from "../../src/core/validate";
import { matrixOf, type BookSpec } from "./workbooks";

export interface ExpectedFinding {
  cell: string;
  recommendation: string | null;
  unit: string | null;
  sheet?: string;
  severity?: Finding["severity"];
  suggestion?: string | null;
  /** Substrings the message must contain. */
  messageIncludes?: string[];
}

export interface RuleCase {
  name: string;
  workbook: BookSpec | Workbook;
  asOf?: string;
}

/** Findings of one rule on a workbook. */
export function findingsOf(rule: Rule, workbook: BookSpec | Workbook, asOf?: string): Finding[] {
  return validate(matrixOf(workbook, asOf), { rules: [rule] });
}

/** Declares the valid and invalid cases of a rule as vitest tests. */
export function ruleTester(
  rule: Rule,
  cases: { valid: RuleCase[]; invalid: (RuleCase & { findings: ExpectedFinding[] })[] },
): void {
  describe(rule.meta.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(findingsOf(rule, c.workbook, c.asOf).map(short)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = findingsOf(rule, c.workbook, c.asOf);
        expect(found.map(short)).toEqual(
          c.findings.map((e) => ({ rule: rule.meta.id, sheet: e.sheet ?? "Responses", cell: e.cell, recommendation: e.recommendation, unit: e.unit })),
        );
        found.forEach((f, i) => {
          const e = c.findings[i];
          expect(f.severity).toBe(e.severity ?? rule.meta.severity);
          if (e.suggestion !== undefined) expect(f.suggestion).toBe(e.suggestion);
          for (const s of e.messageIncludes ?? []) expect(f.message).toContain(s);
          // every message names the recommendation and the unit when it has them
          if (f.recommendation) expect(f.message).toContain(f.recommendation);
          if (f.unit) expect(f.message).toContain(f.unit);
        });
      });
    }
  });
}

function short(f: Finding) {
  return { rule: f.rule, sheet: f.sheet, cell: f.cell, recommendation: f.recommendation, unit: f.unit };
}
