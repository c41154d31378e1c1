/** Excel.PageLayout, in memory. */

import { MAX_COLUMNS } from "./address";
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
  setPrintTitleRows(printTitleRows: Range | string): void {
    this._call("setPrintTitleRows", [printTitleRows], (s) => {
      editable(s, "PageLayout.setPrintTitleRows");
      const ref = rangeRefOf(printTitleRows, s, (this.context as Ctx).state, "PageLayout.setPrintTitleRows");
      if (ref.sheetId !== s.id) throw invalid("PageLayout.setPrintTitleRows", "Print titles must be on the same sheet.");
      s.pageLayout = { ...s.pageLayout, printTitleRows: { top: ref.rect.top, bottom: ref.rect.bottom, left: 0, right: MAX_COLUMNS - 1 } };
    });
  }
}

export interface PageLayoutZoom {
  scale?: number;
  horizontalFitToPages?: number;
  verticalFitToPages?: number;
}
