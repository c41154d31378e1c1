/** Excel.RangeAreas, in memory. */

import { columnCount, formatRangeAddress, type Rect, rowCount } from "./address";
import { ClientObject, type Getters } from "./base";
import { MAX_CELL_COUNT } from "./limits";
import { type SheetState } from "./state";

export interface AreasTarget {
  sheet: SheetState;
  rects: Rect[];
}

/** Cells in these areas, or -1 above 2^31-1 (a whole sheet has 17,179,869,184), as Excel reports `cellCount`. */
export function cellCountOf(rects: Rect[]): number {
  const n = rects.reduce((sum, r) => sum + rowCount(r) * columnCount(r), 0);
  return n > MAX_CELL_COUNT ? -1 : n;
}

export class RangeAreas extends ClientObject<AreasTarget> {
  readonly _typeName = "RangeAreas";
  _getters(): Getters<AreasTarget> {
    return {
      address: (a) => a.rects.map((r) => formatRangeAddress(a.sheet.name, r)).join(","),
      areaCount: (a) => a.rects.length,
      cellCount: (a) => cellCountOf(a.rects),
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
