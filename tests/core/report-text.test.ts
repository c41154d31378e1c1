import { describe, expect, it } from "vitest";
import { numberedParagraph, recommendationRows, recommendationsFromText } from "../../src/core/report-text";

const numbers = (text: string) => recommendationsFromText(text).map((r) => r.number);

describe("numbered paragraphs", () => {
  it.each([
    ["1) Do this.", "1", "Do this."],
    ["(2) Do that.", "2", "Do that."],
    ["3. Do more.", "3", "Do more."],
    ["Recommendation 4: Do it all.", "4", "Do it all."],
    ["<p><b>Recommendation 5.</b> Strip the tags.</p>", "5", "Strip the tags."],
    ["Recommandation 6 : en français.", "6", "en français."],
  ])("%s is recommendation %s", (line, number, text) => {
    expect(numberedParagraph(line)).toMatchObject({ number, text });
  });

  it("does not take a sentence or an amount for a numbered paragraph", () => {
    expect(numberedParagraph("2.5 million was spent")).toBeNull();
    expect(numberedParagraph("2025 was a year of change")).toBeNull();
    expect(numberedParagraph("Recommendation 8, strengthen")).toBeNull();
  });

  it("reads each style of numbering, joining the lines a paragraph was wrapped over", () => {
    for (const [one, two] of [["1)", "2)"], ["(1)", "(2)"], ["1.", "2."], ["Recommendation 1:", "Recommendation 2:"]]) {
      const recs = recommendationsFromText(`${one} Organize a regional meeting\nonce a year.\n\n${two} Ensure a clear understanding\nof roles.`);
      expect(recs).toEqual([
        { number: "1", text: "Organize a regional meeting once a year.", priority: "", category: "" },
        { number: "2", text: "Ensure a clear understanding of roles.", priority: "", category: "" },
      ]);
    }
  });

  it("starts a new paragraph at a number even without a blank line, and rejoins words hyphenated at a line end", () => {
    const recs = recommendationsFromText("1) Strengthen French-\nspeaking staff;\n 2) Map the projects.");
    expect(recs.map((r) => [r.number, r.text])).toEqual([
      ["1", "Strengthen French-speaking staff;"],
      ["2", "Map the projects."],
    ]);
  });

  it("keeps the longest run numbered 1, 2, 3 ... when a whole report is pasted (section numbers are not recommendations)", () => {
    const report = [
      "1. EXECUTIVE SUMMARY", "", "Text.", "", "2. INTRODUCTION", "", "Text.", "", "3. CONCLUSION AND RECOMMENDATIONS", "",
      "1) First.", "2) Second.", "3) Third.", "4) Fourth.", "", "Annex text follows.",
    ].join("\n");
    expect(numbers(report)).toEqual(["1", "2", "3", "4"]);
    expect(recommendationsFromText(report)[3].text).toBe("Fourth.");
  });

  it("finds nothing in text without numbered paragraphs", () => {
    expect(recommendationsFromText("")).toEqual([]);
    expect(recommendationsFromText("The project responded well.\nNo recommendation here.")).toEqual([]);
  });

  it("carries a paragraph over a page break when it goes on in lower case after an unfinished line", () => {
    const recs = recommendationsFromText("1) Ensure that the institutional memory of\n\nthe Organization is kept;\n\n2) Next.");
    expect(recs[0].text).toBe("Ensure that the institutional memory of the Organization is kept;");
    expect(recs.map((r) => r.number)).toEqual(["1", "2"]);
  });
});

describe("sub-items", () => {
  const text = "12) Support agreements;\n\n13) Ensure to add more activities on:\n\na) infrastructure;\n\nb) migrants' rights;\n\n14) Link the issues.";

  it("turn 13) ... a) ... b) into 13a and 13b, each with the parent's lead-in, in place of 13", () => {
    expect(recommendationsFromText(text).map((r) => [r.number, r.text])).toEqual([
      ["12", "Support agreements;"],
      ["13a", "Ensure to add more activities on: infrastructure;"],
      ["13b", "Ensure to add more activities on: migrants' rights;"],
      ["14", "Link the issues."],
    ]);
  });

  it("accept (a) as well as a)", () => {
    expect(numbers("1) Do two things:\n(a) one;\n(b) two.")).toEqual(["1a", "1b"]);
  });

  it("are only a list after a lead-in ending with ':' that starts at a; a wrapped '(b)' stays in the text", () => {
    expect(recommendationsFromText("1) Support the government; and\n(b) develop tools.").map((r) => [r.number, r.text])).toEqual([
      ["1", "Support the government; and b) develop tools."],
    ]);
  });
});

describe("categories and priorities", () => {
  it("takes a short line above a group of recommendations as their category, until the next one", () => {
    const text = "Internal organization:\n\n1) One.\n\n2) Two.\nOn project development:\n3) Three.";
    expect(recommendationsFromText(text).map((r) => [r.number, r.category])).toEqual([
      ["1", "Internal organization"],
      ["2", "Internal organization"],
      ["3", "On project development"],
    ]);
  });

  it("leaves the category blank before any heading, and does not take an introduction for one", () => {
    const text = "The following recommendations are brought to the attention of IOM, which shall:\n\n1) One.";
    expect(recommendationsFromText(text)[0].category).toBe("");
  });

  it("reads priorities marked in the paragraph, and takes the mark out of the text", () => {
    const recs = recommendationsFromText("1) Do this (priority).\n2) Do that. Priority: Medium\n3) [High priority] Do more.\n4) Nothing.");
    expect(recs.map((r) => [r.number, r.priority, r.text])).toEqual([
      ["1", "High", "Do this."],
      ["2", "Medium", "Do that."],
      ["3", "High", "Do more."],
      ["4", "", "Nothing."],
    ]);
  });

  it("marks High the recommendations a summary lists as the points to prioritise, each bullet matched to the one it paraphrases", () => {
    const text = [
      "Out of all, the following two points should be prioritized:",
      "- Reinforce internal monitoring and evaluation by conducting field surveys;",
      "- Emphasize government ownership of project results;",
      "",
      "1) Organize a regional meeting once a year.",
      "2) Emphasize the importance of government ownership of project activities and their results.",
      "3) Strengthen internal project monitoring and evaluation by conducting field surveys at the start and the end.",
    ].join("\n");
    expect(recommendationsFromText(text).map((r) => [r.number, r.priority])).toEqual([
      ["1", ""],
      ["2", "High"],
      ["3", "High"],
    ]);
  });

  it("gives every sub-item the priority its parent's paraphrase earns", () => {
    const text = "The following point should be prioritised:\n- Add infrastructure and rights activities;\n\n1) Add activities on:\na) infrastructure;\nb) rights.\n2) Other.";
    expect(recommendationsFromText(text).map((r) => [r.number, r.priority])).toEqual([
      ["1a", "High"],
      ["1b", "High"],
      ["2", ""],
    ]);
  });
});

describe("rows for the Recommendations sheet", () => {
  it("are No., Recommendation, Priority, Category and a blank Addressed to", () => {
    expect(recommendationRows(recommendationsFromText("Heading\n1) Do this (priority)."))).toEqual([["1", "Do this.", "High", "Heading", ""]]);
  });
});
