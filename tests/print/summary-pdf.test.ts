/**
 * The summary as it prints: the command line's summary of the example, printed to PDF by LibreOffice (headless),
 * read back with poppler. Needs `soffice` and `pdftotext`; CI installs them. Elsewhere the test is skipped when
 * they are missing, and fails in CI, so that a missing install cannot pass for a green run.
 */

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsxFile } from "../../src/cli/xlsx-read";
import { EXAMPLE_RECOMMENDATIONS } from "../../src/core/example/seed002";
import { displayText } from "../../src/core/text";
import { emWidth } from "../../src/core/text-measure";
import { exampleSummary, hasProgram, pdfFonts, pdfWords, printToPdf, type PdfWord } from "../../scripts/summary-pdf";

const available = (await hasProgram("soffice")) && (await hasProgram("pdftotext"));
if (!available && process.env.CI) throw new Error("LibreOffice (soffice) and poppler (pdftotext) must be installed for the print test in CI.");

describe.skipIf(!available)("the printed summary of the example (LibreOffice, A4 landscape)", () => {
  let dir: string;
  let words: PdfWord[];
  let summaryPages: number[];
  let labels: string[];
  let pdf: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "response-matrix-print-"));
    const summary = await exampleSummary(dir, "en");
    pdf = await printToPdf(summary, dir);
    words = await pdfWords(pdf);
    const first = words.find((w, i) => w.text === "Section" && words[i + 3]?.text === "Summary")!.page;
    summaryPages = [...new Set(words.map((w) => w.page))].filter((p) => p >= first);
    const sheet = (await readXlsxFile(summary)).workbook.sheets.find((s) => s.name === "Section 0 Summary")!;
    const header = sheet.rows.findIndex((r) => r[0] === "Recommendation");
    labels = sheet.rows.slice(header + 1, header + 1 + EXAMPLE_RECOMMENDATIONS.length).map((r) => String(r[0]));
  }, 180_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Font size of each word: its box height over the font's height per point, taken from the bold 14-point title word. */
  function sizes(): { word: PdfWord; size: number }[] {
    const title = words.find((w) => w.text === "Summary" && w.page === summaryPages[0])!;
    const titleSize = (title.xMax - title.xMin) / emWidth("Summary", true);
    const heightPerPoint = (title.yMax - title.yMin) / titleSize;
    return words.filter((w) => summaryPages.includes(w.page)).map((word) => ({ word, size: (word.yMax - word.yMin) / heightPerPoint }));
  }

  it("prints the summary in one named font (Arial, printed as Liberation Sans), nothing else", async () => {
    const fonts = await pdfFonts(pdf, summaryPages[0], summaryPages[summaryPages.length - 1]);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => /^LiberationSans(-Bold)?$|^Arial/.test(f)), fonts.join(", ")).toBe(true);
  });

  it("prints no text of the summary, chart included, below 8 points", () => {
    const all = sizes();
    const smallest = all.reduce((a, b) => (b.size < a.size ? b : a));
    console.log(`smallest printed text: ${smallest.size.toFixed(2)} pt ("${smallest.word.text}", page ${smallest.word.page}); title ${Math.max(...all.map((s) => s.size)).toFixed(2)} pt`);
    expect(smallest.size).toBeGreaterThanOrEqual(7.95);
  });

  it("prints the whole matrix, its totals and its legend on the first page of the summary", () => {
    const first = words.filter((w) => w.page === summaryPages[0]).map((w) => w.text).join(" ");
    for (const text of ["Recommendation", "NCD", "Units that accepted", "Acceptance rate"]) expect(first).toContain(text);
    const lastColumn = words.filter((w) => w.page === summaryPages[0] && w.text === "NCD");
    expect(lastColumn.length).toBeGreaterThan(0);
  });

  it("prints every recommendation label whole, ending at the end of a word of its recommendation", () => {
    const printed = summaryPages.map((p) => words.filter((w) => w.page === p).map((w) => w.text).join(" ")).join(" ");
    labels.forEach((label, i) => {
      expect(printed, label).toContain(label.replace(/\s+/g, " "));
      const text = displayText(EXAMPLE_RECOMMENDATIONS[i].text);
      const kept = label.replace(/^\d+[a-z]?\.\s*/, "").replace(/…$/, "");
      expect(text.startsWith(kept), label).toBe(true);
      expect(text.slice(kept.length), label).toMatch(/^($|[\s.,;:)])/);
    });
  });

  it("prints the acceptance chart with its title, categories and legend", () => {
    const printed = words.filter((w) => summaryPages.includes(w.page)).map((w) => w.text).join(" ");
    const chart = printed.slice(printed.indexOf("Acceptance by recommendation (number of units)"));
    expect(chart.length).toBeLessThan(printed.length);
    for (const text of ["Recommendation 1", "Recommendation 5", "Accepted", "Partially accepted", "Rejected", "No response"]) {
      expect(chart).toContain(text);
    }
  });

  it("prints the example workbook's own sheets with rows tall enough: no two words overlap", () => {
    const before = words.filter((w) => w.page < summaryPages[0]);
    // Boxes of neighbouring lines touch (a box is taller than the line spacing): overlapping means sharing half a line
    const overlap = (lo1: number, hi1: number, lo2: number, hi2: number) => Math.min(hi1, hi2) - Math.max(lo1, lo2);
    const overlaps = before.filter((a, i) =>
      before.some(
        (b, j) =>
          j > i && a.page === b.page && overlap(a.xMin, a.xMax, b.xMin, b.xMax) > 1 &&
          overlap(a.yMin, a.yMax, b.yMin, b.yMax) > 0.5 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin),
      ),
    );
    expect(before.length).toBeGreaterThan(100);
    expect(overlaps.map((w) => w.text)).toEqual([]);
  });
});
