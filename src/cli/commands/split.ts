/** `response-matrix split <file.xlsx> --out-dir <folder> [--round response|"6 months"|...]` */

import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { LayoutError } from "../../core/layouts/errors";
import { joinWithAnd, plural } from "../../core/text";
import { HELP_HINT, stringOption, UsageError, type Command } from "../args";
import { FileError, readXlsxFile } from "../xlsx-read";
import { saveWorkbook, workbookOf } from "../xlsx-write";

/** Creates the folder (and its parents); a sentence when it cannot. */
async function folder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileError(`The folder "${path}" could not be created (${code === "EEXIST" || code === "ENOTDIR" ? "a file has that name" : code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? "unknown error")}); give another --out-dir.`);
  }
}

export const splitCommand: Command = {
  name: "split",
  help: `  response-matrix split <file.xlsx> --out-dir <folder> [--round response|"6 months"|...]
      Write one workbook per unit the recommendations are addressed to ("<evaluation> - <unit>.xlsx"), holding
      only its recommendations and its own answers, protected (no password) except the cells to fill in this
      round: the response (default), or the status at a follow-up period such as "6 months".`,
  options: { "out-dir": { type: "string" }, round: { type: "string" } },
  async run(values, files, io, today) {
    if (files.length !== 1) throw new UsageError(`Give exactly one .xlsx workbook to split (got ${files.length}). ${HELP_HINT}`);
    const [input] = files;
    const outDir = stringOption(values, "out-dir");
    if (!outDir) throw new UsageError(`Say which folder to write the parts to with --out-dir <folder>.`);
    // Loaded here, not with the command line: the round trip's code (and zod, for its markers) is for merge and split only
    const { splitBook } = await import("../../core/round-trip/split");
    const loaded = await readXlsxFile(input);
    let result;
    try {
      result = splitBook(loaded.workbook, { round: stringOption(values, "round"), made: today });
    } catch (e) {
      if (e instanceof LayoutError) throw new UsageError(`${input}: ${e.message}`);
      throw e;
    }
    if (result.parts.length === 0) throw new UsageError(`${input}: no recommendation is addressed to any unit of the Units sheet, so there is nothing to send. Fill in "Addressed to" in Recommendations.`);
    // A part already there may hold a unit's answers: never written over.
    const there = result.parts.filter((p) => existsSync(join(outDir, p.fileName))).map((p) => `"${p.fileName}"`);
    if (there.length > 0) {
      throw new UsageError(
        `The folder "${outDir}" already has ${joinWithAnd(there.slice(0, 3))}${there.length > 3 ? ` and ${there.length - 3} more` : ""}, which split would replace; ` +
          `a returned part may hold answers, so choose an empty folder or move those files first.`,
      );
    }
    await folder(outDir);
    for (const part of result.parts) await saveWorkbook(workbookOf([part.spec]), join(outDir, part.fileName));

    io.out(`Wrote ${plural(result.parts.length, "part")} for ${result.round.name} to ${outDir}:`);
    for (const part of result.parts) {
      io.out(`  ${part.unit.code}: "${part.fileName}", ${plural(part.recommendations.length, "recommendation")} (${joinWithAnd(part.recommendations)})`);
    }
    if (result.notAddressed.length) io.out(`No part for ${joinWithAnd(result.notAddressed)}: no recommendation is addressed to ${result.notAddressed.length === 1 ? "it" : "them"}.`);
    io.out(`Send each unit its file; merge the returned files with "response-matrix merge ${input} <part.xlsx>... --out <merged.xlsx>".`);
    return 0;
  },
};
