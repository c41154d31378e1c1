import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { apiSetsModule, excelApiSets, hostMembers, officeTypesPath, typesVersion } from "../../scripts/excel-api-sets";

const root = path.resolve(import.meta.dirname, "../..");
const sets = excelApiSets(readFileSync(officeTypesPath(), "utf8"));

describe("the requirement-set table the in-memory host checks calls against", () => {
  test("is what @types/office-js says for every member the host implements (else run: npx tsx scripts/excel-api-sets.ts)", async () => {
    const written = readFileSync(path.join(root, "src/memory-excel/api-sets.ts"), "utf8");
    expect(written).toBe(apiSetsModule(await hostMembers(), sets, typesVersion()));
  });

  test("every public member of the host's Excel objects exists in @types/office-js (the host invents no API)", async () => {
    expect((await hostMembers()).filter((m) => !sets.has(m))).toEqual([]);
  });

  test("reads the sets from the types' remarks: a few members known from Microsoft's reference", () => {
    expect(sets.get("Range.values")).toEqual({ name: "ExcelApi", version: "1.1" });
    expect(sets.get("Worksheet.getUsedRangeOrNullObject")).toEqual({ name: "ExcelApi", version: "1.4" });
    expect(sets.get("PageLayout.zoom")).toEqual({ name: "ExcelApi", version: "1.9" });
    expect(sets.get("Range.getMergedAreasOrNullObject")).toEqual({ name: "ExcelApi", version: "1.13" });
    // A member without remarks of its own takes its class's (RangeAreas is ExcelApi 1.9).
    expect(sets.get("RangeAreas.areaCount")).toEqual({ name: "ExcelApi", version: "1.9" });
  });
});
