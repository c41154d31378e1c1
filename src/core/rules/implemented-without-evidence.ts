import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const implementedWithoutEvidence: Rule = {
  meta: { id: "implemented-without-evidence", severity: "info", description: "" },
  check() {},
};
