/**
 * The model: zod schemas for what crosses the edge (workbooks from the shells, findings out to them)
 * and the types the core works with once input has been read.
 */

import { z } from "zod";
import type { CellAddress } from "./grid";
import type { Acceptance, AcceptanceReading, StatusReading } from "./vocabulary";
import type { DateReading } from "./dates";
import { ROLES, type Period, type Role } from "./headers";

const CellValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/** A workbook as the shells hand it to the core. `null` cells are read as empty. */
export const WorkbookSchema = z.object({
  name: z.string().optional(),
  sheets: z.array(
    z.object({
      name: z.string(),
      rows: z.array(z.array(z.union([CellValueSchema, z.null(), z.undefined()]).transform((v) => v ?? ""))),
      merges: z
        .array(z.object({ top: z.number().int(), left: z.number().int(), bottom: z.number().int(), right: z.number().int() }))
        .optional(),
      hidden: z.boolean().optional(),
    }),
  ),
});

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

/** One finding, as the CLI's JSON and the task pane show it. */
export const FindingSchema = z.object({
  rule: z.string(),
  severity: SeveritySchema,
  sheet: z.string(),
  cell: z.string(),
  recommendation: z.string().nullable(),
  unit: z.string().nullable(),
  message: z.string(),
  suggestion: z.string().nullable(),
});
export type Finding = z.infer<typeof FindingSchema> & { at: CellAddress };

const ColumnLetterSchema = z.string().regex(/^[A-Z]{1,3}$/);

/** The sheet and columns of the responses table as the user chose them (Settings → Sheet and columns). */
export const MappingSchema = z.object({
  sheet: z.string().min(1),
  /** 1-based, as Excel numbers rows. */
  headerRow: z.number().int().min(1),
  /** The column letter of each role. */
  columns: z.partialRecord(z.enum(ROLES), ColumnLetterSchema),
  /** Follow-up status columns. */
  followUps: z.array(ColumnLetterSchema).optional(),
});
export type Mapping = z.infer<typeof MappingSchema>;

/** Settings a workbook keeps (task pane) or a command passes (CLI). */
export const SettingsSchema = z.object({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  summaryBy: z.enum(["division", "unit"]).default("division"),
  /** Language of the summary sheet; absent: the language of the workbook's own headers. */
  summaryLanguage: z.enum(["en", "fr"]).optional().catch(undefined),
  severityOverrides: z.record(z.string(), z.union([SeveritySchema, z.literal("off")])).default({}),
  // An unreadable mapping is dropped rather than resetting every other setting
  mapping: MappingSchema.optional().catch(undefined),
});
export type Settings = z.infer<typeof SettingsSchema>;

export interface Unit {
  code: string;
  name: string;
  division: string;
  aliases: string[];
  at: CellAddress | null;
}

export interface Recommendation {
  number: string;
  text: string;
  priority: string;
  category: string;
  /** Codes of the units it is addressed to, in Units order. */
  addressedTo: string[];
  /** Names in `Addressed to` that match no unit, division or alias. */
  addressedUnknown: string[];
  at: CellAddress;
  addressedAt: CellAddress | null;
}

/** A status-bearing column of the responses sheet: Status, a follow-up period, or OIOS C/O. */
export interface StatusColumn {
  role: "status" | "followUp";
  header: string;
  col: number;
  period: Period | null;
  openClosed: boolean;
}

export interface StatusCell {
  column: StatusColumn;
  reading: StatusReading;
  at: CellAddress;
}

export interface Response {
  /** 0-based row on the responses sheet. */
  row: number;
  number: string | null;
  numberText: string;
  unitText: string;
  unit: string | null;
  acceptance: AcceptanceReading;
  action: string;
  responsible: string;
  budget: string;
  targetDate: DateReading;
  statuses: StatusCell[];
  comments: string;
  evidence: string;
  responseDate: DateReading;
  /** Where each role's cell of this row is. */
  cells: Partial<Record<Role, CellAddress>>;
  /** The row's values as text, for comparing rows. */
  values: string[];
  /** Index into the matrix's `blocks` of the block the row was read from (rules about a column look at that block's columns). */
  block?: number;
}

