/** `response-matrix validate <file.xlsx>... [--format text|json] [--as-of YYYY-MM-DD]` */

import { asOfOption, HELP_HINT, stringOption, UsageError, type Command } from "../args";
import { defineJob, runBatch } from "../batch";
import { jsonReport, textReport } from "../report";
import { FileError } from "../xlsx-read";
import { readAndValidate } from "./read";

/** What validating one file gives: its report, or the sentence saying why it could not be read. */
type Validated = { report: string; errors: boolean } | { problem: string; missing: boolean };

/** One file read and validated, on a worker thread when there are many. */
const validateFile = defineJob(import.meta.url, "validate-file", async ({ file, asOf, format }: { file: string; asOf: string; format: string }): Promise<Validated> => {
  try {
    const { result } = await readAndValidate(file, asOf);
    return { report: format === "json" ? jsonReport(result) : textReport(result, asOf), errors: result.findings.some((f) => f.severity === "error") };
  } catch (e) {
    if (e instanceof UsageError || e instanceof FileError) return { problem: e.message, missing: e instanceof FileError && e.missing };
    throw e;
  }
});

/** Above this many files a progress line shows on a terminal. */
const PROGRESS_FROM = 10;

export const validateCommand: Command = {
  name: "validate",
  help: `  response-matrix validate <file.xlsx>... [--format text|json] [--as-of YYYY-MM-DD]
      List every missing answer, unknown value and inconsistency, with its cell.
      --format json prints one JSON object per file, one per line (among several files, {"file": ..., "error": ...}
      for one that cannot be read). Many files are read on every core, and reported in the order given.`,
  options: { format: { type: "string" }, "as-of": { type: "string" } },
  async run(values, files, io, today) {
    if (files.length === 0) throw new UsageError(`Give at least one .xlsx file to validate. ${HELP_HINT}`);
    const format = stringOption(values, "format") ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError(`--format must be "text" or "json" (got "${format}").`);
    const asOf = asOfOption(values, today);
    const progress = files.length >= PROGRESS_FROM ? io.progress : undefined;
    let status = 0;
    let first = true;
    // Each file on its own: one unreadable file among many is reported and the others are still checked.
    await runBatch(
      validateFile,
      files.map((file) => ({ file, asOf, format })),
      {
        onProgress: progress && ((done, total) => progress(`Validated ${done} of ${total} files ...`)),
        onOutcome(i, outcome) {
          progress?.("");
          const file = files[i];
          const validated: Validated = outcome.ok
            ? outcome.value
            : { problem: `Something went wrong reading "${file}": ${outcome.error.message.split("\n")[0]}. Please report this with the file that caused it.`, missing: false };
          if ("problem" in validated) {
            io.err(validated.problem);
            // Among several files, one that is there but cannot be read still gets its line, so that the output stays
            // one object per file; a wrong path is a usage error, and a single file's exit status says it all.
            if (format === "json" && files.length > 1 && !validated.missing) io.out(JSON.stringify({ file, error: validated.problem }));
            status = 2;
            return;
          }
          io.out(format === "json" ? validated.report : `${first ? "" : "\n"}${validated.report}`);
          first = false;
          if (validated.errors) status = Math.max(status, 1);
        },
      },
    );
    progress?.("");
    return status;
  },
};
