/**
 * The operations fault injection drives (validate, summary, template), what the workbook must look like after
 * each one failed, and the sentence the user must get for each Excel error code.
 */

import { expect } from "vitest";
import type { CellValue, Workbook } from "../../src/core/grid";
import { SettingsSchema, type Settings } from "../../src/core/model";
import { readWorkbook } from "../../src/core/read";
import { SUMMARY_MARKER_NAME, SUMMARY_SHEET_NAME, SUMMARY_TITLE, section0Summary } from "../../src/core/summary/index";
import { templateSheets } from "../../src/core/template";
import { validate } from "../../src/core/validate";
import type { MemoryExcel } from "../../src/memory-excel";
import type { MemoryExcelErrorCode } from "../../src/memory-excel";
import type { OfficeGateway } from "../../src/excel/office-gateway";
import { MERGED_AREAS_API, supportsExcelApi } from "../../src/excel/requirements";
import { smallBook, trimmed } from "../excel/books";

export { smallBook };

export const AS_OF = "2025-06-30";
export const TODAY = "2025-07-01";
export const SETTINGS: Settings = SettingsSchema.parse({ asOf: AS_OF });

/** The Excel errors injected, as Office.js names them. */
export const CODES = [
  "InvalidOperationInCellEditMode",
  "AccessDenied",
  "RequestPayloadSizeLimitExceeded",
  "ItemNotFound",
  "GeneralException",
] as const satisfies readonly MemoryExcelErrorCode[];
export type Code = (typeof CODES)[number];

/** The whole sentence the pane must show for a code, as `src/excel/errors.ts` words it, for what the add-in was doing. */
export function expectedMessage(code: Code, doing: string): string {
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return "Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.";
    case "AccessDenied":
      return `Excel could not ${doing} because the workbook or one of its sheets is protected. Unprotect it (Review > Protect Workbook, or Unprotect Sheet), then try again.`;
    case "RequestPayloadSizeLimitExceeded":
      return `Excel could not ${doing}: it would have to send more than 5 MB at once. Remove very long cells or unused rows and columns, then try again.`;
    case "ItemNotFound":
      return `Excel could not ${doing}: a sheet changed while the add-in was working. Try again.`;
    case "GeneralException":
      return `Excel could not ${doing} (There was an internal error while processing the request). Try again; if it keeps failing, save the workbook, reopen it and retry.`;
  }
}

/** What each code's sentence must tell the user to do. */
export const KEY_PHRASE: Record<Code, RegExp> = {
  InvalidOperationInCellEditMode: /Press Enter or Esc/,
  AccessDenied: /protected\. Unprotect it/,
  RequestPayloadSizeLimitExceeded: /more than 5 MB.*Remove very long cells/,
  ItemNotFound: /a sheet changed.*Try again\./,
  GeneralException: /Try again; if it keeps failing, save the workbook, reopen it and retry\./,
};

