/**
 * The Excel JavaScript API the add-in may use beyond the manifest's minimum (ExcelApi 1.9). A call to an API of a
 * newer requirement set sits behind `supportsExcelApi("1.x")` (in an if, a ?: or &&, or after an early return) with
 * a fallback, best in one accessor here such as `mergedAreasOf`; tests/office-apis.test.ts fails on one that does not.
 */

/** The set that gives `Range.getMergedAreasOrNullObject`: without it, sheets are read without their merged areas. */
export const MERGED_AREAS_API = "1.13";

/** True when this Excel supports ExcelApi `version` (false outside Office, where there is nothing to ask). */
export function supportsExcelApi(version: string): boolean {
  if (typeof Office === "undefined") return false;
  return Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}

/** `range.getMergedAreasOrNullObject()` where ExcelApi 1.13 gives it; null where it does not (sheets are then read without merged areas). */
export function mergedAreasOf(range: Excel.Range): Excel.RangeAreas | null {
  return supportsExcelApi(MERGED_AREAS_API) ? range.getMergedAreasOrNullObject() : null;
}
