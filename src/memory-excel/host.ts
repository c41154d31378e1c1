/**
 * MemoryExcel: one open workbook held in memory, driven through the same API as Excel's
 * (`host.run(async (context) => ...)` like `Excel.run`). Strict like Excel: queued work happens only at
 * `context.sync()`, a request over 5 MB fails, and a failed request changes nothing. It counts syncs,
 * records the largest request, and can be told to fail a sync, for tests and the playground.
 */

import type { CellValue, Sheet, Workbook } from "../core/grid";
import { jsonBytes, type Operation } from "./base";
import { MemoryExcelError, type MemoryExcelErrorCode } from "./errors";
import { REQUEST_LIMIT_BYTES, type LargeReads } from "./limits";
import { MemoryRequestContext } from "./request-context";
import { NEWEST_EXCEL_API, isSetSupported } from "./requirements";
import { parseRef, splitSheet } from "./address";
import {
  cellKey,
  newSheet,
  readValues,
  restore,
  sheetNameProblem,
  snapshot,
  usedRect,
  type SheetState,
  type WorkbookState,
} from "./state";

export interface MemoryExcelOptions {
  /** The newest ExcelApi requirement set this Excel supports (default `MemoryExcel.defaultExcelApi`). */
  excelApi?: string;
  /**
   * What a read of more than 5,000,000 cells does: fail with RangeExceedsLimit (default), or give `null`
   * values, as Excel does on some platforms.
   */
  largeReads?: LargeReads;
}

interface Fault {
  /** 1-based sync number, or null for "the next sync". */
  at: number | null;
  code: MemoryExcelErrorCode;
  /** Apply this many operations before failing (real Excel stops mid-request); default none. */
  applyFirst: number;
}

export interface FaultOptions {
  /** Like Excel, which is not transactional: apply the first n operations of the request, then fail. Default 0. */
  applyFirst?: number;
}

export class MemoryExcel {
  /** The requirement set of hosts made without `excelApi`: the newest, unless a test suite runs at another level. */
  static defaultExcelApi: string = NEWEST_EXCEL_API;

  state: WorkbookState;
  readonly excelApi: string;
  readonly largeReads: LargeReads;
  /** How many times `context.sync()` was called (including those that failed). */
  syncCount = 0;
  /** Size of the largest request that ran (what the queued operations send, as JSON bytes). */
  maxRequestBytes = 0;
  /** Size of the largest response that came back (the values loaded, as JSON bytes). */
  maxResponseBytes = 0;
  /** Sizes of every request, in order (refused ones included). */
  readonly requestBytes: number[] = [];
  /** Sizes of every response, in order (refused ones included). */
  readonly responseBytes: number[] = [];
  /** How many operations each sync carried, in order (failed ones included): sync n is `requestOperations[n - 1]`. */
  readonly requestOperations: number[] = [];
  /** When true every sync fails as it does while someone is typing in a cell. */
  cellEditMode = false;
  requestLimitBytes = REQUEST_LIMIT_BYTES;
  responseLimitBytes = REQUEST_LIMIT_BYTES;
  private faults: Fault[] = [];

  constructor(name = "Book1.xlsx", options: MemoryExcelOptions = {}) {
    this.excelApi = options.excelApi ?? MemoryExcel.defaultExcelApi;
    this.largeReads = options.largeReads ?? "error";
    this.state = { name, sheets: [], names: [], settings: new Map(), activeSheetId: null, selection: null, structureProtected: false, nextId: 1 };
  }

  /** A host holding the core's grids: values, merges and hidden flags. The first visible sheet is active. */
  static fromWorkbook(workbook: Workbook, options: MemoryExcelOptions = {}): MemoryExcel {
    const host = new MemoryExcel(workbook.name ?? "Book1.xlsx", options);
    for (const sheet of workbook.sheets) host.addSheet(sheet.name, sheet.rows, { merges: sheet.merges, hidden: sheet.hidden });
    if (host.state.sheets.length === 0) host.addSheet("Sheet1", []);
    return host;
  }

