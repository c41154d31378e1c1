/** `response-matrix summary <file.xlsx> --out <out.xlsx> [--by division|unit] [--as-of YYYY-MM-DD] [--lang en|fr]` */

import { realpathSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { localTimestamp } from "../../core/dates";
import { countBySeverity, countText } from "../../core/severity";
import { SUMMARY_LANGUAGES, headerLanguage, section0Summary, summarySheetName, type SummaryLanguage } from "../../core/summary/index";
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
  help: `  response-matrix summary <file.xlsx> --out <out.xlsx> [--by division|unit] [--as-of YYYY-MM-DD] [--lang en|fr]
      Write a copy of the workbook with a "Section 0 Summary" sheet (tables and acceptance chart, set up to print
      on A4 landscape), in English or French (default: the language of the workbook's headers).
      The input file is never changed, and everything else in it (charts, pivot tables, pictures, comments,
      dropdowns) is copied as it is. Exit status 0 once the file is written, whatever the findings.`,
  options: { out: { type: "string" }, by: { type: "string" }, "as-of": { type: "string" }, lang: { type: "string" } },
  async run(values, files, io, today) {
    if (files.length !== 1) throw new UsageError(`Give exactly one .xlsx file to summarise (got ${files.length}). ${HELP_HINT}`);
    const [input] = files;
    const out = stringOption(values, "out");
    if (!out) throw new UsageError(`Say where to write the summary with --out <out.xlsx>; the input file is never changed.`);
    if (sameFile(input, out)) {
      throw new UsageError(`--out names the input file "${input}"; the summary is written to a copy, so give another file name.`);
    }
    const { asOf, summaryBy } = settingsOption(values, today);
    const lang = stringOption(values, "lang");
    if (lang !== undefined && !(SUMMARY_LANGUAGES as readonly string[]).includes(lang)) {
      throw new UsageError(`--lang must be "en" (English) or "fr" (French) (got "${lang}").`);
    }
    const { loaded, ours, result } = await readAndValidate(input, asOf);
    const language = (lang as SummaryLanguage | undefined) ?? headerLanguage(loaded.workbook);
    const generated = io.now ?? localTimestamp();
    const spec = section0Summary(result.matrix, result.findings, { by: summaryBy, generated, language });
    const existing = loaded.workbook.sheets.map((s) => ({ name: s.name, ours: s.name === ours }));
    const target = summarySheetName(existing);
    await writeWorkbookChanges(loaded, out, { sheets: [{ spec: { ...spec, name: target.name }, replaces: target.replaces, marker: true }] });

    const count = countBySeverity(result.findings);
    const languageName = language === "fr" ? "French" : "English";
    io.out(
      `Wrote ${out} with the sheet "${target.name}"${target.replaces ? " (replacing the earlier summary)" : ""}, ` +
        `summarised by ${summaryBy}, as of ${asOf}, in ${languageName}.`,
    );
    const found = `${countText("error", count.error)}, ${countText("warning", count.warning)} and ${countText("info", count.info)}`;
    io.out(
      count.error + count.warning + count.info
        ? `The workbook has ${found}; run "response-matrix validate ${input}" to list them.`
        : `The workbook has no findings.`,
    );
    return 0;
  },
};
