/**
 * What the task pane asks of the workbook. The Office.js implementation (`office-gateway.ts`) runs it
 * through `Excel.run`; in tests and the playground, `Excel.run` is the in-memory host's.
 * Components receive a gateway and never touch Office directly.
 */

import type { CellAddress } from "../core/grid";
import type { proposeMapping } from "../core/layouts/mapped";
import type { Finding, Settings } from "../core/model";
import type { ConflictChoice, MergeResult } from "../core/round-trip/merge";

/** What was recognised in the open workbook, for the status line. */
export type Recognition =
  | {
      kind: "recognised";
      layout: string;
      description: string;
      sheets: string[];
      units: number;
      recommendations: number;
      responses: number;
      /** Rounds unit sheets can be prepared for: `response`, then each follow-up period (`6 months` ...). */
      rounds?: string[];
    }
  | { kind: "none"; reason: string };

/** The sheets of the workbook with their likely header rows and the role each header suggests, for choosing a mapping. */
export type SheetChoices = ReturnType<typeof proposeMapping>;

export interface ValidationResult {
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
  recognition: Recognition;
}

export interface TemplateOptions {
  /** Fill the sheets with the seed 002 example. */
  example: boolean;
  /** Take the recommendations from the report text in the selected cells. */
  fromSelection?: boolean;
}

/** Unit sheets prepared: their names, the round, the units that got none, the merged unit sheets they replaced. */
export interface PreparedUnitSheets {
  sheets: string[];
  /** The round in a sentence: "the response", "the 6 months follow-up". */
  round: string;
  notAddressed: string[];
  replaced: string[];
}

/** A merge of the unit sheets: what the Merge log says, and the conflicts to decide. */
export type MergedUnitSheets = Pick<MergeResult, "parts" | "conflicts" | "totals" | "responsesSheet"> & {
  logSheet: string;
  /** The round merged, in a sentence; null when no unit sheet could be merged. */
  round: string | null;
};

export interface WorkbookGateway {
  /** Reads the workbook (through the mapping saved in it, if any) and says what layout it has (or why none was found). */
  recognise(): Promise<Recognition>;
  /** Reads the workbook (at most 2 syncs) and runs the rules. */
  validate(settings: Settings): Promise<ValidationResult>;
  /** Selects a cell (activating its sheet). */
  selectCell(at: CellAddress): Promise<void>;
  /** Writes the Section 0 summary sheet (at most 3 syncs) and activates it; returns its name. */
  generateSummary(settings: Settings): Promise<{ sheet: string }>;
  /**
   * Adds the canonical sheets as Excel tables with dropdowns; returns their names. With `fromSelection`, the
   * Recommendations table is filled from report text pasted in the selected cells (numbered paragraphs).
   */
  createTemplate(options: TemplateOptions): Promise<{ sheets: string[] }>;
  /** Settings kept in the workbook. */
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /** Reads the workbook (at most 2 syncs) and offers its sheets and header rows for Settings → Sheet and columns. */
  describeSheets(): Promise<SheetChoices>;
  /** Writes one protected sheet per addressed unit for the round (`response`, `6 months` ...): 2 syncs to read, 2 to write. */
  prepareUnitSheets(round: string): Promise<PreparedUnitSheets>;
  /**
   * Merges the unit sheets present into Responses and adds to the Merge log (2 syncs to read, 2 to write). Conflicts
   * keep the workbook's value unless a choice takes a unit's.
   */
  mergeUnitSheets(choices: readonly ConflictChoice[]): Promise<MergedUnitSheets>;
}

/** A failure the pane can show as it is: what happened and what to do. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}
