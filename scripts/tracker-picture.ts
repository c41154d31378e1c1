/**
 * The README's pictures of the tracker, rendered from a real tracker file: the seed forms, the example workbook and
 * two generated workbooks are written as .xlsx files, `response-matrix tracker` is run on their folder, LibreOffice
 * (headless) prints the tracker to PDF as Excel would print it (A4 landscape, header repeated), and pdftoppm turns
 * the first page of Evaluations and of Open recommendations into PNG files in docs/images/.
 *
 *   npx tsx scripts/tracker-picture.ts
 *
 * Needs `soffice` (LibreOffice) and `pdftoppm` (poppler) on the PATH; with the Carlito font installed (Debian's
 * fonts-crosextra-carlito), LibreOffice lays the text out with Calibri's metrics, as Excel does.
 */

import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { run } from "../src/cli/main";
import { generateWorkbook } from "../bench/workbook";
import { SEED000 } from "../tests/fixtures/seeds/seed000";
import { SEED001 } from "../tests/fixtures/seeds/seed001";
import { SEED003 } from "../tests/fixtures/seeds/seed003";
import { SEED004 } from "../tests/fixtures/seeds/seed004";
import { writeXlsx } from "../tests/cli/files";

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, "..");
const images = join(root, "docs", "images");
const AS_OF = "2025-06-30";

/** Runs the CLI in-process, failing loudly. */
async function cli(...args: string[]): Promise<void> {
  const lines: string[] = [];
  const status = await run(args, { out: (t) => lines.push(t), err: (t) => lines.push(t), today: AS_OF });
  if (status !== 0) throw new Error(lines.join("\n"));
}

/** The pages of a PDF whose text starts with each heading (first match), 1-based. */
async function firstPages(pdf: string, headings: string[]): Promise<number[]> {
  const { stdout } = await exec("pdfinfo", [pdf]);
  const pages = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0);
  const found = headings.map(() => 0);
  for (let p = 1; p <= pages && found.includes(0); p++) {
    const text = (await exec("pdftotext", ["-f", String(p), "-l", String(p), "-layout", pdf, "-"])).stdout;
    headings.forEach((h, i) => {
      if (!found[i] && text.includes(h)) found[i] = p;
    });
  }
  return found;
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "response-matrix-picture-"));
  try {
    const books = join(work, "responses");
    await mkdir(join(books, "audits"), { recursive: true });
    await cli("template", "--example", "--out", join(books, "unitar-certifications.xlsx"));
    await writeXlsx(join(books, "unitar-mali-elections.xlsx"), SEED000);
    await writeXlsx(join(books, "audits", "oios-2023-032.xlsx"), SEED001);
    await writeXlsx(join(books, "audits", "oios-2018-087.xlsx"), SEED003);
    await writeXlsx(join(books, "iom-border-management.xlsx"), SEED004);
    for (const [i, title] of ["Evaluation of the learning platform", "Evaluation of the gender strategy"].entries()) {
      const workbook = generateWorkbook({ recommendations: 5, units: 6 }, 40 + i);
      workbook.sheets.find((s) => s.name === "Recommendations")!.rows[0] = ["Title", title];
      await writeXlsx(join(books, `generated-${i + 1}.xlsx`), workbook);
    }
    const tracker = join(work, "tracker.xlsx");
    // From the folder above the workbooks, so that the File column shows the paths as a user would type them
    const cwd = process.cwd();
    process.chdir(work);
    try {
      await cli("tracker", "responses", "--out", tracker, "--as-of", AS_OF);
    } finally {
      process.chdir(cwd);
    }

    await exec("soffice", ["--headless", "--convert-to", "pdf", "--outdir", work, tracker], { timeout: 180_000 });
    const pdf = join(work, "tracker.pdf");
    const pictures = { "tracker-evaluations": "Recommendation tracker – Evaluations", "tracker-open-recommendations": "Recommendation tracker – Open recommendations" };
    const pages = await firstPages(pdf, Object.values(pictures));
    await mkdir(images, { recursive: true });
    for (const [i, name] of Object.keys(pictures).entries()) {
      if (!pages[i]) throw new Error(`No page of the PDF starts "${Object.values(pictures)[i]}".`);
      const stem = join(work, name);
      await exec("pdftoppm", ["-png", "-r", "80", "-f", String(pages[i]), "-l", String(pages[i]), "-singlefile", pdf, stem]);
      await copyFile(`${stem}.png`, join(images, `${name}.png`));
      process.stdout.write(`Wrote docs/images/${name}.png (page ${pages[i]} of the printed tracker).\n`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
