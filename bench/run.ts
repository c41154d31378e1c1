/**
 * `npm run bench`: measures the quality bars of SPEC section 10 on generated, seeded workbooks and writes
 * bench-results.json. Each measurement runs in a fresh Node process so that its time and memory are its own.
 *
 *   core        read + validate + summarise 10,000 and 100,000 rows in the core alone (bundled as the CLI is)
 *   syncs       context.sync() calls of the add-in's adapter against the in-memory Excel, 10 to 100,000 rows
 *   cli         `response-matrix validate` on a 20,000-row .xlsx against ExcelJS alone loading it, as fresh
 *               processes (the bar) and warm in one process
 *   bundle      the production task pane's JavaScript (dist/'s, or built afresh when dist/ is missing or stale)
 *   tracker     `response-matrix tracker` over 100 and 1,000 generated workbooks of 60 answers: time and peak memory
 *   merge       merging the units' returned parts (the round trip's core): 50, 100 and 200 parts of 50 rows each
 *   segment     a whole form pasted into one sheet of 10,000 and 100,000 rows, cut into blocks (and read whole)
 *
 * `npm run bench -- tracker` measures the tracker alone (printed, bench-results.json left as it is).
 */

import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { CliCaseResult } from "./cli-case";
import type { CoreCaseResult } from "./core-case";
import type { MergeCaseResult } from "./merge-case";
import type { SegmentCaseResult } from "./segment-case";
import { median, medianRatio } from "./stats";
import type { SyncCounts, SyncsCaseResult } from "./syncs-case";
import type { TrackerCaseResult } from "./tracker-case";
import { rowsOf, type BenchSize } from "./workbook";

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(join(tmpdir(), "response-matrix-bench-"));

const CORE_SIZES = { small: { recommendations: 50, units: 200 }, large: { recommendations: 500, units: 200 } } satisfies Record<string, BenchSize>;
const CLI_SIZE: BenchSize = { recommendations: 100, units: 200 };
const SYNC_ROWS = [10, 1000, 10000, 100000];
const SEGMENT_ROWS = [10_000, 100_000] as const;
const NOT_MEASURED = "not measured: adapter missing";
const MB = 1024 * 1024;
/** Above this load average (on 2 cores) other work is slowing the measurements down. */
const BUSY_LOAD = 1.5;

const BARS = { coreMs: 1000, coreMb: 300, scaling: 12, cliRatio: 1.3, bundleBytes: 1_500_000, chunkBytes: 4 * MB, readSyncs: 2, writeSyncs: 3, mergeScaling: 5 };
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

interface CliResults {
  /** Fresh processes, as a user runs them: `node response-matrix.mjs validate` against `node` loading the file with ExcelJS. Ratio pair by pair. */
  processes: { rows: number; fileBytes: number; exceljsMs: number[]; cliMs: number[]; ratio: number };
  /** Both in one process, warm. */
  inProcess: CliCaseResult;
}

const CLI_RUNS = 5;
/** Fresh processes vary more (start-up, page cache, other work on the machine): more of them. */
const CLI_PROCESS_RUNS = 7;

async function measureCli(): Promise<CliResults> {
  progress(`cli: ${rowsOf(CLI_SIZE)}-row .xlsx, in one process ...`);
  const file = join(work, `bench-${rowsOf(CLI_SIZE)}.xlsx`);
  // Through tsx, not bundled: the CLI module runs itself when it is the entry point of a bundle
  const inProcess = await child<CliCaseResult>(["--expose-gc", "--import", "tsx", join(root, "bench", "cli-case.ts"), String(CLI_SIZE.recommendations), String(CLI_SIZE.units), String(CLI_RUNS), file]);

  progress(`cli: ${rowsOf(CLI_SIZE)}-row .xlsx, as fresh processes ...`);
  // The CLI bundled as `npm run build:cli` bundles it, beside node_modules so that its packages resolve
  const cache = join(root, "node_modules", ".cache", "response-matrix-bench");
  mkdirSync(cache, { recursive: true });
  const cli = join(cache, "response-matrix.mjs");
  await build({ entryPoints: [join(root, "src", "cli", "main.ts")], bundle: true, platform: "node", format: "esm", packages: "external", outfile: cli, logLevel: "error" });
  const alone = join(cache, "exceljs-load.mjs");
  writeFileSync(alone, `import { readFile } from "node:fs/promises";\nimport ExcelJS from "exceljs";\nawait new ExcelJS.Workbook().xlsx.load(await readFile(process.argv[2]));\n`);
  const timed = async (args: string[]) => {
    const t = performance.now();
    try {
      await run(process.execPath, args, { cwd: root, maxBuffer: 64 * MB });
    } catch (error) {
      // validate exits with 1 when it finds errors, as it does here; anything else is a failure
      if ((error as { code?: number }).code !== 1) throw error;
    }
    return performance.now() - t;
  };
  const exceljsMs: number[] = [];
  const cliMs: number[] = [];
  await timed([alone, file]); // the file in the page cache, for both alike
  for (let i = 0; i < CLI_PROCESS_RUNS; i++) {
    // Taking turns at going first, so that neither always runs right after the other
    const pair = [() => timed([alone, file]).then((ms) => exceljsMs.push(ms)), () => timed([cli, "validate", file, "--as-of", "2025-06-30"]).then((ms) => cliMs.push(ms))];
    if (i % 2) pair.reverse();
    for (const measure of pair) await measure();
  }
  const processes = { rows: inProcess.rows, fileBytes: inProcess.fileBytes, exceljsMs, cliMs, ratio: medianRatio(cliMs, exceljsMs) };
  return { processes, inProcess };
}

