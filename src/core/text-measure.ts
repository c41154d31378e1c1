/**
 * How wide text prints, so the core can size columns and rows of the sheets it writes (no text cut off, no header
 * broken inside a word). Widths are those of Arial (the same as Helvetica and Liberation Sans, which LibreOffice
 * uses for Arial), the font the summary and template sheets name; wider fonts are covered by a safety margin.
 */

/** Advance widths in 1/1000 em of the characters 32–126, regular and bold. */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
  556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
  611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];
const WIDE: Record<string, number> = { "…": 1000, "œ": 944, "Œ": 1000, "–": 556, "—": 1000, "’": 278, "‘": 278, "“": 500, "”": 500, "€": 556 };

/**
 * Screens hint glyphs to whole pixels and other fonts run wider: words are measured this much wider than Arial's
 * outlines, so that a column sized here still holds them in Excel and in LibreOffice.
 */
const SAFETY = 1.05;

function charWidth(ch: string, bold: boolean): number {
  const code = ch.charCodeAt(0);
  if (code >= 32 && code <= 126) return (bold ? BOLD : REGULAR)[code - 32];
  const wide = WIDE[ch];
  if (wide) return wide;
  // An accented letter is as wide as its base letter
  const base = ch.normalize("NFD")[0];
  if (base !== ch && base.charCodeAt(0) >= 32 && base.charCodeAt(0) <= 126) return charWidth(base, bold);
  return 1000 * 0.6;
}

/** A text's width in em (1 em = the font size) as Arial's outlines give it, without the safety margin. */
export function emWidth(text: string, bold = false): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch, bold);
  return units / 1000;
}

/** The printed width of a text in points at a font size (no wrapping), with the safety margin. */
export function textWidth(text: string, size: number, bold = false): number {
  return emWidth(text, bold) * size * SAFETY;
}

/** The widest word of a text (words are what a cell never breaks), in points. */
export function widestWord(text: string, size: number, bold = false): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) widest = Math.max(widest, textWidth(word, size, bold));
  return widest;
}

/** How many lines a text takes when wrapped at spaces in a width (points), as Excel and LibreOffice wrap cells. */
export function wrappedLines(text: string, width: number, size: number, bold = false): number {
  const space = textWidth(" ", size, bold);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word === "") continue;
      const w = textWidth(word, size, bold);
      if (used > 0 && used + space + w <= width) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the cell is broken across lines
      const extra = Math.max(0, Math.ceil(w / width) - 1);
      lines += extra;
      used = w - extra * width;
    }
  }
  return lines;
}

/** The height of one line of text in points, as Excel and LibreOffice space lines of Arial (ascent + descent + gap). */
export function lineHeight(size: number): number {
  return size * 1.2;
}
