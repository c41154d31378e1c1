import { describe, expect, it } from "vitest";
import {
  acceptanceCellText, acceptanceRate, answerOf, recommendationLabel, summaryColumns, colourAnswer,
} from "../../../src/core/summary/index";
import type { Recommendation, Unit } from "../../../src/core/model";
import { matrixOf, row } from "../workbooks";

function unit(code: string, division: string): Unit {
  return { code, name: "", division, aliases: [], at: null };
}

function rec(number: string, text: string): Recommendation {
  return { number, text, priority: "", category: "", addressedTo: [], addressedUnknown: [], at: { sheet: "R", row: 1, col: 0 }, addressedAt: null };
}

describe("acceptanceCellText", () => {
  it("writes NA when no unit of the column is addressed", () => {
    expect(acceptanceCellText([])).toBe("NA");
  });

  it("writes the answer alone when all units agree", () => {
    expect(acceptanceCellText([{ code: "CWM", answer: "Rejected" }, { code: "GCP", answer: "Rejected" }])).toBe("Rejected");
  });

  it("groups in the order Accepted, Partially accepted, Rejected, No response, units as given", () => {
    expect(
      acceptanceCellText([
        { code: "A2030", answer: "No response" },
        { code: "CWM", answer: "Partially accepted" },
        { code: "GCP", answer: "Accepted" },
        { code: "SCYCLE", answer: "Rejected" },
      ]),
    ).toBe("Accepted (GCP); Partially accepted (CWM); Rejected (SCYCLE); No response (A2030)");
  });

  it("joins units as 'A', 'A and B', 'A, B and C'", () => {
    const accepted = (codes: string[]) => codes.map((code) => ({ code, answer: "Accepted" as const }));
    const oneRejected = { code: "Z", answer: "Rejected" as const };
    expect(acceptanceCellText([...accepted(["A"]), oneRejected])).toBe("Accepted (A); Rejected (Z)");
    expect(acceptanceCellText([...accepted(["A", "B"]), oneRejected])).toBe("Accepted (A and B); Rejected (Z)");
    expect(acceptanceCellText([...accepted(["A", "B", "C"]), oneRejected])).toBe("Accepted (A, B and C); Rejected (Z)");
  });
});

describe("answers and rates", () => {
  it("reads a missing row, blank, '-', Not applicable and unknown text as No response", () => {
    const m = matrixOf({
      responses: [
        row({ no: "1", unit: "CWM", acceptance: "", action: "x" }),
        row({ no: "1", unit: "GCP", acceptance: "-" }),
        row({ no: "1", unit: "PTP", acceptance: "N/A" }),
        row({ no: "2", unit: "CWM", acceptance: "Acepted" }),
        row({ no: "2", unit: "GCP", acceptance: "Partiellement acceptée" }),
      ],
    });
    expect([...m.responses.map(answerOf), answerOf(undefined)]).toEqual([
      "No response", "No response", "No response", "No response", "Partially accepted", "No response",
    ]);
  });

  it("colours by the least favourable answer given: Rejected, then Partially accepted, then Accepted", () => {
    expect(colourAnswer(["Accepted", "Partially accepted"])).toBe("Partially accepted");
    expect(colourAnswer(["Rejected", "Accepted"])).toBe("Rejected");
    expect(colourAnswer(["Rejected", "No response"])).toBe("Rejected");
    expect(colourAnswer(["No response", "Accepted"])).toBe("Accepted");
  });

  it("colours grey (No response) only when no addressed unit answered, and not at all when none is addressed", () => {
    expect(colourAnswer(["No response", "No response"])).toBe("No response");
    expect(colourAnswer([])).toBeNull();
  });

  it("rates (Accepted + Partially accepted) / addressed, null when none addressed", () => {
    expect(acceptanceRate({ Accepted: 2, "Partially accepted": 1, Rejected: 1, "No response": 0 })).toBe(0.75);
    expect(acceptanceRate({ Accepted: 0, "Partially accepted": 0, Rejected: 0, "No response": 0 })).toBeNull();
  });
});

describe("summaryColumns", () => {
  const units = [unit("CITSU", "CITSU"), unit("PTP", "Peace"), unit("CWM", "Planet"), unit("PMCP", "peace"), unit("GCP", "Planet")];

  it("lists divisions in order of first appearance, each with its units in Units order", () => {
    expect(summaryColumns(units, "division")).toEqual([
      { label: "CITSU", units: ["CITSU"] },
      { label: "Peace", units: ["PTP", "PMCP"] },
      { label: "Planet", units: ["CWM", "GCP"] },
    ]);
  });

  it("lists every unit in Units order", () => {
    expect(summaryColumns(units, "unit").map((c) => c.label)).toEqual(["CITSU", "PTP", "CWM", "PMCP", "GCP"]);
  });
});

describe("recommendationLabel", () => {
  it("joins the number and the first sentence", () => {
    expect(recommendationLabel(rec("2", "Improve learner engagement. Use analytics."))).toBe("2. Improve learner engagement.");
  });

  it("strips tags and a leading 'Recommendation N' of the same number", () => {
    expect(recommendationLabel(rec("4", "<p><b>Recommendation 4.</b> Formulate learner engagement strategies.</p>"))).toBe(
      "4. Formulate learner engagement strategies.",
    );
    expect(recommendationLabel(rec("13a", "Recommendation 13 a) Train border staff."))).toBe("13a. Train border staff.");
  });

  it("keeps a leading reference to another recommendation", () => {
    expect(recommendationLabel(rec("5", "Recommendation 4: see above."))).toBe("5. Recommendation 4: see above.");
  });

  it("falls back to 'Recommendation N' when there is no text", () => {
    expect(recommendationLabel(rec("3", ""))).toBe("Recommendation 3");
  });
});
