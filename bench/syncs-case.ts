/**
 * Office.js round trips of the add-in's adapter against the in-memory Excel host: `validate` and
 * `generateSummary` on generated workbooks, counting `context.sync()` calls and the largest request.
 * Run in its own process: it installs the host as the global `Excel`. Prints one JSON line.
 *
 *   node syncs-case.mjs <rows> [<rows> ...]
 */

import { SettingsSchema } from "../src/core/model";
import { OfficeGateway } from "../src/excel/office-gateway";
import { jsonSize } from "../src/excel/payload";
import { MemoryExcel, installMemoryExcel } from "../src/memory-excel";
import { isEntryPoint } from "../src/cli/entry";
import { SYNC_SIZES, generateWorkbook, type BenchSize } from "./workbook";

export interface SyncCounts {
  syncs: number;
  /** The largest request that Excel accepted (queued operations and loaded values, as JSON). */
  max_request_bytes: number;
  /** The workbook's cell values as JSON: above 4 MB reads go in pieces and the count grows with it. */
  data_bytes: number;
}

export interface SyncsCaseResult {
  validate: Record<string, SyncCounts>;
  summary: Record<string, SyncCounts>;
}

/** Runs one gateway call on a fresh host holding the workbook; returns the host's counts. */
async function counted(size: BenchSize, call: (gateway: OfficeGateway) => Promise<unknown>): Promise<SyncCounts> {
  const workbook = generateWorkbook(size);
  const host = MemoryExcel.fromWorkbook(workbook);
  const uninstall = installMemoryExcel(host);
  try {
    await call(new OfficeGateway({ today: () => "2025-06-30" }));
    return { syncs: host.syncCount, max_request_bytes: Math.max(host.maxRequestBytes, host.maxResponseBytes), data_bytes: jsonSize(workbook.sheets.map((s) => s.rows)) };
  } finally {
    uninstall();
  }
}

export async function measureSyncs(rowCounts: readonly number[]): Promise<SyncsCaseResult> {
  const settings = SettingsSchema.parse({ asOf: "2025-06-30" });
  const result: SyncsCaseResult = { validate: {}, summary: {} };
  for (const rows of rowCounts) {
    const size = SYNC_SIZES[rows];
    if (!size) throw new Error(`No benchmark workbook of ${rows} rows; the sizes are ${Object.keys(SYNC_SIZES).join(", ")}.`);
    result.validate[rows] = await counted(size, (g) => g.validate(settings));
    result.summary[rows] = await counted(size, (g) => g.generateSummary(settings));
  }
  return result;
}

if (isEntryPoint(import.meta.url)) {
  measureSyncs(process.argv.slice(2).map(Number)).then((r) => process.stdout.write(`${JSON.stringify(r)}\n`));
}
