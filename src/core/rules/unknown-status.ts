import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const unknownStatus: Rule = {
  meta: { id: "unknown-status", severity: "error", description: "" },
  check() {},
};
