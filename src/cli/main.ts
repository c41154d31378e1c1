/**
 * The command line (SPEC section 8):
 *
 *   response-matrix validate <file.xlsx>... [--format text|json] [--as-of YYYY-MM-DD]
 *   response-matrix summary  <file.xlsx> --out <out.xlsx> [--by division|unit] [--as-of YYYY-MM-DD]
 *   response-matrix template --out <out.xlsx> [--example]
 *   response-matrix template --out <out.xlsx> --recommendations-from <report.txt>
 *
 * Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable file (one sentence on stderr).
 * `--format json` prints one JSON object per file, one per line (JSON Lines), so several files stay parseable line by line.
 */

import { realpathSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { serialFromIso } from "../core/dates";
import { LayoutError } from "../core/layouts/errors";
import { SettingsSchema, type Settings } from "../core/model";
import { readWorkbook, todayIso } from "../core/read";
import { section0Summary, summarySheetName } from "../core/summary/index";
import { templateSheets } from "../core/template";
import { recommendationRows, recommendationsFromText } from "../core/report-text";
import { validate } from "../core/validate";
import { plural } from "../core/text";
import { jsonReport, textReport, type FileResult } from "./report";
import { readXlsxFile, FileError } from "./xlsx-read";
import { putSummarySheet, saveWorkbook, summaryMarkerSheet, workbookOf } from "./xlsx-write";

export interface CliIo {
  /** Writes one line (or block of lines) to standard output. */
  out(text: string): void;
  /** Writes one line to standard error. */
  err(text: string): void;
  /** Today as YYYY-MM-DD: the default "as of" date and the summary's generated date (fixed in tests and the demo). */
  today?: string;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export const HELP = `Response Matrix: check management-response workbooks and write the Section 0 summary.

Usage:
  response-matrix validate <file.xlsx>... [--format text|json] [--as-of YYYY-MM-DD]
      List every missing answer, unknown value and inconsistency, with its cell.
      --format json prints one JSON object per file, one per line.
  response-matrix summary <file.xlsx> --out <out.xlsx> [--by division|unit] [--as-of YYYY-MM-DD]
      Write a copy of the workbook with a "Section 0 Summary" sheet. The input file is never changed.
      (Charts and pivot tables of the input are not carried into the copy; the Excel add-in keeps them.)
  response-matrix template --out <out.xlsx> [--example]
      Write an empty response-matrix workbook (Units, Recommendations, Responses) with dropdowns;
      --example fills it with a real management response (UNITAR, 14 units, 5 recommendations).
  response-matrix template --out <out.xlsx> --recommendations-from <report.txt>
      The same, with Recommendations filled from the numbered recommendations of a text file (the report's
      recommendations pasted: "1) ...", "(2) ...", "3. ..."; headings become categories, sub-items 13a, 13b ...).

Options:
  --as-of YYYY-MM-DD   date against which target dates are overdue (default: today)
  --help               show this help

Exit status: 0 no errors found, 1 errors found, 2 the command or a file could not be used.`;

/** A problem with the command or a file: one sentence for stderr, exit status 2. */
class UsageError extends Error {}

const HELP_HINT = `Run "response-matrix --help" to see how to use it.`;

const OPTIONS = {
  format: { type: "string" },
  "as-of": { type: "string" },
  out: { type: "string" },
  by: { type: "string" },
  example: { type: "boolean" },
  "recommendations-from": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const ALLOWED: Record<string, readonly string[]> = {
  validate: ["format", "as-of", "help"],
  summary: ["out", "by", "as-of", "help"],
  template: ["out", "example", "recommendations-from", "help"],
};

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]["type"] extends "boolean" ? boolean : string };

/** Parses the arguments after the command; node's messages are replaced by ours. */
function parse(command: string, args: string[]): { values: Values; files: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = /'(-[^' ]+)/.exec((e as Error).message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`The option ${option} needs a value. ${HELP_HINT}`);
    throw new UsageError(`Unknown option ${option || "given"} for "${command}". ${HELP_HINT}`);
  }
  const values = parsed.values as Values;
  for (const key of Object.keys(values)) {
    if (!ALLOWED[command].includes(key)) throw new UsageError(`The option --${key} does not apply to "${command}". ${HELP_HINT}`);
  }
  return { values, files: parsed.positionals };
}

/** Settings from the options, checked with the core's schema. */
function settings(values: Values, today: string): Settings & { asOf: string } {
  const asOf = values["as-of"] ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || serialFromIso(asOf) === null) {
    throw new UsageError(`--as-of needs a real date written YYYY-MM-DD, e.g. 2025-06-30 (got "${asOf}").`);
  }
  if (values.by !== undefined && values.by !== "division" && values.by !== "unit") {
    throw new UsageError(`--by must be "division" or "unit" (got "${values.by}").`);
  }
  const parsed = SettingsSchema.parse({ asOf, summaryBy: values.by ?? "division" });
  return { ...parsed, asOf };
}

