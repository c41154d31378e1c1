/** Reading a chart part back in tests: its series, what cells they refer to, and the values they cache. */

import { expect } from "vitest";
import { rangeFormula } from "../../src/cli/xlsx-chart";
import type { CellValue, MergedRange } from "../../src/core/grid";
import type { SheetSpec } from "../../src/core/sheet-spec";

/** Each series of a chart part: its name, value formula and cached values; the categories' formula and cached labels. */
export function seriesOf(chart: string) {
  return [...chart.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
    const cache = (tag: string) => {
      const block = new RegExp(`<c:${tag}>([\\s\\S]*?)</c:${tag}>`).exec(ser)![1];
      return {
        formula: /<c:f>([^<]*)<\/c:f>/.exec(block)![1].replace(/&apos;/g, "'"),
        points: [...block.matchAll(/<c:pt idx="\d+"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => m[1]),
      };
    };
    return { name: /<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/.exec(ser)![1], categories: cache("cat"), values: cache("val") };
  });
}

/** Asserts that a chart part's series are the spec's chart: each refers to its cells and caches the values they hold. */
export function expectChartOfSpec(chart: string, spec: SheetSpec): void {
  const values = (r: MergedRange): CellValue[] => {
    const out: CellValue[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(spec.cells[row]?.[col] ?? "");
    return out;
  };
  const series = seriesOf(chart);
  expect(series.map((s) => s.name)).toEqual(spec.chart!.series.map((s) => s.name));
  spec.chart!.series.forEach((s, i) => {
    expect(series[i].values.formula).toBe(rangeFormula(spec.name, s.values));
    expect(series[i].values.points.map(Number)).toEqual(values(s.values));
    expect(series[i].categories.formula).toBe(rangeFormula(spec.name, spec.chart!.categories));
    expect(series[i].categories.points).toEqual(values(spec.chart!.categories).map(String));
  });
}