/** Everything the rules and the summary need, read from one workbook. */
export interface ResponseMatrix {
  layout: string;
  title: string;
  /** "As of" date, serial number. */
  asOf: number;
  units: Unit[];
  recommendations: Recommendation[];
  responses: Response[];
  /** Roles the responses sheet has a column for. */
  columns: ReadonlySet<Role>;
  statusColumns: StatusColumn[];
  responsesSheet: string;
  /** Response date given once above the table, serial number. */
  responseDate: number | null;
  /** True when recommendations say whom they are addressed to; else addressing is implied by the rows. */
  explicitAddressing: boolean;
  /** True when the units were listed in a Units sheet (so unknown units can be told). */
  unitsListed: boolean;
  /** A hand-made Section 0 matrix found beside the detailed responses: checked against them, never merged into them. */
  section0?: Section0Matrix;
  /** Every block found on the workbook's sheets, in sheet and row order: what it is, where, what it holds, how it was used. */
  blocks?: MatrixBlock[];
}

/**
 * How a block was used: its answers make the matrix (several blocks may), it was checked against them (a Section 0
 * matrix beside detailed responses), it lists units or recommendations, it was read with another block of its
 * layout (an OIOS Annex I with its Appendix I), or it was left aside (not recognised, or not needed).
 */
export type BlockUse = "answers" | "checked" | "list" | "joined" | "aside";

/** What a block holds. A Section 0 matrix counts its columns as `divisions`, `units`, or `columns` when they are a mix. */
export interface BlockCounts {
  units?: number;
  divisions?: number;
  columns?: number;
  recommendations?: number;
  answers?: number;
}

/** A block of a sheet as it was read (SPEC 3, Blocks): a header, one or two rows deep, and the rows under it. */
export interface MatrixBlock {
  /** A layout id (`section-iii`, `section-0`, `canonical`, `single-unit`, `oios`, `report-text`, `mapped`), `units` or `recommendations` for lists, `table` for a table not recognised. */
  kind: string;
  /** How people call it: "Section III", "Section 0 matrix", "list of units". */
  name: string;
  use: BlockUse;
  sheet: string;
  /** Its first and last rows and columns, 0-based. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  counts: BlockCounts;
  /** Roles its table has a column for, and its status columns: the rules about a column look at these, per response. */
  columns: ReadonlySet<Role>;
  statusColumns: StatusColumn[];
  /** A Section 0 matrix's cells. */
  section0: Section0Matrix | null;
  /** Why it was not read, or (report text) what to do with it. */
  note: string | null;
}

/** What a cell of a hand-made Section 0 matrix says. */
export type Section0Reading =
  | { kind: "blank" }
  /** `NA`, `N A`, `N/A`, `-`, or an empty checkbox `□`. */
  | { kind: "notAddressed" }
  /** A ticked checkbox `☒`: addressed, the answer is told elsewhere. */
  | { kind: "addressed" }
  /** `Accepted`, or `Accepted (GCP and CWM); Partially accepted (SCYCLE)`: units as written, null for the whole column. */
  | { kind: "answers"; parts: { answer: Acceptance; units: string[] | null }[] }
  | { kind: "unknown"; text: string };

/** A division or unit column of a Section 0 matrix, its label as written. */
export interface Section0Column {
  label: string;
  at: CellAddress;
}

export interface Section0Cell {
  /** Index into Section0Matrix.columns. */
  column: number;
  text: string;
  reading: Section0Reading;
  at: CellAddress;
}

/** A recommendation row of a Section 0 matrix: an answer row, or a checkbox row telling addressing only. */
export interface Section0Row {
  number: string;
  text: string;
  checkboxes: boolean;
  at: CellAddress;
  cells: Section0Cell[];
}

/** A Section 0 matrix as written by hand: recommendations as rows, divisions or units as columns (SPEC 3.2). */
export interface Section0Matrix {
  sheet: string;
  columns: Section0Column[];
  rows: Section0Row[];
}
