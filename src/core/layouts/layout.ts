/**
 * What a layout is (STYLE: one module per layout, each exporting one Layout, listed in layouts/index.ts): it scores
 * how well a block of a sheet matches it, and reads a block it matches into what the block gives the matrix.
 */

import type { Workbook } from "../grid";
import type { Role } from "../headers";
import type { Recommendation, Response, Section0Matrix, StatusColumn, Unit } from "../model";
import type { UnitDirectory } from "../units";
import { segmentWorkbook, type Block } from "./blocks";

/** What a block of answers gives the matrix. */
export interface DetailReading {
  responses: Response[];
  /** Units the block names itself (a single-unit form's unit, an audited entity); null when its rows name them. */
  units: Unit[] | null;
  /** Recommendations the block lists with their addressing; null when its rows imply them (with `texts`). */
  recommendations: Recommendation[] | null;
  /** Each recommendation's text, by number, where the rows imply the recommendations. */
  texts: ReadonlyMap<string, string>;
  /** Roles the block has a column for. */
  columns: ReadonlySet<Role>;
  statusColumns: StatusColumn[];
  /** The evaluation's title found beside the block ("" when none). */
  title: string;
  /** The response date found beside the block (serial number). */
  responseDate: number | null;
}

/** What reading a block gives: answers, a Section 0 matrix, a list of units or of recommendations, report text. */
export type BlockReading =
  | { part: "answers"; detail: DetailReading }
  /** Read together with another block of its layout (an OIOS Annex I, whose statuses go with Appendix I's answers). */
  | { part: "joined"; recommendations: number; with: string }
  | { part: "section0"; section0: Section0Matrix }
  | { part: "units"; units: Unit[] }
  | { part: "recommendations"; count: number; read: (directory: UnitDirectory) => Recommendation[] }
  /** Report text: no answers, and the sentence saying what to do with it. */
  | { part: "text"; recommendations: number; sentence: string };

/** What a layout may look at beyond its block: the workbook and every block of it. */
export interface LayoutContext {
  workbook: Workbook;
  blocks: readonly Block[];
}

/** What a layout reads with: besides the workbook's blocks, the "as of" date, the listed units, the other blocks' layouts. */
export interface ReadContext extends LayoutContext {
  asOf: number;
  /** The units of the workbook's list of units (none when it has none). */
  listedUnits: Unit[];
  /** The layout a block was recognised as. */
  layoutOf(block: Block): Layout | null;
}

export interface Layout {
  /** Stable id, reported as the CLI's JSON `layout` and as a block's `kind`. */
  id: string;
  /** How people call it, for the status line: "Section III layout". */
  name: string;
  /** How a block of it is called where blocks are listed: "Section III", "Section 0 matrix". */
  blockName: string;
  /** How well a block matches, from 0 (not at all) to 1. */
  classify(block: Block, context: LayoutContext): number;
  /** Reads a block it matches; throws LayoutError with a sentence when it cannot. */
  read(block: Block, context: ReadContext): BlockReading;
}

/** How well a workbook matches a layout: the best score of its blocks. */
export function workbookScore(layout: Layout, workbook: Workbook): number {
  const context: LayoutContext = { workbook, blocks: segmentWorkbook(workbook) };
  return Math.max(0, ...context.blocks.map((b) => layout.classify(b, context)));
}
