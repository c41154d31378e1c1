/**
 * `npm run bench`: measures the quality bars of SPEC section 10 on generated, seeded workbooks and writes
 * bench-results.json. Each measurement runs in a fresh Node process so that its time and memory are its own.
 *
 *   core        read + validate + summarise 10,000 and 100,000 rows in the core alone (bundled as the CLI is)
 *   syncs       context.sync() calls of the add-in's adapter against the in-memory Excel, 10 to 100,000 rows
 *   cli         the command line as people run it (fresh processes, the bundled command): `validate` against the
 *               floor of reading the file (bench/floor.ts) at 20,000 and 100,000 answers, its peak memory at
 *               100,000, files per second over 500 small workbooks (worker threads), `--help` against a bare
 *               `node -e 0`, whole-sheet dropdowns against none, and openpyxl's read-only mode where python3 has it
 *               (or the Python BENCH_PYTHON names). BENCH_CLI=<file.mjs> measures another build of the command instead (e.g. an earlier commit's).
 *   bundle      the production task pane's JavaScript (dist/'s, or built afresh when dist/ is missing or stale)
 *   tracker     `response-matrix tracker` over 100 and 1,000 generated workbooks of 60 answers: time and peak memory
 *   merge       merging the units' returned parts (the round trip's core): 50, 100 and 200 parts of 50 rows each
 *   segment     a whole form pasted into one sheet of 10,000 and 100,000 rows, cut into blocks (and read whole)
 *
 * `npm run bench -- --only=tracker` (or any list of the names above, comma-separated) measures those alone, into
 * bench-results-<names>.json.
 */

import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { CoreCaseResult } from "./core-case";
import type { MergeCaseResult } from "./merge-case";
import type { SegmentCaseResult } from "./segment-case";
import type { PhasesResult } from "./cli-phases";
import { buildCli } from "../scripts/build-cli";
import { median, medianRatio } from "./stats";
import type { SyncCounts, SyncsCaseResult } from "./syncs-case";
import type { TrackerCaseResult } from "./tracker-case";
import { rowsOf, type BenchSize } from "./workbook";

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "response-matrix-bench-"));

const CORE_SIZES = { small: { recommendations: 50, units: 200 }, large: { recommendations: 500, units: 200 } } satisfies Record<string, BenchSize>;
const CLI_SIZES = { small: { recommendations: 100, units: 200 }, large: { recommendations: 500, units: 200 } } satisfies Record<string, BenchSize>;
/** 500 workbooks of 60 answers each (6 recommendations x 10 units), as an office receives them. */
const BATCH = { files: 500, size: { recommendations: 6, units: 10 } satisfies BenchSize };
const SYNC_ROWS = [10, 1000, 10000, 100000];
const SEGMENT_ROWS = [10_000, 100_000] as const;
const NOT_MEASURED = "not measured: adapter missing";
const MB = 1024 * 1024;
/** Above this load average (on 2 cores) other work is slowing the measurements down. */
const BUSY_LOAD = 1.5;

const BARS = { coreMs: 1000, coreMb: 300, scaling: 12, floorRatio: 3, cliMb: 400, helpRatio: 2, dropdownRatio: 1.1, openpyxlRatio: 1, bundleBytes: 1_500_000, chunkBytes: 4 * MB, readSyncs: 2, writeSyncs: 3, mergeScaling: 5 };
/** Parts merged (each of MERGE_ROWS rows): time should grow with their number, 4 times from 50 to 200. */
const MERGE_PARTS = [50, 100, 200];
const MERGE_ROWS = 50;

