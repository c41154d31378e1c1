/** The request context: proxies queue operations on it; `sync()` hands them to the host as one request. */

import { type Operation, type QueueingContext, Ref } from "./base";
import { type LargeReads } from "./limits";
import { apiNotFound } from "./requirements";
import { type WorkbookState } from "./state";
import { Workbook } from "./workbook";

export interface ContextHost {
  readonly state: WorkbookState;
  /** The newest ExcelApi requirement set the host supports, e.g. "1.9". */
  readonly excelApi: string;
  readonly largeReads: LargeReads;
  _execute(ops: Operation[]): Promise<void>;
}

export class MemoryRequestContext implements QueueingContext {
  private pending: Operation[] = [];
  readonly workbook: Workbook;
  /** Office.js keeps tracked objects valid across syncs; here every proxy already is. */
  readonly trackedObjects = { add: (_o: unknown) => {}, remove: (_o: unknown) => {} };

  constructor(readonly host: ContextHost) {
    this.workbook = new Workbook(this, Ref.of(host.state, () => this.state));
  }

  get state(): WorkbookState {
    return this.host.state;
  }

  /** Queues an operation; one naming an API above the host's requirement sets fails at sync, as in Excel. */
  enqueue(op: Operation): void {
    const missing = apiNotFound(op.request, this.host.excelApi);
    if (missing) {
      this.pending.push({ request: op.request, writes: false, run: () => { throw missing; } });
      return;
    }
    this.pending.push(op);
  }

  /** True when operations wait for a sync (Excel.run syncs them at the end). */
  get _hasPending(): boolean {
    return this.pending.length > 0;
  }

  _discard(): void {
    this.pending = [];
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const ops = this.pending;
    this.pending = [];
    await this.host._execute(ops);
    return passThroughValue as T;
  }
}

export type Ctx = MemoryRequestContext;
