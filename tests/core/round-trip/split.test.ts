import { describe, expect, test } from "vitest";
import type { MergedRange } from "../../../src/core/grid";
import { RoundTripError } from "../../../src/core/round-trip/book";
import { readMarker } from "../../../src/core/round-trip/marker";
import { partFileName, recommendationsDigest, splitBook } from "../../../src/core/round-trip/split";
import { EXAMPLE_RECOMMENDATIONS, EXAMPLE_TITLE } from "../../../src/core/example/seed002";
import { ACCEPTANCES, STATUSES } from "../../../src/core/vocabulary";
import { seed002Workbook } from "../../fixtures/seeds/seed002";
import { exampleBook, partOf, returned, sheetOf, split, TODAY } from "./parts";

const UNITS = ["CITSU", "PTP", "PMCP", "SDP", "A2030", "CWM", "GCP", "SCYCLE", "NYO", "MDP", "UNOSAT", "HO", "PFTP", "NDC"];
/** The part's table: header on row 14 (0-based 13), one row per recommendation under it. */
const HEADER_ROW = 13;
const PART_HEADER = [
  "No.", "Recommendation", "Acceptance", "Planned action", "Responsible", "Budget", "Target date", "Status",
  "Status at 6 months", "Status at 1 year", "Status at 2 years", "Comments", "Evidence", "Response date",
];
const col = (header: string) => PART_HEADER.indexOf(header);
const columnRange = (header: string, rows: number): MergedRange => ({ top: HEADER_ROW + 1, left: col(header), bottom: HEADER_ROW + rows, right: col(header) });