function progress(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Bundles a case script for plain `node` (no transpiling while it is measured), dependencies included: it runs from a temporary folder. */
async function bundled(name: string): Promise<string> {
  const outfile = join(work, `${name}.mjs`);
  await build({
    entryPoints: [join(root, "bench", `${name}.ts`)],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    logLevel: "error",
  });
  return outfile;
}

/** Runs a case in a fresh process and parses the JSON line it prints. */
async function child<T>(args: string[], timeout = 170_000): Promise<T> {
  const { stdout } = await run(process.execPath, args, { cwd: root, maxBuffer: 16 * MB, timeout });
  const line = stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as T;
}

async function measureCore(): Promise<{ small: CoreCaseResult; large: CoreCaseResult }> {
  const script = await bundled("core-case");
  const size = (s: BenchSize, runs: number) => child<CoreCaseResult>(["--expose-gc", script, String(s.recommendations), String(s.units), String(runs)]);
  progress(`core: ${rowsOf(CORE_SIZES.small)} rows ...`);
  const small = await size(CORE_SIZES.small, 11);
  progress(`core: ${rowsOf(CORE_SIZES.large)} rows ...`);
  const large = await size(CORE_SIZES.large, 9);
  return { small, large };
}

async function measureMerge(): Promise<MergeCaseResult[]> {
  const script = await bundled("merge-case");
  const results: MergeCaseResult[] = [];
  for (const parts of MERGE_PARTS) {
    progress(`merge: ${parts} parts of ${MERGE_ROWS} rows ...`);
    results.push(await child<MergeCaseResult>(["--expose-gc", script, String(parts), String(MERGE_ROWS), "7"]));
  }
  return results;
}

async function measureSegment(): Promise<SegmentCaseResult> {
  progress(`segment: a form pasted into one sheet of ${SEGMENT_ROWS.join(" and ")} rows ...`);
  return child<SegmentCaseResult>([await bundled("segment-case"), ...SEGMENT_ROWS.map(String)]);
}

async function measureSyncs(): Promise<SyncsCaseResult | null> {
  const adapter = ["src/excel/office-gateway.ts", "src/excel/read.ts", "src/excel/write.ts", "src/memory-excel/index.ts"];
  if (!adapter.every((f) => existsSync(join(root, f)))) return null;
  progress(`syncs: ${SYNC_ROWS.join(", ")} rows ...`);
  return child<SyncsCaseResult>([await bundled("syncs-case"), ...SYNC_ROWS.map(String)]);
}

/** Pairs of fresh-process times of two commands run in turns, and the median of b / a pair by pair. */
interface Pairs {
  aMs: number[];
  bMs: number[];
  ratio: number;
}

interface CliResults {
  command: string;
  small: { rows: number; fileBytes: number; floor: Pairs; phases: PhasesResult[] };
  large: { rows: number; fileBytes: number; floor: Pairs; peakMb: number };
  batch: { files: number; rows: number; ms: number[]; filesPerSecond: number };
  help: Pairs;
  dropdowns: { validate: Pairs; summary: Pairs };
  openpyxl: Pairs | string;
}

/** Longest a measured process may take (BENCH_TIMEOUT_S): a command that does not finish is reported, not waited for. */
const PROCESS_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 300) * 1000;

/**
 * Runs a command as a fresh process, its output thrown away; its wall time (exit 1, errors found, is fine), or
 * Infinity when it did not finish in time.
 */
async function timedProcess(command: string, args: string[]): Promise<number> {
  const started = performance.now();
  const ended = await new Promise<number>((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], timeout: PROCESS_TIMEOUT_MS });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal) resolve(Number.POSITIVE_INFINITY);
      else if (code !== 0 && code !== 1) reject(new Error(`${[command, ...args].join(" ")} exited with ${code}: ${stderr.trim()}`));
      else resolve(0);
    });
  });
  return Math.max(performance.now() - started, ended);
}

/** `n` pairs of runs of a and b, taking turns at going first; the ratio b / a. */
async function pairs(a: () => Promise<number>, b: () => Promise<number>, n: number): Promise<Pairs> {
  const aMs: number[] = [];
  const bMs: number[] = [];
  await a(); // the files in the page cache, for both alike
  for (let i = 0; i < n; i++) {
    const pair = [async () => aMs.push(await a()), async () => bMs.push(await b())];
    if (i % 2) pair.reverse();
    for (const measure of pair) await measure();
    if (!Number.isFinite(aMs[i] + bMs[i])) break; // one did not finish: no use in waiting for it again
  }
  return { aMs, bMs, ratio: medianRatio(bMs, aMs) };
}

/** The Python that runs openpyxl: `BENCH_PYTHON` when set (one that has openpyxl), else python3 on the PATH. */
const PYTHON = process.env.BENCH_PYTHON ?? "python3";

/** Whether that Python has openpyxl. */
async function hasOpenpyxl(): Promise<boolean> {
  try {
    await run(PYTHON, ["-c", "import openpyxl"]);
    return true;
  } catch {
    return false;
  }
}

