import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const missingResponse: Rule = {
  meta: { id: "missing-response", severity: "error", description: "" },
  check() {},
};
