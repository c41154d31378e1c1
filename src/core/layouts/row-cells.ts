/**
 * Cell addresses of a table's rows, made when asked for. A 100,000-row table would otherwise hold well over
 * a million address objects (one per role and status cell of every row) that only rows with findings use;
 * holding them made reading slower than validating. Each read of `cells.unit` or `status.at` gives a fresh
 * plain `{ sheet, row, col }`; `toJSON` gives the same record as plain objects would.
 * One class each for every table, so that code reading rows sees one shape (a class per table would make
 * every rule's property reads polymorphic after a few validations).
 */

import type { CellAddress } from "../grid";
import { ROLES, type Role } from "../headers";
import type { StatusCell, StatusColumn } from "../model";
import type { StatusReading } from "../vocabulary";

export type RowCells = Partial<Record<Role, CellAddress>>;

/** Where a table's roles sit: made once per table, shared by its rows. */
export class TableColumns {
  /** Column of each role, by its index in ROLES; -1 where the table has none. */
  readonly cols: Int32Array;
  constructor(
    readonly sheet: string,
    readonly roles: readonly (readonly [Role, number])[],
  ) {
    this.cols = new Int32Array(ROLES.length).fill(-1);
    for (const [role, col] of roles) this.cols[ROLES.indexOf(role)] = col;
  }

  /** A row's `cells`: the address of each role's cell. */
  cellsOf(row: number): RowCells {
    return new Cells(this, row) as RowCells;
  }
}

class Cells {
  readonly #table: TableColumns;
  readonly #row: number;
  constructor(table: TableColumns, row: number) {
    this.#table = table;
    this.#row = row;
  }
  static address(cells: Cells, role: number): CellAddress | undefined {
    const col = cells.#table.cols[role];
    return col < 0 ? undefined : { sheet: cells.#table.sheet, row: cells.#row, col };
  }
  toJSON(): RowCells {
    return Object.fromEntries(this.#table.roles.map(([role]) => [role, Cells.address(this, ROLES.indexOf(role))]));
  }
}

ROLES.forEach((role, i) => {
  Object.defineProperty(Cells.prototype, role, {
    enumerable: true,
    get(this: Cells) {
      return Cells.address(this, i);
    },
  });
});

/** A status or follow-up status cell of a row. */
export class RowStatus implements StatusCell {
  readonly #sheet: string;
  readonly #row: number;
  constructor(
    readonly column: StatusColumn,
    readonly reading: StatusReading,
    sheet: string,
    row: number,
  ) {
    this.#sheet = sheet;
    this.#row = row;
  }
  get at(): CellAddress {
    return { sheet: this.#sheet, row: this.#row, col: this.column.col };
  }
  toJSON(): StatusCell {
    return { column: this.column, reading: this.reading, at: this.at };
  }
}
