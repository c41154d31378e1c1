/** Text handling for cell values: tags stripped, entities decoded, comparison keys. */

import type { CellValue } from "./grid";

const ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—", rsquo: "’", lsquo: "‘",
};

/** Cell text for display: HTML tags removed (never interpreted), entities decoded, white space folded. */
export function displayText(v: CellValue | null | undefined): string {
  if (v === undefined || v === null) return "";
  if (typeof v !== "string") return String(v);
  let s = v;
  if (s.includes("<")) s = s.replace(/<\/(p|div|li|br)\s*>|<br\s*\/?>/gi, " ").replace(/<[^<>]*>/g, "");
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

/** Comparison key: lower case, accents and punctuation removed, spaces folded. `Acceptée ?` -> `acceptee`. */
export function normalizeKey(v: CellValue | null | undefined): string {
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
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The first sentence of a text (for summary row labels), at most `limit` characters. */
export function firstSentence(text: string, limit = 160): string {
  const t = text.trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(t);
  let s = m ? m[1] : t;
  if (s.length > limit) s = s.slice(0, limit - 1).trimEnd() + "…";
  return s;
}

/** Joins unit names as people write them: `A`, `A and B`, `A, B and C`. */
export function joinWithAnd(items: readonly string[], and = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${and} ${items[items.length - 1]}`;
}
