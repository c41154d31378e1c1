import { checkedSection0s, isAddressed, recLabel, recommendationByNumber } from "../matrix";
import type { Recommendation, Section0Matrix, Section0Reading } from "../model";
import { answerOf, acceptanceCellText, firstResponses } from "../summary/acceptance";
import { UnitDirectory } from "../units";
import type { Acceptance, Answer } from "../vocabulary";
import { unitsOfColumn } from "../layouts/section0";
import type { Report, Rule } from "./types";

/** Cell text quoted in a message is cut to this length (a message stays one readable line). */
const QUOTED = 100;

function quote(text: string): string {
  return text.length > QUOTED ? `${text.slice(0, QUOTED).trimEnd()}…` : text;
}

/**
 * Whether a Section 0 cell says what the detail adds up to (`detail`: the column's addressed units and their answers),
 * compared as sets: `Accepted` alone stands for every addressed unit of the column; named units resolve by code,
 * name or alias, in any order and case.
 */
function agrees(reading: Section0Reading, detail: readonly { code: string; answer: Answer }[], directory: UnitDirectory): boolean {
  switch (reading.kind) {
    case "blank":
    case "notAddressed":
      return detail.length === 0;
    case "addressed":
      return detail.length > 0;
    case "unknown":
      return false;
  }
  const said = new Map<string, Answer>();
  const notAddressed = new Set<string>();
  let rest: Acceptance | null = null;
  for (const part of reading.parts) {
    if (part.units === null) {
      rest = part.answer;
      continue;
    }
    for (const name of part.units) {
      // A name matching no unit keeps its spelling: the detail never has it, so the cell disagrees
      const code = directory.resolve(name) ?? `\u0000${name}`;
      if (said.has(code) || notAddressed.has(code)) return false;
      if (part.answer === "Not applicable") notAddressed.add(code);
      else said.set(code, part.answer);
    }
  }
  if (rest !== null && rest !== "Not applicable") {
    // `Accepted` alone, or the group naming no units: every other addressed unit of the column
    const others = detail.filter((d) => !said.has(d.code) && !notAddressed.has(d.code));
    if (others.length === 0) return false;
    for (const d of others) said.set(d.code, rest);
  }
  return said.size === detail.length && detail.every((d) => said.get(d.code) === d.answer);
}

/**
 * A hand-made Section 0 matrix beside detailed responses: each cell is compared with what the detail of its
 * column (a division or a unit) adds up to, as the Section 0 summary we write would say it.
 */
export const summaryMismatch: Rule = {
  meta: {
    id: "summary-mismatch",
    title: "Summary cell disagrees with the responses",
    severity: "error",
    description: "A Section 0 cell says something other than what the detailed responses add up to",
  },
  check(matrix, report) {
    const section0s = checkedSection0s(matrix);
    if (section0s.length === 0) return;
    const directory = new UnitDirectory(matrix.units);
    const recs = recommendationByNumber(matrix);
    const responseOf = firstResponses(matrix);
    const detailSheet = `'${matrix.responsesSheet}'`;
    for (const s0 of section0s) checkSection0(s0, { directory, recs, responseOf, detailSheet }, report);
  },
};

/** Checks one Section 0 matrix against the detailed responses. */
function checkSection0(
  s0: Section0Matrix,
  detail: { directory: UnitDirectory; recs: Map<string, Recommendation>; responseOf: ReturnType<typeof firstResponses>; detailSheet: string },
  report: Report,
): void {
  const { directory, recs, responseOf, detailSheet } = detail;
  const columnUnits = s0.columns.map((c) => unitsOfColumn(directory, c.label));
  s0.columns.forEach((column, i) => {
    if (columnUnits[i]) return;
    report({
      at: column.at,
      recommendation: null,
      unit: column.label,
      severity: "warning",
      message:
        `The Section 0 column "${column.label}" matches no division or unit of the detailed responses in ${detailSheet}, ` +
        `so its cells cannot be checked. Head it with a division name or unit code from the Units sheet, or add its units there.`,
    });
  });
  for (const row of s0.rows) {
    const rec = recs.get(row.number);
    const label = recLabel(row.number);
    for (const cell of row.cells) {
      const units = columnUnits[cell.column];
      if (!units) continue;
      const column = s0.columns[cell.column].label;
      const detail = rec
        ? units.filter((u) => isAddressed(rec, u)).map((code) => ({ code, answer: answerOf(responseOf(row.number, code)) }))
        : [];
      if (agrees(cell.reading, detail, directory)) continue;
      const expected = acceptanceCellText(detail);
      const addsUp = `the detailed responses in ${detailSheet} add up to "${quote(expected)}"` + (detail.length === 0 ? ` (no unit of ${column} is addressed)` : "");
      const start = `${label}, ${column}: the Section 0 cell`;
      let message: string;
      let suggestion = expected;
      if (cell.reading.kind === "addressed") {
        suggestion = "□";
        message = `${start} is ticked (☒) as addressed, but ${addsUp}. Clear the tick (□), or add the missing responses if ${column} is addressed.`;
      } else if (cell.reading.kind === "notAddressed" && row.checkboxes) {
        suggestion = "☒";
        message = `${start} is not ticked (□), but ${addsUp}. Tick it (☒), or correct the detailed responses if ${column} is not addressed.`;
      } else {
        const said =
          cell.reading.kind === "blank"
            ? "is blank"
            : cell.reading.kind === "unknown"
              ? `says "${quote(cell.text)}", which is not an answer (Accepted, Partially accepted, Rejected, No response or NA)`
              : `says "${quote(cell.text)}"`;
        message = `${start} ${said}, but ${addsUp}. Write "${quote(expected)}" in the Section 0 cell, or correct the detailed responses if they are what is wrong.`;
      }
      report({ at: cell.at, recommendation: row.number, unit: column, message, suggestion });
    }
  }
}
