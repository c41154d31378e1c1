import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const invalidDate: Rule = {
  meta: { id: "invalid-date", severity: "warning", description: "" },
  check() {},
};
