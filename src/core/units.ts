/**
 * Finding units by code, name or alias, and reading `Addressed to` cells (SPEC section 2).
 */

import type { Unit } from "./model";
import { normalizeKey } from "./text";

const ALL_WORDS = new Set(["all", "all units", "all programme units", "all program units", "all divisions", "tous", "toutes", "toutes les unites", "tous les services"]);

/** Comparison key that keeps list separators (`,` `;` `/`) as `|`. */
function listKey(text: string): string {
  return text
    .replace(/<[^<>]*>/g, " ")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[,;/]+/g, " | ")
    .replace(/[^\p{L}\p{N}|]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export interface AddressedTo {
  /** Unit codes, in Units order. */
  units: string[];
  /** Names that match nothing. */
  unknown: string[];
}

/** The units of a workbook, looked up by any of their spellings. */
export class UnitDirectory {
  readonly units: Unit[];
  private readonly byKey = new Map<string, string>();
  private readonly byDivision = new Map<string, string[]>();
  private readonly order = new Map<string, number>();
  /** Multi-word names (units and divisions) as list keys, longest first, with the pattern finding each in a list key. */
  private readonly phrases: { key: string; codes: string[]; pattern: RegExp }[] = [];

  constructor(units: Unit[]) {
    this.units = units;
    units.forEach((u, i) => {
      this.order.set(u.code, i);
      for (const spelling of [u.code, u.name, ...u.aliases]) {
        const k = normalizeKey(spelling);
        if (k && !this.byKey.has(k)) this.byKey.set(k, u.code);
      }
      const d = normalizeKey(u.division);
      if (d) {
        const list = this.byDivision.get(d) ?? [];
        list.push(u.code);
        this.byDivision.set(d, list);
      }
    });
    const phrases = new Map<string, string[]>();
    for (const u of units) {
      for (const spelling of [u.name, ...u.aliases]) {
        const k = listKey(spelling);
        if (k.includes(" ")) phrases.set(k, [u.code]);
      }
    }
    for (const u of units) {
      const k = listKey(u.division);
      if (k.includes(" ") && !phrases.has(k)) phrases.set(k, this.byDivision.get(normalizeKey(u.division)) ?? []);
    }
    // Patterns made once here, not for every `Addressed to` cell read
    this.phrases = [...phrases]
      .map(([key, codes]) => ({ key, codes, pattern: new RegExp(`(^|[ |])${key.replace(/[|]/g, "\\|")}(?=$|[ |])`, "g") }))
      .sort((a, b) => b.key.length - a.key.length);
  }

  /** The code of the unit a cell names (code, name, alias, or `Name (CODE)`), or null. */
  resolve(text: string): string | null {
    const k = normalizeKey(text);
    if (!k) return null;
    const hit = this.byKey.get(k);
    if (hit) return hit;
    const paren = /\(([^()]+)\)\s*$/.exec(text);
    if (paren) {
      const inner = this.byKey.get(normalizeKey(paren[1]));
      if (inner) return inner;
      const outer = this.byKey.get(normalizeKey(text.slice(0, paren.index)));
      if (outer) return outer;
    }
    return null;
  }

  /** Codes of the units of a division name, or null when no division has that name. */
  division(text: string): string[] | null {
    return this.byDivision.get(normalizeKey(text)) ?? null;
  }

  /** Sorts codes into Units order; codes not in the directory keep their order at the end. */
  sort(codes: Iterable<string>): string[] {
    const list = [...new Set(codes)];
    const big = this.units.length;
    return list
      .map((c, i) => ({ c, k: this.order.get(c) ?? big + i }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.c);
  }

  /** Reads an `Addressed to` cell: blank or `All` means every unit; names with "and" in them match whole first. */
  addressedTo(text: string): AddressedTo {
    const all = this.units.map((u) => u.code);
    let key = listKey(text);
    if (key === "" || ALL_WORDS.has(normalizeKey(text))) return { units: all, unknown: [] };
    const found: string[] = [];
    for (const p of this.phrases) {
      // A phrase absent from the key (most of them) is ruled out without a regular expression
      if (!key.includes(p.key)) continue;
      const re = p.pattern;
      re.lastIndex = 0;
      if (re.test(key)) {
        found.push(...p.codes);
        key = key.replace(re, "$1|");
      }
    }
    const unknown: string[] = [];
    const tokens = key
      .split(/\||(?:^|\s)(?:and|et)(?=\s|$)/)
      .map((t) => t.trim())
      .filter((t) => t !== "");
    for (const t of tokens) {
      if (ALL_WORDS.has(t)) {
        found.push(...all);
        continue;
      }
      const code = this.byKey.get(t);
      if (code) found.push(code);
      else {
        const div = this.byDivision.get(t);
        if (div) found.push(...div);
        else unknown.push(originalToken(text, t));
      }
    }
    return { units: this.sort(found), unknown };
  }
}

/** The token as the user wrote it, for messages (falls back to the key). */
function originalToken(text: string, key: string): string {
  for (const part of text.split(/[,;/]|\s+(?:and|et)\s+/i)) {
    if (normalizeKey(part) === key) return part.trim();
  }
  return key;
}
