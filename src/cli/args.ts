/** What every command shares: the usage error, option parsing with our own sentences, and settings from options. */

import { parseArgs } from "node:util";
import { serialFromIso } from "../core/dates";
import type { Settings } from "../core/model";

/** A problem with the command or a file: one sentence for stderr, exit status 2. */
export class UsageError extends Error {}

export const HELP_HINT = `Run "response-matrix --help" to see how to use it.`;

/** Where a command writes: standard output and standard error, and today's date. */
export interface CliIo {
  /** Writes one line (or block of lines) to standard output. */
  out(text: string): void;
  /** Writes one line to standard error. */
  err(text: string): void;
  /** Shows a passing status line ("" clears it): on stderr when it is a terminal, else nowhere. */
  progress?(text: string): void;
  /** Today as YYYY-MM-DD: the default "as of" date and the summary's generated date (fixed in tests and the demo). */
  today?: string;
  /** Now as YYYY-MM-DDTHH:MM (local time): when a summary is generated (fixed in tests; default the clock). */
  now?: string;
}

/** One option of a command, as node's parseArgs takes it. */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
}

/** The values of the options given: strings, booleans, or lists for `multiple` options. */
export type Values = Record<string, string | boolean | string[] | undefined>;

/** One command of the command line: its name, help text, options, and what it does. */
export interface Command {
  name: string;
  /** The usage lines and their explanation, as printed by --help. */
  help: string;
  options: Record<string, OptionSpec>;
  /** Runs the command; returns the exit status. Throws UsageError (or FileError) with one sentence. */
  run(values: Values, files: string[], io: CliIo, today: string): Promise<number>;
}

/**
 * Parses the arguments after the command against every command's options (so an option of another command is told
 * apart from one that does not exist); node's messages are replaced by ours.
 */
export function parseCommandArgs(command: Command, all: readonly Command[], args: string[]): { values: Values; files: string[] } {
  const options: Record<string, OptionSpec> = { help: { type: "boolean", short: "h" } };
  for (const c of all) Object.assign(options, c.options);
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = /'(-[^' ]+)/.exec((e as Error).message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`The option ${option} needs a value. ${HELP_HINT}`);
    throw new UsageError(`Unknown option ${option || "given"} for "${command.name}". ${HELP_HINT}`);
  }
  const values = parsed.values as Values;
  for (const key of Object.keys(values)) {
    if (key !== "help" && !(key in command.options)) throw new UsageError(`The option --${key} does not apply to "${command.name}". ${HELP_HINT}`);
  }
  return { values, files: parsed.positionals };
}

/** A string option's value, or undefined. */
export function stringOption(values: Values, key: string): string | undefined {
  const v = values[key];
  return typeof v === "string" ? v : undefined;
}

/** The as-of date of the options (default today), checked. */
export function asOfOption(values: Values, today: string): string {
  const asOf = stringOption(values, "as-of") ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || serialFromIso(asOf) === null) {
    throw new UsageError(`--as-of needs a real date written YYYY-MM-DD, e.g. 2025-06-30 (got "${asOf}").`);
  }
  return asOf;
}

/**
 * Settings from the options, each checked above with its own sentence, and the schema's defaults for the rest.
 * (Built by hand, not parsed with the core's zod schema: zod would be most of the command's start-up.)
 */
export function settingsOption(values: Values, today: string): Settings & { asOf: string } {
  const asOf = asOfOption(values, today);
  const by = stringOption(values, "by");
  if (by !== undefined && by !== "division" && by !== "unit") {
    throw new UsageError(`--by must be "division" or "unit" (got "${by}").`);
  }
  return { asOf, summaryBy: by ?? "division", severityOverrides: {} };
}