describe("split", () => {
  test("gives seed 002 fourteen parts, each holding exactly the recommendations addressed to its unit (CITSU's only recommendation 3)", () => {
    const result = split(exampleBook());
    expect(result.parts.map((p) => [p.unit.code, p.recommendations])).toEqual(UNITS.map((u) => [u, u === "CITSU" ? ["3"] : ["1", "2", "4", "5"]]));
    for (const part of result.parts) {
      const rows = part.spec.cells.slice(HEADER_ROW + 1);
      expect(rows.map((r) => r[0]), part.unit.code).toEqual(part.recommendations);
      // number and full text, as in Recommendations
      expect(rows.map((r) => r[1])).toEqual(part.recommendations.map((n) => EXAMPLE_RECOMMENDATIONS.find((r) => r.number === n)!.text.replace(/\s+/g, " ").trim()));
    }
    expect(partOf(result, "CITSU").spec.cells.slice(HEADER_ROW + 1)).toHaveLength(1);
    expect(result.notAddressed).toEqual([]);
    expect(result.round).toMatchObject({ id: "response", name: "the response" });
  });

  test("names each file '<evaluation> - <unit>.xlsx', and each sheet after its unit", () => {
    const result = split(exampleBook());
    expect(result.parts.map((p) => p.fileName)).toEqual(UNITS.map((u) => `${EXAMPLE_TITLE} - ${u}.xlsx`));
    expect(result.parts.map((p) => p.spec.name)).toEqual(UNITS);
  });

  test("makes file and sheet names safe: no character a system refuses, no trailing dot, no two alike", () => {
    const taken = new Set<string>();
    expect(partFileName('Audit 2023/032: "MINUSMA" | SSR*?.', "A/B", taken)).toBe("Audit 2023 032 MINUSMA SSR - A B.xlsx");
    expect(partFileName('Audit 2023/032: "MINUSMA" | SSR*?.', "A:B", taken)).toBe("Audit 2023 032 MINUSMA SSR - A B (2).xlsx");
    expect(partFileName("", "con", new Set())).toBe("Management response - con_.xlsx");
    const wb = exampleBook();
    sheetOf(wb, "Units").rows[1][0] = "CIT/SU";
    const result = splitBook(wb, { made: TODAY, taken: ["PTP", "Responses"] });
    expect(result.parts.slice(0, 2).map((p) => p.spec.name)).toEqual(["CIT-SU", "PTP (2)"]);
  });

  test("the response round unlocks acceptance, action, responsible, budget, target date and comments only", () => {
    const part = partOf(split(exampleBook()), "CWM");
    expect(part.spec.cells[HEADER_ROW]).toEqual(PART_HEADER);
    expect(part.spec.protection).toEqual({
      unlocked: ["Acceptance", "Planned action", "Responsible", "Budget", "Target date", "Comments"].map((h) => columnRange(h, 4)),
    });
  });

  test("a follow-up round unlocks only that period's status, evidence and comments", () => {
    for (const [round, header] of [["6 months", "Status at 6 months"], ["one year", "Status at 1 year"], ["2 years", "Status at 2 years"]]) {
      const result = split(exampleBook(), round);
      const part = partOf(result, "SDP");
      expect(part.spec.protection, round).toEqual({ unlocked: [header, "Comments", "Evidence"].map((h) => columnRange(h, 4)) });
      expect(part.spec.cells[2], round).toEqual(["Round:", `Follow-up: ${header}`]);
    }
  });

  test("a follow-up column named by a year (as seed 002's 'Update on status in 2025') is a round of its own", () => {
    const wb = exampleBook();
    sheetOf(wb, "Responses").rows[0][8] = "Update on status in 2025";
    const part = partOf(split(wb, "2025"), "PTP");
    expect(part.spec.protection?.unlocked[0]).toEqual(columnRange("Status at 6 months", 4));
    expect(part.spec.cells.map((r) => r[0])).toContain(
      "This form lists the recommendations addressed to your unit (PTP) and the responses given. Please report the status of implementation in 2025.",
    );
  });

  test("shows the unit's earlier answers, read-only and greyed where the round does not fill them, with the workbook's dropdowns", () => {
    const part = partOf(split(exampleBook(), "6 months"), "CWM");
    const rec1 = part.spec.cells[HEADER_ROW + 1];
    expect([rec1[col("Acceptance")], rec1[col("Budget")], rec1[col("Status")]]).toEqual(["Accepted", "N/A", "Planned"]);
    const greyed = (h: string) => part.spec.styles.some((s) => s.style.fill === "#F2F2F2" && s.range.left === col(h) && s.range.right === col(h));
    expect(["No.", "Recommendation", "Acceptance", "Planned action", "Status", "Status at 1 year"].every(greyed)).toBe(true);
    expect(["Status at 6 months", "Comments", "Evidence"].some(greyed)).toBe(false);
    expect(part.spec.dropdowns).toEqual([
      { range: columnRange("Acceptance", 4), values: [...ACCEPTANCES], prompt: expect.any(String) },
      ...["Status", "Status at 6 months", "Status at 1 year", "Status at 2 years"].map((h) => ({ range: columnRange(h, 4), values: [...STATUSES], prompt: expect.any(String) })),
    ]);
    expect(part.spec.freezeRows).toBe(HEADER_ROW + 1);
  });

  test("writes the instructions in the users' words, naming only the columns the workbook has", () => {
    const part = partOf(split(exampleBook()), "GCP");
    const text = part.spec.cells.slice(0, HEADER_ROW).map((r) => r[0]);
    expect(text.slice(0, 6)).toEqual([`Management response: ${EXAMPLE_TITLE}`, "Unit:", "Round:", "Prepared:", undefined, "Instructions for completing this form:"]);
    expect(part.spec.cells[1][1]).toBe("GCP – Green Development and Climate Change Programme");
    expect(text).toContain("For accepted or partially accepted recommendations, please also indicate the planned actions, the person responsible, the budget allocated and the target date.");
    expect(text).toContain("Acceptance: choose Accepted, Partially accepted or Rejected from the list.");
    const followUp = partOf(split(exampleBook(), "6 months"), "GCP").spec.cells.map((r) => r[0]);
    expect(followUp).toContain("Status at 6 months: choose Not started, Planned, Under implementation, Implemented or Not implemented from the list.");
  });

  test("hides a marker in the part's own sheet: evaluation, unit, round and a digest of its recommendations", () => {
    const part = partOf(split(exampleBook(), "6 months"), "CITSU");
    const sheet = returned(part).workbook.sheets[0];
    const found = readMarker(sheet);
    if (!found || !("marker" in found)) throw new Error("the part has no readable marker");
    const marker = found.marker;
    const rec3 = EXAMPLE_RECOMMENDATIONS.find((r) => r.number === "3")!;
    expect(marker).toMatchObject({ v: 1, evaluation: EXAMPLE_TITLE, unit: "CITSU", round: "6 months", made: TODAY, digest: recommendationsDigest([["3", rec3.text]]) });
    expect(part.spec.hiddenColumns).toEqual([PART_HEADER.length]);
    expect(String(part.spec.cells[0][PART_HEADER.length])).toMatch(/^ResponseMatrixPart\|1\|1\|\{/);
    // the digest follows the texts: a reworded recommendation gives another
    expect(recommendationsDigest([["3", `${rec3.text} Soon.`]])).not.toBe(marker.digest);
  });

  test("a marker whose JSON reads but breaks its schema (no unit, a wrong version, a digest that is not text) is damaged", () => {
    const sheet = returned(partOf(split(exampleBook(), "6 months"), "CITSU")).workbook.sheets[0];
    const found = readMarker(sheet);
    if (!found || !("marker" in found)) throw new Error("the part has no readable marker");
    const withMarker = (marker: unknown) => {
      const rows = sheet.rows.map((r) => [...r]);
      rows[found.row] = rows[found.row].map((v) => (typeof v === "string" && v.startsWith("ResponseMatrixPart|") ? `ResponseMatrixPart|1|1|${JSON.stringify(marker)}` : v));
      return readMarker({ ...sheet, rows });
    };
    expect(withMarker(found.marker)).toEqual(found); // written back as it was: still read
    for (const broken of [{ ...found.marker, unit: "" }, { ...found.marker, v: 2 }, { ...found.marker, digest: 7 }, { ...found.marker, recommendations: [{ n: "1", t: "x" }] }]) {
      expect(withMarker(broken)).toEqual({ problem: expect.stringContaining("is damaged") });
    }
  });

  test("a unit that no recommendation is addressed to gets no part, and is named", () => {
    const wb = exampleBook();
    sheetOf(wb, "Units").rows.push(["IT", "Information Technology", "Support", ""]);
    const result = split(wb);
    expect(result.parts).toHaveLength(14);
    expect(result.notAddressed).toEqual(["IT"]);
  });

  test("a workbook in another layout gets a sentence: parts are made from the response matrix workbook", () => {
    expect(() => split(seed002Workbook())).toThrow(RoundTripError);
    expect(() => split(seed002Workbook())).toThrow(
      /^Unit parts are made from, and merged into, the response matrix workbook \(sheets Units, Recommendations and Responses\); this workbook was read as .+\. Create the template, copy the recommendations and answers into it, then try again\.$/,
    );
  });

  test("a round the workbook has no column for gets a sentence naming the rounds there are", () => {
    expect(() => split(exampleBook(), "18 months")).toThrow(
      'There is no round "18 months" in this workbook: its Responses sheet has follow-up status columns for 6 months, 1 year and 2 years. Choose response, "6 months", "1 year" or "2 years".',
    );
  });
});
