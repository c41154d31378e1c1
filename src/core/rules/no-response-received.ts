import type { Rule } from "./types";

// TODO(rules): not written yet; this placeholder is replaced by the rule's real check.
export const noResponseReceived: Rule = {
  meta: { id: "no-response-received", severity: "warning", description: "" },
  check() {},
};
