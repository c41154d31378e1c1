/**
 * Recommendations pasted as report text (SPEC 3.5), turned into rows of the `Recommendations` sheet:
 * - numbered paragraphs (`1)`, `(1)`, `1.`, `Recommendation 1:`) are recommendations; when the text holds several
 *   numbered lists (a whole report: `1. EXECUTIVE SUMMARY` ...), the longest run numbered 1, 2, 3 ... in one style wins;
 * - sub-items `13) ... on: a) ... b) ...` become 13a, 13b ..., each carrying the parent's lead-in, and replace 13
 *   (units answer each sub-item; a row for 13 as well would ask for the same answer twice);
 * - a short unnumbered line just above a numbered paragraph (`On project development:`) is the category of
 *   the recommendations under it, until the next such heading;
 * - priorities: a recommendation marked `(priority)` / `Priority: High`, or one of the points a summary lists after
 *   a sentence saying they should be prioritised (seed 004: "the following seven points should be prioritized:"
 *   then bullets that paraphrase recommendations; each bullet marks the recommendation it shares most words with).
 */

import { displayText } from "./text";

/** A recommendation read from report text. */
export interface TextRecommendation {
  number: string;
  text: string;
  /** `High` for a prioritised recommendation, the word given (`Medium`, `Critical` ...) for a marked one, else "". */
  priority: string;
  category: string;
}

type Style = "recommendation" | "(n)" | "n)" | "n.";

/** `Recommendation 1:`, `(1)`, `1)`, `1.` at the start of a line, with the text after it. */
const NUMBERED: [Style, RegExp][] = [
  ["recommendation", /^(?:recommendations?|recommandations?|rec\.?)\s*(?:no\.?|n°|nº|#)?\s*(\d{1,3})\s*(?:[:.)–—-]\s*|$)(.*)$/i],
  ["(n)", /^\((\d{1,3})\)\s*(.*)$/],
  ["n)", /^(\d{1,3})\)\s*(.*)$/],
  ["n.", /^(\d{1,3})\.(?:\s+(.*))?$/],
];

const SUB_ITEM = /^(?:\(([a-z])\)|([a-z])\))\s*(.*)$/;
const BULLET = /^[-•–—*·▪]\s+(.*)$/;

/** The number and text of a numbered paragraph (`6. Foster ...` -> 6), or null. */
export function numberedParagraph(text: string): { number: string; text: string; style: Style } | null {
  const line = displayText(text);
  for (const [style, re] of NUMBERED) {
    const m = re.exec(line);
    if (m) return { number: String(Number(m[1])), text: (m[2] ?? "").trim(), style };
  }
  return null;
}

interface Block {
  kind: "item" | "sub" | "bullet" | "text";
  lines: string[];
  style?: Style;
  n?: number;
  letter?: string;
}

