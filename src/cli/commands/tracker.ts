/**
 * `response-matrix tracker <file or folder>... --out <tracker.xlsx> [--csv <folder>] [--as-of YYYY-MM-DD]`
 *
 * Reads every workbook (folders searched through, .xlsx files only) on every core, each worker one at a time: each is
 * reduced to what the tracker keeps (src/core/tracker) before the worker reads its next, so memory holds one workbook
 * per worker however many there are. Writes the tracker as a new workbook, and with --csv the same tables as CSV files.
 */

import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { csvText, tracker, trackWorkbook, unreadableWorkbook, type TrackedWorkbook, type TrackerTable } from "../../core/tracker/index";
import { plural } from "../../core/text";
import { asOfOption, HELP_HINT, stringOption, UsageError, type CliIo, type Command } from "../args";
import { defineJob, runBatch } from "../batch";
import { FileError } from "../xlsx-read";
import { saveWorkbook, workbookOf } from "../xlsx-write";
import { readAndValidate } from "./read";
import { sameFile } from "./summary";

/** A workbook to read: its path as given or found, and other paths that name the same file. */
interface WorkbookPath {
  path: string;
  alsoGivenAs: string[];
}

/** The real path of a file (links followed), or the path itself when it cannot be told (a missing file). */
async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/** An Office lock file (`~$book.xlsx`): Excel keeps one beside each open workbook; it is not a workbook. */
function isLockFile(path: string): boolean {
  return basename(path).startsWith("~$");
}

/**
 * The workbooks named: files as given, folders searched through (sorted, .xlsx only). Lock files and the tracker
 * being written are skipped with a note; the same file named twice is read once.
 */
export async function workbookPaths(args: readonly string[], out: string, io: CliIo): Promise<WorkbookPath[]> {
  const found: string[] = [];
  const visited = new Set<string>();
  const walk = async (folder: string): Promise<void> => {
    const real = await realPathOf(folder);
    if (visited.has(real)) return; // a link back up the tree
    visited.add(real);
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(folder, e.name);
      const isFolder = e.isDirectory() || (e.isSymbolicLink() && (await stat(path).then((s) => s.isDirectory(), () => false)));
      if (isFolder) await walk(path);
      else if (/\.xlsx$/i.test(e.name)) found.push(path);
    }
  };
  for (const arg of args) {
    const isFolder = await stat(arg).then((s) => s.isDirectory(), () => false);
    if (isFolder) await walk(arg);
    else found.push(arg); // a missing or unreadable file keeps its row, with the reason
  }

  const byReal = new Map<string, WorkbookPath>();
  const paths: WorkbookPath[] = [];
  for (const path of found) {
    if (isLockFile(path)) {
      io.err(`Skipped "${path}": it is the lock file Office keeps while a workbook is open, not a workbook.`);
      continue;
    }
    if (sameFile(path, out)) {
      io.err(`Skipped "${path}": it is the tracker being written (--out).`);
      continue;
    }
    const real = await realPathOf(path);
    const first = byReal.get(real);
    if (first) first.alsoGivenAs.push(path);
    else {
      const entry = { path, alsoGivenAs: [] };
      byReal.set(real, entry);
      paths.push(entry);
    }
  }
  return paths;
}

/** A fingerprint of the file's bytes (the same bytes are the same file), or "" when it cannot be read. */
const digestOf = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** The digest of a file that could not be read as a workbook ("" when it cannot be read at all). */
async function fileDigest(path: string): Promise<string> {
  try {
    return digestOf(await readFile(path));
  } catch {
    return "";
  }
}

/**
 * Reads one workbook and reduces it to what the tracker keeps. Never throws: a file that cannot be read becomes a
 * row with the sentence saying why. The unit of work of a tracker run (a path in, plain data out).
 */
export async function readTracked(path: string, asOf: string): Promise<TrackedWorkbook> {
  try {
    // As validate reads it (a summary sheet this tool wrote is output, not input), so the counts agree with it
    const { loaded, result } = await readAndValidate(path, asOf);
    return trackWorkbook(path, result.matrix, result.findings, digestOf(loaded.archive.bytes));
  } catch (e) {
    const digest = await fileDigest(path);
    if (e instanceof FileError || e instanceof UsageError) return unreadableWorkbook(path, e.message, digest);
    // One workbook that breaks something must not stop the other 999
    const why = (e as Error)?.message?.split("\n")[0] ?? String(e);
    return unreadableWorkbook(path, `Something went wrong reading it (${why}); please report this with the file.`, digest);
  }
}

