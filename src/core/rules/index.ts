/** Every validation rule, in SPEC order. Adding a rule: one module, one test file, one doc page, one line here. */

import { missingResponse } from "./missing-response";
import { noResponseReceived } from "./no-response-received";
import { unknownAcceptance } from "./unknown-acceptance";
import { missingAction } from "./missing-action";
import { missingJustification } from "./missing-justification";
import { partialUnexplained } from "./partial-unexplained";
import { rejectedWithProgress } from "./rejected-with-progress";
import { duplicateResponse } from "./duplicate-response";
import { unknownUnit } from "./unknown-unit";
import { unknownRecommendation } from "./unknown-recommendation";
import { notAddressed } from "./not-addressed";
import { summaryMismatch } from "./summary-mismatch";
import { unknownStatus } from "./unknown-status";
import { missingStatus } from "./missing-status";
import { statusRegression } from "./status-regression";
import { missingDate } from "./missing-date";
import { invalidDate } from "./invalid-date";
import { overdue } from "./overdue";
import { updateDue } from "./update-due";
import { implementedWithoutEvidence } from "./implemented-without-evidence";
import type { Rule } from "./types";

export const RULES: readonly Rule[] = [
  missingResponse,
  noResponseReceived,
  unknownAcceptance,
  missingAction,
  missingJustification,
  partialUnexplained,
  rejectedWithProgress,
  duplicateResponse,
  unknownUnit,
  unknownRecommendation,
  notAddressed,
  summaryMismatch,
  unknownStatus,
  missingStatus,
  statusRegression,
  missingDate,
  invalidDate,
  overdue,
  updateDue,
  implementedWithoutEvidence,
];

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
