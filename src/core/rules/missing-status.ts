import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const missingStatus: Rule = {
  meta: { id: "missing-status", severity: "warning", description: "" },
  check() {},
};
