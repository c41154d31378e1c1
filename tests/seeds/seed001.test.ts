/**
 * Seed 001: OIOS audit 2023/032 (MINUSMA, 5 recommendations), Annex I and Appendix I on two sheets.
 * Expected findings, worked out from the report: MINUSMA accepted all five ("Yes."); every one is still open (O);
 * Appendix I gives a date only for recommendation 2 ("By 31 August 2023.", passed), and for the others text that is
 * no date ("To be decided by the UNCT.", "To be determined by UNCT / UNDP", "UNCT / UNDP to determine.").
 */

import { describe, expect, it } from "vitest";
import { serialFromIso } from "../../src/core/dates";
import { LAYOUTS } from "../../src/core/layouts/index";
import { workbookScore } from "../../src/core/layouts/layout";
import type { Finding } from "../../src/core/model";
import { readWorkbook } from "../../src/core/read";
import { validate } from "../../src/core/validate";
import { SEED001 } from "../fixtures/seeds/seed001";

const pick = (f: Finding) => [f.rule, f.sheet, f.cell, f.recommendation, f.unit];
const APPENDIX = "Appendix I";

describe("seed 001, an OIOS management response on two sheets", () => {
  const matrix = readWorkbook(SEED001, { asOf: "2025-06-30" });

  it("is recognised as the OIOS layout, and better than as any other", () => {
    const scores = Object.fromEntries(LAYOUTS.map((l) => [l.id, workbookScore(l, SEED001)]));
    expect(scores.oios).toBe(0.9);
    expect(Object.entries(scores).filter(([id, s]) => id !== "oios" && s >= 0.9)).toEqual([]);
    expect(matrix.layout).toBe("oios");
    expect(matrix.responsesSheet).toBe(APPENDIX);
  });

  it("names MINUSMA, from the audit's title, as the one entity every recommendation is addressed to", () => {
    expect(matrix.title).toBe(
      "Audit of support for security sector reform in the United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA)",
    );
    expect(matrix.units.map((u) => u.code)).toEqual(["MINUSMA"]);
    expect(matrix.recommendations.map((r) => [r.number, r.priority, r.addressedTo])).toEqual(
      ["1", "2", "3", "4", "5"].map((n) => [n, "Important", ["MINUSMA"]]),
    );
  });

  it("joins each Appendix I answer to its Annex I status by number, skipping cover letter, page titles, footnotes and repeated headers", () => {
    expect(
      matrix.responses.map((r) => [r.number, r.row + 1, r.acceptance, r.statuses.map((s) => [s.reading, `${s.at.sheet}!${s.at.row + 1}`])]),
    ).toEqual([
      ["1", 24, { kind: "known", value: "Accepted" }, [[{ kind: "open" }, "Annex I!6"]]],
      ["2", 36, { kind: "known", value: "Accepted" }, [[{ kind: "open" }, "Annex I!7"]]],
      ["3", 37, { kind: "known", value: "Accepted" }, [[{ kind: "open" }, "Annex I!8"]]],
      ["4", 45, { kind: "known", value: "Accepted" }, [[{ kind: "open" }, "Annex I!9"]]],
      ["5", 46, { kind: "known", value: "Accepted" }, [[{ kind: "open" }, "Annex I!10"]]],
    ]);
    expect(matrix.statusColumns.map((c) => [c.header, c.openClosed])).toEqual([["C/ O", true]]);
  });

  it("carries the client comments a page break cut over to the next page", () => {
    const comments = (n: string) => matrix.responses.find((r) => r.number === n)!.comments;
    expect(comments("1").endsWith("UN Country Team (UNCT) now has the framework to support the implementation of the SSR Strategy.")).toBe(true);
    expect(comments("3").endsWith("This recommendation is to be adopted by UNCT, which shall (i) continue to support the government's efforts to mobilize resources; and (ii) develop tools to track pledges and contributions received.")).toBe(true);
    expect(matrix.responses.map((r) => r.responsible)).toEqual([
      "UNCT",
      "SSR SALW/ DOSS/ DSR Team Leaders to transfer information database to UNCT / United Nations Development Programme (UNDP)",
      "UNCT/UNDP",
      "UNCT / UNDP",
      "UNCT / UNDP",
    ]);
  });

  it("takes the target dates from Appendix I: 'By 31 August 2023.' is a date, 'To be determined by UNCT / UNDP' is not", () => {
    expect(matrix.responses.map((r) => r.targetDate)).toEqual([
      { kind: "text", text: "To be decided by the UNCT." },
      { kind: "date", serial: serialFromIso("2023-08-31") },
      { kind: "text", text: "To be determined by UNCT / UNDP" },
      { kind: "text", text: "UNCT / UNDP to determine." },
      { kind: "text", text: "UNCT / UNDP to determine." },
    ]);
  });

  it("finds, as of 2025-06-30: four dates that are no date, and recommendation 2 open past its date", () => {
    expect(validate(matrix).map(pick)).toEqual([
      ["invalid-date", APPENDIX, "F24", "1", "MINUSMA"],
      ["overdue", APPENDIX, "F36", "2", "MINUSMA"],
      ["invalid-date", APPENDIX, "F37", "3", "MINUSMA"],
      ["invalid-date", APPENDIX, "F45", "4", "MINUSMA"],
      ["invalid-date", APPENDIX, "F46", "5", "MINUSMA"],
    ]);
  });

  it("says recommendation 2 is still open (O) past its date", () => {
    expect(validate(matrix).find((f) => f.rule === "overdue")!.message).toBe(
      "Recommendation 2, MINUSMA: the target date 2023-08-31 has passed (as of 2025-06-30) and the latest status is O (open). " +
        "Update the status, or agree a new target date and enter it.",
    );
  });

  it("finds nothing overdue once Annex I says C (closed) for recommendation 2", () => {
    const annex = SEED001.sheets[0];
    const rows = annex.rows.map((r) => [...r]);
    expect(rows[6][3]).toBe("O"); // D7
    rows[6][3] = "C";
    const closed = readWorkbook({ ...SEED001, sheets: [{ ...annex, rows }, SEED001.sheets[1]] }, { asOf: "2025-06-30" });
    expect(closed.responses[1].statuses[0].reading).toEqual({ kind: "known", value: "Implemented" });
    expect(validate(closed).map((f) => f.rule)).toEqual(["invalid-date", "invalid-date", "invalid-date", "invalid-date"]);
  });
});
