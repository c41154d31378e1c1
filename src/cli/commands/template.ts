/** `response-matrix template --out <out.xlsx> [--example | --recommendations-from <report.txt>]` */

import { readFile } from "node:fs/promises";
import { recommendationRows, recommendationsFromText } from "../../core/report-text";
import { templateSheets } from "../../core/template";
import { plural } from "../../core/text";
import { stringOption, UsageError, type Command } from "../args";
import { saveWorkbook, workbookOf } from "../xlsx-write";

/** The recommendations of a text file; a file that cannot be read or holds none is a UsageError. */
async function recommendationsOfFile(path: string) {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ENOENT") throw new UsageError(`The file "${path}" does not exist; check the name and the folder.`);
    throw new UsageError(`The file "${path}" cannot be read (${code ?? "unknown error"}).`);
  }
  const recommendations = recommendationsFromText(text);
  if (recommendations.length === 0) {
    throw new UsageError(`No numbered recommendations ("1) ...", "(1) ...", "1. ...") were found in "${path}"; give a text file holding the report's recommendations.`);
  }
  return recommendations;
}

export const templateCommand: Command = {
  name: "template",
  help: `  response-matrix template --out <out.xlsx> [--example]
      Write an empty response-matrix workbook (Units, Recommendations, Responses) with dropdowns;
      --example fills it with a real management response (UNITAR, 14 units, 5 recommendations).
  response-matrix template --out <out.xlsx> --recommendations-from <report.txt>
      The same, with Recommendations filled from the numbered recommendations of a text file (the report's
      recommendations pasted: "1) ...", "(2) ...", "3. ..."; headings become categories, sub-items 13a, 13b ...).`,
  options: { out: { type: "string" }, example: { type: "boolean" }, "recommendations-from": { type: "string" } },
  async run(values, files, io) {
    if (files.length) throw new UsageError(`"template" takes no input file; give the file to write with --out <out.xlsx>.`);
    const out = stringOption(values, "out");
    if (!out) throw new UsageError(`Say where to write the template with --out <out.xlsx>.`);
    const from = stringOption(values, "recommendations-from");
    if (from !== undefined && values.example) throw new UsageError(`Give either --example or --recommendations-from, not both.`);
    const recommendations = from === undefined ? undefined : await recommendationsOfFile(from);
    const sheets = templateSheets({ example: values.example === true, recommendations: recommendations && recommendationRows(recommendations) });
    await saveWorkbook(workbookOf(sheets), out, sheets);
    const filled = values.example
      ? ", filled with the example responses"
      : recommendations
        ? `, with the ${plural(recommendations.length, "recommendation")} of ${from}; fill in whom each is addressed to`
        : "";
    io.out(`Wrote ${out} (sheets ${sheets.map((s) => s.name).join(", ")}${filled}).`);
    return 0;
  },
};
