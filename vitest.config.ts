import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

/** The adapter's suites (src/excel through the in-memory host, and the pane on it under injected faults). */
const ADAPTER = ["tests/excel/**/*.test.ts", "tests/faults/**/*.test.{ts,tsx}"];

/** The ExcelApi set the manifest requires: the adapter must work there as well as at the newest set. */
const MANIFEST_MINIMUM = /<Set Name="ExcelApi" MinVersion="([\d.]+)"/.exec(readFileSync("manifest.xml", "utf8"))?.[1];
if (!MANIFEST_MINIMUM) throw new Error('manifest.xml declares no <Set Name="ExcelApi" MinVersion="..."/>.');

/** The newest set @types/office-js describes, as scripts/excel-api-sets.ts wrote it for the in-memory host. */
const NEWEST_EXCEL_API = /NEWEST_EXCEL_API = "([\d.]+)"/.exec(readFileSync("src/memory-excel/api-sets.ts", "utf8"))?.[1];
if (!NEWEST_EXCEL_API) throw new Error("src/memory-excel/api-sets.ts gives no NEWEST_EXCEL_API.");

const common = { environment: "node", testTimeout: 30_000 } as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...common,
          name: "unit",
          include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
          exclude: ["tests/browser/**", "node_modules/**", ...ADAPTER],
        },
      },
      // The whole adapter suite twice: with the host at the manifest's minimum, and at the newest set.
      ...[...new Set([MANIFEST_MINIMUM, NEWEST_EXCEL_API])].map((excelApi) => ({
        test: {
          ...common,
          name: `adapter at ExcelApi ${excelApi}`,
          include: ADAPTER,
          setupFiles: ["tests/excel-api-level.ts"],
          provide: { excelApi },
        },
      })),
    ],
  },
});
