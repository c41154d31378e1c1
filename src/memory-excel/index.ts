/** The in-memory Excel: a strict stand-in for the Excel JavaScript API, for tests and the playground. */

export { MemoryExcel, REQUEST_LIMIT_BYTES, type FaultOptions } from "./host";
export { installMemoryExcel } from "./install";
export { MemoryExcelError, type MemoryExcelErrorCode } from "./errors";
export { MemoryRequestContext } from "./objects";
