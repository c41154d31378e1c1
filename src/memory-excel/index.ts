/**
 * The in-memory Excel: a strict stand-in for the Excel JavaScript API, for tests and the playground.
 * One module per Excel object, named as in `@types/office-js`: request-context, workbook, worksheet-collection,
 * worksheet, range, range-areas, range-format, data-validation, table, chart, page-layout, named-item, setting;
 * base.ts holds the proxy machinery (load, sync, null objects), state.ts what the workbook holds.
 */

export { MemoryExcel, type FaultOptions, type MemoryExcelOptions } from "./host";
export { CELL_READ_LIMIT, MERGED_AREAS_LIMIT, REQUEST_LIMIT_BYTES, type LargeReads } from "./limits";
export { NEWEST_EXCEL_API } from "./requirements";
export { installMemoryExcel } from "./install";
export { MemoryExcelError, type MemoryExcelErrorCode } from "./errors";
export { MemoryRequestContext } from "./request-context";
