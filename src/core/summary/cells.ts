/** Reading a SheetSpec back cell by cell: what a writer will put in `B7`, and with which style. */

import type { CellValue } from "../grid";
import { parseA1 } from "../grid";
import type { CellStyle, SheetSpec } from "../sheet-spec";

/** The value the spec writes at an A1 reference ("" when empty). */
export function valueAt(spec: SheetSpec, ref: string): CellValue {
  const { row, col } = parseA1(ref);
  return spec.cells[row]?.[col] ?? "";
}

/** The style of a cell: every styled range covering it, merged in order (later entries win). */
export function styleAt(spec: SheetSpec, ref: string): CellStyle {
  const { row, col } = parseA1(ref);
  const style: CellStyle = {};
  for (const s of spec.styles) {
    const r = s.range;
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) Object.assign(style, s.style);
  }
  return style;
}
