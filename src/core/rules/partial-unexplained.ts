import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const partialUnexplained: Rule = {
  meta: { id: "partial-unexplained", severity: "warning", description: "" },
  check() {},
};
