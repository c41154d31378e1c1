/**
 * The task pane's gateway to the open workbook through Office.js (`Excel.run`). I/O only: reading grids,
 * writing sheet specs, selecting cells, keeping settings; every decision is the core's.
 */

import { blocksNeedSaying, foundText } from "../core/layouts/describe";
import { layoutName } from "../core/layouts/index";
import { recommendationRows, recommendationsFromText } from "../core/report-text";
import { a1, type CellAddress, type Workbook } from "../core/grid";
import { LayoutError } from "../core/layouts/errors";
import { proposeMapping } from "../core/layouts/mapped";
import { SettingsSchema, type ResponseMatrix, type Settings } from "../core/model";
import { readWorkbook, todayIso } from "../core/read";
import { SUMMARY_MARKER_NAME, headerLanguage, section0Summary, summarySheetName } from "../core/summary/index";
import { localTimestamp } from "../core/dates";
import { templateSheets } from "../core/template";
import { displayText, joinWithAnd, plural } from "../core/text";
import { countBySeverity, validate } from "../core/validate";
import { toUserFacingError, type ErrorContext } from "./errors";
import {
  UserFacingError,
  type MergedUnitSheets,
  type PreparedUnitSheets,
  type Recognition,
  type SheetChoices,
  type TemplateOptions,
  type ValidationResult,
  type WorkbookGateway,
} from "./gateway";
import { parseRangeAddress } from "./address";
import type { ConflictChoice } from "../core/round-trip/merge";
import { planMerge, prepareUnitSheets, writeMerge } from "./unit-sheets";
import { queueSheetList, readSheets } from "./read";
import { writeSheet, writeSheets } from "./write";

/** The one workbook setting the add-in keeps: its Settings as JSON. */
export const SETTINGS_KEY = "ResponseMatrix.settings";

/** How the status line names each layout of the core. */
/** What the status line says about a matrix that was read. */
export function recognitionOf(matrix: ResponseMatrix): Recognition {
  const sheets = [matrix.units[0]?.at?.sheet, matrix.recommendations[0]?.at.sheet, matrix.responsesSheet].filter(
    (s, i, all): s is string => typeof s === "string" && all.indexOf(s) === i,
  );
  const layout = layoutName(matrix.layout);
  return {
    kind: "recognised",
    layout: matrix.layout,
    // Per block where a sheet holds several (a whole form pasted into one sheet); else the layout and its sheet
    description: blocksNeedSaying(matrix)
      ? `Found: ${foundText(matrix)}`
      : `Found: ${layout} on sheet '${matrix.responsesSheet}', ${plural(matrix.units.length, "unit")}, ` +
        `${plural(matrix.recommendations.length, "recommendation")}, ${plural(matrix.responses.length, "response")}.`,
    sheets,
    units: matrix.units.length,
    recommendations: matrix.recommendations.length,
    responses: matrix.responses.length,
    // The round trip with the units works on the canonical workbook only
    ...(matrix.layout === "canonical"
      ? { rounds: ["response", ...new Set(matrix.statusColumns.flatMap((c) => (c.role === "followUp" ? [c.period?.label ?? c.header] : [])))] }
      : {}),
  };
}

/** The inputs as read: grids of every sheet except our own summary, and what writing needs to know. */
interface Inputs {
  workbook: Workbook;
  /** Every sheet name, ours included. */
  sheetNames: string[];
  /** Our earlier summary sheet (the one the marker name points at), if any. */
  ours: string | null;
  markerExists: boolean;
  structureProtected: boolean;
  /** The settings saved in the workbook (their mapping says how to read it). */
  saved: Settings;
}

/** Reads the workbook in 2 syncs; the marker name, workbook protection and saved settings ride along in the first. */
async function readInputs(context: Excel.RequestContext): Promise<Inputs> {
  const list = queueSheetList(context);
  const marker = context.workbook.names.getItemOrNullObject(SUMMARY_MARKER_NAME);
  const markerRange = marker.getRangeOrNullObject();
  markerRange.load("address");
  const protection = context.workbook.protection;
  protection.load("protected");
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load("value");
  await context.sync();

  const saved = parseSettings(setting.isNullObject ? undefined : setting.value);
  const ours = markerRange.isNullObject ? null : parseRangeAddress(markerRange.address).sheet;
  // The summary we wrote is output, not input: it is neither validated nor read into the next summary.
  const workbook = await readSheets(context, list, { skip: (name) => name === ours });
  const sheetNames = list.worksheets.items.map((s) => s.name);
  return {
    workbook,
    sheetNames,
    ours: ours !== null && sheetNames.includes(ours) ? ours : null,
    markerExists: !marker.isNullObject,
    structureProtected: protection.protected,
    saved,
  };
}

