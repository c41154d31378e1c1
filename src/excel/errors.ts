/** Excel's errors turned into sentences for the task pane: what happened, and what to do. */

import { LayoutError } from "../core/layouts/errors";
import { UserFacingError } from "./gateway";
import { errorCode, isPayloadTooLarge } from "./payload";

/** What the add-in was doing, as the end of "Excel could not ..." (e.g. "write the summary"). */
export interface ErrorContext {
  doing: string;
  /** The sheet the work was about, when there is one. */
  sheet?: string;
}

/** A UserFacingError for any failure inside Excel.run. */
export function toUserFacingError(error: unknown, context: ErrorContext): UserFacingError {
  if (error instanceof UserFacingError) return error;
  if (error instanceof LayoutError) return new UserFacingError(error.message);
  const { doing, sheet } = context;
  if (isPayloadTooLarge(error)) {
    return new UserFacingError(
      `Excel could not ${doing}: it would have to send more than 5 MB at once. Remove very long cells or unused rows and columns, then try again.`,
    );
  }
  switch (errorCode(error)) {
    case "ApiNotFound":
      return new UserFacingError(
        `Excel could not ${doing}: this version of Excel lacks a feature the add-in needs. Update Office (File > Account > Update Options > Update Now), or use Excel on the web.`,
      );
    case "RangeExceedsLimit":
      return new UserFacingError(
        `Excel could not ${doing}: a sheet is too large to read at once. Delete unused rows and columns far below or right of the data (select them, then Delete), save, then try again.`,
      );
    case "InvalidSelection":
      return new UserFacingError(`Excel could not ${doing} with this selection. Select one block of cells, then try again.`);
    case "InvalidOperationInCellEditMode":
      return new UserFacingError("Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.");
    case "AccessDenied":
      return new UserFacingError(
        sheet
          ? `Excel could not ${doing} because the sheet '${sheet}' is protected. Unprotect it (Review > Unprotect Sheet), then try again.`
          : `Excel could not ${doing} because the workbook or one of its sheets is protected. Unprotect it (Review > Protect Workbook, or Unprotect Sheet), then try again.`,
      );
    case "ItemNotFound":
      return new UserFacingError(
        sheet
          ? `The sheet '${sheet}' was not found: it may have been renamed or deleted. Run Validate again, then try again.`
          : `Excel could not ${doing}: a sheet changed while the add-in was working. Try again.`,
      );
    case "InvalidOperation":
      if (sheet) return new UserFacingError(`Excel could not ${doing} on the sheet '${sheet}'. If it is hidden, unhide it (right-click a sheet tab, then Unhide), then try again.`);
      break;
  }
  // Excel's own message ends with a full stop; inside the brackets it would read "(...request.)."
  const detail = error instanceof Error && error.message ? ` (${error.message.replace(/[\s.]+$/, "")})` : "";
  return new UserFacingError(`Excel could not ${doing}${detail}. Try again; if it keeps failing, save the workbook, reopen it and retry.`);
}
