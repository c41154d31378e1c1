/** Recommendation numbers are text: `1`, `1.`, `(1)`, `Recommendation 1` all mean `1`; `13a`, `13 a)` mean `13a`. */

import type { CellValue } from "./grid";
import { displayText, memoizeText, normalizeKey } from "./text";

/** The recommendation number a cell holds, or null when it holds none. */
export function normalizeRecommendationNumber(v: CellValue): string | null {
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  if (typeof v === "boolean") return null;
  return numberOfText(v);
}

/** Remembered per text: a No. column repeats each number on many rows. */
const numberOfText = memoizeText(readNumberText);

function readNumberText(v: string): string | null {
  let s = displayText(v);
  if (s === "") return null;
  s = s.replace(/^(?:recommendation|recommandation|rec)\.?\s*(?:no\.?|n°|nº|#)?\s*/i, "").replace(/^(?:no\.?|n°|nº|#)\s*/i, "");
  // `(1)`, `1.`, `1)`, `13 a)`, `13a`, `1.2`, `4:`
  const m = /^\(?\s*(\d{1,4}(?:\.\d{1,3})?)\s*\)?\s*(?:([a-z])\s*\)?)?\s*[.:)–—-]?\s*$/i.exec(s);
  if (m) return `${m[1]}${m[2] ? m[2].toLowerCase() : ""}`;
  // `Recommendation 1: text ...` in one cell: only the leading number
  const lead = /^\(?(\d{1,4})\s*([a-z])?\)?\s*[.:)–—-]\s+\S/i.exec(s);
  if (lead && normalizeKey(String(v)).startsWith("recommend")) return `${lead[1]}${lead[2] ? lead[2].toLowerCase() : ""}`;
  return null;
}