function structureProtectedError(what: string): UserFacingError {
  return new UserFacingError(
    `The workbook structure is protected, so the add-in cannot add ${what}. Unprotect it (Review > Protect Workbook), then try again.`,
  );
}

/** A table name not yet used by a table or defined name of the workbook. */
function freeTableName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${name}${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

export class OfficeGateway implements WorkbookGateway {
  /** `today` gives when summaries are generated (YYYY-MM-DDTHH:MM, or a date alone); tests fix it. */
  constructor(private readonly options: { today?: () => string } = {}) {}

  private async run<T>(context: ErrorContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await Excel.run(batch);
    } catch (error) {
      throw toUserFacingError(error, context);
    }
  }

  async recognise(): Promise<Recognition> {
    const { workbook, saved } = await this.run({ doing: "read the workbook" }, readInputs);
    try {
      return recognitionOf(readWorkbook(workbook, { mapping: saved.mapping }));
    } catch (error) {
      if (error instanceof LayoutError) return { kind: "none", reason: error.message };
      throw toUserFacingError(error, { doing: "read the workbook" });
    }
  }

  async validate(settings: Settings): Promise<ValidationResult> {
    const { workbook } = await this.run({ doing: "read the workbook" }, readInputs);
    let matrix: ResponseMatrix;
    try {
      matrix = readWorkbook(workbook, { asOf: settings.asOf, mapping: settings.mapping });
    } catch (error) {
      if (error instanceof LayoutError) return { findings: [], counts: { error: 0, warning: 0, info: 0 }, recognition: { kind: "none", reason: error.message } };
      throw toUserFacingError(error, { doing: "read the workbook" });
    }
    const findings = validate(matrix, { severityOverrides: settings.severityOverrides });
    return { findings, counts: countBySeverity(findings), recognition: recognitionOf(matrix) };
  }

  async describeSheets(): Promise<SheetChoices> {
    const { workbook } = await this.run({ doing: "read the workbook" }, readInputs);
    return proposeMapping(workbook);
  }

  async selectCell(at: CellAddress): Promise<void> {
    await this.run({ doing: "go to the cell", sheet: at.sheet }, async (context) => {
      const sheet = context.workbook.worksheets.getItem(at.sheet);
      sheet.activate();
      sheet.getRange(a1(at.row, at.col)).select();
      await context.sync();
    });
  }

  async generateSummary(settings: Settings): Promise<{ sheet: string }> {
    const now = this.options.today ?? localTimestamp;
    return this.run({ doing: "write the summary" }, async (context) => {
      const input = await readInputs(context);
      if (input.structureProtected) throw structureProtectedError("the summary sheet");
      const matrix = readWorkbook(input.workbook, { asOf: settings.asOf, mapping: settings.mapping });
      const findings = validate(matrix, { severityOverrides: settings.severityOverrides });
      const language = settings.summaryLanguage ?? headerLanguage(input.workbook);
      const spec = section0Summary(matrix, findings, { by: settings.summaryBy, generated: now(), language });
      const target = summarySheetName(input.sheetNames.map((name) => ({ name, ours: name === input.ours })));
      await writeSheet(context, { ...spec, name: target.name }, {
        existingSheets: input.sheetNames,
        replaces: target.replaces,
        marker: { name: SUMMARY_MARKER_NAME, exists: input.markerExists },
        activate: target.name,
      });
      return { sheet: target.name };
    });
  }

  async createTemplate(options: TemplateOptions): Promise<{ sheets: string[] }> {
    return this.run({ doing: "create the template" }, async (context) => {
      const recommendations = options.fromSelection ? await selectedRecommendations(context) : undefined;
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      const tables = context.workbook.tables;
      tables.load("items/name");
      const names = context.workbook.names;
      names.load("items/name");
      const protection = context.workbook.protection;
      protection.load("protected");
      await context.sync();

      if (protection.protected) throw structureProtectedError("the template sheets");
      const existing = worksheets.items.map((s) => s.name);
      const specs = templateSheets({ example: options.example && !recommendations, recommendations });
      // The reader finds the canonical sheets by name, so renamed copies would not be recognised: say so instead.
      const clash = specs.map((s) => s.name).filter((n) => existing.some((e) => e.toLowerCase() === n.toLowerCase()));
      if (clash.length > 0) {
        const list = joinWithAnd(clash.map((n) => `'${n}'`));
        throw new UserFacingError(
          `This workbook already has ${clash.length === 1 ? "a sheet" : "sheets"} named ${list}. ` +
            `Create the template in a new, empty workbook, or rename ${clash.length === 1 ? "that sheet" : "those sheets"} first.`,
        );
      }
      const used = new Set([...tables.items.map((t) => t.name.toLowerCase()), ...names.items.map((n) => n.name.toLowerCase())]);
      const unique = specs.map((s) => ({ ...s, tables: s.tables?.map((t) => ({ ...t, name: freeTableName(t.name, used) })) }));
      await writeSheets(context, unique.map((spec) => ({ spec })), { existingSheets: existing, activate: unique[0]?.name });
      return { sheets: unique.map((s) => s.name) };
    });
  }

  async prepareUnitSheets(round: string): Promise<PreparedUnitSheets> {
    // The clock may give a time too (the summary's Generated); the round trip keeps the date
    const today = () => (this.options.today ?? todayIso)().slice(0, 10);
    return this.run({ doing: "prepare the unit sheets" }, async (context) => {
      const input = await readInputs(context);
      if (input.structureProtected) throw structureProtectedError("the unit sheets");
      return prepareUnitSheets(context, input.workbook, input.sheetNames, round, today());
    });
  }

  async mergeUnitSheets(choices: readonly ConflictChoice[]): Promise<MergedUnitSheets> {
    // The clock may give a time too (the summary's Generated); the round trip keeps the date
    const today = () => (this.options.today ?? todayIso)().slice(0, 10);
    return this.run({ doing: "merge the unit sheets" }, async (context) => {
      const input = await readInputs(context);
      const plan = planMerge(input.workbook, choices, today());
      if (plan.appendAt === null && input.structureProtected) throw structureProtectedError("the Merge log sheet");
      return writeMerge(context, plan, input.sheetNames);
    });
  }

  async loadSettings(): Promise<Settings> {
    return this.run({ doing: "read the add-in's settings" }, async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      setting.load("value");
      await context.sync();
      return parseSettings(setting.isNullObject ? undefined : setting.value);
    });
  }

  async saveSettings(settings: Settings): Promise<void> {
    const parsed = SettingsSchema.safeParse(settings);
    if (!parsed.success) {
      throw new UserFacingError("The settings could not be saved: the \"as of\" date must be a date written as YYYY-MM-DD, e.g. 2025-06-30.");
    }
    await this.run({ doing: "save the add-in's settings" }, async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(parsed.data));
      await context.sync();
    });
  }
}

