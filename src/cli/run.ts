/**
 * The command line (SPEC section 8). Each command is one module in `commands/`, listed in COMMANDS; this file
 * only dispatches. Exit status: 0 success (for validate: no errors), 1 errors found (validate), 2 usage error or
 * unreadable file (one sentence on stderr). `--format json` prints one JSON object per file, one per line.
 * Importing it runs nothing (main.ts is the entry that runs it), so that a program bundling it (a bench case) does
 * not run the command line with its own arguments.
 */

import { todayIso } from "../core/read";
import { HELP_HINT, parseCommandArgs, UsageError, type CliIo, type Command } from "./args";
import { mergeCommand } from "./commands/merge";
import { splitCommand } from "./commands/split";
import { summaryCommand } from "./commands/summary";
import { templateCommand } from "./commands/template";
import { trackerCommand } from "./commands/tracker";
import { validateCommand } from "./commands/validate";
import { FileError } from "./xlsx-read";

export type { CliIo } from "./args";

/** The commands, in the order --help lists them. Adding a command: one module in commands/, one line here. */
export const COMMANDS: readonly Command[] = [validateCommand, summaryCommand, templateCommand, splitCommand, mergeCommand, trackerCommand];

/** Set once the reader of standard output has gone (`response-matrix validate big.xlsx | head`): nothing more is written there. */
let stdoutClosed = false;
let pipesWatched = false;

/** A reader that stops early closes the pipe: the command then finishes quietly, as other command-line tools do, instead of failing on a write. */
function watchPipes(): void {
  if (pipesWatched) return;
  pipesWatched = true;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    stdoutClosed = true;
  });
}

const processIo: CliIo = {
  out: (text) => stdoutClosed || process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  // One line rewritten in place, and only on a terminal: a log file gets no progress
  progress: process.stderr.isTTY ? (text) => process.stderr.write(`\r\x1b[K${text.slice(0, Math.max(20, (process.stderr.columns ?? 80) - 1))}`) : undefined,
};

export const HELP = `Response Matrix: check management-response workbooks and write the Section 0 summary.

Usage:
${COMMANDS.map((c) => c.help).join("\n")}

Options:
  --as-of YYYY-MM-DD   date against which target dates are overdue (default: today)
  --help               show this help

Exit status: validate 0 no errors found, 1 errors found; summary and template 0 once the file is written;
2 the command or a file could not be used.`;

/** Runs the command line; returns the exit status. Never throws: every failure becomes one sentence on stderr. */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  if (io === processIo) watchPipes();
  const today = io.today ?? todayIso();
  const [name, ...args] = argv;
  try {
    if (name === undefined) throw new UsageError(`No command given. ${HELP_HINT}`);
    if (name === "--help" || name === "-h" || name === "help") {
      io.out(HELP);
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      const names = COMMANDS.map((c) => c.name);
      throw new UsageError(`Unknown command "${name}"; the commands are ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}. ${HELP_HINT}`);
    }
    const { values, files } = parseCommandArgs(command, COMMANDS, args);
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    return await command.run(values, files, io, today);
  } catch (e) {
    if (e instanceof UsageError || e instanceof FileError) {
      io.err(e.message);
      return 2;
    }
    io.err(`Something went wrong: ${(e as Error)?.message?.split("\n")[0] ?? String(e)}. Please report this with the file that caused it.`);
    return 2;
  }
}
