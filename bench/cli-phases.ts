/**
 * Where `validate`'s time goes, in a fresh process as the command runs: Node's start and the modules' loading,
 * reading the .xlsx into grids, the core reading the grids, validating, and the text report. CPU time of the
 * process (its compiler and garbage-collector threads included), so that other work on the machine counts less.
 *
 *   node cli-phases.mjs <file.xlsx>    prints {"startMs": n, "readXlsxMs": n, "coreReadMs": n, "validateMs": n, "reportMs": n}
 */

import { textReport } from "../src/cli/report";
import { readXlsxFile } from "../src/cli/xlsx-read";
import { readWorkbook } from "../src/core/read";
import { validate } from "../src/core/validate";

export interface PhasesResult {
  startMs: number;
  readXlsxMs: number;
  coreReadMs: number;
  validateMs: number;
  reportMs: number;
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const file = process.argv[2];
const start = cpu();
const { workbook } = await readXlsxFile(file);
const read = cpu();
const matrix = readWorkbook(workbook, { asOf: "2025-06-30" });
const coreRead = cpu();
const findings = validate(matrix);
const validated = cpu();
textReport({ file, matrix, findings }, "2025-06-30");
const reported = cpu();
const result: PhasesResult = { startMs: start, readXlsxMs: read - start, coreReadMs: coreRead - read, validateMs: validated - coreRead, reportMs: reported - validated };
process.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(result).map(([k, v]) => [k, Math.round(v)])))}\n`);
