/**
 * The OIOS management response (SPEC 3.4, seeds 001 and 003): an audit report's Appendix I "Management response"
 * table (`Rec. no.`, `Recommendation`, `Critical/Important`, `Accepted? (Yes/No)`, `Title of responsible individual`,
 * `Implementation date`, `Client comments`) and its Annex I "Status of audit recommendations" table (`C/O`), on one
 * sheet or two, joined by recommendation number: acceptance, responsible, date and comments from Appendix I, the
 * status from Annex I's C/O (C = Implemented, O = open). Annex I's date is used only where Appendix I gives none.
 *
 * The audited entity answers every recommendation: it is named in a labelled cell above a table (`Entity:`), else by
 * the acronym closing the audit's title (`... in Mali (MINUSMA)`), else by the sheet's name. The offices named as
 * responsible for each recommendation (seed 003: "Chief of Staff; Director Mission Support; Gender Unit") are people
 * acting for that entity, not units answering on their own: they stay the row's Responsible text.
 *
 * Headers repeated on every page, page titles and footnotes (`¹ Critical recommendations address ...`) are skipped;
 * a row with no number and no answer continues the row above it across a page break (its texts are appended).
 */

import { cellAt, isBlank, type CellAddress, type CellValue, type Sheet, type Workbook } from "../grid";
import { headerRole, type Role } from "../headers";
import type { Recommendation, Response, StatusCell, StatusColumn, Unit } from "../model";
import { readDate, type DateReading } from "../dates";
import { displayText, normalizeKey } from "../text";
import { readAcceptance, readStatus } from "../vocabulary";
import type { Block } from "./blocks";
import { statusColumns } from "./canonical";
import { type DetailReading, type Layout, type LayoutContext, type ReadContext, workbookScore } from "./layout";
import { columnMapOfTexts, headerText, isBlankRow, recommendationCell, type ColumnMap } from "./table";
import { RowStatus, TableColumns } from "./row-cells";

export const LAYOUT_ID = "oios";
export const LAYOUT_NAME = "the OIOS management response (Appendix I and Annex I)";

/** Header words only OIOS forms use: one of them tells this layout from a plain single-unit form. */
const OIOS_HEADERS = new Set(["c o", "accepted yes no", "title of responsible individual", "client comments", "critical important", "actions needed to close recommendation"]);
const ENTITY_LABELS = new Set(["entity", "audited entity", "unit", "client", "mission", "office", "entite", "entite auditee", "unite", "bureau"]);
const TITLE_LABELS = new Set(["title", "titre", "audit", "report title", "audit title"]);
/** Text roles a page-broken row continues. */
const TEXT_ROLES: readonly Role[] = ["recommendation", "responsible", "comments", "action"];

type Kind = "appendix" | "annex";

interface Table {
  kind: Kind;
  sheet: Sheet;
  map: ColumnMap;
  /** Where its rows' cells are (the number cell standing for the entity too), made when first asked for. */
  columns?: TableColumns;
}

/** One row of a table, with the texts of continuation rows appended. */
interface Entry {
  number: string;
  sheet: Sheet;
  row: number;
  block: Block;
  table: Table;
  texts: Partial<Record<Role, string>>;
}

/** The table a header row opens: its first filled cell names the No. column and a cell names Acceptance or C/O. */
function headerAt(sheet: Sheet, r: number): Table | null {
  const row = sheet.rows[r] ?? [];
  const first = row.findIndex((v) => !isBlank(v));
  if (first < 0 || typeof row[first] !== "string" || headerRole(headerText(row[first])) !== "number") return null;
  const map = columnMapOfTexts(r, Array.from({ length: row.length }, (_, c) => headerText(cellAt(sheet, r, c))));
  if (map.roles.number === undefined || map.roles.recommendation === undefined) return null;
  if (map.roles.acceptance !== undefined) return { kind: "appendix", sheet, map };
  if (map.roles.status !== undefined) return { kind: "annex", sheet, map };
  return null;
}

/** True when the header names a column only OIOS forms have. */
function isOiosHeader(t: Table): boolean {
  return t.map.headers.some((h) => OIOS_HEADERS.has(normalizeKey(h)));
}

