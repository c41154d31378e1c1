/** Set-up of the adapter suites: every in-memory host they make supports the ExcelApi set of their project (vitest.config.ts). */

import { inject } from "vitest";
import { MemoryExcel } from "../src/memory-excel";

declare module "vitest" {
  export interface ProvidedContext {
    excelApi: string;
  }
}

MemoryExcel.defaultExcelApi = inject("excelApi");
