/**
 * Cutting sheets into blocks (SPEC 3, Blocks). A form is often pasted or converted whole into one sheet: cover lines,
 * a Section 0 matrix, comments, then tables whose header repeats at every page break. Each sheet is read once, top
 * to bottom:
 * - a header row (one row, or two where a group label sits over sub-headers) starts a table; a header naming the
 *   same key columns again (a page break, the next recommendation) goes on with it; any other header starts another;
 * - a section title (`SECTION III - RECOMMENDATIONS`, `APPENDIX I`) or a signature block ends a table;
 * - between tables, recommendations whose cells are mostly answers (`Accepted`, `NA`, ☒), or the rows under a
 *   `SECTION 0 – Summary of response` title, make a Section 0 matrix under the nearest row of column labels
 *   (a caption row over the labels, merged or spaced out as `D i v i s i o n / U n i t`, is skipped);
 * - what is left (cover lines, comments, report text) is kept as loose rows.
 * Page headers, `Comments:` rows, footnotes and rows a page break split are the readers' to skip or join: the
 * predicates telling them are here, so every reader tells them alike. Linear in the sheet's cells.
 */

import { isBlank, type CellValue, type Sheet, type Workbook } from "../grid";
import { headerRole, mayNameRole, type Role } from "../headers";
import { displayText, memoizeText, normalizeKey } from "../text";
import { readAcceptance } from "../vocabulary";
import { readDate } from "../dates";
import { readSection0Cell } from "./section0";
import { blockColumnMap, headerText, isBlankCells, recommendationCell, type ColumnMap } from "./table";

/** A table's header: one row, or two (`firstRow` above `headerRow`). 0-based. */
export interface HeaderRows {
  firstRow: number;
  headerRow: number;
}

/** Where a Section 0 matrix's parts are: its column labels, the column of recommendation labels, its rows. */
export interface MatrixFrame {
  labelRow: number;
  labelCol: number;
  columns: { label: string; col: number }[];
  /** The rows led by a recommendation, top to bottom. */
  rows: number[];
}

/** A table (header and rows), a Section 0 matrix, or loose rows (what lies between, for report text). */
export type BlockShape = "table" | "matrix" | "loose";

export interface Block {
  sheet: Sheet;
  shape: BlockShape;
  /** First row (a table's first header row, a matrix's title or labels) and the row after the last one, 0-based. */
  top: number;
  end: number;
  /** First and last column (0-based, inclusive). */
  left: number;
  right: number;
  /** The section title last seen above the block on its sheet (`SECTION III - RECOMMENDATIONS`), if any. */
  title: string | null;
  /** A table's header rows: the first, then each repeat (every one governs the rows up to the next). */
  headers: HeaderRows[];
  /** A matrix's frame. */
  frame: MatrixFrame | null;
  /** The first row of the signature block that ended a table (`Name of Director | Date | Signature`), if any. */
  signatureRow: number | null;
}

/** A cell's text starting a `Comments:` row: a note on the recommendation above, not an answer. */
export const COMMENTS_ROW = /^(?:comments?|commentaires?|observations?|remarks?)\s*(?::|$)\s*/i;
const COMMENTS_KEY = /^(comments?|commentaires?|remarks?|observations?)\b/;
/** Page headers repeated at every page break: `Management Response: Evaluation of ...`, `Page 3`. */
const PAGE_HEADER = /^(management response|reponse de la direction|page \d+)\b/;
/** Section titles: `SECTION III - RECOMMENDATIONS`, `APPENDIX I`, `Annexe 2`, `SECTION 0 – Summary of response`. */
const SECTION_TITLE = /^((section|annex|annexe|appendix|appendice|part|partie)\s+([0-9]{1,2}|[ivx]{1,5})\b|summary of responses?\b|resume des? reponses?\b)/;
/** A section title going on from the page before is no new section. */
const CONTINUED = /\bcont(inued|inue|d)?\b|\bsuite\b/;
/** The title of a Section 0 matrix. */
const SECTION0_TITLE = /^(section 0|summary of responses?|resume des? reponses?)\b/;
/** A cell saying the signature block starts. */
const SIGNATURE = /^\s*(?:<[^>]*>\s*)*(signatures?|signed|sign[ée]e?|visa)\s*:?\s*(?:<[^>]*>\s*)*$/i;
/** Footnote marks a footnote starts with (`¹ Critical recommendations address ...`). */
const FOOTNOTE = /^[¹²³⁰-⁹*†‡]/;

