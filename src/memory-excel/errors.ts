/**
 * Errors shaped like Office.js's `OfficeExtension.Error`: a `code` from Excel's error codes, Excel's own
 * message, and `debugInfo` saying where it happened, so the adapter handles them exactly as it would Excel's.
 */

export type MemoryExcelErrorCode =
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "InsertDeleteConflict"
  | "AccessDenied"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RangeExceedsLimit"
  | "ApiNotFound"
  | "InvalidSelection"
  | "PropertyNotLoaded"
  | "InvalidObjectPath"
  | "GeneralException";

/** Excel's own wording for each code. */
const MESSAGES: Record<MemoryExcelErrorCode, string> = {
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: "The resource being created already exists.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The requested operation is invalid.",
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  AccessDenied: "You cannot perform the requested operation.",
  InsertDeleteConflict: "The insert or delete operation attempted resulted in a conflict.",
  RequestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  ResponsePayloadSizeLimitExceeded:
    "The response payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  RangeExceedsLimit:
    "The cell count in the range has exceeded the maximum supported number. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of Excel. See the Excel JavaScript API requirement sets article for more information.",
  InvalidSelection: "The current selection is invalid for this operation.",
  PropertyNotLoaded:
    'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  GeneralException: "There was an internal error while processing the request.",
};

export interface MemoryDebugInfo {
  code: string;
  message: string;
  /** Where it happened, e.g. `Worksheet.getItem` or `Range.values`. */
  errorLocation?: string;
  /** What the host found wrong, for people reading test failures. */
  statement?: string;
}

/** An `OfficeExtension.Error` look-alike. */
export class MemoryExcelError extends Error {
  readonly code: MemoryExcelErrorCode;
  readonly debugInfo: MemoryDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: MemoryExcelError | null = null;

  constructor(code: MemoryExcelErrorCode, location?: string, detail?: string, message?: string) {
    const text = message ?? MESSAGES[code];
    super(text);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message: text, errorLocation: location, statement: detail };
  }
}

/** The error Office.js throws when a proxy property is read before `load` and `sync`. */
export function propertyNotLoaded(type: string, property: string): MemoryExcelError {
  return new MemoryExcelError(
    "PropertyNotLoaded",
    `${type}.${property}`,
    undefined,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
