import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const updateDue: Rule = {
  meta: { id: "update-due", severity: "info", description: "" },
  check() {},
};