/** `Division/Unit` over a matrix's column labels, however spaced (`D i v i s i o n / U n i t`); captions, not labels. */
const CAPTION_KEY = /^(divisions?(units?|unites?)?|(units?|unites?)(divisions?)?|programmeunits?|offices?|entities|entites?|services)$/;
/** Column labels that are not divisions or units (a summary's totals). */
const TOTALS = /^(total|acceptance rate|taux)/;
/** Roles a matrix's column label may name and still be a division or unit. */
const UNIT_ROLES: ReadonlySet<Role> = new Set(["unit", "division", "code", "name"]);

/** The roles a header must give columns for to start a table, one alternative list per role. */
const SHAPES: readonly (readonly (readonly Role[])[])[] = [
  [["unit"], ["acceptance"]],
  [["number", "recommendation"], ["acceptance"]],
  [["number"], ["recommendation"], ["status"]],
  [["number"], ["unit"]],
  [["code"], ["division"]],
  [["number", "recommendation"], ["addressedTo"]],
];
/** Roles that tell one table from another: a header naming the same ones again goes on with the table. */
const KEY_ROLES: readonly Role[] = ["number", "recommendation", "unit", "acceptance", "status", "code", "division", "addressedTo"];

/** What a cell says as a header: its role, whether it is also an answer (`Accepted`), whether it numbers a recommendation. */
interface CellTraits {
  role: Role | null;
  answer: boolean;
  numbered: boolean;
}
const PLAIN_CELL: CellTraits = { role: null, answer: false, numbered: false };
const NUMBER_HEADER = /^\s*(no|n°|nº)\.?\s*$/i;
const EXCEL_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;
/** Header cells are short; a longer one can only number a recommendation (`Recommendation 1: ...`). */
const HEADER_CELL_MAX = 160;

/** A text that may number a recommendation: a digit first (after tags, a bracket), or `Rec...` (which mayNameRole lets through). */
const MAY_NUMBER = /^\s*(?:<[^>]*>\s*)*\(?\s*\d/;

const traitsOfText = memoizeText((raw: string): CellTraits => {
  const numbered = (MAY_NUMBER.test(raw) || /^\W*(?:<[^>]*>\W*)*rec/i.test(raw)) && recommendationCell(raw) !== null;
  if (numbered || raw.length > HEADER_CELL_MAX) return numbered ? { role: null, answer: false, numbered } : PLAIN_CELL;
  const text = headerText(raw);
  // Excel's error values (`#N/A`, `#REF!`) are data, whatever their letters spell
  if (EXCEL_ERROR.test(text)) return PLAIN_CELL;
  const role = headerRole(text);
  if (!role) return PLAIN_CELL;
  // `Accepted` or `N/A` in a data row names a role too; `Accepted?`, `No.` and `N°` are headers
  const answer =
    !text.includes("?") && !NUMBER_HEADER.test(text) && (readAcceptance(text).kind === "known" || (role === "acceptance" && /\)\s*(;|$)/.test(text)));
  return { role, answer, numbered };
});

function traitsOf(v: CellValue): CellTraits {
  if (typeof v === "string") {
    // Most cells of a table's rows name no column and number nothing: told so without working out their key
    if (!mayNameRole(v) && !MAY_NUMBER.test(v)) return PLAIN_CELL;
    return v.length > HEADER_CELL_MAX ? { role: null, answer: false, numbered: recommendationCell(v) !== null } : traitsOfText(v);
  }
  return typeof v === "number" ? { role: null, answer: false, numbered: true } : PLAIN_CELL;
}

