/** Excel's limits the host enforces, from Microsoft's documentation of the Excel JavaScript API. */

/** Excel on the web refuses a request over 5 MB, and a response over 5 MB, each counted on its own. */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

/** A range read (values, text, formulas, number formats, value types) takes at most this many cells. */
export const CELL_READ_LIMIT = 5_000_000;

/** `getMergedAreasOrNullObject` fails on a range holding more merged areas than this. */
export const MERGED_AREAS_LIMIT = 512;

/** `cellCount` is -1 above this (2^31-1). */
export const MAX_CELL_COUNT = 2_147_483_647;

/** What a read of too many cells does: fail with RangeExceedsLimit, or give `null` values (some platforms). */
export type LargeReads = "error" | "null";
