import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const unknownRecommendation: Rule = {
  meta: { id: "unknown-recommendation", severity: "error", description: "" },
  check() {},
};