/** A row read as a header: the role of each column, and how many distinct roles it names other than by answers. */
interface RowRoles {
  byCol: Map<number, Role>;
  roles: Set<Role>;
  strong: number;
}

/** The roles a row's cells name, or null for a data row (it holds a number, or a recommendation's number). */
function rowRoles(cells: readonly CellValue[] | undefined): RowRoles | null {
  // Made at the first role found: most rows are data, told by their first cells, and name none
  let found: { byCol: Map<number, Role>; roles: Set<Role>; strong: Set<Role> } | null = null;
  if (cells) {
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (v === undefined || v === null || v === "") continue;
      const t = traitsOf(v);
      if (t.numbered) return null;
      if (!t.role) continue;
      found ??= { byCol: new Map(), roles: new Set(), strong: new Set() };
      found.byCol.set(c, t.role);
      found.roles.add(t.role);
      if (!t.answer) found.strong.add(t.role);
    }
  }
  return found ? { byCol: found.byCol, roles: found.roles, strong: found.strong.size } : { byCol: new Map(), roles: new Set(), strong: 0 };
}

function hasShape(roles: ReadonlySet<Role>): boolean {
  return SHAPES.some((shape) => shape.every((options) => options.some((r) => roles.has(r))));
}

function isHeader(r: RowRoles | null): r is RowRoles {
  return r !== null && r.strong >= 2 && hasShape(r.roles);
}

/** A cell holding an answer (`Accepted`, `Yes`, `No response`): never a header's (`Accepted?` is). */
function isAnswer(v: CellValue | undefined): boolean {
  return typeof v === "string" && v.length <= HEADER_CELL_MAX && !v.includes("?") && readAcceptance(v).kind === "known";
}

/** A header under a table, starting another one: three roles named at least, by half its cells at least. */
function opensAnotherTable(roles: RowRoles, cells: readonly CellValue[]): boolean {
  let filled = 0;
  for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c])) filled++;
  return roles.strong >= 3 && roles.byCol.size * 2 >= filled;
}

/** How much a header says: its distinct roles, each follow-up column counted. */
function headerScore(byCol: ReadonlyMap<number, Role>): number {
  const roles = new Set<Role>();
  let followUps = 0;
  for (const role of byCol.values()) {
    if (role === "followUp") followUps++;
    else roles.add(role);
  }
  return roles.size + followUps;
}

/** Two header rows as one: per column the lower row's role where its cell is filled, else the upper's. */
function combined(sheet: Sheet, upper: RowRoles, lowerRow: number, lower: RowRoles): Map<number, Role> {
  const byCol = new Map(lower.byCol);
  const cells = sheet.rows[lowerRow] ?? [];
  for (const [c, role] of upper.byCol) if (isBlank(cells[c])) byCol.set(c, role);
  return byCol;
}

function keyRoles(byCol: ReadonlyMap<number, Role>): string {
  const roles = new Set(byCol.values());
  return KEY_ROLES.filter((r) => roles.has(r)).join();
}

function firstFilled(cells: readonly CellValue[]): number {
  for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c])) return c;
  return -1;
}

function lastFilled(cells: readonly CellValue[]): number {
  for (let c = cells.length - 1; c >= 0; c--) if (!isBlank(cells[c])) return c;
  return -1;
}

/** The section title a row is (its first cell's text), or null. A title stands nearly alone on its row. */
export function sectionTitle(cells: readonly CellValue[] | undefined): string | null {
  if (!cells) return null;
  let filled = 0;
  for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c]) && ++filled > 3) return null;
  const first = firstFilled(cells);
  if (first < 0 || typeof cells[first] !== "string") return null;
  const text = displayText(cells[first]);
  if (text.length > 120) return null;
  const key = normalizeKey(text);
  return SECTION_TITLE.test(key) && !CONTINUED.test(key) ? text : null;
}

