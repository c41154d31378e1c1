/**
 * Installs a MemoryExcel as the global `Excel` (with `Excel.run`), `OfficeExtension`, and
 * `Office.context.requirements.isSetSupported` (answering for the host's ExcelApi set), for the playground and tests.
 */

import { MemoryExcelError } from "./errors";
import type { MemoryExcel } from "./host";

/** The enum values the adapter might read from the global (it prefers string literals). */
const ENUMS = {
  ChartType: { barStacked: "BarStacked", barClustered: "BarClustered", columnClustered: "ColumnClustered", columnStacked: "ColumnStacked" },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
  PaperType: { a4: "A4", letter: "Letter" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  ErrorCodes: {
    accessDenied: "AccessDenied",
    invalidArgument: "InvalidArgument",
    invalidOperation: "InvalidOperation",
    invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
    itemAlreadyExists: "ItemAlreadyExists",
    itemNotFound: "ItemNotFound",
    generalException: "GeneralException",
    apiNotFound: "ApiNotFound",
    rangeExceedsLimit: "RangeExceedsLimit",
    invalidSelection: "InvalidSelection",
  },
};

/** Makes `Excel.run` drive this host; returns a function that puts back what was there. */
export function installMemoryExcel(host: MemoryExcel): () => void {
  const g = globalThis as Record<string, unknown>;
  const previous = { Excel: g.Excel, OfficeExtension: g.OfficeExtension, Office: g.Office };
  g.Excel = {
    ...ENUMS,
    run: (...args: unknown[]) => {
      // Excel.run(batch) or Excel.run(objectOrOptions, batch).
      const batch = args[args.length - 1] as (context: Excel.RequestContext) => Promise<unknown>;
      if (typeof batch !== "function") throw new MemoryExcelError("InvalidArgument", "Excel.run", "Excel.run needs a batch function.");
      return host.run(batch);
    },
  };
  g.OfficeExtension = { Error: MemoryExcelError, ErrorCodes: { propertyNotLoaded: "PropertyNotLoaded", invalidArgument: "InvalidArgument", accessDenied: "AccessDenied", generalException: "GeneralException" } };
  // Office.js itself may be there (the playground page does not load it; a test may stub it): only the requirements answer for this host.
  const office = (previous.Office ?? {}) as { context?: Record<string, unknown> };
  g.Office = {
    ...office,
    context: { ...office.context, requirements: { isSetSupported: (name: string, minVersion?: string | number) => host.isSetSupported(name, minVersion) } },
  };
  return () => {
    g.Excel = previous.Excel;
    g.OfficeExtension = previous.OfficeExtension;
    g.Office = previous.Office;
  };
}
