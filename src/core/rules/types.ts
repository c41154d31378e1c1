/** What a validation rule is: meta (id, default severity, description) and a check over the matrix. */

import type { CellAddress } from "../grid";
import type { ResponseMatrix, Severity } from "../model";

export interface RuleMeta {
  /** Stable id, e.g. `missing-action`; also the name of the doc page `docs/rules/<id>.md`. */
  id: string;
  /** A short plain name in the users' words ("Accepted without a target date"): group headings, settings, the CLI's text. */
  title: string;
  severity: Severity;
  /** One line, for settings and docs. */
  description: string;
}

export interface ReportInput {
  at: CellAddress;
  recommendation: string | null;
  unit: string | null;
  /** A sentence a programme officer understands, naming recommendation and unit, saying what to do. */
  message: string;
  suggestion?: string | null;
  /** Only where the rule's severity depends on the case (e.g. identical duplicates are warnings). */
  severity?: Severity;
}

export type Report = (finding: ReportInput) => void;

export interface Rule {
  meta: RuleMeta;
  check(matrix: ResponseMatrix, report: Report): void;
}