/** True when a row starts a signature block (a cell reading `Signature`, `Signed`, `Visa`). */
export function isSignatureRow(cells: readonly CellValue[] | undefined): boolean {
  if (!cells) return false;
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v === "string" && v.length < 40 && SIGNATURE.test(v)) return true;
  }
  return false;
}

/**
 * A row that is no answer and goes on no answer: a page header, a section title, a `Comments:` row, a footnote.
 * (Its first filled cell says so; a page header stands alone on its row.)
 */
export function isAsideRow(cells: readonly CellValue[] | undefined): boolean {
  if (!cells) return false;
  const first = firstFilled(cells);
  if (first < 0) return false;
  const text = displayText(cells[first]);
  const key = normalizeKey(text);
  if (COMMENTS_KEY.test(key) || FOOTNOTE.test(text) || sectionTitle(cells) !== null) return true;
  return lastFilled(cells) === first && PAGE_HEADER.test(key);
}

/** Blocks of every sheet, sheet by sheet, top to bottom. */
export function segmentWorkbook(workbook: Workbook): Block[] {
  return workbook.sheets.flatMap((sheet) => segmentSheet(sheet));
}

/** A sheet's tables, and the rows between them, split at section titles. */
interface Region {
  start: number;
  end: number;
  /** The title row the region starts with, if any. */
  titleRow: number | null;
}

/** Cuts one sheet into blocks (see the module's comment). */
export function segmentSheet(sheet: Sheet): Block[] {
  const rows = sheet.rows;
  const tables: Block[] = [];
  const regions: Region[] = [];
  let table: Block | null = null;
  let tableKeys = "";
  /** The last header's rows and roles, while no data row has come under it. */
  let fresh: { header: HeaderRows; byCol: Map<number, Role>; roles: RowRoles } | null = null;
  let title: string | null = null;
  let region: Region = { start: 0, end: rows.length, titleRow: null };
  let lastRow = -1;

  const closeTable = (at: number) => {
    if (!table) return;
    table.end = lastRow + 1;
    tables.push(table);
    table = null;
    fresh = null;
    region = { start: at, end: rows.length, titleRow: null };
  };
  const closeRegion = (at: number) => {
    region.end = at;
    if (region.end > region.start) regions.push(region);
  };

  /** The open table's acceptance column: a row answering there (`Accepted`) is an answer, looked at no further. */
  let answerCol = -1;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (isBlankCells(cells)) continue;
    if (table && !fresh && answerCol >= 0 && isAnswer(cells[answerCol])) {
      lastRow = r;
      continue;
    }
    const roles = rowRoles(cells);
    // Under a header, before any data: a second header row (sub-headers under a group label, or the other way round)
    if (table && fresh && r === fresh.header.headerRow + 1 && roles && roles.strong >= 1) {
      const both = combined(sheet, fresh.roles, r, roles);
      if (headerScore(both) > headerScore(fresh.byCol)) {
        fresh.header.headerRow = r;
        fresh.byCol = both;
        fresh.roles = { byCol: both, roles: new Set(both.values()), strong: roles.strong };
        if (table.headers.length === 1) tableKeys = keyRoles(both);
        lastRow = r;
        widen(table, cells);
        continue;
      }
    }
    if (isHeader(roles)) {
      let header: HeaderRows = { firstRow: r, headerRow: r };
      let byCol = roles.byCol;
      // A group label's row right above, outside any table
      const above = rows[r - 1];
      if (!table && r > region.start && !isBlankCells(above) && sectionTitle(above) === null) {
        const upper = rowRoles(above);
        if (upper && upper.strong >= 1) {
          const both = combined(sheet, upper, r, roles);
          if (headerScore(both) > headerScore(byCol)) {
            header = { firstRow: r - 1, headerRow: r };
            byCol = both;
          }
        }
      }
      if (table && keyRoles(byCol) === tableKeys) {
        table.headers.push(header);
      } else if (table && !fresh && !opensAnotherTable(roles, cells)) {
        // Under a table, a row naming two roles among its values is data (`Unité Paris`, `N/A`), not another table
        fresh = null;
        lastRow = r;
        continue;
      } else {
        closeTable(header.firstRow);
        closeRegion(header.firstRow);
        table = { sheet, shape: "table", top: header.firstRow, end: r + 1, left: Infinity, right: -1, title, headers: [header], frame: null, signatureRow: null };
        tableKeys = keyRoles(byCol);
        if (header.firstRow < r) widen(table, rows[header.firstRow]);
      }
      fresh = { header, byCol, roles: { ...roles, byCol } };
      answerCol = -1;
      for (const [c, role] of byCol) if (role === "acceptance") answerCol = c;
      widen(table, cells);
      lastRow = r;
      continue;
    }
    // A row holding a number (most rows of a table) is data: no title, no signature
    if (roles === null && table) {
      fresh = null;
      lastRow = r;
      continue;
    }
    const titleText = sectionTitle(cells);
    if (titleText !== null) {
      closeTable(r);
      closeRegion(r);
      region = { start: r, end: rows.length, titleRow: r };
      title = titleText;
      continue;
    }
    if (table) {
      if (isSignatureRow(cells)) {
        table.signatureRow = r;
        closeTable(r);
        continue;
      }
      fresh = null;
      lastRow = r;
    }
  }
  closeTable(rows.length);
  closeRegion(rows.length);

  const blocks: Block[] = [...tables];
  for (const reg of regions) blocks.push(...regionBlocks(sheet, reg, titleBefore(sheet, reg)));
  return blocks.sort((a, b) => a.top - b.top);
}

