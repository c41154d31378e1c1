/** What the browser tests expect of the example workbook, computed by the core itself. */

import { a1 } from "../../src/core/grid";
import { readWorkbook } from "../../src/core/read";
import { section0Summary } from "../../src/core/summary";
import { templateSheets } from "../../src/core/template";
import { countBySeverity, validate } from "../../src/core/validate";

export function expectedExample(asOf: string) {
  const workbook = { name: "example-seed-002.xlsx", sheets: templateSheets({ example: true }).map((s) => ({ name: s.name, rows: s.cells })) };
  const matrix = readWorkbook(workbook, { asOf });
  const findings = validate(matrix);
  const summary = section0Summary(matrix, findings, { by: "division", generated: asOf });
  const find = (text: string) => {
    for (let r = 0; r < summary.cells.length; r++) {
      const c = summary.cells[r].indexOf(text);
      if (c >= 0) return a1(r, c);
    }
    throw new Error(`the summary has no cell "${text}"`);
  };
  const planet2 = "Accepted (GCP); Partially accepted (CWM); Rejected (SCYCLE)";
  const missingAction = findings.filter((f) => f.rule === "missing-action");
  const other = findings.find((f) => f.rule === "no-response-received")!;
  return {
    total: findings.length,
    counts: countBySeverity(findings),
    sample: [missingAction[0], other].map((f) => ({ sheet: f.sheet, cell: f.cell, address: `${f.sheet}!${f.cell}`, label: `${f.sheet}!${f.cell}` })),
    summaryCells: [
      { cell: find(planet2), text: planet2 },
      { cell: "A1", text: String(summary.cells[0][0]) },
    ],
  };
}
