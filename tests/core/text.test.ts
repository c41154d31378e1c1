import { describe, expect, it } from "vitest";
import { displayText, editDistance, firstSentence, joinWithAnd, normalizeKey } from "../../src/core/text";

describe("cell text", () => {
  it("strips leftover HTML tags and decodes entities, never interpreting them", () => {
    expect(displayText("<p><b>Recommendation 1:</b> Take steps</p>")).toBe("Recommendation 1: Take steps");
    expect(displayText("C&amp;W <script>alert(1)</script>")).toBe("C&W alert(1)");
    expect(displayText("a &lt;b&gt; c")).toBe("a <b> c");
    expect(displayText(45000)).toBe("45000");
    expect(displayText("")).toBe("");
  });

  it("compares ignoring case, accents and punctuation", () => {
    expect(normalizeKey("Acceptée ?")).toBe("acceptee");
    expect(normalizeKey("  Partially   ACCEPTED. ")).toBe("partially accepted");
    expect(normalizeKey("Mis en œuvre")).toBe("mis en oeuvre");
    expect(normalizeKey("N/A")).toBe("n a");
  });

  it("measures edit distance with a bound", () => {
    expect(editDistance("acepted", "accepted")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("abc", "xyzxyz", 2)).toBe(3);
  });

  it("joins unit lists as people write them", () => {
    expect(joinWithAnd(["A"])).toBe("A");
    expect(joinWithAnd(["A", "B"])).toBe("A and B");
    expect(joinWithAnd(["A", "B", "C"])).toBe("A, B and C");
  });

  it("takes the first sentence of a recommendation", () => {
    expect(firstSentence("Take steps. Then more.")).toBe("Take steps.");
    expect(firstSentence("No full stop")).toBe("No full stop");
  });

  it("cuts a very long first sentence after a whole word, never inside one, and marks the cut", () => {
    const long = "Take steps to ensure full compliance with the policy (including requirements for courses that are part of Master’s Degree programmes) and more.";
    const cut = firstSentence(long, 100);
    expect(cut).toBe("Take steps to ensure full compliance with the policy (including requirements for courses that are…");
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(firstSentence("Overlong, words, here", 12)).toBe("Overlong…");
  });
});