/** One workbook read and reduced to what the tracker keeps, on a worker thread when there are many. */
const readTrackedJob = defineJob(import.meta.url, "tracker-read", ({ path, asOf }: { path: string; asOf: string }) => readTracked(path, asOf));

/**
 * Reads the workbooks on a pool of worker threads (src/cli/batch.ts), saying how far it has got; the results come in
 * the order given. Each worker holds one workbook at a time, and only what the tracker keeps comes back from it, so
 * memory holds one workbook per worker however many there are.
 */
export async function readAllTracked(paths: readonly WorkbookPath[], asOf: string, io: CliIo): Promise<TrackedWorkbook[]> {
  const outcomes = await runBatch(
    readTrackedJob,
    paths.map(({ path }) => ({ path, asOf })),
    { onStart: io.progress && ((i, total) => io.progress!(`Reading ${i + 1} of ${total}: ${paths[i].path}`)) },
  );
  io.progress?.("");
  return outcomes.map((outcome, i) => {
    const { path, alsoGivenAs } = paths[i];
    // readTracked turns every failure into a row; what is left is a worker that stopped (out of memory ...)
    const read = outcome.ok ? outcome.value : unreadableWorkbook(path, `Something went wrong reading it (${outcome.error.message}); please report this with the file.`, "");
    return { ...read, alsoGivenAs };
  });
}

/** Writes a text file through a temporary file renamed at the end, so that a failure leaves no half-written file. */
async function writeTextFile(path: string, text: string): Promise<void> {
  const temp = join(join(path, ".."), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, text, "utf8");
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw new FileError(`The file "${path}" could not be written (${(e as NodeJS.ErrnoException).code ?? "unknown error"}); check the folder and that the file is not open.`);
  }
}

/** Writes each table as a CSV file in the folder (made if missing). */
async function writeCsvTables(folder: string, tables: readonly TrackerTable[]): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (e) {
    throw new FileError(`The folder "${folder}" for the CSV files could not be made (${(e as NodeJS.ErrnoException).code ?? "unknown error"}).`);
  }
  for (const t of tables) await writeTextFile(join(folder, t.csv), csvText(t));
}

export const trackerCommand: Command = {
  name: "tracker",
  help: `  response-matrix tracker <file or folder>... --out <tracker.xlsx> [--csv <folder>] [--as-of YYYY-MM-DD]
      One workbook tracking every evaluation: Evaluations, Open recommendations (overdue first) and Units.
      Folders are searched through for .xlsx files. --csv also writes the three tables as CSV files.`,
  options: { out: { type: "string" }, csv: { type: "string" }, "as-of": { type: "string" } },
  async run(values, files, io, today) {
    if (files.length === 0) throw new UsageError(`Give the workbooks or folders to track. ${HELP_HINT}`);
    const out = stringOption(values, "out");
    if (!out) throw new UsageError(`Say where to write the tracker with --out <tracker.xlsx>.`);
    const csv = stringOption(values, "csv");
    const asOf = asOfOption(values, today);

    const paths = await workbookPaths(files, out, io);
    if (paths.length === 0) throw new UsageError(`No .xlsx workbook was found in ${files.map((f) => `"${f}"`).join(", ")}.`);
    const read = await readAllTracked(paths, asOf, io);
    const { sheets, tables } = tracker(read, { asOf, generated: today });
    await saveWorkbook(workbookOf(sheets), out, sheets);
    if (csv) await writeCsvTables(csv, tables);

    const [evaluations, open, units] = tables;
    const unreadable = read.filter((w) => w.unreadable).length;
    const overdue = open.rows.filter((r) => r[open.columns.findIndex((c) => c.header === "Days overdue")] !== "").length;
    io.out(
      `Wrote ${out}: ${plural(evaluations.rows.length, "workbook")}${unreadable ? ` (${unreadable} could not be read; see Notes)` : ""}, ` +
        `${plural(open.rows.length, "open recommendation")} (${overdue} overdue) and ${plural(units.rows.length, "unit")}, as of ${asOf}.`,
    );
    if (csv) io.out(`Wrote the tables as CSV to ${csv}: ${tables.map((t) => t.csv).join(", ")}.`);
    return 0;
  },
};
