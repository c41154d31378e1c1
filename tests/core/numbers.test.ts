import { describe, expect, it } from "vitest";
import { normalizeRecommendationNumber } from "../../src/core/numbers";

describe("recommendation numbers", () => {
  it.each([
    ["1", "1"], ["1.", "1"], ["(1)", "1"], ["1)", "1"], ["Recommendation 1", "1"], ["Recommendation 1:", "1"],
    ["Rec. 12", "12"], ["13a", "13a"], ["13 a)", "13a"], ["13 A", "13a"], ["<p>4.</p>", "4"],
  ])("%s means %s", (text, expected) => {
    expect(normalizeRecommendationNumber(text)).toBe(expected);
  });

  it("reads numbers as numbers and rejects prose", () => {
    expect(normalizeRecommendationNumber(3)).toBe("3");
    expect(normalizeRecommendationNumber("See the report")).toBeNull();
    expect(normalizeRecommendationNumber("")).toBeNull();
  });

  it("keeps sub-items distinct", () => {
    expect(normalizeRecommendationNumber("13a")).not.toBe(normalizeRecommendationNumber("13b"));
  });
});
