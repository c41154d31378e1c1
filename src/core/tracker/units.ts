/**
 * One unit across workbooks (SPEC 10): a unit spelled differently in two workbooks is the same unit when its code
 * matches: the code one workbook writes is the code or an alias (Units sheet) of a unit of the other. `NCD` in one
 * workbook and `NDC` (alias `NCD`) in another are one unit; two different codes that no alias links stay two units,
 * even with the same name (names are descriptions, and two offices may share one). Matching ignores case, accents
 * and punctuation, as everywhere in the core.
 */

import { normalizeKey } from "../text";
import type { TrackedUnit } from "./workbook";

/** A unit across workbooks: the code shown for it, its name, and the other codes it is written as. */
export interface TrackerUnit {
  label: string;
  name: string;
  alsoWrittenAs: string[];
}

/** Where each workbook's units went: `unitOf(w, code)` is the index in `units` of workbook w's unit `code`. */
export interface UnitIdentity {
  units: TrackerUnit[];
  unitOf(workbook: number, code: string): number;
}

/** Groups the units of every workbook (`perWorkbook[w]` are workbook w's units) into units across workbooks. */
export function unitsAcrossWorkbooks(perWorkbook: readonly (readonly Pick<TrackedUnit, "code" | "name" | "aliases">[])[]): UnitIdentity {
  const nodes = perWorkbook.flatMap((units, w) => units.map((u) => ({ w, unit: u })));
  const parent = nodes.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (i: number, j: number) => {
    parent[root(j)] = root(i);
  };
  // The same code is the same unit; then an alias that is another unit's code joins the two
  const firstWithCode = new Map<string, number>();
  nodes.forEach((n, i) => {
    const key = normalizeKey(n.unit.code);
    const first = firstWithCode.get(key);
    if (first === undefined) firstWithCode.set(key, i);
    else union(first, i);
  });
  nodes.forEach((n, i) => {
    for (const spelling of n.unit.aliases) {
      const j = spelling ? firstWithCode.get(normalizeKey(spelling)) : undefined;
      if (j !== undefined) union(j, i);
    }
  });

  // Groups in order of first appearance; the code written most often is shown (the first one on a tie)
  const groupOf = new Map<number, number>();
  const members: number[][] = [];
  nodes.forEach((_, i) => {
    const r = root(i);
    let g = groupOf.get(r);
    if (g === undefined) {
      groupOf.set(r, (g = members.length));
      members.push([]);
    }
    members[g].push(i);
  });
  const units = members.map((m): TrackerUnit => {
    const codes = new Map<string, { code: string; count: number }>();
    for (const i of m) {
      const key = normalizeKey(nodes[i].unit.code);
      const entry = codes.get(key) ?? { code: nodes[i].unit.code, count: 0 };
      entry.count++;
      codes.set(key, entry);
    }
    const ranked = [...codes.values()].sort((a, b) => b.count - a.count);
    const label = ranked[0]?.code ?? "";
    const named = m.map((i) => nodes[i].unit).find((u) => u.name && normalizeKey(u.name) !== normalizeKey(u.code));
    return { label, name: named?.name ?? "", alsoWrittenAs: ranked.slice(1).map((c) => c.code) };
  });

  const index = new Map<string, number>();
  nodes.forEach((n, i) => index.set(`${n.w}\u0000${n.unit.code}`, groupOf.get(root(i))!));
  return {
    units,
    unitOf: (w, code) => {
      const g = index.get(`${w}\u0000${code}`);
      if (g === undefined) throw new Error(`The unit ${code} of workbook ${w} was not given to unitsAcrossWorkbooks.`);
      return g;
    },
  };
}
