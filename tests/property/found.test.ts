/** What the property tests and the hostile workbooks found, kept as small literal cases. */

import { describe, expect, it } from "vitest";
import { cellValue } from "../../src/cli/xlsx-read";
import { readWorkbook } from "../../src/core/read";
import { section0Summary, valueAt } from "../../src/core/summary/index";
import { displayText } from "../../src/core/text";
import { QUOTE_LIMIT, validate } from "../../src/core/validate";
import { normalizeAcceptance, readAcceptance, readStatus } from "../../src/core/vocabulary";
import { book, goodRow } from "../core/workbooks";

const responsesOnly = (...rows: string[][]) =>
  readWorkbook({ sheets: [{ name: "Responses", rows: [["No.", "Unit", "Acceptance"], ...rows] }] }, { asOf: "2025-06-30" });

describe("cell text", () => {
  it("strips tags hidden inside tags, which one pass would turn into tags", () => {
    expect(displayText("<<b>script>alert(1)<</b>/script>")).toBe("alert(1)");
    expect(displayText("<<>   >")).toBe("");
    expect(displayText("a <b> c")).toBe("a c");
  });
});

describe("formula errors", () => {
  it("reads #N/A as an unknown acceptance, not as N/A (Not applicable)", () => {
    expect(readAcceptance("#N/A")).toEqual({ kind: "unknown", text: "#N/A", suggestion: null });
    expect(normalizeAcceptance("#N/A")).toBeNull();
    expect(normalizeAcceptance("N/A")).toBe("Not applicable");
    expect(readStatus("#REF!")).toEqual({ kind: "unknown", text: "#REF!", suggestion: null });
  });

  it("reads NaN and Infinity from a damaged .xlsx as #NUM!, not as numbers the core refuses", () => {
    expect(cellValue(NaN)).toBe("#NUM!");
    expect(cellValue(-Infinity)).toBe("#NUM!");
    expect(cellValue(45000)).toBe(45000);
  });
});

describe("a workbook without a Units sheet", () => {
  it("counts `cwm` further down as the unit CWM, in the recommendations and the summary", () => {
    const matrix = responsesOnly(["1", "CWM", "Accepted"], ["2", "cwm", "Rejected"]);
    expect(matrix.units.map((u) => u.code)).toEqual(["CWM"]);
    expect(matrix.responses.map((r) => r.unit)).toEqual(["CWM", "CWM"]);
    expect(matrix.recommendations.map((r) => r.addressedTo)).toEqual([["CWM"], ["CWM"]]);
    const summary = section0Summary(matrix, [], { by: "unit", generated: "2025-06-30" });
    expect(valueAt(summary, "B8")).toBe("Rejected");
  });

  it("keeps units whose names have no letters or digits apart", () => {
    const matrix = responsesOnly(["1", "😀", "Accepted"], ["1", ":", "Rejected"]);
    expect(matrix.units.map((u) => u.code)).toEqual(["😀", ":"]);
    expect(matrix.recommendations[0].addressedTo).toEqual(["😀", ":"]);
  });
});

describe("long cells", () => {
  it("quotes the first 100 characters of a long acceptance and an ellipsis", () => {
    const long = `Accepted, ${"subject to the budget of next year ".repeat(20)}`;
    const matrix = readWorkbook(book({ responses: [goodRow("1", "CWM", { acceptance: long }), goodRow("1", "GCP"), goodRow("1", "PTP")], recommendations: [["1", "Text.", "", "", "All"]] }), { asOf: "2025-06-30" });
    const [finding] = validate(matrix);
    expect(finding.rule).toBe("unknown-acceptance");
    expect(finding.message).toBe(
      `Recommendation 1, CWM: the acceptance "${long.slice(0, QUOTE_LIMIT).trimEnd()}…" is not a known answer. Write Accepted, Partially accepted, Rejected, No response or Not applicable.`,
    );
  });

  it("cuts a long unit name wherever the message names it", () => {
    const unit = "U".repeat(300);
    const matrix = responsesOnly(["1", unit, "Acepted"]);
    const [finding] = validate(matrix);
    expect(finding.unit).toBe(unit);
    expect(finding.message.startsWith(`Recommendation 1, ${"U".repeat(QUOTE_LIMIT)}…: the acceptance "Acepted"`)).toBe(true);
  });
});