/** The kinds of OIOS tables among the workbook's blocks, and whether any has a header only OIOS forms use. */
const kindsFound = new WeakMap<LayoutContext, { kinds: Set<Kind>; oios: boolean }>();

function workbookTables(context: LayoutContext): { kinds: Set<Kind>; oios: boolean } {
  let found = kindsFound.get(context);
  if (!found) {
    found = { kinds: new Set(), oios: false };
    for (const block of context.blocks) {
      const t = block.shape === "table" ? headerAt(block.sheet, block.headers[0].headerRow) : null;
      if (!t) continue;
      found.kinds.add(t.kind);
      found.oios ||= isOiosHeader(t);
    }
    kindsFound.set(context, found);
  }
  return found;
}

/** The OIOS tables: Appendix I's answers (0.8), more when Annex I's statuses are there too (0.9). */
export const oios: Layout = {
  id: LAYOUT_ID,
  name: LAYOUT_NAME,
  blockName: "OIOS table",
  classify(block, context) {
    if (block.shape !== "table" || !headerAt(block.sheet, block.headers[0].headerRow)) return 0;
    const { kinds, oios: found } = workbookTables(context);
    if (!found) return 0;
    return kinds.size === 2 ? 0.9 : 0.8;
  },
  read(block, context) {
    const group = readGroup(context);
    if (block === group.mainBlock) return { part: "answers", detail: group.detail };
    return { part: "joined", recommendations: new Set(group.entries.filter((e) => e.block === block).map((e) => e.number)).size, with: group.mainBlock.sheet.name };
  },
};

/** How well the workbook matches the OIOS forms (0 when no block does). */
export function detectOios(workbook: Workbook): number {
  return workbookScore(oios, workbook);
}

/**
 * Every row of every OIOS block: header rows (first or repeated) switch tables, numbered rows are entries, the
 * rest is skipped or continues the row above.
 */
function readTables(blocks: readonly Block[]): { entries: Entry[]; tables: Table[]; firstHeaders: { sheet: Sheet; row: number }[] } {
  const entries: Entry[] = [];
  const tables: Table[] = [];
  const firstHeaders: { sheet: Sheet; row: number }[] = [];
  const lastOfSheet = new Map<Sheet, Partial<Record<Kind, Entry>>>();
  for (const block of blocks) {
    const { sheet } = block;
    let table: Table | null = null;
    const last = lastOfSheet.get(sheet) ?? {};
    lastOfSheet.set(sheet, last);
    for (let r = block.headers[0].headerRow; r < block.end; r++) {
      const numberCell: CellValue = table ? cellAt(sheet, r, table.map.roles.number!) : "";
      const number = table ? recommendationCell(numberCell) : null;
      if (number === null && isBlankRow(sheet, r)) continue;
      // Only a cell that is no number can name a header: most rows are looked at once
      if (!table || (number === null && !isBlank(numberCell))) {
        const header = headerAt(sheet, r);
        if (header) {
          const same: Table | undefined = tables.find((t) => t.sheet === sheet && t.kind === header.kind && sameColumns(t.map, header.map));
          if (!same) {
            tables.push(header);
            firstHeaders.push({ sheet, row: r });
          }
          table = same ?? header;
          continue;
        }
      }
      if (!table) continue;
      const answerCol = table.kind === "appendix" ? table.map.roles.acceptance! : table.map.roles.status!;
      const previous = last[table.kind];
      if (number || (isBlank(numberCell) && !isBlank(cellAt(sheet, r, answerCol)) && previous)) {
        // A row with an answer and no number inherits the number above (a merged cell)
        const entry: Entry = { number: number ? number.number : previous!.number, sheet, row: r, block, table, texts: {} };
        for (const role of TEXT_ROLES) {
          const col = table.map.roles[role];
          if (col !== undefined) entry.texts[role] = displayText(cellAt(sheet, r, col));
        }
        if (number?.text && !entry.texts.recommendation) entry.texts.recommendation = number.text;
        entries.push(entry);
        last[table.kind] = entry;
      } else if (isBlank(numberCell) && previous && previous.table === table) {
        // The rest of the row above, carried over a page break
        for (const role of TEXT_ROLES) {
          const col = table.map.roles[role];
          const more = col === undefined ? "" : displayText(cellAt(sheet, r, col));
          if (more) previous.texts[role] = `${previous.texts[role] ?? ""} ${more}`.trim();
        }
      }
      // Anything else (page titles, footnotes, a cover letter) is not part of a table
    }
  }
  return { entries, tables, firstHeaders };
}