/** The title a region starts with, else the last one above it (a matrix's title is its own). */
function titleBefore(sheet: Sheet, region: Region): string | null {
  return region.titleRow === null ? null : sectionTitle(sheet.rows[region.titleRow]);
}

/** Widens a block to the filled cells of a row. */
function widen(block: Block, cells: readonly CellValue[] | undefined): void {
  if (!cells) return;
  const first = firstFilled(cells);
  if (first < 0) return;
  block.left = Math.min(block.left, first);
  block.right = Math.max(block.right, lastFilled(cells));
}

/** The Section 0 matrices of a region between tables, and the loose rows around them. */
function regionBlocks(sheet: Sheet, region: Region, title: string | null): Block[] {
  const blocks: Block[] = [];
  let from = region.start;
  for (let found = findMatrix(sheet, region, from); found; found = findMatrix(sheet, region, from)) {
    if (found.top > from) blocks.push(loose(sheet, from, found.top, title));
    blocks.push({ ...found, title });
    from = found.end;
  }
  if (from < region.end) blocks.push(loose(sheet, from, region.end, title));
  return blocks.filter((b) => b.shape !== "loose" || b.right >= 0);
}

function loose(sheet: Sheet, top: number, end: number, title: string | null): Block {
  const block: Block = { sheet, shape: "loose", top, end, left: Infinity, right: -1, title, headers: [], frame: null, signatureRow: null };
  for (let r = top; r < end; r++) widen(block, sheet.rows[r]);
  return block;
}

/** The labels of a row right of `labelCol` that can head a division or unit column. */
function labelsOf(cells: readonly CellValue[] | undefined, labelCol: number): { label: string; col: number }[] {
  const columns: { label: string; col: number }[] = [];
  if (!cells) return columns;
  for (let c = labelCol + 1; c < cells.length; c++) {
    if (typeof cells[c] !== "string") continue;
    const label = displayText(cells[c]);
    const key = normalizeKey(label);
    if (!key || CAPTION_KEY.test(key.replace(/ /g, "")) || TOTALS.test(key)) continue;
    const answer = readAcceptance(label);
    if (answer.kind === "known" && answer.value !== "Not applicable") continue;
    const role = headerRole(label);
    if ((role && !UNIT_ROLES.has(role)) || readDate(label).kind === "date") continue;
    columns.push({ label, col: c });
  }
  return columns;
}

