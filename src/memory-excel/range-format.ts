/** Excel.RangeFormat with its RangeFill, RangeFont, RangeBorderCollection and RangeBorder, in memory. */

import { type Rect } from "./address";
import { ClientObject, type Getters } from "./base";
import { MemoryExcelError } from "./errors";
import {
  type BorderEdge,
  type CellFormat,
  cellKey,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  patchFormats,
  uniformFormat,
} from "./state";
import { type Ctx } from "./request-context";
import { editable, invalid, type RangeTarget } from "./guards";

/** Points to character widths are Excel's business; this host stores points as given. */
export class RangeFormat extends ClientObject<RangeTarget> {
  readonly _typeName = "RangeFormat";
  private _fill?: RangeFill;
  private _font?: RangeFont;
  private _borders?: RangeBorderCollection;

  _getters(): Getters<RangeTarget> {
    return {
      wrapText: (t) => uniformFormat(t.sheet, t.rect, (f) => f.wrap ?? false),
      horizontalAlignment: (t) => uniformFormat(t.sheet, t.rect, (f) => f.horizontal ?? "General"),
      verticalAlignment: (t) => uniformFormat(t.sheet, t.rect, (f) => f.vertical ?? "Bottom"),
      columnWidth: (t) => uniformOver(t.rect.left, t.rect.right, (c) => t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH),
      rowHeight: (t) => uniformOver(t.rect.top, Math.min(t.rect.bottom, t.rect.top + 100_000), (r) => t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT),
    };
  }

  protected override _navigation() {
    return { fill: this.fill, font: this.font, borders: this.borders, protection: this.protection };
  }

  private _protection?: FormatProtection;
  /** Cell protection (ExcelApi 1.2). */
  get protection(): FormatProtection {
    return (this._protection ??= new FormatProtection(this.context as Ctx, this._ref));
  }

  get fill(): RangeFill {
    return (this._fill ??= new RangeFill(this.context as Ctx, this._ref));
  }
  get font(): RangeFont {
    return (this._font ??= new RangeFont(this.context as Ctx, this._ref));
  }
  get borders(): RangeBorderCollection {
    return (this._borders ??= new RangeBorderCollection(this.context as Ctx, this._ref));
  }

  private _cellFormat(name: string, value: unknown, patch: (v: unknown) => Partial<CellFormat>, check: (v: unknown) => boolean): void {
    this._set(name, value, (t, v) => {
      if (!check(v)) throw invalid(`RangeFormat.${name}`, `${JSON.stringify(v)} is not a valid ${name}.`);
      patchFormats(editable(t.sheet, `RangeFormat.${name}`), t.rect, (old) => ({ ...old, ...patch(v) }), `RangeFormat.${name}`);
    });
  }

  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(value: boolean) {
    this._cellFormat("wrapText", value, (v) => ({ wrap: v as boolean }), (v) => typeof v === "boolean");
  }

  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    const ok = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
    this._cellFormat("horizontalAlignment", value, (v) => ({ horizontal: v as string }), (v) => ok.includes(v as string));
  }

  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    const ok = ["Top", "Center", "Bottom", "Justify", "Distributed"];
    this._cellFormat("verticalAlignment", value, (v) => ({ vertical: v as string }), (v) => ok.includes(v as string));
  }

  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(value: number) {
    this._set("columnWidth", value, (t, v) => {
      editable(t.sheet, "RangeFormat.columnWidth");
      if (typeof v !== "number" || !(v >= 0) || v > 255 * 7.5) throw invalid("RangeFormat.columnWidth", `${String(v)} points is not a column width.`);
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }

  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(value: number) {
    this._set("rowHeight", value, (t, v) => {
      editable(t.sheet, "RangeFormat.rowHeight");
      if (typeof v !== "number" || !(v >= 0) || v > 409) throw invalid("RangeFormat.rowHeight", `${String(v)} points is not a row height.`);
      if (t.rect.bottom - t.rect.top > 100_000) throw new MemoryExcelError("GeneralException", "RangeFormat.rowHeight", "The in-memory host sets row heights on at most 100,000 rows.");
      for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, v);
    });
  }

  autofitColumns(): void {
    this._call("autofitColumns", [], (t) => void editable(t.sheet, "RangeFormat.autofitColumns"));
  }

  autofitRows(): void {
    this._call("autofitRows", [], (t) => void editable(t.sheet, "RangeFormat.autofitRows"));
  }
}