/** Two header rows with the same roles in the same columns (a header repeated on a new page). */
function sameColumns(a: ColumnMap, b: ColumnMap): boolean {
  const ka = Object.entries(a.roles).sort().join();
  return ka === Object.entries(b.roles).sort().join();
}

/** A labelled cell above the first table of a sheet (a table lower down has the first one's rows above it). */
function labelled(firstHeaders: { sheet: Sheet; row: number }[], labels: ReadonlySet<string>): { text: string; at: CellAddress } | null {
  const visited = new Set<Sheet>();
  for (const { sheet, row } of firstHeaders) {
    if (visited.has(sheet)) continue;
    visited.add(sheet);
    for (let r = 0; r < row; r++) {
      const cells = sheet.rows[r] ?? [];
      for (let c = 0; c < cells.length; c++) {
        if (!labels.has(normalizeKey(cells[c]))) continue;
        for (let k = c + 1; k < cells.length; k++) {
          if (!isBlank(cells[k])) return { text: displayText(cells[k]), at: { sheet: sheet.name, row: r, col: k } };
        }
      }
    }
  }
  return null;
}

/** The audit's title: the nearest line of one cell, of a title's length, above a table (`Audit of ... in Mali (MINUSMA)`). */
function titleAbove(firstHeaders: { sheet: Sheet; row: number }[]): string {
  for (const { sheet, row } of firstHeaders) {
    for (let r = row - 1, seen = 0; r >= 0 && seen < 4; r--) {
      const cells = (sheet.rows[r] ?? []).filter((v) => !isBlank(v));
      if (cells.length === 0) continue;
      seen++;
      const t = cells.length === 1 ? displayText(cells[0]) : "";
      if (t.length >= 30 && t.length <= 250) return t;
    }
  }
  return "";
}

/** The OIOS blocks read together, once per reading of the workbook. */
interface Group {
  entries: Entry[];
  mainBlock: Block;
  detail: DetailReading;
}
const groups = new WeakMap<ReadContext, Group>();

/**
 * Reads the workbook's OIOS blocks together: Appendix I's answers (else Annex I's rows), each with Annex I's C/O
 * as its status; the recommendations Annex I alone lists are addressed to the entity and left unanswered.
 */