/** Settings from what the workbook holds; anything unreadable gives the defaults (a bad setting must not block the add-in). */
export function parseSettings(raw: unknown): Settings {
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      value = undefined;
    }
  }
  const parsed = SettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

/** A selection larger than this is not report text pasted in a column: refuse it before loading its values. */
const MAX_SELECTED_CELLS = 20_000;

/** What to select instead of a selection that cannot be report text, in words; null when it may be. */
export function selectionProblem(selection: { address: string; areaCount: number; cellCount: number }): string | null {
  const what = "Select only the cells where the report's recommendations are pasted (click the first one, then Shift+click the last), then try again.";
  if (selection.areaCount > 1) return `You selected ${selection.areaCount} separate areas; the recommendations are read from one block of cells. ${what}`;
  // Excel gives -1 above 2,147,483,647 cells: the whole sheet, or nearly.
  if (selection.cellCount < 0) return `You selected the whole sheet. ${what}`;
  if (selection.cellCount > MAX_SELECTED_CELLS) return `The selection (${selection.address}) is too large to be report text. ${what}`;
  return null;
}

/**
 * Recommendations from report text pasted in the selected cells (numbered paragraphs, SPEC 3.5), in 2 syncs:
 * the selection's areas and size first (getSelectedRange fails on several areas), then its values.
 */
async function selectedRecommendations(context: Excel.RequestContext): Promise<string[][]> {
  const areas = context.workbook.getSelectedRanges();
  areas.load("address, areaCount, cellCount");
  await context.sync();
  const problem = selectionProblem(areas);
  if (problem) throw new UserFacingError(problem);
  const selection = context.workbook.getSelectedRange();
  selection.load("address, values");
  await context.sync();
  const text = selection.values.map((row) => row.map((v) => displayText(v)).filter(Boolean).join(" ")).join("\n");
  const found = recommendationsFromText(text);
  if (found.length === 0) {
    throw new UserFacingError(
      `The selected cells (${selection.address}) hold no numbered recommendations such as "1)", "(1)" or "1.". ` +
        "Paste the report's recommendations in a column, select those cells, then try again.",
    );
  }
  return recommendationRows(found);
}