export function uniformOver(from: number, to: number, at: (i: number) => number): number | null {
  const first = at(from);
  for (let i = from + 1; i <= to; i++) if (at(i) !== first) return null;
  return first;
}

export const COLOR = /^#[0-9A-Fa-f]{6}$/;
export const NAMED_COLORS = new Set(["black", "white", "red", "green", "blue", "yellow", "orange", "gray", "grey", "purple"]);
export function isColor(v: unknown): boolean {
  return typeof v === "string" && (COLOR.test(v) || NAMED_COLORS.has(v.toLowerCase()));
}
/** Excel reports colours as upper-case `#RRGGBB`. */
export function normColor(v: unknown): string {
  return String(v).toUpperCase();
}

export class RangeFill extends ClientObject<RangeTarget> {
  readonly _typeName = "RangeFill";
  _getters(): Getters<RangeTarget> {
    return { color: (t) => uniformFormat(t.sheet, t.rect, (f) => f.fill ?? "#FFFFFF") };
  }
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this._set("color", value, (t, v) => {
      if (!isColor(v)) throw invalid("RangeFill.color", `${JSON.stringify(v)} is not a colour such as #FF0000.`);
      patchFormats(editable(t.sheet, "RangeFill.color"), t.rect, (old) => ({ ...old, fill: normColor(v) }), "RangeFill.color");
    });
  }
  clear(): void {
    this._call("clear", [], (t) => patchFormats(editable(t.sheet, "RangeFill.clear"), t.rect, ({ fill: _f, ...rest }) => rest, "RangeFill.clear"));
  }
}

export class RangeFont extends ClientObject<RangeTarget> {
  readonly _typeName = "RangeFont";
  _getters(): Getters<RangeTarget> {
    return {
      bold: (t) => uniformFormat(t.sheet, t.rect, (f) => f.bold ?? false),
      italic: (t) => uniformFormat(t.sheet, t.rect, (f) => f.italic ?? false),
      color: (t) => uniformFormat(t.sheet, t.rect, (f) => f.fontColor ?? "#000000"),
      size: (t) => uniformFormat(t.sheet, t.rect, (f) => f.fontSize ?? 11),
      name: (t) => uniformFormat(t.sheet, t.rect, (f) => f.fontName ?? "Calibri"),
    };
  }
  private _setFont(name: string, value: unknown, check: (v: unknown) => boolean, patch: (v: unknown) => Partial<CellFormat>): void {
    this._set(name, value, (t, v) => {
      if (!check(v)) throw invalid(`RangeFont.${name}`, `${JSON.stringify(v)} is not a valid font ${name}.`);
      patchFormats(editable(t.sheet, `RangeFont.${name}`), t.rect, (old) => ({ ...old, ...patch(v) }), `RangeFont.${name}`);
    });
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(value: boolean) {
    this._setFont("bold", value, (v) => typeof v === "boolean", (v) => ({ bold: v as boolean }));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(value: boolean) {
    this._setFont("italic", value, (v) => typeof v === "boolean", (v) => ({ italic: v as boolean }));
  }
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this._setFont("color", value, isColor, (v) => ({ fontColor: normColor(v) }));
  }
  get size(): number {
    return this._get("size");
  }
  set size(value: number) {
    this._setFont("size", value, (v) => typeof v === "number" && v >= 1 && v <= 409, (v) => ({ fontSize: v as number }));
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._setFont("name", value, (v) => typeof v === "string" && v !== "", (v) => ({ fontName: v as string }));
  }
}

export type BorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp";
export const BORDER_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];

