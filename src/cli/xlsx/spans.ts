/** Finding elements of a part by their offsets, and editing the text of a part in place. */

import { XmlScanner } from "./xml";

/** An element found in a part: where it starts and ends, its name, attributes and depth (the root is 0). */
export interface Span {
  name: string;
  attributes: Record<string, string>;
  depth: number;
  at: number;
  /** Just after the start tag. */
  openEnd: number;
  /** Offset of the end tag's `<` (openEnd - 2 for an empty element), and just after the element. */
  closeAt: number;
  end: number;
}

/** Every element of a part with its offsets, in document order. */
export function spans(xml: string): Span[] {
  const out: Span[] = [];
  const open: Span[] = [];
  XmlScanner.scan(xml, {
    open(name, attributes, empty, at, end) {
      const span: Span = { name, attributes: attributes.all(), depth: open.length, at, openEnd: end, closeAt: end - 2, end };
      out.push(span);
      if (!empty) open.push(span);
    },
    close(_name, at, end) {
      const span = open.pop()!;
      span.closeAt = at;
      span.end = end;
    },
  });
  return out;
}

/** The namespace prefix an element is written with (`x:` for `<x:sheets>`, "" when none). */
export function prefixAt(xml: string, at: number): string {
  const m = /^<([A-Za-z_][\w.-]*:)?/.exec(xml.slice(at, at + 64));
  return m?.[1] ?? "";
}

/** Replacements of ranges of a text, applied from the end backwards (insertions at one point keep their order). */
export function splice(text: string, edits: { at: number; end: number; text: string }[]): string {
  const order = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  let out = text;
  for (const e of order) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return out;
}
