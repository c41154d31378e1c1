/**
 * The layouts the core recognises, and how a workbook is read with them: its sheets are cut into blocks
 * (blocks.ts), each block is recognised as the layout that scores it best, and the blocks make the matrix together.
 * Adding a layout: one module exporting a Layout, one line here.
 */

import type { Sheet, Workbook } from "../grid";
import type { BlockCounts, BlockUse, MatrixBlock, Recommendation, Response, ResponseMatrix, Section0Matrix, StatusColumn, Unit } from "../model";
import { ROLE_LABELS, type Role } from "../headers";
import { joinWithAnd, normalizeKey } from "../text";
import { UnitDirectory } from "../units";
import { segmentWorkbook, type Block } from "./blocks";
import { canonicalResponses, impliedRecommendations, noResponsesTableSentence, readTable, recommendationsList, settleUnits, unitsList } from "./canonical";
import { LayoutError } from "./errors";
import type { BlockReading, DetailReading, Layout, LayoutContext, ReadContext } from "./layout";
import { LAYOUT_ID as MAPPED, LAYOUT_NAME as MAPPED_NAME, REQUIRED_ROLES, sheetChoice } from "./mapped";
import { oios } from "./oios";
import { reportText } from "./report-text";
import { readSection0Alone, section0, unitsOfColumn } from "./section0";
import { sectionIII } from "./section-iii";
import { singleUnit } from "./single-unit";
import { blockColumnMap, type ColumnMap } from "./table";

export type { Layout } from "./layout";

export const LAYOUTS: readonly Layout[] = [canonicalResponses, unitsList, recommendationsList, sectionIII, section0, singleUnit, oios, reportText];

/** The name of a layout id, for messages. */
export function layoutName(id: string): string {
  if (id === MAPPED) return MAPPED_NAME;
  return LAYOUTS.find((l) => l.id === id)?.name ?? `the ${id} layout`;
}

/** A table the user chose (Settings → Sheet and columns), read instead of the recognised answers. */
export interface ChosenTable {
  sheet: Sheet;
  map: ColumnMap;
}

/** A block, the layout it was recognised as, and what reading it gave. */
interface Found {
  block: Block;
  layout: Layout | null;
  reading: BlockReading | null;
}

/** The layout scoring a block best, or null when none scores it above 0. */
function recognise(block: Block, context: LayoutContext): Layout | null {
  let best: Layout | null = null;
  let bestScore = 0;
  for (const layout of LAYOUTS) {
    const score = layout.classify(block, context);
    if (score > bestScore) {
      best = layout;
      bestScore = score;
    }
  }
  return best;
}

/** Of the blocks recognised as `layout`, the one on a sheet named for it (it scores higher), else the first. */
function bestOf(found: readonly Found[], layout: Layout, context: LayoutContext): Found | undefined {
  const all = found.filter((f) => f.layout === layout);
  return all.reduce<Found | undefined>((best, f) => (!best || layout.classify(f.block, context) > layout.classify(best.block, context) ? f : best), undefined);
}

/**
 * Reads a workbook: every block of every sheet, recognised by what it holds. Blocks of answers (Section III, single
 * unit, OIOS, canonical Responses) make the matrix together; Section 0 matrices are checked against them, or read as
 * the answers when there are none; a list of units and one of recommendations give those. `chosen`, the user's
 * mapped table, is read instead of the recognised answers. Throws LayoutError with a sentence when nothing is read.
 */
