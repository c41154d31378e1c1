/** Excel.PageLayout, in memory. */

import { MAX_COLUMNS, MAX_ROWS } from "./address";
import { ClientObject, type Getters } from "./base";
import { type SheetState } from "./state";
import { type Ctx } from "./request-context";
import { editable, invalid } from "./guards";
import { Range } from "./range";
import { rangeRefOf } from "./chart";

export const PAPER = new Set(["A3", "A4", "A5", "Letter", "Legal", "Tabloid", "Executive"]);

export class PageLayout extends ClientObject<SheetState> {
  readonly _typeName = "PageLayout";
  _getters(): Getters<SheetState> {
    return {
      orientation: (s) => s.pageLayout.orientation,
      paperSize: (s) => s.pageLayout.paperSize,
      zoom: (s) => s.pageLayout.zoom,
    };
  }
  private _patch(name: string, value: unknown, check: (v: unknown) => boolean, apply: (s: SheetState, v: unknown) => void): void {
    this._set(name, value, (s, v) => {
      if (!check(v)) throw invalid(`PageLayout.${name}`, `${JSON.stringify(v)} is not a valid ${name}.`);
      apply(editable(s, `PageLayout.${name}`), v);
    });
  }
  get orientation(): string {
    return this._get("orientation");
  }
  set orientation(value: string) {
    this._patch("orientation", value, (v) => v === "Portrait" || v === "Landscape", (s, v) => void (s.pageLayout = { ...s.pageLayout, orientation: v as string }));
  }
  get paperSize(): string {
    return this._get("paperSize");
  }
  set paperSize(value: string) {
    this._patch("paperSize", value, (v) => PAPER.has(v as string), (s, v) => void (s.pageLayout = { ...s.pageLayout, paperSize: v as string }));
  }
  get zoom(): PageLayoutZoom {
    return this._get("zoom");
  }
  set zoom(value: PageLayoutZoom) {
    this._patch(
      "zoom",
      value,
      (v) => {
        const z = v as PageLayoutZoom;
        if (!z || typeof z !== "object") return false;
        if (z.scale !== undefined && (z.scale < 10 || z.scale > 400)) return false;
        const pages = [z.horizontalFitToPages, z.verticalFitToPages].filter((p) => p !== undefined);
        return pages.every((p) => Number.isInteger(p) && (p as number) >= 0) && (z.scale === undefined || pages.length === 0);
      },
      (s, v) => void (s.pageLayout = { ...s.pageLayout, zoom: { ...(v as PageLayoutZoom) } }),
    );
  }
  /** Margins in points (Office.js), each a property of its own. */
  set leftMargin(value: number) {
    this._margin("left", value);
  }
  set rightMargin(value: number) {
    this._margin("right", value);
  }
  set topMargin(value: number) {
    this._margin("top", value);
  }
  set bottomMargin(value: number) {
    this._margin("bottom", value);
  }
  set headerMargin(value: number) {
    this._margin("header", value);
  }
  set footerMargin(value: number) {
    this._margin("footer", value);
  }
  private _margin(edge: "left" | "right" | "top" | "bottom" | "header" | "footer", value: number): void {
    this._patch(
      `${edge}Margin`,
      value,
      (v) => typeof v === "number" && v >= 0 && v < 409,
      (s, v) => void (s.pageLayout = { ...s.pageLayout, margins: { ...s.pageLayout.margins, [edge]: v as number } }),
    );
  }
  setPrintArea(printArea: Range | string): void {
    this._call("setPrintArea", [printArea], (s) => {
      editable(s, "PageLayout.setPrintArea");
      const ref = rangeRefOf(printArea, s, (this.context as Ctx).state, "PageLayout.setPrintArea");
      if (ref.sheetId !== s.id) throw invalid("PageLayout.setPrintArea", "The print area must be on the same sheet.");
      s.pageLayout = { ...s.pageLayout, printArea: ref.rect };
    });
  }
  setPrintTitleColumns(printTitleColumns: Range | string): void {
    this._call("setPrintTitleColumns", [printTitleColumns], (s) => {
      editable(s, "PageLayout.setPrintTitleColumns");
      const ref = rangeRefOf(printTitleColumns, s, (this.context as Ctx).state, "PageLayout.setPrintTitleColumns");
      if (ref.sheetId !== s.id) throw invalid("PageLayout.setPrintTitleColumns", "Print titles must be on the same sheet.");
      s.pageLayout = { ...s.pageLayout, printTitleColumns: { top: 0, bottom: MAX_ROWS - 1, left: ref.rect.left, right: ref.rect.right } };
    });
  }
  setPrintTitleRows(printTitleRows: Range | string): void {
    this._call("setPrintTitleRows", [printTitleRows], (s) => {
      editable(s, "PageLayout.setPrintTitleRows");
      const ref = rangeRefOf(printTitleRows, s, (this.context as Ctx).state, "PageLayout.setPrintTitleRows");
      if (ref.sheetId !== s.id) throw invalid("PageLayout.setPrintTitleRows", "Print titles must be on the same sheet.");
      s.pageLayout = { ...s.pageLayout, printTitleRows: { top: ref.rect.top, bottom: ref.rect.bottom, left: 0, right: MAX_COLUMNS - 1 } };
    });
  }
}

/** A sheet's horizontal page breaks: `add(range)` starts a page at the range's top row. */
export class PageBreakCollection extends ClientObject<SheetState> {
  readonly _typeName = "PageBreakCollection";
  _getters(): Getters<SheetState> {
    return {};
  }
  add(pageBreakRange: Range | string): void {
    this._call("add", [pageBreakRange], (s) => {
      editable(s, "PageBreakCollection.add");
      const ref = rangeRefOf(pageBreakRange, s, (this.context as Ctx).state, "PageBreakCollection.add");
      const rows = new Set([...(s.pageLayout.rowBreaks ?? []), ref.rect.top]);
      s.pageLayout = { ...s.pageLayout, rowBreaks: [...rows].sort((x, y) => x - y) };
    });
  }
}

export interface PageLayoutZoom {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}