export class RangeBorderCollection extends ClientObject<RangeTarget> {
  readonly _typeName = "RangeBorderCollection";
  _getters(): Getters<RangeTarget> {
    return {};
  }
  getItem(index: BorderIndex): RangeBorder {
    const border = new RangeBorder(this.context as Ctx, this._ref);
    border.index = index;
    return border;
  }
}

/** Which cell edges a border index covers within a range. */
export function edgesOf(index: BorderIndex, rect: Rect): { row: number; col: number; edge: BorderEdge }[] {
  const out: { row: number; col: number; edge: BorderEdge }[] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      if (index === "EdgeTop" && r === rect.top) out.push({ row: r, col: c, edge: "top" });
      if (index === "EdgeBottom" && r === rect.bottom) out.push({ row: r, col: c, edge: "bottom" });
      if (index === "EdgeLeft" && c === rect.left) out.push({ row: r, col: c, edge: "left" });
      if (index === "EdgeRight" && c === rect.right) out.push({ row: r, col: c, edge: "right" });
      if (index === "InsideHorizontal" && r > rect.top) out.push({ row: r, col: c, edge: "top" });
      if (index === "InsideHorizontal" && r < rect.bottom) out.push({ row: r, col: c, edge: "bottom" });
      if (index === "InsideVertical" && c > rect.left) out.push({ row: r, col: c, edge: "left" });
      if (index === "InsideVertical" && c < rect.right) out.push({ row: r, col: c, edge: "right" });
    }
  }
  return out;
}

export class RangeBorder extends ClientObject<RangeTarget> {
  readonly _typeName = "RangeBorder";
  index: BorderIndex = "EdgeTop";
  _getters(): Getters<RangeTarget> {
    return {
      sideIndex: () => this.index,
      style: (t) => {
        const styles = new Set(edgesOf(this.index, t.rect).map((e) => t.sheet.formats.get(cellKey(e.row, e.col))?.borders?.[e.edge] ?? "None"));
        return styles.size === 1 ? [...styles][0] : null;
      },
    };
  }
  get style(): string {
    return this._get("style");
  }
  set style(value: string) {
    this._set("style", value, (t, v) => {
      if (!BORDER_STYLES.includes(v as string)) throw invalid("RangeBorder.style", `${String(v)} is not a border style.`);
      const s = editable(t.sheet, "RangeBorder.style");
      if (this.index === "DiagonalDown" || this.index === "DiagonalUp") return;
      for (const e of edgesOf(this.index, t.rect)) {
        const key = cellKey(e.row, e.col);
        const old = s.formats.get(key) ?? {};
        s.formats.set(key, { ...old, borders: { ...old.borders, [e.edge]: v as string } });
      }
    });
  }
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this._set("color", value, (t, v) => {
      if (!isColor(v)) throw invalid("RangeBorder.color", `${JSON.stringify(v)} is not a colour.`);
      editable(t.sheet, "RangeBorder.color");
    });
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(value: string) {
    this._set("weight", value, (t, v) => {
      if (!["Hairline", "Thin", "Medium", "Thick"].includes(v as string)) throw invalid("RangeBorder.weight", `${String(v)} is not a border weight.`);
      editable(t.sheet, "RangeBorder.weight");
    });
  }
}

/** Whether cells are locked (ExcelApi 1.2): it takes effect when the sheet is protected, and cannot change while it is. */
export class FormatProtection extends ClientObject<RangeTarget> {
  readonly _typeName = "FormatProtection";
  _getters(): Getters<RangeTarget> {
    return { locked: (t) => uniformFormat(t.sheet, t.rect, (f) => f.locked ?? true) };
  }
  get locked(): boolean {
    return this._get("locked");
  }
  set locked(value: boolean) {
    this._set("locked", value, (t, v) => {
      if (typeof v !== "boolean") throw invalid("FormatProtection.locked", `${JSON.stringify(v)} is not true or false.`);
      patchFormats(editable(t.sheet, "FormatProtection.locked"), t.rect, (old) => ({ ...old, locked: v }), "FormatProtection.locked");
    });
  }
}
