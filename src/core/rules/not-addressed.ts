import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const notAddressed: Rule = {
  meta: { id: "not-addressed", severity: "warning", description: "" },
  check() {},
};
