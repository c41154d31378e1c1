/**
 * The printed Section 0 summary, as a reader gets it: the command line writes the example workbook and its summary,
 * LibreOffice (headless) prints the file to PDF, poppler reads the words back with their boxes. Used by the print
 * test (tests/print) and by `npm run docs:images` (the README's picture).
 */

import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { run } from "../src/cli/main";

const exec = promisify(execFile);

/** Whether a program is on the PATH. */
export async function hasProgram(name: string): Promise<boolean> {
  try {
    await exec("sh", ["-c", `command -v ${name}`]);
    return true;
  } catch {
    return false;
  }
}

/** Writes the example workbook and its summary (`--lang`) into `dir`; returns the summary file. */
export async function exampleSummary(dir: string, lang: "en" | "fr"): Promise<string> {
  const workbook = join(dir, "example.xlsx");
  const summary = join(dir, `example-summary-${lang}.xlsx`);
  const io = { out: () => undefined, err: (text: string) => console.error(text) };
  if ((await run(["template", "--out", workbook, "--example"], io)) !== 0) throw new Error("The example workbook could not be written.");
  if ((await run(["summary", workbook, "--out", summary, "--as-of", "2025-06-30", "--lang", lang], io)) !== 0) {
    throw new Error("The summary could not be written.");
  }
  return summary;
}

/** Prints an .xlsx file to PDF with LibreOffice (a profile of its own, so runs do not share one); returns the PDF. */
export async function printToPdf(xlsx: string, dir: string): Promise<string> {
  const profile = `file://${join(dir, "libreoffice-profile")}`;
  await exec("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { timeout: 120_000 });
  return join(dir, xlsx.replace(/^.*[\\/]/, "").replace(/\.xlsx$/, ".pdf"));
}

/** A word of a PDF page and its box, in points from the top left. */
export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of a PDF, page by page, in the order the page draws them (`pdftotext -bbox`). */
export async function pdfWords(pdf: string): Promise<PdfWord[]> {
  const html = join(pdf.replace(/\.pdf$/, ".words.html"));
  await exec("pdftotext", ["-bbox", pdf, html]);
  const text = await readFile(html, "utf8");
  const words: PdfWord[] = [];
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, "&");
  text.split(/<page /).slice(1).forEach((pageText, page) => {
    for (const m of pageText.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: page + 1, text: decode(m[5]), xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4] });
    }
  });
  return words;
}

/** The fonts a page range of a PDF uses (`pdffonts`), by name without the subset prefix. */
export async function pdfFonts(pdf: string, first: number, last: number): Promise<string[]> {
  const { stdout } = await exec("pdffonts", ["-f", String(first), "-l", String(last), pdf]);
  return stdout.split("\n").slice(2).map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, "")).filter(Boolean);
}

/** Renders pages of a PDF to PNG files `<prefix>-<page>.png` at a resolution (dots per inch). */
export async function pdfToPng(pdf: string, first: number, last: number, prefix: string, dpi = 110): Promise<void> {
  await exec("pdftoppm", ["-png", "-r", String(dpi), "-f", String(first), "-l", String(last), pdf, prefix]);
}