export function readBlocks(workbook: Workbook, asOf: number, chosen?: ChosenTable): ResponseMatrix {
  const blocks = segmentWorkbook(workbook);
  const context: LayoutContext = { workbook, blocks };
  const layouts = new Map(blocks.map((b) => [b, recognise(b, context)]));
  const found: Found[] = blocks.map((block) => ({ block, layout: layouts.get(block) ?? null, reading: null }));
  // The list of units first: the other blocks' unit names resolve through it
  const unitsFound = bestOf(found, unitsList, context);
  const bare: ReadContext = { ...context, asOf, listedUnits: [], layoutOf: (b) => layouts.get(b) ?? null };
  const unitsReading = unitsFound ? unitsList.read(unitsFound.block, bare) : null;
  const listedUnits = unitsReading?.part === "units" ? unitsReading.units : [];
  const readContext: ReadContext = { ...bare, listedUnits };
  for (const f of found) if (f.layout) f.reading = f.layout.read(f.block, readContext);

  const recsFound = bestOf(found, recommendationsList, context);
  const details: { found: Found | null; detail: DetailReading }[] = [];
  if (chosen) details.push({ found: null, detail: readTable(chosen.sheet, chosen.map, readContext) });
  else for (const f of found) if (f.reading?.part === "answers") details.push({ found: f, detail: f.reading.detail });
  let alone: Found | null = null;
  if (details.length === 0) {
    alone = found.find((f) => f.reading?.part === "section0") ?? null;
    if (!alone) throw new LayoutError(nothingReadSentence(workbook, found));
    const unread = found.find((f) => f.block.shape === "table" && !f.layout && detailLike(f.block));
    if (unread) throw new LayoutError(section0OnlySentence(alone.block, unread.block));
    const s0 = (alone.reading as { section0: Section0Matrix }).section0;
    details.push({ found: alone, detail: readSection0Alone(s0, alone.block.sheet, workbook.sheets, listedUnits) });
  }

  const main = details.reduce((best, d) => (d.detail.responses.length > best.detail.responses.length ? d : best), details[0]);
  const { units, directory, unitsListed } = settle(details.map((d) => d.detail), listedUnits);
  const listed = recsFound?.reading?.part === "recommendations" ? recsFound.reading.read(directory) : [];
  const explicitAddressing = listed.length > 0;
  const recommendations = explicitAddressing ? listed : mergeRecommendations(details.map((d) => d.detail), directory);

  // The blocks as read, in sheet and row order; each response points at its own
  const described: MatrixBlock[] = [];
  const indexOf = new Map<Found | null, number>();
  const chosenBlock = chosen ? chosenMatrixBlock(chosen, details[0].detail) : null;
  for (const f of found) {
    if (chosenBlock && f.block.sheet === chosen!.sheet && chosenBlock.top >= f.block.top && chosenBlock.top < f.block.end) {
      if (!indexOf.has(null)) indexOf.set(null, described.push(chosenBlock) - 1);
      continue;
    }
    const use = useOf(f, { alone, unitsFound, recsFound, chosen: !!chosen });
    const block = describeBlock(f, use, directory, details.find((d) => d.found === f)?.detail);
    if (block) indexOf.set(f, described.push(block) - 1);
  }
  if (chosenBlock && !indexOf.has(null)) indexOf.set(null, described.push(chosenBlock) - 1);
  const responses: Response[] = [];
  for (const d of details) {
    const index = indexOf.get(d.found);
    for (const r of d.detail.responses) {
      r.block = index;
      responses.push(r);
    }
  }
  const checked = described.filter((b) => b.use === "checked" && b.section0);

  return {
    layout: chosen ? MAPPED : main.found!.layout!.id,
    title: [main, ...details].map((d) => d.detail.title).find(Boolean) || (workbook.name ?? "").replace(/\.xlsx$/i, ""),
    asOf,
    units,
    recommendations,
    responses,
    columns: new Set(details.flatMap((d) => [...d.detail.columns])),
    statusColumns: unionStatusColumns(details.map((d) => d.detail.statusColumns)),
    responsesSheet: chosen ? chosen.sheet.name : main.found!.block.sheet.name,
    responseDate: [main, ...details].map((d) => d.detail.responseDate).find((d) => d !== null) ?? null,
    explicitAddressing,
    unitsListed,
    ...(checked.length ? { section0: checked[0].section0! } : {}),
    blocks: described,
  };
}

/**
 * The units of the answers: the listed ones when the workbook lists them; else those the blocks name (a form's unit,
 * an audited entity), then those of the other blocks' rows in order of first appearance.
 */
function settle(details: readonly DetailReading[], listed: Unit[]): { units: Unit[]; directory: UnitDirectory; unitsListed: boolean } {
  if (listed.length > 0) return { units: listed, directory: new UnitDirectory(listed), unitsListed: true };
  const given = details.flatMap((d) => d.units ?? []);
  const settled = settleUnits([], details.filter((d) => !d.units).flatMap((d) => d.responses));
  if (given.length === 0) return settled;
  const seen = new Set<string>();
  const units = [...given, ...settled.units].filter((u) => {
    const key = normalizeKey(u.code) || u.code;
    return !seen.has(key) && seen.add(key);
  });
  return { units, directory: new UnitDirectory(units), unitsListed: false };
}

/**
 * The recommendations of the answers when no list gives them: those a block lists, else those its rows imply
 * (SPEC section 2); a recommendation several blocks have is addressed to the units of all of them.
 */
function mergeRecommendations(details: readonly DetailReading[], directory: UnitDirectory): Recommendation[] {
  const byNumber = new Map<string, Recommendation>();
  for (const d of details) {
    const recs = d.recommendations ?? impliedRecommendations(d.responses, directory).map((r) => ({ ...r, text: d.texts.get(r.number) ?? "" }));
    for (const rec of recs) {
      const known = byNumber.get(rec.number);
      if (!known) byNumber.set(rec.number, rec);
      else byNumber.set(rec.number, { ...known, text: known.text || rec.text, addressedTo: directory.sort([...new Set([...known.addressedTo, ...rec.addressedTo])]) });
    }
  }
  return [...byNumber.values()];
}

