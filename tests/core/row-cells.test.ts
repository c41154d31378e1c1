import { describe, expect, it } from "vitest";
import { RowStatus, TableColumns } from "../../src/core/layouts/row-cells";
import type { StatusColumn } from "../../src/core/model";
import { book, goodRow, matrixOf } from "./workbooks";

describe("addresses of a row's cells", () => {
  const table = new TableColumns("Responses", [["number", 0], ["unit", 1], ["acceptance", 2]]);

  it("gives each role's cell on the row, and nothing for a role the table lacks", () => {
    const cells = table.cellsOf(6);
    expect(cells.unit).toEqual({ sheet: "Responses", row: 6, col: 1 });
    expect(cells.acceptance).toEqual({ sheet: "Responses", row: 6, col: 2 });
    expect(cells.action).toBeUndefined();
  });

  it("turns into the same JSON as a plain record of addresses, in column-map order", () => {
    expect(JSON.parse(JSON.stringify(table.cellsOf(3)))).toEqual({
      number: { sheet: "Responses", row: 3, col: 0 },
      unit: { sheet: "Responses", row: 3, col: 1 },
      acceptance: { sheet: "Responses", row: 3, col: 2 },
    });
  });

  it("keeps each row's own addresses when two tables are read", () => {
    const other = new TableColumns("Réponses", [["unit", 4]]);
    const a = table.cellsOf(1);
    const b = other.cellsOf(9);
    expect([a.unit, b.unit]).toEqual([{ sheet: "Responses", row: 1, col: 1 }, { sheet: "Réponses", row: 9, col: 4 }]);
  });

  it("gives a status cell's address, and its JSON as a plain status cell", () => {
    const column: StatusColumn = { role: "followUp", header: "Status at 6 months", col: 8, period: { label: "6 months", months: 6, year: null }, openClosed: false };
    const status = new RowStatus(column, { kind: "known", value: "Planned" }, "Responses", 4);
    expect(status.at).toEqual({ sheet: "Responses", row: 4, col: 8 });
    expect(JSON.parse(JSON.stringify(status))).toEqual({ column, reading: { kind: "known", value: "Planned" }, at: { sheet: "Responses", row: 4, col: 8 } });
  });

  it("are what the reader gives each response row", () => {
    const matrix = matrixOf(book({ responses: [goodRow("1", "CWM"), goodRow("1", "GCP")] }));
    const second = matrix.responses[1];
    expect(second.cells.unit).toEqual({ sheet: "Responses", row: 2, col: 1 });
    expect(second.cells.evidence).toBeUndefined(); // the test workbooks have no Evidence column
    expect(second.statuses.map((s) => s.at)).toEqual([7, 8, 9].map((col) => ({ sheet: "Responses", row: 2, col })));
  });
});
