import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const unknownAcceptance: Rule = {
  meta: { id: "unknown-acceptance", severity: "error", description: "" },
  check() {},
};
