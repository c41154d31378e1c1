/** What the browser tests expect of the example workbook, computed by the core itself. */

import { a1 } from "../../src/core/grid";
import type { Settings } from "../../src/core/model";
import { readWorkbook } from "../../src/core/read";
import { RULES } from "../../src/core/rules/index";
import { section0Summary } from "../../src/core/summary";
import { templateSheets } from "../../src/core/template";
import { countBySeverity, validate } from "../../src/core/validate";

export function expectedExample(asOf: string) {
  const workbook = { name: "example-management-response.xlsx", sheets: templateSheets({ example: true }).map((s) => ({ name: s.name, rows: s.cells })) };
  const matrix = readWorkbook(workbook, { asOf });
  const findings = validate(matrix);
  const summary = section0Summary(matrix, findings, { by: "division", generated: asOf });
  const byUnit = section0Summary(matrix, findings, { by: "unit", generated: asOf });
  const find = (text: string) => {
    for (let r = 0; r < summary.cells.length; r++) {
      const c = summary.cells[r].indexOf(text);
      if (c >= 0) return a1(r, c);
    }
    throw new Error(`the summary has no cell "${text}"`);
  };
  /** The cell right of a label of the title block or of the checks beside it ("As of", "Errors" ...). */
  const beside = (label: string) => {
    for (let r = 0; r < summary.cells.length; r++) {
      const c = summary.cells[r].indexOf(label);
      if (c >= 0) return a1(r, c + 1);
    }
    throw new Error(`the summary has no label "${label}"`);
  };
  const planet2 = "Accepted (GCP); Partially accepted (CWM); Rejected (SCYCLE)";
  const missingAction = findings.filter((f) => f.rule === "missing-action");
  const other = findings.find((f) => f.rule === "no-response-received")!;
  const last = findings.reduce((a, b) => (b.at.row > a.at.row || (b.at.row === a.at.row && b.at.col > a.at.col) ? b : a));
  const withOverrides = (severityOverrides: Settings["severityOverrides"]) => countBySeverity(validate(matrix, { severityOverrides }));
  const ruleIds = [...new Set(findings.map((f) => f.rule))];
  return {
    total: findings.length,
    counts: countBySeverity(findings),
    /** Group headings by rule: the rules that have findings, by title. */
    ruleTitles: RULES.filter((r) => ruleIds.includes(r.meta.id)).map((r) => r.meta.title),
    sample: [missingAction[0], other, last].map((f) => ({ sheet: f.sheet, cell: f.cell, address: `${f.sheet}!${f.cell}`, label: `${f.sheet}!${f.cell}` })),
    summaryCells: [
      { cell: find(planet2), text: planet2 },
      { cell: "A1", text: String(summary.cells[0][0]) },
    ],
    /** Where the summary's title block keeps the as-of date and the counts. */
    titleBlock: { asOf: beside("As of"), error: beside("Errors"), warning: beside("Warnings"), info: beside("Notes") },
    /** Columns of the summary by unit (its widest row). */
    byUnitWidth: Math.max(...byUnit.cells.map((row) => row.length)),
    /** The counts once "missing-date" is switched off. */
    countsWithoutMissingDate: withOverrides({ "missing-date": "off" }),
  };
}
