// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup } from "@testing-library/react";
import type { Severity } from "../../src/core/model";
import { clusterFindings, clusterLabel, groupFindings } from "../../src/taskpane/grouping";
import { failureMessage } from "../../src/taskpane/failure";
import { UserFacingError } from "../../src/excel/gateway";
import { finding } from "./fake-gateway";

afterEach(cleanup);

const ALL = new Set<Severity>(["error", "warning", "info"]);

const FINDINGS = [
  finding("overdue", "warning", 4, 6, "1", "CWM", "m1"),
  finding("missing-action", "error", 5, 3, "1", "GCP", "m2"),
  finding("missing-action", "error", 7, 3, "2", "CWM", "m3"),
  finding("missing-action", "error", 9, 3, "2", null, "m4"),
  finding("missing-action", "error", 3, 3, "4", "SCYCLE", "m5", "Detail"),
  finding("missing-response", "error", 11, 2, null, "CWM", "m6"),
];

describe("groupFindings", () => {
  it("orders rule groups as the rule list does, not as the findings come", () => {
    const groups = groupFindings(FINDINGS, "rule", ALL);
    expect(groups.map((g) => [g.label, g.findings.map((f) => f.message)])).toEqual([
      ["missing-response", ["m6"]],
      ["missing-action", ["m2", "m3", "m4", "m5"]],
      ["overdue", ["m1"]],
    ]);
  });

  it("puts rules with errors before warnings and notes, whatever the rule list's order", () => {
    const mixed = [
      finding("no-response-received", "warning", 2, 2, "1", "A2030", "w1"),
      finding("update-due", "info", 3, 8, "1", "CWM", "i1"),
      finding("unknown-status", "error", 4, 7, "1", "SCYCLE", "e1"),
      finding("missing-action", "error", 5, 3, "2", "NYO", "e2"),
    ];
    expect(groupFindings(mixed, "rule", ALL).map((g) => g.label)).toEqual(["missing-action", "unknown-status", "no-response-received", "update-due"]);
  });

  it("orders recommendation and unit groups by first appearance, naming the findings without one", () => {
    expect(groupFindings(FINDINGS, "recommendation", ALL).map((g) => [g.label, g.findings.length])).toEqual([
      ["Recommendation 1", 2],
      ["Recommendation 2", 2],
      ["Recommendation 4", 1],
      ["No recommendation number", 1],
    ]);
    expect(groupFindings(FINDINGS, "unit", ALL).map((g) => [g.label, g.findings.length])).toEqual([
      ["CWM", 3],
      ["GCP", 1],
      ["No unit", 1],
      ["SCYCLE", 1],
    ]);
  });

  it("keeps only the severities shown", () => {
    const groups = groupFindings(FINDINGS, "rule", new Set<Severity>(["warning"]));
    expect(groups.map((g) => g.label)).toEqual(["overdue"]);
    expect(groupFindings(FINDINGS, "rule", new Set<Severity>())).toEqual([]);
  });

  it("groups units by their text without markup", () => {
    const groups = groupFindings([finding("overdue", "warning", 1, 6, "1", "<b>CWM</b>", "a"), finding("overdue", "warning", 2, 6, "1", "CWM", "b")], "unit", ALL);
    expect(groups.map((g) => [g.label, g.findings.length])).toEqual([["CWM", 2]]);
  });
});

describe("clusters", () => {
  it("puts findings of one rule in one column of one sheet together", () => {
    const clusters = clusterFindings(FINDINGS.filter((f) => f.rule === "missing-action"));
    expect(clusters.map((c) => [c.sheet, c.column, c.findings.map((f) => f.message)])).toEqual([
      ["Responses", "D", ["m2", "m3", "m4"]],
      ["Detail", "D", ["m5"]],
    ]);
    expect(clusterLabel(clusters[0])).toBe("missing-action in 3 rows of column D");
    expect(clusterLabel(clusters[1])).toBe("missing-action in 1 row of column D");
  });

  it("counts rows, not findings, when one row has two findings of a rule in a column", () => {
    const [cluster] = clusterFindings([finding("duplicate-response", "error", 4, 1, "1", "CWM", "a"), finding("duplicate-response", "error", 4, 1, "1", "CWM", "b")]);
    expect(clusterLabel(cluster)).toBe("duplicate-response in 1 row of column B");
  });
});

describe("failureMessage", () => {
  it("passes a UserFacingError's sentence through", () => {
    expect(failureMessage(new UserFacingError("The workbook is read-only. Save a copy, then try again."), "summarising")).toBe(
      "The workbook is read-only. Save a copy, then try again.",
    );
  });

  it("recognises a UserFacingError by name when it comes from another bundle", () => {
    const error = new Error("Close the cell editor, then try again.");
    error.name = "UserFacingError";
    expect(failureMessage(error, "validating")).toBe("Close the cell editor, then try again.");
  });

  it("says what was being done, and never the internal message, for anything else", () => {
    expect(failureMessage(new RangeError("Invalid array length"), "validating")).toBe(
      "Something went wrong while validating. Try again; if it keeps happening, save the workbook, close and reopen the add-in, and tell your support contact what you were doing.",
    );
    expect(failureMessage("a string", "creating")).toMatch(/^Something went wrong while creating the template\./);
  });
});
