/**
 * The Excel JavaScript API the add-in may use beyond the manifest's minimum (ExcelApi 1.9). Every call to an API
 * of a newer requirement set sits behind `supportsExcelApi("1.x")` with a fallback; tests/excel/office-apis.test.ts
 * fails on any that does not.
 */

/** The set that gives `Range.getMergedAreasOrNullObject`: without it, sheets are read without their merged areas. */
export const MERGED_AREAS_API = "1.13";

/** True when this Excel supports ExcelApi `version` (false outside Office, where there is nothing to ask). */
export function supportsExcelApi(version: string): boolean {
  if (typeof Office === "undefined") return false;
  return Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}
