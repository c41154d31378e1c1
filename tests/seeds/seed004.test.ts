/**
 * Seed 004: the IOM evaluation's 20 recommendations, as report text (the fixture `seed004.txt`, lines wrapped as
 * printed) and pasted into one column of a sheet (`SEED004`, a paragraph per cell).
 */

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Workbook } from "../../src/core/grid";
import { LayoutError } from "../../src/core/layouts/errors";
import { LAYOUTS } from "../../src/core/layouts/index";
import { workbookScore } from "../../src/core/layouts/layout";
import { detectReportText, recommendationsInColumn } from "../../src/core/layouts/report-text";
import { readWorkbook } from "../../src/core/read";
import { recommendationsFromText, type TextRecommendation } from "../../src/core/report-text";
import { SEED004 } from "../fixtures/seeds/seed004";

const TEXT = readFileSync(new URL("../fixtures/seeds/seed004.txt", import.meta.url), "utf8");

const INTERNAL = "Internal organization and coordination within IOM";
const DEVELOPMENT = "On project development";
const ISSUES = "Issues to be covered for future projects";
const IMPLEMENTATION = "On project implementation";

/**
 * Number, priority, category and first words of each recommendation, worked out from the report. The seven points
 * its summary says to prioritise paraphrase recommendations 7 (continuity through additional activities), 2 (roles
 * and responsibilities), 5 (coordination among IOM Missions to avoid duplication: the mapping the Regional Office
 * coordinates, rather than 1's regional meeting), 20 (monitoring and evaluation), 12 (frameworks for bilateral
 * cooperation), 17 (government ownership) and 6 (an internal session on the recommendations).
 */
const EXPECTED: [string, string, string, string][] = [
  ["1", "", INTERNAL, "Organize a regional meeting once a year"],
  ["2", "High", INTERNAL, "Ensure from the start of any project,"],
  ["3", "", INTERNAL, "Strengthen the capacity of IOM staff"],
  ["4", "", INTERNAL, "Ensure that there is an institutional memory"],
  ["5", "High", INTERNAL, "With the support from the Regional Office"],
  ["6", "High", INTERNAL, "Consolidate all the most relevant recommendations"],
  ["7", "High", DEVELOPMENT, "Prioritize potential short- and medium-term actions"],
  ["8", "", DEVELOPMENT, "Ensure that the indicators and targets"],
  ["9", "", DEVELOPMENT, "Consider systematically how to link"],
  ["10", "", DEVELOPMENT, "At the local level, continue to seek"],
  ["11", "", DEVELOPMENT, "Promote projects with a duration of at least 24 months"],
  ["12", "High", ISSUES, "Support the development, revision and adoption"],
  ["13a", "", ISSUES, "Ensure to add more activities in above-mentioned fields, in line with donors’ priorities, on: the provision of infrastructure"],
  ["13b", "", ISSUES, "Ensure to add more activities in above-mentioned fields, in line with donors’ priorities, on: the promotion and protection of migrants' rights"],
  ["13c", "", ISSUES, "Ensure to add more activities in above-mentioned fields, in line with donors’ priorities, on: the continuous reinforcement"],
  ["13d", "", ISSUES, "Ensure to add more activities in above-mentioned fields, in line with donors’ priorities, on: wide-ranging actions"],
  ["14", "", ISSUES, "Link the issue of border management"],
  ["15", "", ISSUES, "Promote the institutionalization of the training modules"],
  ["16", "", ISSUES, "Strengthen the network of trainers"],
  ["17", "High", IMPLEMENTATION, "Emphasize the importance of government ownership"],
  ["18", "", IMPLEMENTATION, "Assess the relevance and cost-effectiveness"],
  ["19", "", IMPLEMENTATION, "Inform stakeholders, in particular governmental institutions"],
  ["20", "High", IMPLEMENTATION, "In connection with recommendation 8, strengthen"],
];

function expectSeed004(recs: TextRecommendation[]): void {
  expect(recs.map((r) => [r.number, r.priority, r.category])).toEqual(EXPECTED.map(([n, p, c]) => [n, p, c]));
  recs.forEach((r, i) => expect(r.text.startsWith(EXPECTED[i][3]), `${r.number}: ${r.text}`).toBe(true));
}

describe("seed 004 as report text", () => {
  const recs = recommendationsFromText(TEXT);

  it("gives the 20 recommendations, 13 as its sub-items 13a to 13d, with their headings as categories and the seven priorities", () => {
    expectSeed004(recs);
    expect(recs.filter((r) => r.priority === "High")).toHaveLength(7);
  });

  it("keeps each paragraph whole and nothing else: no heading, summary bullet or page text inside a recommendation", () => {
    const text = (n: string) => recs.find((r) => r.number === n)!.text;
    expect(text("11").endsWith("before the end of project period.")).toBe(true); // the heading that follows it on the next line is not
    expect(text("5").endsWith("according to the target country’s national context);")).toBe(true);
    expect(text("3")).toContain("enhancing the capacity of French-speaking staff");
    expect(text("20").endsWith("at the beginning, mid-term and end of the project.")).toBe(true);
    expect(recs.some((r) => /prioritized and listed|The following recommendations/.test(r.text))).toBe(false);
  });

  it("reads the same from the report's whole text", () => {
    const whole = `1. EXECUTIVE SUMMARY\n\nThe project...\n\n2. INTRODUCTION\n\n3. CONCLUSION AND RECOMMENDATIONS\n\n${TEXT}\n\n4. ANNEXES\n`;
    expectSeed004(recommendationsFromText(whole));
  });
});

describe("seed 004 pasted into one column of a sheet", () => {
  it("is recognised as recommendations as report text, and by no other layout", () => {
    expect(LAYOUTS.map((l) => [l.id, workbookScore(l, SEED004)]).filter(([, score]) => (score as number) > 0)).toEqual([["report-text", 0.4]]);
  });

  it("gives the same recommendations, a paragraph per cell or a printed line per cell", () => {
    expectSeed004(recommendationsInColumn(SEED004.sheets[0], 0));
    const lines: Workbook = { name: "pasted.xlsx", sheets: [{ name: "Report", rows: TEXT.split("\n").map((line) => [line]) }] };
    expect(detectReportText(lines)).toBe(0.4);
    expectSeed004(recommendationsInColumn(lines.sheets[0], 0));
  });

  it("reads as no response matrix yet: one sentence counting the recommendations and saying how to make the matrix", () => {
    expect(() => readWorkbook(SEED004, { asOf: "2025-06-30" })).toThrow(LayoutError);
    expect(() => readWorkbook(SEED004, { asOf: "2025-06-30" })).toThrow(
      "The sheet 'Report' holds 20 recommendations written as report text (1 to 20, with 13a, 13b, 13c, 13d), but no responses yet. " +
        "Make the response matrix from them (command line: response-matrix template --out book.xlsx --recommendations-from <text file>), " +
        "fill in whom each is addressed to, and collect each unit's answers in it.",
    );
  });

  it("is not taken for report text when the numbered paragraphs sit beside other columns", () => {
    const table: Workbook = { sheets: [{ name: "Report", rows: SEED004.sheets[0].rows.map((r) => [...r, "Accepted"]) }] };
    expect(detectReportText(table)).toBe(0);
  });
});
