/**
 * `npm run docs:images`: the README's pictures of the printed summary. The command line writes the example's
 * summary (English and French), LibreOffice prints it to PDF, and the first page of the summary becomes
 * docs/images/summary-printed-<lang>.png. Needs LibreOffice (`soffice`) and poppler (`pdftoppm`).
 */

import { copyFile, mkdir, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { exampleSummary, hasProgram, pdfToPng, pdfWords, printToPdf } from "./summary-pdf";

const OUT = resolve("docs/images");

for (const program of ["soffice", "pdftoppm", "pdftotext"]) {
  if (!(await hasProgram(program))) {
    console.error(`${program} is needed to make the pictures: install LibreOffice and poppler (e.g. apt-get install libreoffice-calc poppler-utils).`);
    process.exit(2);
  }
}

await mkdir(OUT, { recursive: true });
const work = await mkdtemp(join(tmpdir(), "response-matrix-docs-"));
try {
  for (const lang of ["en", "fr"] as const) {
    const pdf = await printToPdf(await exampleSummary(work, lang), work);
    // The summary's first page: the first page that shows its title
    const words = await pdfWords(pdf);
    const page = words.find((w, i) => w.text === "Section" && words[i + 1]?.text === "0" && words[i + 2]?.text === "–")?.page;
    if (!page) throw new Error(`The printed ${lang} summary has no title page.`);
    const prefix = join(work, `summary-${lang}`);
    await pdfToPng(pdf, page, page, prefix);
    const png = (await readdir(work)).find((f) => f.startsWith(`summary-${lang}`) && f.endsWith(".png"))!;
    await copyFile(join(work, png), join(OUT, `summary-printed-${lang}.png`));
    console.log(`Wrote docs/images/summary-printed-${lang}.png (page ${page} of the printed workbook).`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
