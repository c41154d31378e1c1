import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const unknownUnit: Rule = {
  meta: { id: "unknown-unit", severity: "error", description: "" },
  check() {},
};
