/**
 * A streaming XML tokenizer for the parts of an .xlsx package: start and end tags with their attributes, and
 * text, fed in chunks. Element and attribute names are given without their namespace prefix (`x:c` is `c`).
 *
 * Written for speed on worksheet XML (it looks for `<` with indexOf and slices text only when the handler wants
 * it) and checked against saxes, a conformant parser, on every part of the test workbooks and on the edge cases
 * one by one (tests/cli/xml.test.ts): entities and character references, CDATA, comments, processing
 * instructions, a DOCTYPE (skipped, its entities never expanded), line ends and attribute white space normalised
 * as XML requires. Not well-formed input (mismatched or unclosed tags, text outside the root) is an XmlError.
 */

/** Not well-formed XML; the message says where. */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlError";
  }
}

/**
 * The attributes of the tag being reported, by name without prefix (`r:id` is `id`); namespace declarations are
 * left out. Valid only during the `open` call (the scanner reuses it): a value is cut from the text only when
 * asked for, so the many attributes nobody reads cost nothing. `all()` copies them.
 */
export class XmlAttributes {
  /** The text the offsets below are in. */
  private text = "";
  /** Per attribute: start of its local name, end of its name, start and end of its value, 1 when the value is plain. */
  private readonly offsets: number[] = [];
  private count = 0;

  /** @internal the scanner starts a tag */
  reset(text: string): void {
    this.text = text;
    this.count = 0;
  }

  /** @internal the scanner found an attribute */
  add(localStart: number, nameEnd: number, valueStart: number, valueEnd: number, plain: boolean): void {
    const i = this.count++ * 5;
    const o = this.offsets;
    o[i] = localStart;
    o[i + 1] = nameEnd;
    o[i + 2] = valueStart;
    o[i + 3] = valueEnd;
    o[i + 4] = plain ? 1 : 0;
  }

  /** The value of a slot, decoded. */
  value(i: number): string {
    const o = this.offsets;
    const raw = this.text.slice(o[i + 2], o[i + 3]);
    return o[i + 4] ? raw : decodeAttribute(raw);
  }

  /** The value of the attribute of that name (without prefix), decoded; undefined when the tag has none. */
  get(name: string): string | undefined {
    const i = this.slot(name);
    return i < 0 ? undefined : this.value(i);
  }

  /** The attribute of that name (without prefix) as a slot for the methods below, or -1 when the tag has none. */
  slot(name: string): number {
    const o = this.offsets;
    for (let i = (this.count - 1) * 5; i >= 0; i -= 5) {
      if (o[i + 1] - o[i] === name.length && this.text.startsWith(name, o[i])) return i;
    }
    return -1;
  }

  /** The text the tag is in: a slot's value, as written, is source[valueStart(slot), valueEnd(slot)). */
  get source(): string {
    return this.text;
  }

  valueStart(slot: number): number {
    return this.offsets[slot + 2];
  }

  valueEnd(slot: number): number {
    return this.offsets[slot + 3];
  }

  /** True when the value is as written (no entity, no white space to normalise): then it needs no decoding. */
  plain(slot: number): boolean {
    return this.offsets[slot + 4] === 1;
  }

  /** Every attribute, by name without prefix (a later one of the same name wins). */
  all(): Record<string, string> {
    const out: Record<string, string> = {};
    const o = this.offsets;
    for (let i = 0; i < this.count * 5; i += 5) out[this.text.slice(o[i], o[i + 1])] = this.value(i);
    return out;
  }
}

export interface XmlHandler {
  /** A start tag, or an empty-element tag (`empty`). `at` is the offset of its `<` in the whole text, `end` just after its `>`. */
  open(name: string, attributes: XmlAttributes, empty: boolean, at: number, end: number): void;
  /** An end tag (not called for empty-element tags). `at` is the offset of its `<`, `end` just after its `>`. */
  close(name: string, at: number, end: number): void;
  /** Character data (entities decoded, CDATA as it is); called only while `wantText` is true. */
  text?(text: string): void;
  /** Whether text is wanted now: text the handler does not want is skipped without being decoded. */
  wantText?: boolean;
  /**
   * Called after `open` for a start tag (not an empty-element one) when defined: the handler may read the element's
   * content and end tag from the text itself, when it has the one simple form it expects, and return the index in
   * `s` just after the end tag (then neither the content nor `close` is reported), or -1 to have them scanned as usual.
   * `qname` is the element's name with its prefix; `from` is the index in `s` just after the start tag.
   */
  content?(qname: string, s: string, from: number): number;
  /**
   * Called for each start tag before it is scanned, when defined: the handler may read the whole element (start tag,
   * content and end tag) from the text itself, when it has the one simple form it expects, and return the index in
   * `s` just after it (then nothing of it is reported), or -1 to have it scanned as usual. `lt` is the index of its
   * `<`. Only for elements inside the root, which leave the open elements as they were.
   */
  element?(s: string, lt: number): number;
}

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const AMP = 38;
const DQUOTE = 34;
const SQUOTE = 39;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The name without its namespace prefix. */
export function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function entity(match: string, body: string): string {
  if (body.charCodeAt(0) !== 35) return NAMED[body] ?? match; // an entity no DTD of ours defines stays as it is written
  const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
}

