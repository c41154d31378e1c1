import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const duplicateResponse: Rule = {
  meta: { id: "duplicate-response", severity: "error", description: "" },
  check() {},
};
