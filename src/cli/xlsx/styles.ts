/**
 * Adding cell styles to a workbook's styles part without touching the ones it has: the fonts, fills, borders,
 * number formats and cell formats (`xf`) a new sheet needs are appended, counts updated, everything else of the
 * part left byte for byte. A font without a name of its own starts from the workbook's default font, so a new sheet
 * matches the rest; a sheet that names its font (SheetSpec.font) has every cell in it.
 */

import { formatAlignment, formatFont, type CellFormat } from "../../core/sheet-spec";
import { prefixAt, splice } from "./spans";
import { escapeXml, XmlScanner } from "./xml";

/** The collections of a styles part, in the order the schema requires. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"] as const;
type Collection = (typeof ORDER)[number];
/** What a collection holds when a damaged or minimal styles part lacks it (Excel needs fills 0 and 1 as they are). */
const BASE: Partial<Record<Collection, string[]>> = {
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

/** A styles part with nothing in it, for a package that has none. */
export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>`;

/** Built-in number formats by code (ECMA-376 18.8.30), those whose meaning does not depend on the locale. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "@": 49 };

interface Found {
  /** Offset of the start tag's `<`, and just after the start tag. */
  at: number;
  openEnd: number;
  /** Offset of the end tag's `<` (or of the start tag's `/>` when empty), and just after the element. */
  closeAt: number;
  empty: boolean;
  children: number;
}

/** `#RRGGBB` -> `FFRRGGBB` (ARGB, as styles.xml and ExcelJS write colours). */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

const THIN = '<color rgb="FFA6A6A6"/>';

/** The styles part of one workbook, growing as styles are asked for. */
export class StyleBook {
  private readonly found = new Map<Collection, Found>();
  private prefix = "";
  private rootEnd = -1;
  /** The children of the default font (`<sz/><color/><name/>` ...), to build new fonts from. */
  private defaultFont = "";
  private maxNumFmt = 163;
  private readonly numFmtByCode = new Map<string, number>();
  private readonly added: Record<"numFmts" | "fonts" | "fills" | "borders" | "cellXfs", string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [] };
  private readonly indexOf = new Map<string, number>();

  constructor(private readonly xml: string) {
    const stack: { name: Collection; found: Found }[] = [];
    let depth = 0;
    let fontStart = -1;
    let childStart = -1;
    XmlScanner.scan(xml, {
      open: (name, a, empty, at, end) => {
        if (depth === 0) {
          this.prefix = prefixAt(xml, at);
          this.rootEnd = end;
        }
        if (depth === 1 && (ORDER as readonly string[]).includes(name)) {
          const found: Found = { at, openEnd: end, closeAt: empty ? end - 2 : -1, empty, children: 0 };
          this.found.set(name as Collection, found);
          if (!empty) stack.push({ name: name as Collection, found });
        } else if (depth === 2 && stack.length) {
          const parent = stack[stack.length - 1];
          parent.found.children++;
          if (name === "font" && parent.name === "fonts" && parent.found.children === 1) fontStart = empty ? -1 : end;
          childStart = at;
          if (empty) this.known(parent.name, xml.slice(at, end), parent.found.children - 1);
        }
        if (name === "numFmt" && a.get("numFmtId") !== undefined) {
          const id = Number(a.get("numFmtId"));
          if (Number.isFinite(id)) {
            this.maxNumFmt = Math.max(this.maxNumFmt, id);
            this.numFmtByCode.set(a.get("formatCode") ?? "", id);
          }
        }
        if (!empty) depth++;
      },
      close: (name, at, end) => {
        depth--;
        if (depth === 2 && name === "font" && fontStart >= 0) {
          this.defaultFont = xml.slice(fontStart, at);
          fontStart = -1;
        }
        if (depth === 2 && stack.length) {
          const parent = stack[stack.length - 1];
          this.known(parent.name, xml.slice(childStart, end), parent.found.children - 1);
        }
        if (depth === 1 && stack.length && stack[stack.length - 1].name === name) stack.pop()!.found.closeAt = at;
      },
    });
    if (!this.defaultFont && !this.found.has("fonts")) this.defaultFont = BASE.fonts![0].replace(/^<font>|<\/font>$/g, "");
  }

  /** An entry the part has already: a style we add that is written the same (ours, from an earlier run) is reused. */
  private known(name: Collection, xml: string, index: number): void {
    const key = `${name}|${xml}`;
    if (!this.indexOf.has(key)) this.indexOf.set(key, index);
  }

  /** The number of entries a collection has now (in the part, or the base entries it will be created with). */
  private count(name: Collection): number {
    const f = this.found.get(name);
    return f ? f.children : (BASE[name]?.length ?? 0);
  }

  private add(name: "numFmts" | "fonts" | "fills" | "borders" | "cellXfs", xml: string): number {
    const key = `${name}|${xml}`;
    const known = this.indexOf.get(key);
    if (known !== undefined) return known;
    const index = this.count(name) + this.added[name].length;
    this.added[name].push(xml);
    this.indexOf.set(key, index);
    return index;
  }

  private numFmt(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const known = this.numFmtByCode.get(code);
    if (known !== undefined) return known;
    const id = ++this.maxNumFmt;
    this.numFmtByCode.set(code, id);
    this.added.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private font(format: CellFormat): number {
    const font = formatFont(format);
    if (!font) return 0;
    const p = this.prefix;
    // the default font's own settings, less the ones this format sets; a named font drops its family and
    // scheme too (a scheme makes Excel show the theme's font whatever the name says)
    let rest = this.defaultFont;
    const drop = (tag: string) => (rest = rest.replace(new RegExp(`<${p}${tag}(\\s[^>]*)?(/>|>[\\s\\S]*?</${p}${tag}>)`, "g"), ""));
    if (font.bold !== undefined) drop("b");
    if (font.italic !== undefined) drop("i");
    if (font.size) drop("sz");
    if (font.color) drop("color");
    if (font.name) for (const tag of ["name", "family", "charset", "scheme"]) drop(tag);
    const own =
      (font.bold ? `<${p}b/>` : "") +
      (font.italic ? `<${p}i/>` : "") +
      (font.size ? `<${p}sz val="${font.size}"/>` : "") +
      (font.color ? `<${p}color rgb="${argb(font.color)}"/>` : "") +
      (font.name ? `<${p}name val="${escapeXml(font.name)}"/>` : "");
    return this.add("fonts", `<${p}font>${own}${rest}</${p}font>`);
  }

  /** The index of the cell format (`s` of a cell) showing a format; 0 (the workbook's default) for none. */
  xf(format: CellFormat): number {
    const p = this.prefix;
    const fontId = this.font(format);
    const fillId = format.fill
      ? this.add("fills", `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(format.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`)
      : 0;
    const borderId = format.border
      ? this.add("borders", `<${p}border>${["left", "right", "top", "bottom"].map((e) => `<${p}${e} style="thin">${THIN.replace("<color", `<${p}color`)}</${p}${e}>`).join("")}<${p}diagonal/></${p}border>`)
      : 0;
    const numFmtId = format.numberFormat ? this.numFmt(format.numberFormat) : 0;
    const a = formatAlignment(format);
    const alignment = a
      ? `<${p}alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ""}${a.vertical ? ` vertical="${a.vertical === "middle" ? "center" : a.vertical}"` : ""}${a.wrap ? ' wrapText="1"' : ""}/>`
      : "";
    const protection = format.unlocked ? `<${p}protection locked="0"/>` : "";
    if (!fontId && !fillId && !borderId && !numFmtId && !alignment && !protection) return 0;
    const apply =
      (numFmtId ? ' applyNumberFormat="1"' : "") + (fontId ? ' applyFont="1"' : "") + (fillId ? ' applyFill="1"' : "") + (borderId ? ' applyBorder="1"' : "") +
      (alignment ? ' applyAlignment="1"' : "") + (protection ? ' applyProtection="1"' : "");
    const attributes = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${apply}`;
    return this.add("cellXfs", alignment || protection ? `<${p}xf ${attributes}>${alignment}${protection}</${p}xf>` : `<${p}xf ${attributes}/>`);
  }

  /** True when a style was added (the part must be rewritten). */
  get changed(): boolean {
    return Object.values(this.added).some((list) => list.length > 0);
  }

  /** The styles part with the added entries (and any collection it lacked that they need). */
  toXml(): string {
    const edits: { at: number; end: number; text: string }[] = [];
    const p = this.prefix;
    const needed = new Set<Collection>(["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]);
    if (this.added.numFmts.length) needed.add("numFmts");
    for (const name of ORDER) {
      const added = (this.added as Partial<Record<Collection, string[]>>)[name] ?? [];
      const f = this.found.get(name);
      if (f) {
        if (!added.length) continue;
        const total = f.children + added.length;
        const startTag = this.xml.slice(f.at, f.openEnd);
        const counted = /\scount="\d*"/.test(startTag) ? startTag.replace(/\scount="\d*"/, ` count="${total}"`) : startTag.replace(/\s*\/?>$/, ` count="${total}"$&`);
        if (f.empty) edits.push({ at: f.at, end: f.openEnd, text: `${counted.replace(/\s*\/>$/, ">")}${added.join("")}</${p}${name}>` });
        else {
          edits.push({ at: f.at, end: f.openEnd, text: counted });
          edits.push({ at: f.closeAt, end: f.closeAt, text: added.join("") });
        }
      } else if (needed.has(name)) {
        const entries = [...(BASE[name] ?? []).map((x) => (p ? x.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) : x)), ...added];
        const at = this.insertionPoint(name);
        edits.push({ at, end: at, text: `<${p}${name} count="${entries.length}">${entries.join("")}</${p}${name}>` });
      }
    }
    return splice(this.xml, edits);
  }

  /** Where a missing collection goes: before the first later one the part has, else before the root's end tag. */
  private insertionPoint(name: Collection): number {
    for (const later of ORDER.slice(ORDER.indexOf(name) + 1)) {
      const f = this.found.get(later);
      if (f) return f.at;
    }
    const end = this.xml.lastIndexOf("</");
    return end >= this.rootEnd ? end : this.rootEnd;
  }
}