/** Ends a sentence or a clause: a line ending so may be followed by a heading. */
const CLAUSE_END = /[.;:!?]["”’)]?$/;

/**
 * Lines into blocks: a block starts at a marker, after a blank line, or at a heading after a finished sentence
 * (a short line ending with `:`, or one just above a numbered paragraph).
 */
function blocksOf(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((raw) => displayText(raw));
  const blocks: Block[] = [];
  let current: Block | null = null;
  let previous = "";
  lines.forEach((line, i) => {
    if (line === "") {
      current = null;
      return;
    }
    const numbered = numberedParagraph(line);
    const sub = numbered ? null : SUB_ITEM.exec(line);
    const bullet = numbered || sub ? null : BULLET.exec(line);
    if (numbered) current = { kind: "item", style: numbered.style, n: Number(numbered.number), lines: numbered.text ? [numbered.text] : [] };
    else if (sub) current = { kind: "sub", letter: sub[1] ?? sub[2], lines: sub[3] ? [sub[3]] : [] };
    else if (bullet) current = { kind: "bullet", lines: [bullet[1]] };
    else if (current && !(CLAUSE_END.test(previous) && line.length <= 80 && (line.endsWith(":") || numberedNext(lines, i)))) {
      current.lines.push(line);
      previous = line;
      return;
    } else current = { kind: "text", lines: [line] };
    blocks.push(current);
    previous = line;
  });
  return blocks;
}

/** True when the next filled line after line `i` is a numbered paragraph. */
function numberedNext(lines: readonly string[], i: number): boolean {
  for (let k = i + 1; k < lines.length; k++) if (lines[k] !== "") return numberedParagraph(lines[k]) !== null;
  return false;
}

/** Wrapped lines joined again: `French-` + `speaking` -> `French-speaking`. */
function joinLines(lines: readonly string[]): string {
  let s = "";
  for (const line of lines) {
    if (s === "") s = line;
    else if (/[A-Za-zÀ-ÿ]-$/.test(s) && /^\p{Ll}/u.test(line)) s += line;
    else s += ` ${line}`;
  }
  return s.trim();
}

/** The last line of a paragraph, which says how the paragraph ends (looked at instead of joining every line each time). */
function lastLine(lines: readonly string[]): string {
  return lines.length ? lines[lines.length - 1] : "";
}

/** The items of the longest run numbered n, n+1, n+2 ... in one style; other numbered lines are plain text. */
function longestRun(blocks: readonly Block[]): Set<Block> {
  let best: Block[] = [];
  const open = new Map<Style, Block[]>();
  for (const b of blocks) {
    if (b.kind !== "item") continue;
    const run = open.get(b.style!);
    if (run && run[run.length - 1].n! + 1 === b.n) run.push(b);
    else open.set(b.style!, [b]);
    const now = open.get(b.style!)!;
    if (now.length > best.length) best = now;
  }
  return new Set(best);
}

/** A heading: one short line (ten words at most), not a sentence, nor a lead-in such as `IOM shall:`. */
function isHeading(b: Block): boolean {
  const t = joinLines(b.lines);
  return (
    b.kind === "text" && b.lines.length === 1 && t.length <= 80 && t.split(/\s+/).length <= 10 && !/[.;,!?]$/.test(t) &&
    /^[\p{Lu}\p{N}]/u.test(t) && !/\b(?:shall|should|must|will|would|to|doit|doivent|devrait|devraient)\s*:$/i.test(t)
  );
}

const PRIORITY_WORDS: Record<string, string> = {
  critical: "Critical", important: "Important", high: "High", medium: "Medium", low: "Low",
  haute: "High", elevee: "High", moyenne: "Medium", basse: "Low", faible: "Low",
};

/** A priority written in the paragraph itself (`(priority)`, `Priority: High`), and the text without it. */
function markedPriority(text: string): { priority: string; text: string } {
  const flag = /\s*[([](?:high\s+)?(?:priority|prioritaire|priorité)[)\]]\s*/i;
  // The mark goes, and the space before it when punctuation follows: `Do this (priority).` -> `Do this.`
  const without = (m: RegExpExecArray) => {
    const after = text.slice(m.index + m[0].length);
    return `${text.slice(0, m.index)}${/^[.;:,]/.test(after) ? "" : " "}${after}`.trim();
  };
  const flagged = flag.exec(text);
  if (flagged) return { priority: "High", text: without(flagged) };
  const named = /\s*[([]?(?:priority|priorité)\s*:\s*(critical|important|high|medium|low|haute|moyenne|basse|faible)[)\]]?\s*/i.exec(text);
  if (named) return { priority: PRIORITY_WORDS[named[1].toLowerCase()], text: without(named) };
  return { priority: "", text };
}

/** Word stems for comparing a summary's paraphrase with the recommendation: first five letters of longer words. */
function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").split(/[^a-z]+/)) {
    if (w.length >= 4 && !STOP.has(w)) out.add(w.slice(0, 5));
  }
  return out;
}

const STOP = new Set([
  "that", "this", "with", "from", "their", "these", "those", "which", "also", "more", "most", "such", "into", "than",
  "been", "have", "were", "each", "other", "shall", "should", "will", "there", "where", "when", "what", "well", "they",
  "them", "then", "only", "both", "here", "pour", "dans", "avec", "sont", "leur", "leurs", "cette", "ainsi",
]);

