/** `response-matrix summary <file.xlsx> --out <out.xlsx> [--by division|unit] [--as-of YYYY-MM-DD]` */

import { realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { section0Summary, summarySheetName } from "../../core/summary/index";
import { plural } from "../../core/text";
import { HELP_HINT, settingsOption, stringOption, UsageError, type Command } from "../args";
import { writeWorkbookChanges } from "../xlsx-write";
import { readAndValidate } from "./read";

/** True when two paths name the same file (same inode when both exist, else the same absolute path). */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    const real = (p: string) => {
      try {
        return realpathSync(p);
      } catch {
        return resolve(p);
      }
    };
    return real(a) === real(b);
  }
}

export const summaryCommand: Command = {
  name: "summary",
  help: `  response-matrix summary <file.xlsx> --out <out.xlsx> [--by division|unit] [--as-of YYYY-MM-DD]
      Write a copy of the workbook with a "Section 0 Summary" sheet. The input file is never changed, and
      everything else in it (charts, pivot tables, pictures, comments, dropdowns) is copied as it is.`,
  options: { out: { type: "string" }, by: { type: "string" }, "as-of": { type: "string" } },
  async run(values, files, io, today) {
    if (files.length !== 1) throw new UsageError(`Give exactly one .xlsx file to summarise (got ${files.length}). ${HELP_HINT}`);
    const [input] = files;
    const out = stringOption(values, "out");
    if (!out) throw new UsageError(`Say where to write the summary with --out <out.xlsx>; the input file is never changed.`);
    if (sameFile(input, out)) {
      throw new UsageError(`--out names the input file "${input}"; the summary is written to a copy, so give another file name.`);
    }
    const { asOf, summaryBy } = settingsOption(values, today);
    const { loaded, ours, result } = await readAndValidate(input, asOf);
    const spec = section0Summary(result.matrix, result.findings, { by: summaryBy, generated: today });
    const existing = loaded.workbook.sheets.map((s) => ({ name: s.name, ours: s.name === ours }));
    const target = summarySheetName(existing);
    await writeWorkbookChanges(loaded, out, { sheets: [{ spec: { ...spec, name: target.name }, replaces: target.replaces, marker: true }] });

    const errors = result.findings.filter((f) => f.severity === "error").length;
    const warnings = result.findings.filter((f) => f.severity === "warning").length;
    io.out(`Wrote ${out} with the sheet "${target.name}"${target.replaces ? " (replacing the earlier summary)" : ""}, summarised by ${summaryBy}, as of ${asOf}.`);
    if (spec.chart) io.out(`The acceptance chart is drawn only by the Excel add-in; the command line writes the tables.`);
    if (errors + warnings) {
      io.out(`The workbook has ${plural(errors, "error")} and ${plural(warnings, "warning")}; run "response-matrix validate ${input}" to list them.`);
    }
    return errors > 0 ? 1 : 0;
  },
};