async function measureCli(): Promise<CliResults> {
  const cache = join(root, "node_modules", ".cache", "response-matrix-bench");
  mkdirSync(cache, { recursive: true });
  // The command built as `npm run build:cli` builds it (its code cache included), beside node_modules so that ExcelJS resolves
  const cli = process.env.BENCH_CLI ?? join(cache, "cli", "response-matrix.mjs");
  if (!process.env.BENCH_CLI) await buildCli(join(cache, "cli"));
  const floor = await bundled("floor");
  const peakHook = join(work, "peak.mjs");
  writeFileSync(peakHook, `import { writeSync } from "node:fs";\nprocess.on("exit", () => writeSync(2, "\\npeak " + process.resourceUsage().maxRSS + "\\n"));\n`);

  const caseScript = join(root, "bench", "cli-case.ts");
  const workbook = async (size: BenchSize, file: string) => {
    await run(process.execPath, ["--import", "tsx", caseScript, "workbook", String(size.recommendations), String(size.units), file], { cwd: root, maxBuffer: 16 * MB });
    return { file, rows: rowsOf(size), fileBytes: statSync(file).size };
  };
  progress(`cli: writing the ${rowsOf(CLI_SIZES.small)}- and ${rowsOf(CLI_SIZES.large)}-answer workbooks ...`);
  const small = await workbook(CLI_SIZES.small, join(work, "cli-small.xlsx"));
  const large = await workbook(CLI_SIZES.large, join(work, "cli-large.xlsx"));
  const dropdowns = join(work, "cli-small-dropdowns.xlsx");
  await run(process.execPath, ["--import", "tsx", caseScript, "dropdowns", small.file, dropdowns], { cwd: root });

  const node = process.execPath;
  const validate = (file: string) => () => timedProcess(node, [cli, "validate", file, "--as-of", "2025-06-30"]);
  const floorOf = (file: string) => () => timedProcess(node, [floor, file]);
  progress(`cli: validate against the floor, ${rowsOf(CLI_SIZES.small)} answers ...`);
  const smallFloor = await pairs(floorOf(small.file), validate(small.file), 7);
  // phase by phase: this checkout's code only (not another build's)
  const phases: PhasesResult[] = [];
  if (!process.env.BENCH_CLI) {
    progress("cli: where validate's time goes ...");
    const phasesScript = await bundled("cli-phases");
    for (let i = 0; i < 5; i++) phases.push(await child<PhasesResult>([phasesScript, small.file]));
  }
  progress(`cli: validate against the floor, ${rowsOf(CLI_SIZES.large)} answers ...`);
  const largeFloor = await pairs(floorOf(large.file), validate(large.file), 5);
  progress("cli: peak memory ...");
  const { stderr } = await run(node, ["--import", pathToFileURL(peakHook).href, cli, "validate", large.file, "--as-of", "2025-06-30"], { cwd: root, maxBuffer: 256 * MB }).catch((e: { stderr: string }) => e);
  const peakMb = Number(/peak (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;

  progress(`cli: ${BATCH.files} workbooks of ${rowsOf(BATCH.size)} answers in one run ...`);
  const one = (await workbook(BATCH.size, join(work, "batch-0.xlsx"))).file;
  const batchFiles = [one];
  for (let i = 1; i < BATCH.files; i++) {
    const copy = join(work, `batch-${i}.xlsx`);
    copyFileSync(one, copy);
    batchFiles.push(copy);
  }
  const batchMs: number[] = [];
  for (let i = 0; i < 3; i++) batchMs.push(await timedProcess(node, [cli, "validate", ...batchFiles, "--format", "json", "--as-of", "2025-06-30"]));

  progress("cli: --help against a bare node ...");
  const help = await pairs(() => timedProcess(node, ["-e", "0"]), () => timedProcess(node, [cli, "--help"]), 11);
  progress("cli: whole-sheet and whole-column dropdowns ...");
  const dropdownValidate = await pairs(validate(small.file), validate(dropdowns), 7);
  const summary = (file: string) => () => timedProcess(node, [cli, "summary", file, "--out", join(work, "summary-out.xlsx"), "--as-of", "2025-06-30"]);
  const dropdownSummary = await pairs(summary(small.file), summary(dropdowns), 5);

  let openpyxl: Pairs | string = `not measured: ${PYTHON} here has no openpyxl`;
  if (await hasOpenpyxl()) {
    progress("cli: openpyxl read-only ...");
    const script = join(work, "openpyxl-read.py");
    writeFileSync(script, "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1], read_only=True)\nfor ws in wb.worksheets:\n    for row in ws.iter_rows(values_only=True):\n        pass\n");
    openpyxl = await pairs(() => timedProcess(PYTHON, [script, small.file]), validate(small.file), 7);
  }

  return {
    command: process.env.BENCH_CLI ? cli : "this checkout's command, built as npm run build:cli builds it",
    small: { rows: small.rows, fileBytes: small.fileBytes, floor: smallFloor, phases },
    large: { rows: large.rows, fileBytes: large.fileBytes, floor: largeFloor, peakMb },
    batch: { files: BATCH.files, rows: rowsOf(BATCH.size), ms: batchMs, filesPerSecond: BATCH.files / (median(batchMs) / 1000) },
    help,
    dropdowns: { validate: dropdownValidate, summary: dropdownSummary },
    openpyxl,
  };
}

const TRACKER_COUNTS = [100, 1000] as const;

/**
 * The tracker over 100 (one folder) and 1,000 (ten folders) generated workbooks, each in a fresh process. The
 * workbooks are kept between runs under node_modules/.cache, named by a digest of the code that generates them.
 */
async function measureTracker(): Promise<Record<(typeof TRACKER_COUNTS)[number], TrackerCaseResult>> {
  const generator = ["workbook.ts", "tracker-case.ts"].map((f) => readFileSync(join(root, "bench", f), "utf8")).join("");
  const cache = join(root, "node_modules", ".cache", "response-matrix-bench");
  const books = join(cache, `tracker-${createHash("sha256").update(generator).digest("hex").slice(0, 8)}`);
  // Bundled as the command is (its packages beside node_modules), so that the tracker's reads run on worker threads
  const script = join(cache, "tracker-case.mjs");
  await build({ entryPoints: [join(root, "bench", "tracker-case.ts")], bundle: true, platform: "node", format: "esm", external: ["exceljs"], outfile: script, logLevel: "error" });
  const most = Math.max(...TRACKER_COUNTS);
  progress(`tracker: generating ${fmt(most)} workbooks (once; kept in ${books}) ...`);
  await run(process.execPath, [script, "generate", String(most), books], { cwd: root, timeout: 900_000 });
  const measure = (count: number) => {
    progress(`tracker: ${fmt(count)} workbooks ...`);
    const paths = count === most ? [books] : [join(books, "part-00")];
    return child<TrackerCaseResult>([script, "measure", join(work, `tracker-${count}`), ...paths], 900_000);
  };
  return { 100: await measure(100), 1000: await measure(1000) };
}

/** The tracker's row of the printed table. */
function trackerRow(t: Awaited<ReturnType<typeof measureTracker>>): [string, string, string, null] {
  const big = t[1000];
  return [
    `Tracker, ${fmt(big.workbooks)} workbooks of 60 answers (${fmt(big.openRecommendations)} open recommendations written, with CSV)`,
    `${fmt(big.ms / 1000, 1)} s (${fmt(big.ms / big.workbooks)} ms a workbook; processor ${fmt(big.cpuMs / 1000, 1)} s), peak ${fmt(big.peakMb)} MB (${fmt(big.readPeakMb)} MB reading); ` +
      `${fmt(t[100].workbooks)} workbooks: ${fmt(t[100].ms / 1000, 1)} s, peak ${fmt(t[100].peakMb)} MB (${fmt(t[100].readPeakMb)} MB reading)`,
    "",
    null,
  ];
}

/** The JavaScript files a built taskpane.html loads (office.js comes from Microsoft's CDN and is not ours); null when not a production build. */
function taskPaneScripts(dist: string): string[] | null {
  const html = join(dist, "taskpane.html");
  if (!existsSync(html)) return null;
  const srcs = [...readFileSync(html, "utf8").matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((s) => !s.includes("://"));
  // A development build (the bundle's name without its content hash) says nothing about the production bundle.
  // Scripts copied as they are (old-browser.js, the ES5 line for old webviews) have no hash in either, and count too.
  if (!srcs.some((s) => /\.[0-9a-f]{8}\.js$/.test(s))) return null;
  const files = srcs.map((s) => join(dist, s));
  return files.every(existsSync) ? files : null;
}

/** The newest modification time of the files under a folder (or of a file). */
function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((t, name) => Math.max(t, newest(join(path, name))), stat.mtimeMs);
}

/**
 * The production task pane's JavaScript: dist/'s when it was built from the current sources; otherwise a fresh
 * `webpack --mode production` into a temporary folder, so that dist/ (and the CLI bundle in it) is left alone.
 */
async function measureBundle(): Promise<{ bytes: number; gzipBytes: number; measured: string }> {
  const dist = join(root, "dist");
  const sources = Math.max(...["src", "webpack.config.js", "package-lock.json"].map((p) => newest(join(root, p))));
  let scripts = taskPaneScripts(dist);
  let measured = "dist/";
  if (!scripts || newest(join(dist, "taskpane.html")) < sources) {
    progress("bundle: building the task pane with webpack --mode production ...");
    const out = join(work, "dist");
    await run(process.execPath, [join(root, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production", "--output-path", out], { cwd: root, maxBuffer: 16 * MB });
    scripts = taskPaneScripts(out);
    measured = "a fresh production build (dist/ was missing or older than the sources)";
    if (!scripts) throw new Error("The production build wrote no task pane script.");
  }
  const bytes = scripts.reduce((n, f) => n + statSync(f).size, 0);
  const gzipBytes = scripts.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
  return { bytes, gzipBytes, measured };
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / MB, 2)} MB`;

/** Syncs of one call against its bar: at most `bar` while the data fits in one request, else pieces of at most 4 MB. */
function syncVerdict(counts: SyncCounts, bar: number): boolean {
  return counts.data_bytes <= BARS.chunkBytes ? counts.syncs <= bar : counts.max_request_bytes <= BARS.chunkBytes;
}

type Row = [label: string, value: string, bar: string, met: boolean | null];

/** The core's figures and their rows. */
function coreRows(core: { small: CoreCaseResult; large: CoreCaseResult }): { results: object; rows: Row[] } {
  const warm = (r: CoreCaseResult) => median(r.runsMs.slice(1));
  const coreMs = warm(core.large);
  const scaling = coreMs / warm(core.small);
  const results = {
    core_rows: core.large.rows,
    core_findings_100k: core.large.findings,
    core_ms_100k: Math.round(coreMs),
    core_ms_100k_fastest: Math.round(Math.min(...core.large.runsMs.slice(1))),
    core_ms_100k_first_run: Math.round(core.large.runsMs[0]),
    core_phases_ms_100k: Object.fromEntries(Object.entries(core.large.phasesMs).map(([k, v]) => [k, Math.round(v)])),
    core_rows_per_s_100k: Math.round(core.large.rows / (coreMs / 1000)),
    core_peak_mb_100k: Math.round(core.large.peakMb),
    core_baseline_mb_100k: Math.round(core.large.baselineMb),
    core_heap_after_mb_100k: Math.round(core.large.heapAfterMb),
    core_ms_10k: Math.round(warm(core.small)),
    core_scaling_10x: Number(scaling.toFixed(2)),
  };
  const rows: Row[] = [
    [`Core, ${fmt(core.large.rows)} rows (read + validate + summary, median of ${core.large.runsMs.length - 1})`, `${fmt(coreMs)} ms (${fmt(results.core_rows_per_s_100k)} rows/s; fastest ${fmt(results.core_ms_100k_fastest)}, first run ${fmt(core.large.runsMs[0])} ms)`, `< ${fmt(BARS.coreMs)} ms`, coreMs < BARS.coreMs],
    [`Core, ${fmt(core.large.rows)} rows, peak memory (process, grid included)`, `${fmt(core.large.peakMb)} MB (${fmt(core.large.baselineMb)} MB before the core ran)`, `< ${BARS.coreMb} MB`, core.large.peakMb < BARS.coreMb],
    [`Core scaling, ${fmt(core.large.rows)} / ${fmt(core.small.rows)} rows`, `${fmt(scaling, 2)} (${fmt(warm(core.small))} ms for ${fmt(core.small.rows)})`, `<= ${BARS.scaling}`, scaling <= BARS.scaling],
  ];
  return { results, rows };
}

function syncRows(syncs: SyncsCaseResult | null): { results: object; rows: Row[] } {
  const rows: Row[] = [];
  for (const n of SYNC_ROWS) {
    if (!syncs) {
      rows.push([`Syncs, ${fmt(n)} rows`, NOT_MEASURED, "", null]);
      continue;
    }
    const v = syncs.validate[n];
    const s = syncs.summary[n];
    rows.push([
      `Syncs, ${fmt(n)} rows (${mb(v.data_bytes)} of cells): validate / generate summary`,
      `${v.syncs} / ${s.syncs} (largest request ${mb(Math.max(v.max_request_bytes, s.max_request_bytes))})`,
      v.data_bytes <= BARS.chunkBytes ? `<= ${BARS.readSyncs} / <= ${BARS.readSyncs + BARS.writeSyncs}` : "pieces <= 4 MB",
      syncVerdict(v, BARS.readSyncs) && syncVerdict(s, BARS.readSyncs + BARS.writeSyncs),
    ]);
  }
  return { results: { validate_syncs: syncs ? syncs.validate : NOT_MEASURED, summary_syncs: syncs ? syncs.summary : NOT_MEASURED }, rows };
}

const PHASES = ["startMs", "readXlsxMs", "coreReadMs", "validateMs", "reportMs"] as const;
const PHASE_NAMES: Record<(typeof PHASES)[number], string> = { startMs: "start", readXlsxMs: "reading the .xlsx", coreReadMs: "core read", validateMs: "validate", reportMs: "report" };

const ms = (values: number[]) => (Number.isFinite(median(values)) ? `${fmt(median(values))} ms` : `did not finish in ${PROCESS_TIMEOUT_MS / 1000} s`);

function cliRows(cli: CliResults): { results: object; rows: Row[] } {
  const { small, large, batch, help, dropdowns, openpyxl } = cli;
  const results = {
    cli_command: cli.command,
    cli_floor_ratio_20k: Number(small.floor.ratio.toFixed(2)),
    cli_validate_ms_20k: Math.round(median(small.floor.bMs)),
    floor_ms_20k: Math.round(median(small.floor.aMs)),
    cli_file_bytes_20k: small.fileBytes,
    cli_floor_ratio_100k: Number(large.floor.ratio.toFixed(2)),
    cli_validate_ms_100k: Math.round(median(large.floor.bMs)),
    floor_ms_100k: Math.round(median(large.floor.aMs)),
    cli_file_bytes_100k: large.fileBytes,
    cli_peak_mb_100k: Math.round(large.peakMb),
    cli_phases_cpu_ms_20k: small.phases.length ? Object.fromEntries(PHASES.map((k) => [k, Math.round(median(small.phases.map((p) => p[k])))])) : "not measured",
    cli_batch_files_per_s: Number(batch.filesPerSecond.toFixed(1)),
    cli_batch_ms: batch.ms.map(Math.round),
    cli_help_ratio: Number(help.ratio.toFixed(2)),
    cli_help_ms: Math.round(median(help.bMs)),
    node_bare_ms: Math.round(median(help.aMs)),
    cli_dropdowns_validate_ratio: Number(dropdowns.validate.ratio.toFixed(2)),
    cli_dropdowns_summary_ratio: Number(dropdowns.summary.ratio.toFixed(2)),
    cli_openpyxl_ratio: typeof openpyxl === "string" ? openpyxl : Number(openpyxl.ratio.toFixed(2)),
  };
  const floorRow = (run: { rows: number; fileBytes: number; floor: Pairs }, n: number): Row => [
    `CLI validate / read floor, ${fmt(run.rows)} answers (${mb(run.fileBytes)}), fresh processes, median of ${n} pairs`,
    `${fmt(run.floor.ratio, 2)} (${ms(run.floor.bMs)} / ${ms(run.floor.aMs)})`,
    `<= ${BARS.floorRatio}`,
    run.floor.ratio <= BARS.floorRatio,
  ];
  const rows: Row[] = [
    floorRow(small, small.floor.aMs.length),
    floorRow(large, large.floor.aMs.length),
    [
      `CLI validate, ${fmt(small.rows)} answers, CPU by phase (median of ${small.phases.length} processes)`,
      small.phases.length ? PHASES.map((k) => `${PHASE_NAMES[k]} ${fmt(median(small.phases.map((p) => p[k])))}`).join(", ") + " ms" : "not measured (this checkout's phases only)",
      "",
      null,
    ],
    [`CLI validate, ${fmt(large.rows)} answers, peak memory (maxRSS)`, `${fmt(large.peakMb)} MB`, `<= ${BARS.cliMb} MB`, large.peakMb <= BARS.cliMb],
    [`CLI validate, ${fmt(batch.files)} workbooks of ${batch.rows} answers in one run (median of ${batch.ms.length})`, `${fmt(batch.filesPerSecond, 1)} files/s (${ms(batch.ms)})`, "", null],
    [`CLI --help / bare node -e 0, median of ${help.aMs.length} pairs`, `${fmt(help.ratio, 2)} (${ms(help.bMs)} / ${ms(help.aMs)})`, `<= ${BARS.helpRatio}`, help.ratio <= BARS.helpRatio],
    [`CLI validate with / without whole-sheet and whole-column dropdowns, ${fmt(small.rows)} answers`, `${fmt(dropdowns.validate.ratio, 2)} (${ms(dropdowns.validate.bMs)} / ${ms(dropdowns.validate.aMs)})`, `<= ${BARS.dropdownRatio}`, dropdowns.validate.ratio <= BARS.dropdownRatio],
    [`CLI summary with / without those dropdowns, ${fmt(small.rows)} answers`, `${fmt(dropdowns.summary.ratio, 2)} (${ms(dropdowns.summary.bMs)} / ${ms(dropdowns.summary.aMs)})`, `<= ${BARS.dropdownRatio}`, dropdowns.summary.ratio <= BARS.dropdownRatio],
    typeof openpyxl === "string"
      ? [`CLI validate / openpyxl read-only, ${fmt(small.rows)} answers`, openpyxl, "", null]
      : [`CLI validate / openpyxl read-only, ${fmt(small.rows)} answers, median of ${openpyxl.aMs.length} pairs`, `${fmt(openpyxl.ratio, 2)} (${ms(openpyxl.bMs)} / ${ms(openpyxl.aMs)})`, `< ${BARS.openpyxlRatio}`, openpyxl.ratio < BARS.openpyxlRatio],
  ];
  return { results, rows };
}

function bundleRows(bundle: { bytes: number; gzipBytes: number; measured: string }): { results: object; rows: Row[] } {
  return {
    results: { bundle_bytes: bundle.bytes, bundle_gzip_bytes: bundle.gzipBytes, bundle_measured: bundle.measured },
    rows: [[`Task pane bundle (production JavaScript, ${bundle.measured === "dist/" ? "dist/" : "fresh build"})`, `${fmt(bundle.bytes)} bytes (${fmt(bundle.gzipBytes)} gzipped)`, `< ${fmt(BARS.bundleBytes)}`, bundle.bytes < BARS.bundleBytes]],
  };
}

/** `npm run bench` measures every section; `npm run bench -- --only=cli` (core, syncs, cli, bundle, segment, merge, tracker) one of them. */
function segmentRows(segment: SegmentCaseResult): { results: object; rows: Row[] } {
  const [small, large] = SEGMENT_ROWS.map((n) => segment.sizes[n]);
  const scaling = Number((large.segmentMs / small.segmentMs).toFixed(2));
  return {
    results: {
      segment_rows: SEGMENT_ROWS[1],
      segment_blocks_100k: large.blocks,
      segment_ms_100k: Math.round(large.segmentMs),
      segment_ms_10k: Math.round(small.segmentMs),
      segment_scaling_10x: scaling,
      segment_read_ms_100k: Math.round(large.readMs),
    },
    rows: [
      [
        `Segmentation, a form pasted into one ${fmt(SEGMENT_ROWS[1])}-row sheet (${large.blocks} blocks, ${fmt(large.answers)} answers) / ${fmt(SEGMENT_ROWS[0])} rows`,
        `${fmt(scaling, 2)} (${fmt(large.segmentMs)} ms / ${fmt(small.segmentMs)} ms; whole reading ${fmt(large.readMs)} ms)`,
        `<= ${BARS.scaling}`,
        scaling <= BARS.scaling,
      ],
    ],
  };
}

function mergeRows(merge: MergeCaseResult[]): { results: object; rows: Row[] } {
  const warm = (r: { runsMs: number[] }) => median(r.runsMs.slice(1));
  const [first, , last] = merge;
  const scaling = Number((warm(last) / warm(first)).toFixed(2));
  return {
    results: {
      merge_parts: MERGE_PARTS,
      merge_rows_per_part: MERGE_ROWS,
      merge_ms: merge.map((m) => Math.round(warm(m))),
      merge_peak_mb: merge.map((m) => Math.round(m.peakMb)),
      merge_split_ms_200: Math.round(last.splitMs),
      merge_scaling_200_50: scaling,
    },
    rows: [
      [`Merge, ${last.parts} parts of ${last.rowsPerPart} rows (${fmt(last.changes)} cells written; median of ${last.runsMs.length - 1} warm runs)`, `${fmt(warm(last))} ms, peak ${fmt(last.peakMb)} MB (${fmt(last.baselineMb)} MB before merging; ${merge.map((m) => `${m.parts} parts ${fmt(warm(m))} ms`).join(", ")})`, "", null],
      [`Merge scaling, ${last.parts} / ${first.parts} parts (linear: 4)`, fmt(scaling, 2), `<= ${BARS.mergeScaling}`, scaling <= BARS.mergeScaling],
    ],
  };
}

function trackerRows(runs: Awaited<ReturnType<typeof measureTracker>>): { results: object; rows: Row[] } {
  return {
    results: {
      tracker_workbooks: runs[1000].workbooks,
      tracker_open_recommendations: runs[1000].openRecommendations,
      tracker_ms_1000: Math.round(runs[1000].ms),
      tracker_cpu_ms_1000: Math.round(runs[1000].cpuMs),
      tracker_peak_mb_1000: Math.round(runs[1000].peakMb),
      tracker_read_peak_mb_1000: Math.round(runs[1000].readPeakMb),
      tracker_ms_100: Math.round(runs[100].ms),
      tracker_peak_mb_100: Math.round(runs[100].peakMb),
      tracker_read_peak_mb_100: Math.round(runs[100].readPeakMb),
    },
    rows: [trackerRow(runs)],
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
  const wanted = (section: string) => !only || only.split(",").includes(section);
  const loadBefore = loadavg()[0];
  const sections: { results: object; rows: Row[] }[] = [];
  if (wanted("core")) sections.push(coreRows(await measureCore()));
  if (wanted("syncs")) sections.push(syncRows(await measureSyncs()));
  if (wanted("cli")) sections.push(cliRows(await measureCli()));
  if (wanted("bundle")) sections.push(bundleRows(await measureBundle()));
  if (wanted("segment")) sections.push(segmentRows(await measureSegment()));
  if (wanted("merge")) sections.push(mergeRows(await measureMerge()));
  if (wanted("tracker")) sections.push(trackerRows(await measureTracker()));
  const loadAfter = loadavg()[0];

  const results = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", memory_gb: Math.round(totalmem() / 1024 ** 3), node: process.version, load_average: [loadBefore, loadAfter] },
    ...Object.assign({}, ...sections.map((s) => s.results)),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(join(root, only ? `bench-results-${only.replace(/,/g, "-")}.json` : "bench-results.json"), `${JSON.stringify(results, null, 2)}\n`);

  const rows = sections.flatMap((s) => s.rows);
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  const line = (r: Row) => `${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3] === null ? "" : r[3] ? "met" : "NOT MET"}`;
  console.log(`\nResponse Matrix benchmark: ${results.machine.cpus} cores (${results.machine.cpu}), Node ${process.version}, load average ${fmt(loadBefore, 1)} -> ${fmt(loadAfter, 1)}\n`);
  for (const r of rows) console.log(line(r));
  console.log(`\nResults in bench-results${only ? `-${only.replace(/,/g, "-")}` : ""}.json (${results.seconds} s).`);
  if (Math.max(loadBefore, loadAfter) > BUSY_LOAD) {
    console.log(`The load average passed ${BUSY_LOAD}: other processes shared the ${results.machine.cpus} cores, so the times above are longer than on an idle machine.`);
  }
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