/** The status columns of every block of answers, one per sheet column (the first naming it), left to right. */
function unionStatusColumns(lists: readonly StatusColumn[][]): StatusColumn[] {
  if (lists.length === 1) return lists[0];
  const byCol = new Map<number, StatusColumn>();
  for (const list of lists) for (const sc of list) if (!byCol.has(sc.col)) byCol.set(sc.col, sc);
  return [...byCol.values()].sort((a, b) => a.col - b.col);
}

/** How a block was used in the matrix. */
function useOf(f: Found, read: { alone: Found | null; unitsFound?: Found; recsFound?: Found; chosen: boolean }): BlockUse {
  const part = f.reading?.part;
  if (part === "answers") return read.chosen ? "aside" : "answers";
  if (part === "section0") return f === read.alone ? "answers" : "checked";
  if (part === "joined") return read.chosen ? "aside" : "joined";
  if (part === "units") return f === read.unitsFound ? "list" : "aside";
  if (part === "recommendations") return f === read.recsFound ? "list" : "aside";
  return "aside";
}

/** A table of answers not recognised: its header names a unit or an acceptance column. */
function detailLike(block: Block): boolean {
  const { roles } = blockColumnMap(block.sheet, block.headers[0]);
  return roles.unit !== undefined || roles.acceptance !== undefined;
}

/** What a block holds, where, and how it was used; null for loose rows that are nothing in particular. */
function describeBlock(f: Found, use: BlockUse, directory: UnitDirectory, detail?: DetailReading): MatrixBlock | null {
  const { block, layout, reading } = f;
  if (block.shape === "loose" && !layout) return null;
  let counts: BlockCounts = {};
  let section0: Section0Matrix | null = null;
  let note: string | null = null;
  if (detail) counts = answerCounts(detail.responses);
  if (reading?.part === "section0") {
    section0 = reading.section0;
    counts = { ...columnCounts(section0, directory), recommendations: new Set(section0.rows.map((r) => r.number)).size };
  }
  if (reading?.part === "units") counts = { units: reading.units.length };
  if (reading?.part === "recommendations") counts = { recommendations: reading.count };
  if (reading?.part === "joined") {
    counts = { recommendations: reading.recommendations };
    note = `statuses read with the answers on '${reading.with}'`;
  }
  if (reading?.part === "text") {
    counts = { recommendations: reading.recommendations };
    note = reading.sentence;
  }
  if (!layout) note = `not recognised${headerRolesNote(block)}`;
  return {
    kind: layout?.id ?? "table",
    name: layout?.blockName ?? "table",
    use,
    sheet: block.sheet.name,
    top: block.top,
    left: Number.isFinite(block.left) ? block.left : 0,
    bottom: Math.max(block.top, block.end - 1),
    right: Math.max(0, block.right),
    counts,
    columns: detail?.columns ?? new Set(),
    statusColumns: detail?.statusColumns ?? [],
    section0,
    note,
  };
}

/** The block the user's mapping chose: from its header row to the last row. */
function chosenMatrixBlock(chosen: ChosenTable, detail: DetailReading): MatrixBlock {
  const rows = chosen.sheet.rows;
  let bottom = rows.length - 1;
  while (bottom > chosen.map.headerRow && (rows[bottom] ?? []).every((v) => v === "" || v === null || v === undefined)) bottom--;
  const cols = [...Object.values(chosen.map.roles), ...chosen.map.followUps];
  return {
    kind: MAPPED, name: "your column mapping", use: "answers", sheet: chosen.sheet.name, top: chosen.map.headerRow, left: Math.min(...cols),
    bottom: Math.max(bottom, chosen.map.headerRow), right: Math.max(...cols), counts: answerCounts(detail.responses),
    columns: detail.columns, statusColumns: detail.statusColumns, section0: null, note: null,
  };
}

/** Units, recommendations and answers of a block's rows. */
function answerCounts(responses: readonly Response[]): BlockCounts {
  const units = new Set<string>();
  const recommendations = new Set<string>();
  for (const r of responses) {
    const unit = r.unit ?? r.unitText;
    if (unit) units.add(unit);
    if (r.number !== null) recommendations.add(r.number);
  }
  return { units: units.size, recommendations: recommendations.size, answers: responses.length };
}

/** A Section 0 matrix's columns, counted as divisions or units when they all are one of them. */
function columnCounts(s0: Section0Matrix, directory: UnitDirectory): BlockCounts {
  const n = s0.columns.length;
  if (n > 0 && s0.columns.every((c) => (directory.division(c.label)?.length ?? 0) > 0)) return { divisions: n };
  if (n > 0 && s0.columns.every((c) => unitsOfColumn(directory, c.label)?.length === 1)) return { units: n };
  return { columns: n };
}

