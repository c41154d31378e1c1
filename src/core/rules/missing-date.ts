import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const missingDate: Rule = {
  meta: { id: "missing-date", severity: "warning", description: "" },
  check() {},
};
