import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const rejectedWithProgress: Rule = {
  meta: { id: "rejected-with-progress", severity: "error", description: "" },
  check() {},
};