const TRACKER_COUNTS = [100, 1000] as const;

/**
 * The tracker over 100 (one folder) and 1,000 (ten folders) generated workbooks, each in a fresh process. The
 * workbooks are kept between runs under node_modules/.cache, named by a digest of the code that generates them.
 */
async function measureTracker(): Promise<Record<(typeof TRACKER_COUNTS)[number], TrackerCaseResult>> {
  const generator = ["workbook.ts", "tracker-case.ts"].map((f) => readFileSync(join(root, "bench", f), "utf8")).join("");
  const books = join(root, "node_modules", ".cache", "response-matrix-bench", `tracker-${createHash("sha256").update(generator).digest("hex").slice(0, 8)}`);
  const script = join(root, "bench", "tracker-case.ts");
  const most = Math.max(...TRACKER_COUNTS);
  progress(`tracker: generating ${fmt(most)} workbooks (once; kept in ${books}) ...`);
  await run(process.execPath, ["--import", "tsx", script, "generate", String(most), books], { cwd: root, timeout: 900_000 });
  const measure = (count: number) => {
    progress(`tracker: ${fmt(count)} workbooks ...`);
    const paths = count === most ? [books] : [join(books, "part-00")];
    return child<TrackerCaseResult>(["--import", "tsx", script, "measure", join(work, `tracker-${count}`), ...paths], 900_000);
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
  // A development build (unhashed names) says nothing about the production bundle
  if (srcs.length === 0 || !srcs.every((s) => /\.[0-9a-f]{8}\.js$/.test(s))) return null;
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

async function main(): Promise<void> {
  if (process.argv[2] === "tracker") {
    console.log(trackerRow(await measureTracker()).slice(0, 2).join("  "));
    return;
  }
  const started = Date.now();
  const loadBefore = loadavg()[0];
  const core = await measureCore();
  const segment = await measureSegment();
  const syncs = await measureSyncs();
  const cli = await measureCli();
  const bundle = await measureBundle();
  const trackerRuns = await measureTracker();
  const merge = await measureMerge();
  const loadAfter = loadavg()[0];

  const warm = (r: { runsMs: number[] }) => median(r.runsMs.slice(1));
  const coreMs = warm(core.large);
  const scaling = coreMs / warm(core.small);
  const results = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "unknown", memory_gb: Math.round(totalmem() / 1024 ** 3), node: process.version, load_average: [loadBefore, loadAfter] },
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
    segment_rows: SEGMENT_ROWS[1],
    segment_blocks_100k: segment.sizes[SEGMENT_ROWS[1]].blocks,
    segment_ms_100k: Math.round(segment.sizes[SEGMENT_ROWS[1]].segmentMs),
    segment_ms_10k: Math.round(segment.sizes[SEGMENT_ROWS[0]].segmentMs),
    segment_scaling_10x: Number((segment.sizes[SEGMENT_ROWS[1]].segmentMs / segment.sizes[SEGMENT_ROWS[0]].segmentMs).toFixed(2)),
    segment_read_ms_100k: Math.round(segment.sizes[SEGMENT_ROWS[1]].readMs),
    validate_syncs: syncs ? syncs.validate : NOT_MEASURED,
    summary_syncs: syncs ? syncs.summary : NOT_MEASURED,
    cli_rows: cli.processes.rows,
    cli_file_bytes: cli.processes.fileBytes,
    cli_ms: Math.round(median(cli.processes.cliMs)),
    exceljs_ms: Math.round(median(cli.processes.exceljsMs)),
    cli_overhead_ratio: Number(cli.processes.ratio.toFixed(2)),
    cli_ms_in_process: Math.round(median(cli.inProcess.cliMs)),
    exceljs_ms_in_process: Math.round(median(cli.inProcess.exceljsMs)),
    cli_overhead_ratio_in_process: Number(cli.inProcess.ratio.toFixed(2)),
    merge_parts: MERGE_PARTS,
    merge_rows_per_part: MERGE_ROWS,
    merge_ms: merge.map((m) => Math.round(warm(m))),
    merge_peak_mb: merge.map((m) => Math.round(m.peakMb)),
    merge_split_ms_200: Math.round(merge[merge.length - 1].splitMs),
    merge_scaling_200_50: Number((warm(merge[merge.length - 1]) / warm(merge[0])).toFixed(2)),
    bundle_bytes: bundle.bytes,
    bundle_gzip_bytes: bundle.gzipBytes,
    bundle_measured: bundle.measured,
    tracker_workbooks: trackerRuns[1000].workbooks,
    tracker_open_recommendations: trackerRuns[1000].openRecommendations,
    tracker_ms_1000: Math.round(trackerRuns[1000].ms),
    tracker_cpu_ms_1000: Math.round(trackerRuns[1000].cpuMs),
    tracker_peak_mb_1000: Math.round(trackerRuns[1000].peakMb),
    tracker_read_peak_mb_1000: Math.round(trackerRuns[1000].readPeakMb),
    tracker_ms_100: Math.round(trackerRuns[100].ms),
    tracker_peak_mb_100: Math.round(trackerRuns[100].peakMb),
    tracker_read_peak_mb_100: Math.round(trackerRuns[100].readPeakMb),
    seconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(join(root, "bench-results.json"), `${JSON.stringify(results, null, 2)}\n`);

  type Row = [label: string, value: string, bar: string, met: boolean | null];
  const rows: Row[] = [
    [`Core, ${fmt(core.large.rows)} rows (read + validate + summary, median of ${core.large.runsMs.length - 1})`, `${fmt(coreMs)} ms (${fmt(results.core_rows_per_s_100k)} rows/s; fastest ${fmt(results.core_ms_100k_fastest)}, first run ${fmt(core.large.runsMs[0])} ms)`, `< ${fmt(BARS.coreMs)} ms`, coreMs < BARS.coreMs],
    [`Core, ${fmt(core.large.rows)} rows, peak memory (process, grid included)`, `${fmt(core.large.peakMb)} MB (${fmt(core.large.baselineMb)} MB before the core ran)`, `< ${BARS.coreMb} MB`, core.large.peakMb < BARS.coreMb],
    [`Core scaling, ${fmt(core.large.rows)} / ${fmt(core.small.rows)} rows`, `${fmt(scaling, 2)} (${fmt(warm(core.small))} ms for ${fmt(core.small.rows)})`, `<= ${BARS.scaling}`, scaling <= BARS.scaling],
  ];
  const [small, large] = SEGMENT_ROWS.map((n) => segment.sizes[n]);
  rows.push([
    `Segmentation, a form pasted into one ${fmt(SEGMENT_ROWS[1])}-row sheet (${large.blocks} blocks, ${fmt(large.answers)} answers) / ${fmt(SEGMENT_ROWS[0])} rows`,
    `${fmt(results.segment_scaling_10x, 2)} (${fmt(large.segmentMs)} ms / ${fmt(small.segmentMs)} ms; whole reading ${fmt(large.readMs)} ms)`,
    `<= ${BARS.scaling}`,
    results.segment_scaling_10x <= BARS.scaling,
  ]);
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
  rows.push(
    [`CLI validate / ExcelJS load, ${fmt(results.cli_rows)}-row .xlsx, fresh processes (median of ${CLI_PROCESS_RUNS} pairs)`, `${fmt(cli.processes.ratio, 2)} (${fmt(results.cli_ms)} ms / ${fmt(results.exceljs_ms)} ms)`, `<= ${BARS.cliRatio}`, cli.processes.ratio <= BARS.cliRatio],
    [`CLI validate / ExcelJS load, same file, in one process, warm (median of ${CLI_RUNS} pairs)`, `${fmt(cli.inProcess.ratio, 2)} (${fmt(results.cli_ms_in_process)} ms / ${fmt(results.exceljs_ms_in_process)} ms)`, `<= ${BARS.cliRatio}`, cli.inProcess.ratio <= BARS.cliRatio],
    [`Task pane bundle (production JavaScript, ${bundle.measured === "dist/" ? "dist/" : "fresh build"})`, `${fmt(bundle.bytes)} bytes (${fmt(bundle.gzipBytes)} gzipped)`, `< ${fmt(BARS.bundleBytes)}`, bundle.bytes < BARS.bundleBytes],
    trackerRow(trackerRuns),
  );
  const [first, , last] = merge;
  rows.push(
    [`Merge, ${last.parts} parts of ${last.rowsPerPart} rows (${fmt(last.changes)} cells written; median of ${last.runsMs.length - 1} warm runs)`, `${fmt(warm(last))} ms, peak ${fmt(last.peakMb)} MB (${fmt(last.baselineMb)} MB before merging; ${merge.map((m) => `${m.parts} parts ${fmt(warm(m))} ms`).join(", ")})`, "", null],
    [`Merge scaling, ${last.parts} / ${first.parts} parts (linear: 4)`, fmt(results.merge_scaling_200_50, 2), `<= ${BARS.mergeScaling}`, results.merge_scaling_200_50 <= BARS.mergeScaling],
  );
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  const line = (r: Row) => `${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3] === null ? "" : r[3] ? "met" : "NOT MET"}`;
  console.log(`\nResponse Matrix benchmark: ${results.machine.cpus} cores (${results.machine.cpu}), Node ${process.version}, load average ${fmt(loadBefore, 1)} -> ${fmt(loadAfter, 1)}\n`);
  for (const r of rows) console.log(line(r));
  console.log(`\n${fmt(core.large.findings)} findings in the ${fmt(core.large.rows)}-row workbook. Results in bench-results.json (${results.seconds} s).`);
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
