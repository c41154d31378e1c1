/**
 * The single-unit form (SPEC 3.3, seed 000): one programme unit answers every recommendation of its evaluation,
 * one row per recommendation. The unit is named once above the table (`Name of programme/office/unit:`, `Unit:`,
 * `Entité :`), else by the sheet's name, and every recommendation is addressed to it. The header may span two
 * merged rows; headers repeated on every page, page titles and notes are skipped; a `Comments:` row under a
 * recommendation is that recommendation's comments; the signature block ends the table (its `Date` is the
 * response date, from which the follow-up statuses fall due).
 */

import { cellAt, isBlank, type CellAddress, type CellValue, type Sheet, type Workbook } from "../grid";
import type { Role } from "../headers";
import type { Recommendation, Response, Unit } from "../model";
import { readDate } from "../dates";
import { displayText, normalizeKey } from "../text";
import { COMMENTS_ROW, isAsideRow, type Block } from "./blocks";
import { isUnitsSheetName, readResponseRows, statusColumns } from "./canonical";
import { type Layout, workbookScore } from "./layout";
import { formHeaderOf, isBlankRow, recommendationCell, repeatsHeader, type FormHeader } from "./table";
import { TableColumns } from "./row-cells";

export const LAYOUT_ID = "single-unit";
export const LAYOUT_NAME = "the single-unit form";

/** Labels naming the unit that answers (compared as keys: case, accents and punctuation ignored). */
const UNIT_LABELS = new Set([
  "unit", "entity", "office", "programme unit", "program unit", "audited entity", "name of unit", "name of the unit",
  "name of entity", "name of office", "name of programme office unit", "name of program office unit",
  "name of programme office or unit", "programme office unit", "division unit", "unite", "entite", "service", "bureau",
  "nom de l unite", "nom de l entite", "nom du service", "nom du bureau", "unite entite",
]);
const TITLE_LABELS = new Set(["title", "titre", "name of evaluation", "evaluation title", "evaluation", "nom de l evaluation", "titre de l evaluation"]);
const DATE_LABELS = new Set(["date", "date of response", "response date", "date de reponse"]);

/** A form's header when the block is a form's table: No. (or a `Recommendation` column of numbers) and Acceptance, and no Unit column (a Unit column is another layout's). */
function formHeader(block: Block): FormHeader | null {
  if (block.shape !== "table") return null;
  const header = formHeaderOf(block.sheet, block.headers[0]);
  const { roles } = header;
  if (roles.number === undefined || roles.acceptance === undefined || roles.unit !== undefined || roles.addressedTo !== undefined) return null;
  return header;
}

/** A label cell above the table whose key is one of `labels`, with the first filled cell to its right. */
function labelled(sheet: Sheet, beforeRow: number, labels: ReadonlySet<string>): { value: CellValue; at: CellAddress } | null {
  for (let r = 0; r < beforeRow; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (!labels.has(normalizeKey(row[c]))) continue;
      for (let k = c + 1; k < row.length; k++) if (!isBlank(row[k])) return { value: row[k], at: { sheet: sheet.name, row: r, col: k } };
    }
  }
  return null;
}

/** The comments a `Comments:` row holds (after the label, and in the cells beside it), and where to write them. */
function commentsRow(sheet: Sheet, r: number): { text: string; at: CellAddress } | null {
  const row = sheet.rows[r] ?? [];
  const first = row.findIndex((v) => !isBlank(v));
  if (first < 0) return null;
  const label = COMMENTS_ROW.exec(displayText(row[first]));
  if (!label) return null;
  const parts = [displayText(row[first]).slice(label[0].length), ...row.slice(first + 1).map((v) => displayText(v))];
  return { text: parts.filter(Boolean).join(" "), at: { sheet: sheet.name, row: r, col: first } };
}

/** The response date of a signature block: the cell under (or beside) its `Date` label. */
function signatureDate(sheet: Sheet, r: number): number | null {
  const row = sheet.rows[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    if (!DATE_LABELS.has(normalizeKey(row[c]))) continue;
    for (const v of [cellAt(sheet, r + 1, c), cellAt(sheet, r, c + 1)]) {
      const d = readDate(v);
      if (d.kind === "date") return d.serial;
    }
  }
  return null;
}

/**
 * A form's table: 0.6 with its unit named above it, 0.5 when only the sheet's name can name it. A workbook with a
 * Units sheet has several units: a table without a Unit column is then the canonical reader's to explain.
 */
