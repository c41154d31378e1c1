/** `response-matrix merge <file.xlsx> <part.xlsx>... --out <merged.xlsx> [--take parts]` */

import { basename } from "node:path";
import { LayoutError } from "../../core/layouts/errors";
import type { PartSource } from "../../core/round-trip/parts";
import { countBySeverity } from "../../core/severity";
import { plural } from "../../core/text";
import { HELP_HINT, stringOption, UsageError, type Command } from "../args";
import { FileError, readXlsxFile } from "../xlsx-read";
import { writeWorkbookChanges } from "../xlsx-write";
import { readAndValidate } from "./read";
import { sameFile } from "./summary";

/** A returned part as a source; a file that cannot be read becomes a source with its sentence (the others still merge). */
async function partSource(path: string): Promise<PartSource> {
  try {
    return { source: basename(path), workbook: (await readXlsxFile(path)).workbook, kind: "file" };
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    return { source: basename(path), workbook: { sheets: [] }, kind: "file", problem: e.message };
  }
}

export const mergeCommand: Command = {
  name: "merge",
  help: `  response-matrix merge <file.xlsx> <part.xlsx>... --out <merged.xlsx> [--take parts]
      Merge the parts the units returned into a copy of the workbook, matching answers by recommendation and
      unit. An answer that differs from the workbook's is a conflict: listed, and left as the workbook has it
      unless --take parts. Adds a "Merge log" sheet, prints the same, then validates the merged workbook.`,
  options: { out: { type: "string" }, take: { type: "string" } },
  async run(values, files, io, today) {
    if (files.length < 2) throw new UsageError(`Give the workbook, then the returned part files to merge into it (got ${files.length} file${files.length === 1 ? "" : "s"}). ${HELP_HINT}`);
    const [input, ...partFiles] = files;
    const out = stringOption(values, "out");
    if (!out) throw new UsageError(`Say where to write the merged workbook with --out <merged.xlsx>; the input files are never changed.`);
    const take = stringOption(values, "take");
    if (take !== undefined && take !== "parts") throw new UsageError(`--take takes only "parts" (take the parts' answers in conflicts); got "${take}".`);
    const overwritten = files.find((f) => sameFile(f, out));
    if (overwritten) throw new UsageError(`--out names the input file "${overwritten}"; the merged workbook is written to a copy, so give another file name.`);

    // Loaded here, not with the command line: the round trip's code (and zod, for its markers) is for merge and split only
    const [{ mergeParts }, { mergeLogSheet, mergeLogSheetName, mergeReportLines }] = await Promise.all([import("../../core/round-trip/merge"), import("../../core/round-trip/log")]);
    const loaded = await readXlsxFile(input);
    const sources = await Promise.all(partFiles.map(partSource));
    let result;
    try {
      result = mergeParts(loaded.workbook, sources, { take: take === "parts" ? "parts" : undefined });
    } catch (e) {
      if (e instanceof LayoutError) throw new UsageError(`${input}: ${e.message}`);
      throw e;
    }
    const target = mergeLogSheetName(loaded.workbook.sheets);
    const previous = target.replaces ? (loaded.workbook.sheets.find((s) => s.name === target.name) ?? null) : null;
    const { spec } = mergeLogSheet(result, { name: target.name, date: today, previous });
    await writeWorkbookChanges(loaded, out, {
      cells: result.changes,
      sheets: [{ spec, replaces: target.replaces }],
      ...(result.addedRows ? { addedRows: { sheet: result.responsesSheet, ...result.addedRows } } : {}),
    });

    io.out(`Wrote ${out}, with the answers merged and the sheet "${target.name}".`);
    for (const line of mergeReportLines(result)) io.out(line);
    if (result.conflicts.some((c) => !c.taken)) {
      io.out(`Conflicts keep the workbook's value; to take the parts' answers instead, run the merge again with --take parts, or correct the cells by hand.`);
    }
    const { result: check } = await readAndValidate(out, today);
    const { error: errors, warning: warnings } = countBySeverity(check.findings);
    io.out(`The merged workbook has ${plural(errors, "error")} and ${plural(warnings, "warning")}${errors + warnings ? `; run "response-matrix validate ${out}" to list them` : ""}.`);
    return 0;
  },
};
