/**
 * What the task pane asks of the workbook. The Office.js implementation (`office-gateway.ts`) runs it
 * through `Excel.run`; in tests and the playground, `Excel.run` is the in-memory host's.
 * Components receive a gateway and never touch Office directly.
 */

import type { CellAddress } from "../core/grid";
import type { proposeMapping } from "../core/layouts/mapped";
import type { Finding, Settings } from "../core/model";

/** What was recognised in the open workbook, for the status line. */
export type Recognition =
  | { kind: "recognised"; layout: string; description: string; sheets: string[]; units: number; recommendations: number; responses: number }
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
}

/** A failure the pane can show as it is: what happened and what to do. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserFacingError";
  }
}