  /** Adds a sheet directly (not through a request), with its values as they are (no typing rules). */
  addSheet(name: string, rows: CellValue[][], options: { merges?: Sheet["merges"]; hidden?: boolean } = {}): SheetState {
    const problem = sheetNameProblem(name, this.state.sheets);
    if (problem) throw new Error(problem);
    const sheet = newSheet(`{${String(this.state.nextId++).padStart(8, "0")}-0001-0000-0000-000000000000}`, name);
    sheet.rows = rows.map((r) => r.map((v) => (v === null || v === undefined ? "" : v)));
    sheet.merges = (options.merges ?? []).map((m) => ({ ...m }));
    sheet.visibility = options.hidden ? "Hidden" : "Visible";
    this.state.sheets.push(sheet);
    if (this.state.activeSheetId === null && !options.hidden) this.state.activeSheetId = sheet.id;
    return sheet;
  }

  /** Runs a batch like `Excel.run`: pending operations are synced when it resolves; thrown errors pass through. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = new MemoryRequestContext(this);
    let result: T;
    try {
      result = await batch(context as unknown as Excel.RequestContext);
    } catch (e) {
      context._discard();
      throw e;
    }
    if (context._hasPending) await context.sync();
    return result;
  }

  /** Fails the next sync with this Excel error code; nothing of that request is applied. */
  failNextSync(code: MemoryExcelErrorCode, options: FaultOptions = {}): void {
    this.faults.push({ at: null, code, applyFirst: options.applyFirst ?? 0 });
  }

  /** Fails sync number n (1-based, counted over the host's life: see syncCount). */
  failSyncAt(n: number, code: MemoryExcelErrorCode, options: FaultOptions = {}): void {
    this.faults.push({ at: n, code, applyFirst: options.applyFirst ?? 0 });
  }

  private takeFault(n: number): Fault | undefined {
    const i = this.faults.findIndex((f) => f.at === n || f.at === null);
    return i < 0 ? undefined : this.faults.splice(i, 1)[0];
  }

  /** Runs one request. Called by `context.sync()`. */
  async _execute(ops: Operation[]): Promise<void> {
    this.syncCount++;
    const n = this.syncCount;
    this.requestOperations.push(ops.length);
    // A round trip: callers must await it.
    await Promise.resolve();
    if (this.cellEditMode) throw new MemoryExcelError("InvalidOperationInCellEditMode", "RequestContext.sync");
    const fault = this.takeFault(n);
    if (ops.length === 0) {
      if (fault) throw new MemoryExcelError(fault.code, "RequestContext.sync", `Injected failure of sync ${n}.`);
      return;
    }
    const before = ops.some((o) => o.writes) ? snapshot(this.state) : null;
    const deliveries: (() => void)[] = [];
    let sent = 0;
    let received = 0;
    try {
      ops.forEach((op, i) => {
        if (fault && i === fault.applyFirst) throw new MemoryExcelError(fault.code, "RequestContext.sync", `Injected failure of sync ${n}.`);
        sent += jsonBytes(op.request);
        const result = op.run();
        if (result) {
          received += jsonBytes(result.response);
          if (result.deliver) deliveries.push(result.deliver);
        }
      });
      if (fault) throw new MemoryExcelError(fault.code, "RequestContext.sync", `Injected failure of sync ${n}.`);
      this.requestBytes.push(sent);
      this.responseBytes.push(received);
      if (sent > this.requestLimitBytes) {
        throw new MemoryExcelError("RequestPayloadSizeLimitExceeded", "RequestContext.sync", `The request is ${sent} bytes; the limit is ${this.requestLimitBytes}.`);
      }
      if (received > this.responseLimitBytes) {
        throw new MemoryExcelError("ResponsePayloadSizeLimitExceeded", "RequestContext.sync", `The response is ${received} bytes; the limit is ${this.responseLimitBytes}.`);
      }
      this.maxRequestBytes = Math.max(this.maxRequestBytes, sent);
      this.maxResponseBytes = Math.max(this.maxResponseBytes, received);
    } catch (e) {
      // Excel itself stops mid-request; an injected partial failure keeps what ran, anything else is undone.
      if (before && !(fault && fault.applyFirst > 0)) restore(this.state, before);
      throw e;
    }
    for (const d of deliveries) d();
  }

