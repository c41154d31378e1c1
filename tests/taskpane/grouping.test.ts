// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup } from "@testing-library/react";
import type { Severity } from "../../src/core/model";
import { clusterFindings, clusterLabel, groupFindings, groupSummary, whereText } from "../../src/taskpane/grouping";
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
  it("heads rule groups with the rule's title and orders them as the rule list does, not as the findings come", () => {
    const groups = groupFindings(FINDINGS, "rule", ALL);
    expect(groups.map((g) => [g.label, g.findings.map((f) => f.message)])).toEqual([
      ["Addressed unit has not answered", ["m6"]],
      ["Accepted without a planned action", ["m2", "m3", "m4", "m5"]],
      ["Past its target date", ["m1"]],
    ]);
  });

  it("puts rules with errors before warnings and notes, whatever the rule list's order", () => {
    const mixed = [
      finding("no-response-received", "warning", 2, 2, "1", "A2030", "w1"),
      finding("update-due", "info", 3, 8, "1", "CWM", "i1"),
      finding("unknown-status", "error", 4, 7, "1", "SCYCLE", "e1"),
      finding("missing-action", "error", 5, 3, "2", "NYO", "e2"),
    ];
    expect(groupFindings(mixed, "rule", ALL).map((g) => [g.key, g.worst])).toEqual([
      ["missing-action", "error"],
      ["unknown-status", "error"],
      ["no-response-received", "warning"],
      ["update-due", "info"],
    ]);
  });

  it("puts errors first by recommendation and by unit: groups with errors first, and errors first inside each group", () => {
    const rows = [
      finding("missing-date", "warning", 2, 6, "1", "CWM", "w-1-cwm"),
      finding("update-due", "info", 3, 8, "1", "GCP", "i-1-gcp"),
      finding("missing-date", "warning", 4, 6, "2", "GCP", "w-2-gcp"),
      finding("missing-action", "error", 5, 3, "2", "NYO", "e-2-nyo"),
      finding("missing-date", "warning", 6, 6, "3", "CWM", "w-3-cwm"),
      finding("unknown-status", "error", 7, 7, "3", "CWM", "e-3-cwm"),
    ];
    const byRecommendation = groupFindings(rows, "recommendation", ALL);
    expect(byRecommendation.map((g) => [g.label, g.findings.map((f) => f.message)])).toEqual([
      ["Recommendation 2", ["e-2-nyo", "w-2-gcp"]],
      ["Recommendation 3", ["e-3-cwm", "w-3-cwm"]],
      ["Recommendation 1", ["w-1-cwm", "i-1-gcp"]],
    ]);
    expect(groupFindings(rows, "unit", ALL).map((g) => [g.label, g.findings[0].severity])).toEqual([
      ["CWM", "error"],
      ["NYO", "error"],
      ["GCP", "warning"],
    ]);
  });

  it("orders recommendation and unit groups of equal severity by first appearance, naming the findings without one", () => {
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
    expect(groups.map((g) => g.key)).toEqual(["overdue"]);
    expect(groupFindings(FINDINGS, "rule", new Set<Severity>())).toEqual([]);
  });

  it("groups units by their text without markup", () => {
    const groups = groupFindings([finding("overdue", "warning", 1, 6, "1", "<b>CWM</b>", "a"), finding("overdue", "warning", 2, 6, "1", "CWM", "b")], "unit", ALL);
    expect(groups.map((g) => [g.label, g.findings.length])).toEqual([["CWM", 2]]);
  });

  it("sums a group up by where its findings are (by rule) or by severity (by recommendation or unit)", () => {
    const [missingResponse, missingAction] = groupFindings(FINDINGS, "rule", ALL);
    expect(groupSummary(missingResponse, "rule")).toBe("cell C12");
    expect(groupSummary(missingAction, "rule")).toBe("4 rows: Responses column D; Detail column D");
    const [cwm] = groupFindings(FINDINGS, "unit", ALL);
    expect(groupSummary(cwm, "unit")).toBe("2 errors, 1 warning");
  });
});

describe("where findings are", () => {
  it("says one cell by its reference", () => {
    expect(whereText([finding("unknown-status", "error", 13, 7, "1", "SCYCLE", "m")])).toBe("cell H14");
  });

  it("counts rows and names the column when they share one", () => {
    const rows = Array.from({ length: 48 }, (_, i) => finding("missing-date", "warning", 2 + i, 6, "1", "CWM", `m${i}`));
    expect(whereText(rows)).toBe("48 rows, column G");
  });

  it("counts rows, not findings, when one row has two findings", () => {
    expect(whereText([finding("duplicate-response", "error", 4, 1, "1", "CWM", "a"), finding("duplicate-response", "error", 4, 1, "1", "CWM", "b")])).toBe("1 row, column B");
  });

  it("names a few columns and counts many", () => {
    expect(whereText([finding("unknown-status", "error", 4, 7, "1", "A", "a"), finding("unknown-status", "error", 5, 8, "1", "B", "b")])).toBe("2 rows, columns H and I");
    const wide = [2, 3, 4, 5, 6].map((col) => finding("summary-mismatch", "error", 10, col, "1", "X", `m${col}`));
    expect(whereText(wide)).toBe("1 row, 5 columns");
  });

  it("names the sheets, quoted as Excel quotes them, when there are several", () => {
    const rows = [finding("missing-date", "warning", 4, 6, "1", "A", "a"), finding("missing-date", "warning", 9, 2, "2", "B", "b", "Table 2")];
    expect(whereText(rows)).toBe("2 rows: Responses column G; 'Table 2' column C");
  });
});

describe("clusters", () => {
  it("puts findings of one rule in one column of one sheet together, labelled by the rule's title and where they are", () => {
    const clusters = clusterFindings(FINDINGS.filter((f) => f.rule === "missing-action"));
    expect(clusters.map((c) => [clusterLabel(c), c.findings.map((f) => f.message)])).toEqual([
      ["Accepted without a planned action: 3 rows, column D", ["m2", "m3", "m4"]],
      ["Accepted without a planned action: cell D4", ["m5"]],
    ]);
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