/** Text as XML gives it: line ends as `\n`, entities and character references decoded. */
export function decodeText(raw: string): string {
  let s = raw;
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  return s.indexOf("&") >= 0 ? s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, entity) : s;
}

/** An attribute value as XML gives it: line ends and tabs as spaces (character references excepted), entities decoded. */
function decodeAttribute(raw: string): string {
  let s = raw;
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, " ");
  return s.indexOf("&") >= 0 ? s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, entity) : s;
}

/** An attribute value escaped, its line ends and tabs as character references (which reading keeps, unlike the characters). */
export function escapeAttribute(text: string): string {
  return escapeXml(text).replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `<`, `>`, `&` and quotes escaped for text or an attribute value; characters XML 1.0 cannot hold are dropped. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, "").replace(/[<>&"]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&quot;"));
}

/** Tokenizes XML fed in chunks with write(), then end(). */
export class XmlScanner {
  private tail = "";
  /** Offset in the whole text of tail[0]. */
  private base = 0;
  /** The elements open, by qualified name, and their local names (given to `close`). */
  private readonly open: string[] = [];
  private readonly local: string[] = [];
  private rootSeen = false;

  constructor(private readonly handler: XmlHandler) {}

  private readonly attributes = new XmlAttributes();
  /** Element names met so far, by length and first character: the same name is not cut from the text again. */
  private readonly names = new Map<number, string[]>();

  /** The name at s[from, to), the one string for every occurrence of it. */
  private name(s: string, from: number, to: number): string {
    const key = ((to - from) << 16) | s.charCodeAt(from);
    const known = this.names.get(key);
    if (known) {
      for (const name of known) if (s.startsWith(name, from)) return name;
    }
    const name = s.slice(from, to);
    if (known) {
      if (known.length < 8) known.push(name);
    } else this.names.set(key, [name]);
    return name;
  }

  private readonly locals = new Map<string, string>();

  /** The local name of a prefixed name, cut once. */
  private localOf(qname: string): string {
    let local = this.locals.get(qname);
    if (local === undefined) this.locals.set(qname, (local = localName(qname)));
    return local;
  }

  /** Scans a whole text at once. */
  static scan(text: string, handler: XmlHandler): void {
    const scanner = new XmlScanner(handler);
    scanner.write(text);
    scanner.end();
  }

  write(chunk: string): void {
    const s = this.tail.length ? this.tail + chunk : chunk;
    const done = this.scan(s, false);
    this.base += done;
    this.tail = done === s.length ? "" : s.slice(done);
  }

  end(): void {
    const s = this.tail;
    const done = this.scan(s, true);
    if (done < s.length) throw new XmlError(`the XML ends inside a tag at character ${this.base + done}`);
    if (this.open.length) throw new XmlError(`the XML ends before </${this.open[this.open.length - 1]}>`);
    if (!this.rootSeen) throw new XmlError("the XML has no root element");
    this.tail = "";
  }

