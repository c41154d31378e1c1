import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const statusRegression: Rule = {
  meta: { id: "status-regression", severity: "warning", description: "" },
  check() {},
};