export const singleUnit: Layout = {
  id: LAYOUT_ID,
  name: LAYOUT_NAME,
  blockName: "single-unit form",
  classify(block, context) {
    const header = formHeader(block);
    if (!header || context.workbook.sheets.some((s) => isUnitsSheetName(s.name))) return 0;
    return labelled(block.sheet, header.firstRow, UNIT_LABELS) ? 0.6 : 0.5;
  },
  read(block) {
    const { sheet } = block;
    const header = formHeader(block)!;
    const unitCell = labelled(sheet, header.firstRow, UNIT_LABELS);
    const unit = (unitCell && displayText(unitCell.value)) || sheet.name;
    const numberCol = header.roles.number!;
    const acceptanceCol = header.roles.acceptance!;

    // Rows that are not answers are blanked in a copy, so the shared row reader sees answers only (at their own addresses)
    const rows = sheet.rows.slice(0, block.end);
    const comments = new Map<number, { text: string; at: CellAddress }>();
    const texts = new Map<number, string[]>();
    let lastAnswer = -1;
    for (let r = header.headerRow + 1; r < rows.length; r++) {
      const numberCell = cellAt(sheet, r, numberCol);
      // Most rows: an answer with its number. Only other rows can be a header, a comment, a note or a text going on.
      if (recommendationCell(numberCell) !== null) {
        lastAnswer = r;
        continue;
      }
      if (isBlankRow(sheet, r)) continue;
      const comment = commentsRow(sheet, r);
      if (comment || repeatsHeader(sheet, r, header)) {
        if (comment && lastAnswer >= 0) {
          const before = comments.get(lastAnswer);
          comments.set(lastAnswer, before ? { text: `${before.text} ${comment.text}`.trim(), at: before.at } : comment);
        }
        rows[r] = [];
        continue;
      }
      if (!isBlank(cellAt(sheet, r, acceptanceCol))) {
        lastAnswer = r;
        continue;
      }
      // Page titles and notes; and the rest of a text a page break or a pasted paragraph put on a row of its own
      // (under the recommendation's text, or in the cell it shares with its number)
      rows[r] = [];
      if (lastAnswer < 0 || isAsideRow(sheet.rows[r])) continue;
      const more = [numberCol, header.roles.recommendation].map((c) => (c === undefined ? "" : displayText(cellAt(sheet, r, c)))).filter((t) => /\p{L}/u.test(t));
      if (more.length) texts.set(lastAnswer, [...(texts.get(lastAnswer) ?? []), ...more]);
    }
    const responses = readResponseRows({ ...sheet, rows }, header, null);

    const roles = Object.entries(header.roles) as [Role, number][];
    // The number cell stands for the unit too: a second row for a recommendation is reported there
    const table = new TableColumns(sheet.name, [...roles, ["unit", numberCol]]);
    const recommendations: Recommendation[] = [];
    const seen = new Set<string>();
    for (const response of responses) {
      // `6. Foster peer-to-peer ...`: the number and the text in one cell
      const inCell = response.number === null ? recommendationCell(cellAt(sheet, response.row, numberCol)) : null;
      if (inCell) response.number = inCell.number;
      const comment = comments.get(response.row);
      response.unit = unit;
      response.unitText = unit;
      // A Comments row adds to a Comments column where the form has both; its cell is the column's then
      if (comment) response.comments = [response.comments, comment.text].filter(Boolean).join(" ");
      const rowCells = comment && header.roles.comments === undefined;
      response.cells = rowCells ? withComments(roles, numberCol, response.row, sheet.name, comment.at) : table.cellsOf(response.row);
      if (response.number === null || seen.has(response.number)) continue;
      seen.add(response.number);
      recommendations.push(recommendationOf(response, inCell?.text ?? "", unit, texts.get(response.row) ?? []));
    }

    const columns = new Set<Role>(roles.map(([role]) => role));
    if (header.followUps.length) columns.add("followUp");
    if (comments.size) columns.add("comments");
    const title = labelled(sheet, header.firstRow, TITLE_LABELS);
    const dateCell = labelled(sheet, header.firstRow, DATE_LABELS);
    const labelledDate = dateCell ? readDate(dateCell.value) : null;
    const signed = block.signatureRow === null ? null : signatureDate(sheet, block.signatureRow);
    const units: Unit[] = [{ code: unit, name: unit, division: unit, aliases: [], at: unitCell?.at ?? null }];
    return {
      part: "answers",
      detail: {
        responses,
        units,
        recommendations,
        texts: new Map(),
        columns,
        statusColumns: statusColumns(header),
        title: title ? displayText(title.value) : "",
        responseDate: signed ?? (labelledDate?.kind === "date" ? labelledDate.serial : null),
      },
    };
  },
};

/** How well the workbook matches the single-unit form (0 when no block does). */
export function detectSingleUnit(workbook: Workbook): number {
  return workbookScore(singleUnit, workbook);
}

/** The cells of a row whose comments sit in the Comments row under it. */
function withComments(roles: [Role, number][], numberCol: number, row: number, sheet: string, comments: CellAddress) {
  const cells: Partial<Record<Role, CellAddress>> = { unit: { sheet, row, col: numberCol } };
  for (const [role, col] of roles) cells[role] = { sheet, row, col };
  cells.comments = comments;
  return cells;
}

/** The recommendation a row answers, addressed to the form's one unit; `more` is the rest of its text, from the rows under it. */
function recommendationOf(response: Response, textInNumberCell: string, unit: string, more: readonly string[]): Recommendation {
  const textCol = response.cells.recommendation?.col;
  const value = (col: number | undefined) => (col === undefined ? "" : (response.values[col] ?? ""));
  return {
    number: response.number!,
    text: [value(textCol) || textInNumberCell, ...more].filter(Boolean).join(" "),
    priority: value(response.cells.priority?.col),
    category: value(response.cells.category?.col),
    addressedTo: [unit],
    addressedUnknown: [],
    at: response.cells.number!,
    addressedAt: null,
  };
}