/** Marks as High the recommendations the summary's priority bullets paraphrase: each bullet its best match, one to one. */
function markPriorities(points: readonly string[], groups: readonly { text: string; members: TextRecommendation[] }[]): void {
  const words = groups.map((g) => stems(g.text));
  const pairs: { score: number; p: number; g: number }[] = [];
  points.slice(0, 50).forEach((point, p) => {
    const mine = stems(point);
    if (mine.size === 0) return;
    words.forEach((theirs, g) => {
      let shared = 0;
      for (const w of mine) if (theirs.has(w)) shared++;
      const score = shared / mine.size;
      if (score >= 0.3) pairs.push({ score, p, g });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.p - b.p || a.g - b.g);
  const pointDone = new Set<number>();
  const groupDone = new Set<number>();
  for (const { p, g } of pairs) {
    if (pointDone.has(p) || groupDone.has(g)) continue;
    pointDone.add(p);
    groupDone.add(g);
    for (const r of groups[g].members) if (!r.priority) r.priority = "High";
  }
}

/** Turns report text into recommendations (see the module comment); [] when it holds no numbered paragraphs. */
export function recommendationsFromText(text: string): TextRecommendation[] {
  const blocks = blocksOf(text);
  const run = longestRun(blocks);
  if (run.size === 0) return [];

  interface Group {
    parent: TextRecommendation;
    subs: TextRecommendation[];
    parentLines: string[];
    subLines: string[][];
  }
  const groups: Group[] = [];
  const priorityPoints: string[] = [];
  let category = "";
  let collectingPoints = false;
  let last: string[] | null = null; // lines of the paragraph a page-broken continuation belongs to

  blocks.forEach((b, i) => {
    const group = groups[groups.length - 1];
    if (b.kind === "item" && run.has(b)) {
      const lines = [...b.lines];
      groups.push({ parent: { number: String(b.n), text: "", priority: "", category }, subs: [], parentLines: lines, subLines: [] });
      last = lines;
      collectingPoints = false;
      return;
    }
    if (b.kind === "sub" && group) {
      const expected = String.fromCharCode(97 + group.subs.length);
      const opensList = group.subs.length > 0 || lastLine(group.parentLines).endsWith(":");
      if (b.letter === expected && opensList) {
        const lines = [...b.lines];
        group.subs.push({ number: `${group.parent.number}${b.letter}`, text: "", priority: "", category: group.parent.category });
        group.subLines.push(lines);
        last = lines;
        return;
      }
      // Not a list of sub-items (`(b)` where a sentence was wrapped): text of the paragraph
      last?.push(`${b.letter})`, ...b.lines);
      return;
    }
    if (b.kind === "bullet") {
      if (collectingPoints) priorityPoints.push(joinLines(b.lines));
      else if (last && lastLine(last).endsWith(":")) last.push(...b.lines);
      return;
    }
    const t = joinLines(b.lines);
    if (isHeading(b) && blocks[i + 1]?.kind === "item" && run.has(blocks[i + 1])) {
      category = t.replace(/\s*:$/, "");
      last = null;
      return;
    }
    collectingPoints = /priorit|prioris/i.test(t) && t.endsWith(":");
    if (collectingPoints) {
      last = null;
      return;
    }
    // A paragraph broken by a page: it goes on in lower case after an unfinished line
    if (last && !CLAUSE_END.test(lastLine(last)) && /^\p{Ll}/u.test(t)) last.push(...b.lines);
    else last = null;
  });

  const out: TextRecommendation[] = [];
  const matchable: { text: string; members: TextRecommendation[] }[] = [];
  for (const g of groups) {
    const parentText = joinLines(g.parentLines);
    const marked = markedPriority(parentText);
    g.parent.text = marked.text;
    g.parent.priority = marked.priority;
    if (g.subs.length === 0) {
      out.push(g.parent);
      matchable.push({ text: g.parent.text, members: [g.parent] });
      continue;
    }
    g.subs.forEach((s, k) => {
      const sub = markedPriority(joinLines(g.subLines[k]));
      s.text = `${marked.text} ${sub.text}`.trim();
      s.priority = sub.priority || marked.priority;
      out.push(s);
    });
    matchable.push({ text: [parentText, ...g.subLines.map(joinLines)].join(" "), members: g.subs });
  }
  if (priorityPoints.length) markPriorities(priorityPoints, matchable);
  return out;
}

/** Rows for the `Recommendations` sheet: No., Recommendation, Priority, Category, Addressed to (blank: to be filled). */
export function recommendationRows(recommendations: readonly TextRecommendation[]): string[][] {
  return recommendations.map((r) => [r.number, r.text, r.priority, r.category, ""]);
}