  /** `Office.context.requirements.isSetSupported` of this Excel. */
  isSetSupported(name: string, minVersion?: string | number): boolean {
    return isSetSupported(this.excelApi, name, minVersion);
  }

  // ---- reading the workbook back, for assertions ----

  sheet(name: string): SheetState {
    const s = this.state.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`No sheet named '${name}'. Sheets: ${this.sheetNames().join(", ")}`);
    return s;
  }

  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }

  /** A sheet as the core's grid: values from A1 to the last used cell (trailing blanks trimmed), merges, hidden. */
  sheetGrid(name: string): Sheet {
    const s = this.sheet(name);
    const used = usedRect(s, true);
    const rows = used ? readValues(s, { top: 0, left: 0, bottom: used.bottom, right: used.right }) : [];
    for (const r of rows) while (r.length && r[r.length - 1] === "") r.pop();
    const grid: Sheet = { name: s.name, rows };
    if (s.merges.length) grid.merges = s.merges.map((m) => ({ ...m }));
    if (s.visibility !== "Visible") grid.hidden = true;
    return grid;
  }

  /** The whole workbook as the core's grids. */
  workbookGrids(): Workbook {
    return { name: this.state.name, sheets: this.sheetNames().map((n) => this.sheetGrid(n)) };
  }

  /** One cell's value ("" when empty). */
  cell(sheet: string, row: number, col: number): CellValue {
    return readValues(this.sheet(sheet), { top: row, left: col, bottom: row, right: col })[0][0];
  }

  /** One cell's formatting. */
  cellFormat(sheet: string, row: number, col: number) {
    return this.sheet(sheet).formats.get(cellKey(row, col)) ?? {};
  }

  get activeSheetName(): string | null {
    return this.state.sheets.find((s) => s.id === this.state.activeSheetId)?.name ?? null;
  }

  /** Selects several areas of a sheet at once (as with Ctrl+click), e.g. `selectAreas("Data", ["A1:B2", "D4"])`. */
  selectAreas(sheet: string, addresses: string[]): void {
    const s = this.sheet(sheet);
    const [rect, ...more] = addresses.map((a) => parseRef(splitSheet(a).ref, "selectAreas"));
    this.state.activeSheetId = s.id;
    this.state.selection = { sheetId: s.id, rect, more };
  }

  /** The selection as `Sheet!A1`-style parts, or null. */
  get selection(): { sheet: string; rect: { top: number; left: number; bottom: number; right: number } } | null {
    const sel = this.state.selection;
    const sheet = sel && this.state.sheets.find((s) => s.id === sel.sheetId);
    return sel && sheet ? { sheet: sheet.name, rect: sel.rect } : null;
  }

  /** Defined names and what they refer to (`'Sheet'!$A$1`, or `#REF!` when the sheet was deleted). */
  definedNames(): { name: string; sheet: string | null }[] {
    return this.state.names.map((n) => ({
      name: n.name,
      sheet: n.ref ? (this.state.sheets.find((s) => s.id === n.ref!.sheetId)?.name ?? null) : null,
    }));
  }

  settingValue(key: string): unknown {
    return this.state.settings.get(key);
  }

  protectSheet(name: string, on = true): void {
    this.sheet(name).protected = on;
  }

  protectStructure(on = true): void {
    this.state.structureProtected = on;
  }
}
