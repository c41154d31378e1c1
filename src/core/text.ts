/** Text handling for cell values: tags stripped, entities decoded, comparison keys. */

import type { CellValue } from "./grid";

const ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—", rsquo: "’", lsquo: "‘",
};

/**
 * Text that displayText returns unchanged: no tag or entity start, white space only as single inner spaces.
 * Most cells are like this; testing is cheaper than the replacements, which copy the string.
 */
const PLAIN = /^[^\s<&]+(?: [^\s<&]+)*$/;

/**
 * `compute` remembered for texts it has seen: a workbook repeats few distinct texts many times (a column of
 * `Accepted`, a planned action pasted down). Results are shared, so callers never change them. Bounded, so a
 * workbook of unique texts cannot grow it without end: long texts (seldom repeated) are not kept, and it
 * starts afresh when full.
 */
export function memoizeText<T>(compute: (text: string) => T, size = 10_000): (text: string) => T {
  const known = new Map<string, T>();
  // The text before, first: a column often repeats one text down many rows
  let lastText: string | undefined;
  let lastHit: T | undefined;
  return (text) => {
    if (text === lastText) return lastHit as T;
    let hit = known.get(text);
    if (hit === undefined) {
      hit = compute(text);
      if (text.length <= 200) {
        if (known.size >= size) known.clear();
        known.set(text, hit);
      }
    }
    lastText = text;
    lastHit = hit;
    return hit;
  };
}

const foldCached = memoizeText(foldText);
const keyCached = memoizeText(keyOf);

/** Cell text for display: HTML tags removed (never interpreted), entities decoded, white space folded. */
export function displayText(v: CellValue | null | undefined): string {
  if (v === undefined || v === null) return "";
  if (typeof v !== "string") return String(v);
  if (PLAIN.test(v)) return v;
  return foldCached(v);
}

function foldText(v: string): string {
  let s = v;
  if (s.includes("<")) s = stripTags(s);
  if (s.includes("&")) {
    s = s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
  }
  return s.replace(/\s+/g, " ").trim();
}

/**
 * Tags removed until none is left (one pass turns `<<b>script>` into `<script>`). A few passes cover real nesting;
 * past that the brackets themselves go, so a hostile cell costs linear time.
 */
function stripTags(text: string): string {
  let s = text.replace(/<\/(p|div|li|br)\s*>|<br\s*\/?>/gi, " ");
  for (let pass = 0; pass < 4; pass++) {
    const next = s.replace(/<[^<>]*>/g, "");
    if (next === s) return s;
    s = next;
  }
  return /<[^<>]*>/.test(s) ? s.replace(/[<>]/g, "") : s;
}

/** Comparison key: lower case, accents and punctuation removed, spaces folded. `Acceptée ?` -> `acceptee`. */
export function normalizeKey(v: CellValue | null | undefined): string {
  if (typeof v === "string") return keyCached(v);
  return keyOf(displayText(v));
}

function keyOf(v: string): string {
  return displayText(v)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Levenshtein distance, bounded: returns max+1 as soon as it is exceeded. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Two rows reused from call to call: "did you mean" compares a typo with every known word
  if (distanceRows[0].length <= b.length) distanceRows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [prev, cur] = distanceRows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    const done = prev;
    prev = cur;
    cur = done;
  }
  return prev[b.length];
}

let distanceRows = [new Int32Array(64), new Int32Array(64)];

/** The first sentence of a text (for summary row labels), at most `limit` characters. */
export function firstSentence(text: string, limit = 160): string {
  const t = text.trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(t);
  const s = m ? m[1] : t;
  if (s.length <= limit) return s;
  // Cut at the last word that fits, never inside one, and drop the punctuation it ended on
  const cut = s.slice(0, limit).lastIndexOf(" ");
  const kept = cut > 0 ? s.slice(0, cut) : s.slice(0, limit - 1);
  return kept.replace(/[\s,;:(–—-]+$/, "") + "…";
}

/** Joins unit names as people write them: `A`, `A and B`, `A, B and C`. */
export function joinWithAnd(items: readonly string[], and = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}

/** `1 error`, `3 errors`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
