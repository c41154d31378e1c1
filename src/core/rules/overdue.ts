import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const overdue: Rule = {
  meta: { id: "overdue", severity: "warning", description: "" },
  check() {},
};