/** A sentence for people: capitalised, ends with a full stop, no code, stack or "undefined". */
export function expectSentence(text: string, code: Code): void {
  expect(text).toMatch(/^[A-Z].*\.$/s);
  expect(text).toMatch(KEY_PHRASE[code]);
  expect(text).not.toMatch(/undefined|null|NaN|\[object |\n\s+at |Error:|RichApi|Injected/);
  expect(text).not.toContain(code);
}

/** What validating smallBook finds, as [rule, cell]. */
export const SMALL_BOOK_FINDINGS = [
  ["missing-response", "Recommendations!A3"],
  ["missing-action", "Responses!D2"],
];

const INPUTS = ["Units", "Recommendations", "Responses"];
const TEMPLATE = ["Units", "Recommendations", "Responses"];

/** A sheet's rows with trailing blanks removed. */
function rowsOf(cells: CellValue[][]): CellValue[][] {
  return trimmed({ sheets: [{ name: "", rows: cells }] }).sheets[0].rows;
}

export interface Scenario {
  name: string;
  /** How the sentence says what the add-in was doing ("Excel could not ..."). */
  doing: string;
  workbook(): Workbook;
  /** Sheets the operation reads and must never change. */
  inputs: string[];
  /** Brings the workbook to the starting state, without faults (e.g. an earlier summary of ours). */
  prepare?(gateway: OfficeGateway): Promise<void>;
  run(gateway: OfficeGateway): Promise<unknown>;
  /** The step that reads every sheet's values: a too-large response there is read again in pieces, so it does not fail. */
  readsValuesAt?: number;
  /** The step that deletes our earlier summary and renames the new one into place. */
  commitsAt?: number;
  /** Checks the workbook (and the gateway's result, or null through the pane) after the operation succeeded. */
  expectDone(host: MemoryExcel, result: unknown): void;
  pane: {
    button: string;
    example?: boolean;
    /** Text the pane shows once the operation succeeded. */
    done: string;
    /** The pane's step that reads every sheet's values, when not the gateway's (the template re-reads the workbook after). */
    readsValuesAt?: number;
  };
}

/** The summary sheet written for smallBook, and the marker name pointing at it. */
function expectSummary(host: MemoryExcel, names: string[]): void {
  const matrix = readWorkbook(smallBook(), { asOf: AS_OF });
  const spec = section0Summary(matrix, validate(matrix), { by: SETTINGS.summaryBy, generated: TODAY });
  expect(host.sheetNames()).toEqual(names);
  expect(host.cell(SUMMARY_SHEET_NAME, 0, 0)).toBe(SUMMARY_TITLE);
  expect(host.sheetGrid(SUMMARY_SHEET_NAME).rows).toEqual(rowsOf(spec.cells));
  expect(host.definedNames()).toEqual([{ name: SUMMARY_MARKER_NAME, sheet: SUMMARY_SHEET_NAME }]);
}

function expectTemplate(host: MemoryExcel, example: boolean, before: string[]): void {
  expect(host.sheetNames()).toEqual([...before, ...TEMPLATE]);
  for (const spec of templateSheets({ example })) expect(host.sheetGrid(spec.name).rows, spec.name).toEqual(rowsOf(spec.cells));
  // Tables of a cleaned-up attempt would have taken these names, and the new ones would be numbered.
  expect(TEMPLATE.map((n) => host.sheet(n).tables.map((t) => t.name))).toEqual([["UnitsTable"], ["RecommendationsTable"], ["ResponsesTable"]]);
}

const NOTES = { name: "Notes", rows: [["My notes"], ["Ask CWM about the budget."]] };

export const SCENARIOS: Scenario[] = [
  {
    name: "validate",
    doing: "read the workbook",
    workbook: smallBook,
    inputs: INPUTS,
    run: (gateway) => gateway.validate(SETTINGS),
    readsValuesAt: 2,
    expectDone: (host, result) => {
      // Through the pane there is no result: the pane shows the findings (pane.done) instead.
      if (result !== null) {
        const { findings } = result as Awaited<ReturnType<OfficeGateway["validate"]>>;
        expect(findings.map((f) => [f.rule, `${f.sheet}!${f.cell}`])).toEqual(SMALL_BOOK_FINDINGS);
      }
      expect(host.sheetNames()).toEqual(INPUTS);
    },
    pane: { button: "Validate", done: "Recommendation 2 is addressed to PTP, but PTP has no row in 'Responses'. Add a row with PTP's answer (Accepted, Partially accepted or Rejected)." },
  },
  {
    name: "summary",
    doing: "write the summary",
    workbook: smallBook,
    inputs: INPUTS,
    run: (gateway) => gateway.generateSummary(SETTINGS),
    readsValuesAt: 2,
    commitsAt: 4,
    expectDone: (host) => expectSummary(host, [...INPUTS, SUMMARY_SHEET_NAME]),
    pane: { button: "Generate summary", done: `The Section 0 summary was written to the sheet "${SUMMARY_SHEET_NAME}".` },
  },
  {
    name: "summary over our earlier summary",
    doing: "write the summary",
    workbook: smallBook,
    inputs: INPUTS,
    // The earlier one was made "by unit", so a new one (by division) differs from it.
    prepare: async (gateway) => void (await gateway.generateSummary({ ...SETTINGS, summaryBy: "unit" })),
    run: (gateway) => gateway.generateSummary(SETTINGS),
    readsValuesAt: 2,
    commitsAt: 4,
    expectDone: (host) => expectSummary(host, [...INPUTS, SUMMARY_SHEET_NAME]),
    pane: { button: "Generate summary", done: `The Section 0 summary was written to the sheet "${SUMMARY_SHEET_NAME}".` },
  },
  {
    name: "template",
    doing: "create the template",
    workbook: () => ({ name: "new.xlsx", sheets: [NOTES] }),
    inputs: ["Notes"],
    run: (gateway) => gateway.createTemplate({ example: false }),
    commitsAt: 3,
    expectDone: (host) => expectTemplate(host, false, ["Notes"]),
    pane: {
      button: "Create template",
      done: 'Template created: sheets "Units", "Recommendations" and "Responses". Fill in the units, recommendations and responses.',
      readsValuesAt: 5,
    },
  },
  {
    name: "template with example data",
    doing: "create the template",
    workbook: () => ({ name: "new.xlsx", sheets: [NOTES] }),
    inputs: ["Notes"],
    run: (gateway) => gateway.createTemplate({ example: true }),
    commitsAt: 3,
    expectDone: (host) => expectTemplate(host, true, ["Notes"]),
    pane: {
      button: "Create template",
      example: true,
      readsValuesAt: 5,
      done: 'Template created: sheets "Units", "Recommendations" and "Responses". It holds example data; replace it with your own.',
    },
  },
];

/** What a failed attempt may leave: grids, sheet names and defined names before it. */
export interface Before {
  grids: Workbook;
  names: string[];
  definedNames: { name: string; sheet: string | null }[];
}

export function before(host: MemoryExcel): Before {
  return { grids: host.workbookGrids(), names: host.sheetNames(), definedNames: host.definedNames() };
}

/**
 * After a failed attempt: the input sheets are exactly as before; no sheet exists that did not (no temporary
 * sheet, no partial template, no half summary); an earlier summary of ours is either unchanged with the marker
 * name still on it, or — only when the failing request is the one that replaces it and Excel applied part of
 * it — gone together with the marker name. Every defined name points at an existing sheet.
 * Returns whether the earlier summary is gone.
 */
export function expectNothingHalfDone(host: MemoryExcel, scenario: Scenario, was: Before, mayLoseSummary: boolean, what: string): boolean {
  const grid = (wb: Workbook, name: string) => wb.sheets.find((s) => s.name === name);
  const now = host.workbookGrids();
  for (const name of scenario.inputs) expect(grid(now, name), `${what}: input sheet '${name}'`).toEqual(grid(was.grids, name));

  const hadSummary = was.names.includes(SUMMARY_SHEET_NAME);
  const lost = hadSummary && !host.sheetNames().includes(SUMMARY_SHEET_NAME);
  if (lost) expect(mayLoseSummary, `${what}: the earlier summary was deleted by a request that was not the replacing one`).toBe(true);
  expect(host.sheetNames(), `${what}: sheets`).toEqual(lost ? was.names.filter((n) => n !== SUMMARY_SHEET_NAME) : was.names);
  if (hadSummary && !lost) expect(grid(now, SUMMARY_SHEET_NAME), `${what}: earlier summary`).toEqual(grid(was.grids, SUMMARY_SHEET_NAME));

  expect(host.definedNames(), `${what}: defined names`).toEqual(lost ? was.definedNames.filter((n) => n.name !== SUMMARY_MARKER_NAME) : was.definedNames);
  for (const n of host.definedNames()) expect(n.sheet, `${what}: defined name ${n.name}`).not.toBeNull();
  return lost;
}

/**
 * Whether the fault is one the add-in gets over by itself: a too-large read is read again in pieces, and so is a read
 * with merged areas (ExcelApi 1.13) that fails with an error not ruled out as a size limit, since Excel's error for
 * more than 512 merged areas is undocumented.
 */
export function recovers(readsValuesAt: number | undefined, step: number, code: Code): boolean {
  if (step !== readsValuesAt) return false;
  return code === "RequestPayloadSizeLimitExceeded" || (code === "GeneralException" && supportsExcelApi(MERGED_AREAS_API));
}