/** The roles a table's header names, for a sentence: ` (columns "No.", "Unit")`. */
function headerRolesNote(block: Block): string {
  if (block.shape !== "table") return "";
  const { roles } = blockColumnMap(block.sheet, block.headers[0]);
  const named = (Object.keys(roles) as Role[]).map((r) => `"${ROLE_LABELS[r]}"`);
  return named.length ? ` (columns ${joinWithAnd(named)})` : "";
}

/** Why nothing was read: report text, a Responses sheet without its header row, or the columns no sheet has. */
function nothingReadSentence(workbook: Workbook, found: readonly Found[]): string {
  const text = found.find((f) => f.reading?.part === "text");
  if (text?.reading?.part === "text") return text.reading.sentence;
  return noResponsesTableSentence(workbook) ?? noLayoutSentence(workbook, found.map((f) => f.block));
}

/** A Section 0 matrix is not read as the answers when a table that looks like them was not recognised: it says what was found. */
function section0OnlySentence(s0: Block, unread: Block): string {
  const { roles } = blockColumnMap(unread.sheet, unread.headers[0]);
  const missing = REQUIRED_ROLES.filter((r) => roles[r] === undefined).map((r) => `"${ROLE_LABELS[r]}"`);
  const lacks = missing.length ? `: it has no column ${joinWithAnd(missing, "or")}` : "";
  return (
    `Found a Section 0 matrix on the sheet '${s0.sheet.name}' but no detailed responses to check it against: the table at ` +
    `'${unread.sheet.name}' row ${unread.headers[0].headerRow + 1} was not recognised${lacks}. ` +
    `Add ${missing.length > 1 ? "these headers" : "this header"} above its rows, or choose its sheet and columns in the task pane under Settings → Sheet and columns.`
  );
}

/** The roles a sheet's likeliest header names: its tables' header closest to a table of responses, else the pane's guess. */
function headerRolesOf(sheet: Sheet, blocks: readonly Block[]): Set<Role | null> {
  let best: Set<Role | null> | null = null;
  for (const block of blocks) {
    if (block.sheet !== sheet || block.shape !== "table") continue;
    const roles = new Set<Role | null>(Object.keys(blockColumnMap(sheet, block.headers[0]).roles) as Role[]);
    if (!best || REQUIRED_ROLES.filter((r) => roles.has(r)).length > REQUIRED_ROLES.filter((r) => best!.has(r)).length) best = roles;
  }
  return best ?? new Set(sheetChoice(sheet).headers.map((h) => h.role));
}

/**
 * Why no layout was recognised: the columns of a table of responses that no sheet has, and how to map them.
 * Each sheet's header is its tables' (found at any depth), else the likeliest of its first rows.
 */
export function noLayoutSentence(workbook: Workbook, blocks: readonly Block[] = segmentWorkbook(workbook)): string {
  const quoted = (roles: readonly Role[]) => joinWithAnd(roles.map((r) => `"${ROLE_LABELS[r]}"`));
  const settings = "the task pane under Settings → Sheet and columns";
  // Roles are looked for in each sheet's likeliest header row: a data cell `Accepted` is not an Acceptance header.
  // The closest sheet lacks the fewest; it is named only when no other sheet is as close.
  let closest: { name: string; missing: Role[] } | null = null;
  let tied = false;
  for (const sheet of workbook.sheets) {
    const headerRoles = headerRolesOf(sheet, blocks);
    const missing = REQUIRED_ROLES.filter((role) => !headerRoles.has(role));
    if (!closest || missing.length < closest.missing.length) {
      closest = { name: sheet.name, missing };
      tied = false;
    } else if (missing.length === closest.missing.length) {
      tied = true;
    }
  }
  if (closest && closest.missing.length === 0) {
    return (
      `The sheet '${closest.name}' has the columns ${quoted(REQUIRED_ROLES)} but was not recognised as a table of responses. ` +
      `Rename it "Responses", or choose it and its columns in ${settings}.`
    );
  }
  const missing = closest?.missing ?? REQUIRED_ROLES;
  const found = REQUIRED_ROLES.filter((r) => !missing.includes(r));
  const where =
    workbook.sheets.length === 0
      ? " (the workbook has no sheets)"
      : closest && found.length > 0 && !tied
        ? ` (the closest, '${closest.name}', has ${quoted(found)})`
        : "";
  return (
    `No sheet has the column${missing.length > 1 ? "s" : ""} ${quoted(missing)} that a table of responses needs${where}. ` +
    `Add ${missing.length > 1 ? "these headers" : "this header"} above the table, or choose the sheet and columns in ${settings}.`
  );
}