  /** Scans complete tokens of `s`; returns how far it got (the rest waits for more text, or is an error at the end). */
  private scan(s: string, final: boolean): number {
    const h = this.handler;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        // text the handler wants may go on in the next chunk; other text is checked and dropped now
        if (!final && h.wantText) return i;
        this.characters(s, i, n);
        return n;
      }
      if (lt > i) this.characters(s, i, lt);
      if (lt + 1 >= n) return lt;
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        const gt = s.indexOf(">", lt + 2);
        if (gt < 0) return lt;
        // compared in place with the name it must close (no text cut out for it)
        const depth = this.open.length - 1;
        const expected = depth >= 0 ? this.open[depth] : undefined;
        let k = lt + 2;
        if (expected !== undefined && s.startsWith(expected, k)) k += expected.length;
        while (k < gt && isSpace(s.charCodeAt(k))) k++;
        if (expected === undefined || k !== gt || gt === lt + 2) {
          const qname = s.slice(lt + 2, gt).trim();
          throw new XmlError(expected === undefined ? `</${qname}> closes no element` : `</${qname}> closes <${expected}>`);
        }
        this.open.pop();
        h.close(this.local.pop()!, this.base + lt, this.base + gt + 1);
        i = gt + 1;
        continue;
      }
      if (c === QUESTION) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) return lt;
        i = end + 2;
        continue;
      }
      if (c === BANG) {
        const next = this.markup(s, lt, final);
        if (next < 0) return lt;
        i = next;
        continue;
      }
      if (h.element !== undefined && this.open.length > 0) {
        const after = h.element(s, lt);
        if (after >= 0) {
          i = after;
          continue;
        }
      }
      const next = this.startTag(s, lt);
      if (next < 0) return lt;
      i = next;
    }
    return n;
  }

  private characters(s: string, from: number, to: number): void {
    const h = this.handler;
    if (this.open.length === 0) {
      for (let k = from; k < to; k++) {
        if (!isSpace(s.charCodeAt(k))) throw new XmlError(`text outside the root element at character ${this.base + k}`);
      }
      return;
    }
    if (h.wantText) h.text?.(decodeText(s.slice(from, to)));
  }

  /** `<!-- -->`, `<![CDATA[ ]]>` or `<!DOCTYPE ...>`; returns the index after it, or -1 when it is not complete yet. */
  private markup(s: string, lt: number, final: boolean): number {
    if (s.startsWith("<!--", lt)) {
      const end = s.indexOf("-->", lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (s.startsWith("<![CDATA[", lt)) {
      const end = s.indexOf("]]>", lt + 9);
      if (end < 0) return -1;
      if (this.open.length === 0) throw new XmlError(`CDATA outside the root element at character ${this.base + lt}`);
      if (this.handler.wantText) this.handler.text?.(s.slice(lt + 9, end));
      return end + 3;
    }
    if (s.length - lt < 9 && !final) return -1; // not enough to tell which it is
    if (s.startsWith("<!DOCTYPE", lt)) {
      // skipped, internal subset included: its entity declarations are never expanded
      let depth = 0;
      for (let k = lt + 9; k < s.length; k++) {
        const ch = s.charCodeAt(k);
        if (ch === 91) depth++;
        else if (ch === 93) depth--;
        else if (ch === DQUOTE || ch === SQUOTE) {
          k = s.indexOf(String.fromCharCode(ch), k + 1);
          if (k < 0) return -1;
        } else if (ch === 60 && s.startsWith("<!--", k)) {
          k = s.indexOf("-->", k + 4);
          if (k < 0) return -1;
          k += 2;
        } else if (ch === GT && depth <= 0) return k + 1;
      }
      return -1;
    }
    throw new XmlError(`unexpected "<!" at character ${this.base + lt}`);
  }

  /** A start tag at `lt`; returns the index after it, or -1 when it is not complete yet. */
  private startTag(s: string, lt: number): number {
    const n = s.length;
    let k = lt + 1;
    while (k < n) {
      const ch = s.charCodeAt(k);
      if (isSpace(ch) || ch === GT || ch === SLASH) break;
      k++;
    }
    if (k >= n) return -1;
    if (k === lt + 1) throw new XmlError(`"<" starts no tag at character ${this.base + lt}`);
    const qname = this.name(s, lt + 1, k);
    const attributes = this.attributes;
    attributes.reset(s);
    for (;;) {
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k >= n) return -1;
      const ch = s.charCodeAt(k);
      if (ch === GT || ch === SLASH) {
        const empty = ch === SLASH;
        if (empty) {
          if (k + 1 >= n) return -1;
          if (s.charCodeAt(k + 1) !== GT) throw new XmlError(`"/" inside <${qname}> at character ${this.base + k}`);
        }
        if (this.open.length === 0 && this.rootSeen) throw new XmlError(`a second root element <${qname}>`);
        this.rootSeen = true;
        const local = qname.indexOf(":") < 0 ? qname : this.localOf(qname);
        if (!empty) {
          this.open.push(qname);
          this.local.push(local);
        }
        const next = k + (empty ? 2 : 1);
        const h = this.handler;
        h.open(local, attributes, empty, this.base + lt, this.base + next);
        if (!empty && h.content) {
          const after = h.content(qname, s, next);
          if (after >= 0) {
            this.open.pop();
            this.local.pop();
            return after;
          }
        }
        return next;
      }
      const nameStart = k;
      while (k < n) {
        const c = s.charCodeAt(k);
        if (c === EQUALS || isSpace(c) || c === GT || c === SLASH) break;
        k++;
      }
      if (k >= n) return -1;
      const nameEnd = k;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k >= n) return -1;
      if (s.charCodeAt(k) !== EQUALS) throw new XmlError(`the attribute ${s.slice(nameStart, nameEnd)} of <${qname}> has no value`);
      k++;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k >= n) return -1;
      const quote = s.charCodeAt(k);
      if (quote !== DQUOTE && quote !== SQUOTE) throw new XmlError(`the attribute ${s.slice(nameStart, nameEnd)} of <${qname}> is not quoted`);
      // to the closing quote, noting whether the value needs decoding (an entity, or white space to normalise)
      let end = k + 1;
      let plain = true;
      for (; end < n; end++) {
        const v = s.charCodeAt(end);
        if (v === quote) break;
        if (v === AMP || v === 9 || v === 10 || v === 13) plain = false;
      }
      if (end >= n) return -1;
      const declaration = s.startsWith("xmlns", nameStart) && (nameEnd === nameStart + 5 || s.charCodeAt(nameStart + 5) === 58);
      if (!declaration) {
        let localStart = nameStart;
        for (let c = nameStart; c < nameEnd; c++) if (s.charCodeAt(c) === 58) localStart = c + 1;
        attributes.add(localStart, nameEnd, k + 1, end, plain);
      }
      k = end + 1;
    }
  }
}
