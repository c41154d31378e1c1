import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const missingJustification: Rule = {
  meta: { id: "missing-justification", severity: "error", description: "" },
  check() {},
};