/**
 * Reads and validates a file. The summary sheet we wrote earlier (marked by a defined name) is output, not input:
 * it is left out, so a regenerated summary does not read its predecessor. Unrecognised workbooks become a UsageError.
 */
async function readAndValidate(file: string, asOf: string) {
  const loaded = await readXlsxFile(file);
  const ours = summaryMarkerSheet(loaded.excel);
  const grid = { ...loaded.workbook, sheets: loaded.workbook.sheets.filter((s) => s.name !== ours) };
  try {
    const matrix = readWorkbook(grid, { asOf });
    return { loaded, ours, result: { file, matrix, findings: validate(matrix) } satisfies FileResult };
  } catch (e) {
    if (e instanceof LayoutError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}

async function validateCommand(values: Values, files: string[], io: CliIo, today: string): Promise<number> {
  if (files.length === 0) throw new UsageError(`Give at least one .xlsx file to validate. ${HELP_HINT}`);
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format must be "text" or "json" (got "${format}").`);
  const { asOf } = settings(values, today);
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
}

/** True when two paths name the same file (same inode when both exist, else the same absolute path). */
function sameFile(a: string, b: string): boolean {
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

async function summaryCommand(values: Values, files: string[], io: CliIo, today: string): Promise<number> {
  if (files.length !== 1) throw new UsageError(`Give exactly one .xlsx file to summarise (got ${files.length}). ${HELP_HINT}`);
  const [input] = files;
  const out = values.out;
  if (!out) throw new UsageError(`Say where to write the summary with --out <out.xlsx>; the input file is never changed.`);
  if (sameFile(input, out)) {
    throw new UsageError(`--out names the input file "${input}"; the summary is written to a copy, so give another file name.`);
  }
  const { asOf, summaryBy } = settings(values, today);
  const { loaded, ours, result } = await readAndValidate(input, asOf);
  const spec = section0Summary(result.matrix, result.findings, { by: summaryBy, generated: today });
  const existing = loaded.excel.worksheets.map((ws) => ({ name: ws.name, ours: ws.name === ours }));
  const target = summarySheetName(existing);
  putSummarySheet(loaded.excel, { ...spec, name: target.name }, target.replaces);
  await saveWorkbook(loaded.excel, out);

  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.filter((f) => f.severity === "warning").length;
  io.out(`Wrote ${out} with the sheet "${target.name}"${target.replaces ? " (replacing the earlier summary)" : ""}, summarised by ${summaryBy}, as of ${asOf}.`);
  if (spec.chart) io.out(`The acceptance chart is drawn only by the Excel add-in; the command line writes the tables.`);
  if (errors + warnings) {
    io.out(`The workbook has ${plural(errors, "error")} and ${plural(warnings, "warning")}; run "response-matrix validate ${input}" to list them.`);
  }
  return errors > 0 ? 1 : 0;
}

async function templateCommand(values: Values, files: string[], io: CliIo): Promise<number> {
  if (files.length) throw new UsageError(`"template" takes no input file; give the file to write with --out <out.xlsx>.`);
  if (!values.out) throw new UsageError(`Say where to write the template with --out <out.xlsx>.`);
  const from = values["recommendations-from"];
  if (from !== undefined && values.example) throw new UsageError(`Give either --example or --recommendations-from, not both.`);
  const recommendations = from === undefined ? undefined : await recommendationsOfFile(from);
  const sheets = templateSheets({ example: values.example === true, recommendations: recommendations && recommendationRows(recommendations) });
  await saveWorkbook(workbookOf(sheets), values.out);
  const filled = values.example
    ? ", filled with the seed 002 example"
    : recommendations
      ? `, with the ${plural(recommendations.length, "recommendation")} of ${from}; fill in whom each is addressed to`
      : "";
  io.out(`Wrote ${values.out} (sheets ${sheets.map((s) => s.name).join(", ")}${filled}).`);
  return 0;
}

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

/** Runs the command line; returns the exit status. Never throws: every failure becomes one sentence on stderr. */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const today = io.today ?? todayIso();
  const [command, ...args] = argv;
  try {
    if (command === undefined) throw new UsageError(`No command given. ${HELP_HINT}`);
    if (command === "--help" || command === "-h" || command === "help") {
      io.out(HELP);
      return 0;
    }
    if (!(command in ALLOWED)) throw new UsageError(`Unknown command "${command}"; the commands are validate, summary and template. ${HELP_HINT}`);
    const { values, files } = parse(command, args);
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    if (command === "validate") return await validateCommand(values, files, io, today);
    if (command === "summary") return await summaryCommand(values, files, io, today);
    return await templateCommand(values, files, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof FileError) {
      io.err(e.message);
      return 2;
    }
    io.err(`Something went wrong: ${(e as Error)?.message?.split("\n")[0] ?? String(e)}. Please report this with the file that caused it.`);
    return 2;
  }
}

/** Run when executed directly (`tsx src/cli/main.ts`), not when imported (tests, demo, the bin script). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  run(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
