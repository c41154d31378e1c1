/** Excel.RangeAreas, in memory. */

import { columnCount, formatRangeAddress, type Rect, rowCount } from "./address";
import { ClientObject, type Getters } from "./base";
import { type SheetState } from "./state";

export interface AreasTarget {
  sheet: SheetState;
  rects: Rect[];
}

export class RangeAreas extends ClientObject<AreasTarget> {
  readonly _typeName = "RangeAreas";
  _getters(): Getters<AreasTarget> {
    return {
      address: (a) => a.rects.map((r) => formatRangeAddress(a.sheet.name, r)).join(","),
      areaCount: (a) => a.rects.length,
      cellCount: (a) => a.rects.reduce((n, r) => n + rowCount(r) * columnCount(r), 0),
    };
  }
  get address(): string {
    return this._get("address");
  }
  get areaCount(): number {
    return this._get("areaCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
}