/** A caption over a matrix's labels: one label merged across columns, or spaced out letter by letter. */
function isCaption(sheet: Sheet, row: number, labels: readonly { label: string; col: number }[]): boolean {
  if (labels.length !== 1) return false;
  const { label, col } = labels[0];
  if (/^(\S\s){3,}\S/.test(label)) return true;
  return (sheet.merges ?? []).some((m) => m.top <= row && row <= m.bottom && m.left === col && m.right > col);
}

/** A row of captions only, right of `labelCol`: `Division/Unit` however spaced, or one label merged across columns. */
function isCaptionRow(sheet: Sheet, row: number, labelCol: number): boolean {
  const cells = sheet.rows[row] ?? [];
  const labels = labelsOf(cells, labelCol);
  if (labels.length > 0) return isCaption(sheet, row, labels);
  let captions = 0;
  for (let c = labelCol + 1; c < cells.length; c++) {
    if (isBlank(cells[c])) continue;
    if (!CAPTION_KEY.test(normalizeKey(cells[c]).replace(/ /g, ""))) return false;
    captions++;
  }
  return captions > 0;
}

/** How many rows a search for a matrix's labels passes over (blank rows aside): captions and a title, no more. */
const LABEL_SEARCH_ROWS = 3;

/**
 * The row of column labels nearest to `from` going `step` (+1 down, -1 up) within `[lo, hi)`: rows with no label
 * (a title alone) and captions are passed over.
 */
function labelRowNear(sheet: Sheet, from: number, step: 1 | -1, lo: number, hi: number, labelCol: number) {
  for (let r = from, passed = 0; r >= lo && r < hi && passed <= LABEL_SEARCH_ROWS; r += step) {
    const cells = sheet.rows[r];
    if (isBlankCells(cells)) continue;
    const labels = labelsOf(cells, labelCol);
    if (labels.length > 0 && !isCaption(sheet, r, labels)) return { row: r, labels };
    passed++;
  }
  return null;
}

/** How a cell reads in a matrix: only answers, `NA` and checkboxes make a row a matrix row. */
const readsAsAnswer = memoizeText((text: string): boolean => {
  const kind = readSection0Cell(text).kind;
  return kind === "answers" || kind === "notAddressed" || kind === "addressed";
});

/** The columns right of `lead` whose cells read as answers. */
function answerColumns(cells: readonly CellValue[], lead: number): number[] {
  const cols: number[] = [];
  for (let c = lead + 1; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v === "string" && v.length <= HEADER_CELL_MAX && v.trim() !== "" && readsAsAnswer(v)) cols.push(c);
  }
  return cols;
}

/** A row led by a recommendation (its first filled cell) whose other cells are mostly answers: the lead's column, else -1. */
function matrixRowLead(cells: readonly CellValue[] | undefined): number {
  if (!cells) return -1;
  const lead = firstFilled(cells);
  if (lead < 0 || recommendationCell(cells[lead]) === null) return -1;
  const answers = answerColumns(cells, lead).length;
  let filled = 0;
  for (let c = lead + 1; c < cells.length; c++) if (!isBlank(cells[c])) filled++;
  // Two answers at least, most of the row: a lone `Rejected` beside a text is no matrix (a title announces a narrow one)
  return answers >= 2 && answers * 2 >= filled ? lead : -1;
}

