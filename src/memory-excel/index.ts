/**
 * The in-memory Excel: a strict stand-in for the Excel JavaScript API, for tests and the playground.
 * One module per Excel object, named as in `@types/office-js`: request-context, workbook, worksheet-collection,
 * worksheet, range, range-areas, range-format, data-validation, table, chart, page-layout, named-item, setting;
 * base.ts holds the proxy machinery (load, sync, null objects), state.ts what the workbook holds.
 */

export { MemoryExcel, REQUEST_LIMIT_BYTES, type FaultOptions } from "./host";
export { installMemoryExcel } from "./install";
export { MemoryExcelError, type MemoryExcelErrorCode } from "./errors";
export { MemoryRequestContext } from "./request-context";
