/** `response-matrix validate <file.xlsx>... [--format text|json] [--as-of YYYY-MM-DD]` */

import { asOfOption, HELP_HINT, stringOption, UsageError, type Command } from "../args";
import { jsonReport, textReport } from "../report";
import { FileError } from "../xlsx-read";
import { readAndValidate } from "./read";

export const validateCommand: Command = {
  name: "validate",
  help: `  response-matrix validate <file.xlsx>... [--format text|json] [--as-of YYYY-MM-DD]
      List every missing answer, unknown value and inconsistency, with its cell.
      --format json prints one JSON object per file, one per line.`,
  options: { format: { type: "string" }, "as-of": { type: "string" } },
  async run(values, files, io, today) {
    if (files.length === 0) throw new UsageError(`Give at least one .xlsx file to validate. ${HELP_HINT}`);
    const format = stringOption(values, "format") ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError(`--format must be "text" or "json" (got "${format}").`);
    const asOf = asOfOption(values, today);
    let status = 0;
    let first = true;
    // Each file on its own: one unreadable file among many is reported and the others are still checked.
    for (const file of files) {
      try {
        const { result } = await readAndValidate(file, asOf);
        if (format === "json") io.out(jsonReport(result));
        else {
          io.out(`${first ? "" : "\n"}${textReport(result, asOf)}`);
          first = false;
        }
        if (result.findings.some((f) => f.severity === "error")) status = Math.max(status, 1);
      } catch (e) {
        if (!(e instanceof UsageError || e instanceof FileError)) throw e;
        io.err(e.message);
        status = 2;
      }
    }
    return status;
  },
};