/** The column of a cell announcing a matrix on a row: a Section 0 title, a `Division/Unit` caption alone, a `Recommendation` label on a sheet named Section 0. */
function anchorColumn(cells: readonly CellValue[], namedSection0: boolean): number {
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (typeof v !== "string" || v.length > 80) continue;
    const key = normalizeKey(v);
    if (!key) continue;
    if (SECTION0_TITLE.test(key) || (namedSection0 && /^recommendations?$/.test(key))) return c;
    const squeezed = key.replace(/ /g, "");
    if (/division|unit/.test(squeezed) && CAPTION_KEY.test(squeezed) && cells.every((w, k) => k === c || isBlank(w))) return Math.max(0, c - 1);
  }
  return -1;
}

/**
 * The first Section 0 matrix of a region at or below `from`: under a Section 0 title (or a `Division/Unit` caption
 * alone on its row, or a `Recommendation` label on a sheet named Section 0), every row led by a recommendation;
 * else rows led by a recommendation whose cells read as answers, under the nearest row of labels above them.
 */
function findMatrix(sheet: Sheet, region: Region, from: number): Block | null {
  const namedSection0 = /^section 0\b/.test(normalizeKey(sheet.name));
  for (let r = from; r < region.end; r++) {
    const cells = sheet.rows[r];
    if (isBlankCells(cells)) continue;
    const anchor = anchorColumn(cells, namedSection0);
    if (anchor >= 0) {
      const near = labelRowNear(sheet, r, 1, r, region.end, anchor);
      if (near) return matrixBlock(sheet, region, from, r, { labelRow: near.row, labelCol: anchor, columns: near.labels }, true);
    }
    const lead = matrixRowLead(cells);
    if (lead < 0) continue;
    const near = labelRowNear(sheet, r - 1, -1, from, r, lead);
    if (!near) continue;
    const answerCols = answerColumns(cells, lead);
    if (answerCols.filter((c) => near.labels.some((l) => l.col === c)).length * 2 < answerCols.length) continue;
    return matrixBlock(sheet, region, from, near.row, { labelRow: near.row, labelCol: lead, columns: near.labels }, false);
  }
  return null;
}

/**
 * A matrix's block: its rows led by a recommendation down to the region's end (under a title every one; found by
 * its answers, those with a filled cell), and the caption or title right above its labels.
 */
function matrixBlock(sheet: Sheet, region: Region, from: number, anchorRow: number, frame: Omit<MatrixFrame, "rows">, anchored: boolean): Block | null {
  const { labelRow, labelCol, columns } = frame;
  const rows: number[] = [];
  for (let r = labelRow + 1; r < region.end; r++) {
    const cells = sheet.rows[r];
    if (!cells || firstFilled(cells) !== labelCol || recommendationCell(cells[labelCol]) === null) continue;
    if (anchored || columns.some(({ col }) => !isBlank(cells[col]))) rows.push(r);
  }
  if (rows.length === 0) return null;
  let top = Math.min(anchorRow, labelRow);
  for (let r = top - 1; r >= from && r >= top - LABEL_SEARCH_ROWS; r--) {
    const cells = sheet.rows[r];
    if (isBlankCells(cells)) continue;
    if (sectionTitle(cells) === null && !isCaptionRow(sheet, r, labelCol)) break;
    top = r;
  }
  return {
    sheet, shape: "matrix", top, end: rows[rows.length - 1] + 1, left: labelCol, right: columns[columns.length - 1].col,
    title: null, headers: [], frame: { ...frame, rows }, signatureRow: null,
  };
}

/**
 * The header of the sheet's table that has all the `required` columns, wherever it sits (the one naming the most
 * roles when several do), or null. For readers that know which sheet holds their table but not where.
 */
export function tableHeader(sheet: Sheet, required: readonly Role[]): ColumnMap | null {
  let best: ColumnMap | null = null;
  let bestScore = -1;
  for (const block of segmentSheet(sheet)) {
    if (block.shape !== "table") continue;
    const map = blockColumnMap(sheet, block.headers[0]);
    if (!required.every((role) => map.roles[role] !== undefined)) continue;
    const score = Object.keys(map.roles).length + map.followUps.length;
    if (score > bestScore) {
      best = map;
      bestScore = score;
    }
  }
  return best;
}