function readGroup(context: ReadContext): Group {
  const known = groups.get(context);
  if (known) return known;
  const blocks = context.blocks.filter((b) => context.layoutOf(b) === oios);
  const { entries, tables, firstHeaders } = readTables(blocks);
  const appendixTable = tables.find((t) => t.kind === "appendix");
  const annexTable = tables.find((t) => t.kind === "annex");
  const main = appendixTable ?? annexTable!;
  const title = labelled(firstHeaders, TITLE_LABELS)?.text || titleAbove(firstHeaders);
  const entityCell = labelled(firstHeaders, ENTITY_LABELS);
  const acronym = /\(([A-Z][A-Z0-9&/-]{1,15})\)\s*$/.exec(title || (context.workbook.name ?? "").replace(/\.xlsx$/i, ""))?.[1];
  const entity = entityCell?.text || acronym || main.sheet.name;

  // Annex I's C/O, by number (the first row of each number)
  const annex = new Map<string, Entry>();
  for (const e of entries) if (e.table.kind === "annex" && !annex.has(e.number)) annex.set(e.number, e);
  const coColumn: StatusColumn | null = (annexTable && statusColumns(annexTable.map).find((c) => c.role === "status")) || null;

  const responses: Response[] = [];
  for (const e of entries) {
    if (e.table.kind !== main.kind) continue;
    const status = main.kind === "annex" ? e : annex.get(e.number);
    responses.push(responseOf(e, status, coColumn, entity));
  }

  const recommendations: Recommendation[] = [];
  const seen = new Set<string>();
  // Appendix I's numbers first, then those only Annex I lists (not answered: missing-response says so)
  for (const e of [...entries.filter((x) => x.table.kind === main.kind), ...entries.filter((x) => x.table.kind !== main.kind)]) {
    if (seen.has(e.number)) continue;
    seen.add(e.number);
    const other = annex.get(e.number);
    recommendations.push({
      number: e.number,
      text: e.texts.recommendation || other?.texts.recommendation || "",
      priority: textOf(e, "priority") || (other ? textOf(other, "priority") : ""),
      category: "",
      addressedTo: [entity],
      addressedUnknown: [],
      at: { sheet: e.sheet.name, row: e.row, col: e.table.map.roles.number! },
      addressedAt: null,
    });
  }

  const columns = new Set<Role>(Object.keys(main.map.roles) as Role[]);
  if (annexTable) {
    columns.add("status");
    if (annexTable.map.roles.targetDate !== undefined) columns.add("targetDate");
  }
  const units: Unit[] = [{ code: entity, name: entity, division: entity, aliases: [], at: entityCell?.at ?? null }];
  const mainBlock = blocks.find((b) => headerAt(b.sheet, b.headers[0].headerRow)?.kind === main.kind && b.sheet === main.sheet) ?? blocks[0];
  const group: Group = {
    entries,
    mainBlock,
    detail: { responses, units, recommendations, texts: new Map(), columns, statusColumns: coColumn ? [coColumn] : [], title, responseDate: null },
  };
  groups.set(context, group);
  return group;
}

function textOf(e: Entry, role: Role): string {
  const col = e.table.map.roles[role];
  return col === undefined ? "" : displayText(cellAt(e.sheet, e.row, col));
}

/** One response: the entry's answer, with Annex I's C/O as its status and, where the entry gives no date, Annex I's date. */
function responseOf(e: Entry, status: Entry | undefined, coColumn: StatusColumn | null, entity: string): Response {
  const { sheet, row, table } = e;
  // The number cell stands for the entity: a second row for a recommendation is reported there
  const roles = Object.entries(table.map.roles) as [Role, number][];
  table.columns ??= new TableColumns(sheet.name, [...roles, ["unit", table.map.roles.number!]]);
  let cells = table.columns.cellsOf(row);

  let targetDate: DateReading = dateOf(e);
  const annexDateCol = status?.table.map.roles.targetDate;
  if (targetDate.kind === "blank" && status && status !== e && annexDateCol !== undefined) {
    // Annex I's date, at its own cell (a plain record: the only row whose cells are on two sheets)
    targetDate = dateOf(status);
    const plain: Partial<Record<Role, CellAddress>> = { unit: { sheet: sheet.name, row, col: table.map.roles.number! } };
    for (const [role, col] of roles) plain[role] = { sheet: sheet.name, row, col };
    plain.targetDate = { sheet: status.sheet.name, row: status.row, col: annexDateCol };
    cells = plain;
  }
  const statuses: StatusCell[] = [];
  if (coColumn && status) {
    statuses.push(new RowStatus(coColumn, readStatus(cellAt(status.sheet, status.row, coColumn.col), { openClosed: coColumn.openClosed }), status.sheet.name, status.row));
  }
  return {
    row,
    number: e.number,
    numberText: displayText(cellAt(sheet, row, table.map.roles.number!)),
    unitText: entity,
    unit: entity,
    acceptance: table.kind === "appendix" ? readAcceptance(cellAt(sheet, row, table.map.roles.acceptance!)) : { kind: "blank" },
    action: e.texts.action ?? "",
    responsible: e.texts.responsible ?? "",
    budget: "",
    targetDate,
    statuses,
    comments: e.texts.comments ?? "",
    evidence: "",
    responseDate: { kind: "blank" },
    cells,
    values: (sheet.rows[row] ?? []).map((v) => displayText(v)),
    block: 0,
  };
}

function dateOf(e: Entry): DateReading {
  const col = e.table.map.roles.targetDate;
  return col === undefined ? { kind: "blank" } : readDate(cellAt(e.sheet, e.row, col));
}
