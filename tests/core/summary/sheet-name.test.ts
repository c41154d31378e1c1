import { describe, expect, it } from "vitest";
import { SUMMARY_MARKER_NAME, SUMMARY_SHEET_NAME, summarySheetName } from "../../../src/core/summary/index";

describe("summarySheetName", () => {
  it("uses 'Section 0 Summary' when no sheet has that name", () => {
    expect(summarySheetName([{ name: "Responses", ours: false }])).toEqual({ name: "Section 0 Summary", replaces: false });
    expect(summarySheetName([])).toEqual({ name: SUMMARY_SHEET_NAME, replaces: false });
  });

  it("replaces the add-in's own earlier summary", () => {
    expect(summarySheetName([{ name: "Responses", ours: false }, { name: "Section 0 Summary", ours: true }])).toEqual({
      name: "Section 0 Summary",
      replaces: true,
    });
  });

  it("never overwrites a user's sheet of that name: writes 'Section 0 Summary (2)'", () => {
    expect(summarySheetName([{ name: "Section 0 Summary", ours: false }])).toEqual({ name: "Section 0 Summary (2)", replaces: false });
  });

  it("goes on to (3) when the user also has a '(2)'", () => {
    expect(
      summarySheetName([
        { name: "Section 0 Summary", ours: false },
        { name: "Section 0 Summary (2)", ours: false },
      ]),
    ).toEqual({ name: "Section 0 Summary (3)", replaces: false });
  });

  it("regenerates in place: replaces its own '(2)' next to the user's sheet", () => {
    expect(
      summarySheetName([
        { name: "Section 0 Summary", ours: false },
        { name: "Section 0 Summary (2)", ours: true },
      ]),
    ).toEqual({ name: "Section 0 Summary (2)", replaces: true });
  });

  it("compares sheet names ignoring case, as Excel does", () => {
    expect(summarySheetName([{ name: "SECTION 0 SUMMARY", ours: false }])).toEqual({ name: "Section 0 Summary (2)", replaces: false });
  });

  it("marks its sheets with a workbook-level defined name", () => {
    expect(SUMMARY_MARKER_NAME).toBe("ResponseMatrixSummary");
  });
});
