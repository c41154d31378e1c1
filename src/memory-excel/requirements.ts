/**
 * Requirement sets, as Excel applies them: a host supports the ExcelApi sets up to its version, and a request
 * naming an API member of a newer set fails with ApiNotFound. Each member's set comes from @types/office-js
 * (api-sets.ts, written by scripts/excel-api-sets.ts), so this checks every API the host implements.
 */

import { API_SETS, NEWEST_EXCEL_API } from "./api-sets";
import { MemoryExcelError } from "./errors";

export { NEWEST_EXCEL_API };

/** Compares `1.9` and `1.13` as versions (1.9 < 1.13). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** `Office.context.requirements.isSetSupported` for a host at `excelApi`: numbered ExcelApi sets up to it, nothing else. */
export function isSetSupported(excelApi: string, name: string, minVersion?: string | number): boolean {
  if (name !== "ExcelApi") return false;
  return minVersion === undefined || compareVersions(String(minVersion), excelApi) <= 0;
}

/** The `Class.member`s a queued request names (see the request shapes in base.ts). */
function membersOf(request: unknown): string[] {
  if (!request || typeof request !== "object") return [];
  const r = request as { type?: unknown; method?: unknown; set?: unknown; load?: unknown };
  if (typeof r.type !== "string") return [];
  const type = r.type;
  if (typeof r.method === "string") return [`${type}.${r.method}`];
  if (typeof r.set === "string") return [`${type}.${r.set}`];
  if (r.load === "items") return [`${type}.items`];
  if (Array.isArray(r.load)) {
    return r.load.map((p: string) => (p.startsWith("items/") ? `${type.replace(/Collection$/, "")}.${p.slice(6)}` : `${type}.${p}`));
  }
  return [];
}

/** ApiNotFound for the first member of the request above the host's ExcelApi version, or null. */
export function apiNotFound(request: unknown, excelApi: string): MemoryExcelError | null {
  for (const member of membersOf(request)) {
    const set = API_SETS[member];
    if (!set) continue;
    const [name, version] = set.split(" ");
    if (!isSetSupported(excelApi, name, version)) {
      return new MemoryExcelError(
        "ApiNotFound",
        member,
        `${member} is in ${set}; this Excel supports ExcelApi up to ${excelApi}.`,
      );
    }
  }
  return null;
}
