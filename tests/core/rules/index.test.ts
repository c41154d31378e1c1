import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES } from "../../../src/core/rules/index";

const root = new URL("../../../", import.meta.url);

describe("the rule list", () => {
  it("has every rule of SPEC section 5, once each", () => {
    expect(RULES.map((r) => r.meta.id).sort()).toEqual(
      [
        "missing-response", "no-response-received", "unknown-acceptance", "missing-action", "missing-justification",
        "partial-unexplained", "rejected-with-progress", "duplicate-response", "unknown-unit", "unknown-recommendation",
        "not-addressed", "summary-mismatch", "unknown-status", "missing-status", "status-regression", "missing-date", "invalid-date", "overdue",
        "update-due", "implemented-without-evidence",
      ].sort(),
    );
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))("%s has a description, a module, a test file and a doc page naming its severity", (id, rule) => {
    expect(rule.meta.description.length).toBeGreaterThan(10);
    expect(existsSync(new URL(`src/core/rules/${id}.ts`, root))).toBe(true);
    expect(existsSync(new URL(`tests/core/rules/${id}.test.ts`, root))).toBe(true);
    const doc = readFileSync(new URL(`docs/rules/${id}.md`, root), "utf8");
    expect(doc.startsWith(`# ${id}`)).toBe(true);
    expect(doc.toLowerCase()).toContain(rule.meta.severity);
    expect(doc).toMatch(/## Why/);
  });

  it("names each rule by a short plain title of its own, not its id", () => {
    const titles = RULES.map((r) => r.meta.title);
    expect(new Set(titles).size).toBe(RULES.length);
    for (const { meta } of RULES) {
      // A heading that fits the 320 px pane on one or two lines, in words: a capital, spaces, no id
      expect(meta.title.length, meta.id).toBeLessThanOrEqual(45);
      expect(meta.title, meta.id).toMatch(/^[A-Z][A-Za-z-]*,?( [A-Za-z-]+,?)+$/);
      expect(meta.title.toLowerCase(), meta.id).not.toContain(meta.id);
      expect(meta.title, meta.id).not.toBe(meta.description);
    }
  });

  it("is listed in the README with a link to each doc page", () => {
    const readme = readFileSync(new URL("README.md", root), "utf8");
    for (const r of RULES) expect(readme).toContain(`[\`${r.meta.id}\`](docs/rules/${r.meta.id}.md)`);
  });
});
