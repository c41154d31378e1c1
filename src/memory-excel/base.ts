/**
 * The proxy machinery of Office.js, in memory: proxies queue operations on their request context; nothing
 * happens until `context.sync()`, when the host runs the queue in order. Properties can be read only after
 * `load` and `sync` (or after being set), else Excel's PropertyNotLoaded error is thrown.
 */

import { MemoryExcelError, propertyNotLoaded } from "./errors";
import type { WorkbookState } from "./state";

/** One queued step of a request. */
export interface Operation {
  /** What the request carries to Excel (arguments, values written), measured as JSON. */
  request: unknown;
  /** True when it changes the workbook (the host then keeps a snapshot to undo a failed request). */
  writes: boolean;
  /** Runs at sync, in queue order. May return what the response carries and what to hand the proxies once the request succeeded. */
  run(): OperationResult | void;
}

export interface OperationResult {
  response?: unknown;
  deliver?: () => void;
}

export interface QueueingContext {
  enqueue(op: Operation): void;
  readonly state: WorkbookState;
}

/**
 * How a proxy finds its object: resolved once, when the request that created the proxy runs
 * (like Excel's object paths), then refreshed on each use so a deleted object fails with ItemNotFound.
 */
export class Ref<T> {
  private bound = false;
  private value: T | null = null;

  constructor(
    private readonly find: () => T | null,
    private readonly refresh: (t: T) => T | null = (t) => t,
  ) {}

  /** A reference already bound to its object (items of a loaded collection). */
  static of<T>(value: T, refresh?: (t: T) => T | null): Ref<T> {
    const ref = new Ref<T>(() => value, refresh);
    ref.resolve();
    return ref;
  }

  resolve(): T | null {
    if (!this.bound) {
      this.value = this.find();
      this.bound = true;
      return this.value;
    }
    if (this.value === null) return null;
    const current = this.refresh(this.value);
    if (current === null) throw new MemoryExcelError("ItemNotFound", undefined, "The object was deleted.");
    this.value = current;
    return current;
  }

  require(location: string): T {
    const t = this.resolve();
    if (t === null) throw new MemoryExcelError("ItemNotFound", location, "The object is a null object.");
    return t;
  }
}

/** A load request, normalised: scalar property names (or all) and navigation properties to load further. */
export interface LoadRequest {
  all: boolean;
  props: string[];
  nested: Map<string, LoadSpec>;
}

export type LoadSpec = string | string[] | Record<string, unknown> | undefined | null;

function addPath(req: LoadRequest, path: string): void {
  const p = path.trim();
  if (!p) return;
  const slash = p.indexOf("/");
  if (slash < 0) {
    req.props.push(p);
    return;
  }
  const head = p.slice(0, slash).trim();
  const rest = p.slice(slash + 1);
  const prev = req.nested.get(head);
  req.nested.set(head, prev === undefined || prev === null ? rest : `${String(prev)},${rest}`);
}

/** Parses the forms `load` accepts: nothing, "a, b/c", ["a", "b/c"], { select, expand }, or { a: true, b: { c: true } }. */
export function parseLoad(spec: LoadSpec): LoadRequest {
  const req: LoadRequest = { all: false, props: [], nested: new Map() };
  if (spec === undefined || spec === null) {
    req.all = true;
    return req;
  }
  if (typeof spec === "string") {
    spec.split(",").forEach((p) => addPath(req, p));
    return req;
  }
  if (Array.isArray(spec)) {
    spec.forEach((p) => addPath(req, String(p)));
    return req;
  }
  if (typeof spec.select === "string" || typeof spec.expand === "string") {
    if (typeof spec.select === "string") spec.select.split(",").forEach((p) => addPath(req, p));
    else req.all = true;
    if (typeof spec.expand === "string") for (const e of spec.expand.split(",")) if (e.trim()) req.nested.set(e.trim(), undefined);
    return req;
  }
  for (const [key, value] of Object.entries(spec)) {
    if (value === true) req.props.push(key);
    else if (value && typeof value === "object") req.nested.set(key, value as LoadSpec);
  }
  return req;
}

/** Anything `load` can be passed on to. */
export interface Loadable {
  load(spec?: LoadSpec): unknown;
}

export type Getters<T> = Record<string, (t: T) => unknown>;

/** A copy of a loaded object, so later writes cannot change what was read (arrays of cells are built fresh already). */
function detach(v: unknown): unknown {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? structuredClone(v) : v;
}

/** The base of every proxy: `load`, `isNullObject`, loaded and locally set property values. */
export abstract class ClientObject<T> {
  protected readonly _loaded = new Map<string, unknown>();
  protected _isNull: boolean | undefined = undefined;
  abstract readonly _typeName: string;

  constructor(
    readonly context: QueueingContext,
    readonly _ref: Ref<T>,
  ) {}

  /** Loadable scalar properties. */
  abstract _getters(): Getters<T>;

  /** The named properties (all when null) of the bound object, at sync time. */
  _read(names: string[] | null): Record<string, unknown> {
    const getters = this._getters();
    const t = this._ref.require(`${this._typeName}.load`);
    const got: Record<string, unknown> = {};
    for (const n of names ?? Object.keys(getters)) {
      if (!(n in getters)) throw new MemoryExcelError("InvalidArgument", `${this._typeName}.load`, `${this._typeName} has no property '${n}'.`);
      got[n] = detach(getters[n](t));
    }
    return got;
  }

  /** Hands loaded values to this proxy (after its request succeeded). */
  _deliver(values: Record<string, unknown>): void {
    this._isNull = false;
    for (const [k, v] of Object.entries(values)) this._loaded.set(k, v);
  }

  /** Navigation properties, for `load("format/fill/color")`. */
  protected _navigation(): Record<string, Loadable> {
    return {};
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._typeName, "isNullObject");
    return this._isNull;
  }

  /** Queues the creation of this proxy by `owner.method(...args)`, so a missing object fails (or becomes a null object) at sync. */
  _queueCreation(owner: string, method: string, args: unknown[]): this {
    this.context.enqueue({
      request: { type: owner, method, args },
      writes: false,
      run: () => {
        const t = this._ref.resolve();
        return { deliver: () => void (this._isNull = t === null) };
      },
    });
    return this;
  }

  load(spec?: LoadSpec): this {
    const req = parseLoad(spec);
    const getters = this._getters();
    const nav = this._navigation();
    const names = req.all ? Object.keys(getters) : [];
    for (const p of req.props) {
      if (p in getters) names.push(p);
      else if (p in nav) req.nested.set(p, undefined);
      else if (p !== "isNullObject") {
        const bad = p;
        this.context.enqueue({
          request: { load: bad },
          writes: false,
          run: () => {
            throw new MemoryExcelError("InvalidArgument", `${this._typeName}.load`, `${this._typeName} has no property '${bad}'.`);
          },
        });
      }
    }
    this.context.enqueue({
      request: { type: this._typeName, load: names },
      writes: false,
      run: () => {
        const t = this._ref.resolve();
        if (t === null) return { deliver: () => void (this._isNull = true) };
        const got: Record<string, unknown> = {};
        for (const n of names) got[n] = detach(getters[n](t));
        return {
          response: got,
          deliver: () => {
            this._isNull = false;
            for (const n of names) this._loaded.set(n, got[n]);
          },
        };
      },
    });
    for (const [name, sub] of req.nested) {
      const child = nav[name];
      if (!child) {
        this.context.enqueue({
          request: { load: name },
          writes: false,
          run: () => {
            throw new MemoryExcelError("InvalidArgument", `${this._typeName}.load`, `${this._typeName} has no navigation property '${name}'.`);
          },
        });
      } else child.load(sub);
    }
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  /** Reads a loaded (or locally set) property; throws PropertyNotLoaded otherwise, like Office.js. */
  protected _get<V>(name: string): V {
    if (this._isNull === true) return null as V;
    if (!this._loaded.has(name)) throw propertyNotLoaded(this._typeName, name);
    return this._loaded.get(name) as V;
  }

  /** Sets a property: remembered locally (as Office.js does) and applied at sync. */
  protected _set(name: string, value: unknown, apply: (t: T, value: unknown) => void): void {
    this._loaded.set(name, value);
    const sent = detachForRequest(value);
    this.context.enqueue({
      request: { type: this._typeName, set: name, value: sent },
      writes: true,
      run: () => apply(this._ref.require(`${this._typeName}.${name}`), sent),
    });
  }

  /** Queues a method call that changes the workbook. */
  protected _call(method: string, args: unknown[], apply: (t: T) => void): void {
    this.context.enqueue({
      request: { type: this._typeName, method, args: args.map(detachForRequest) },
      writes: true,
      run: () => apply(this._ref.require(`${this._typeName}.${method}`)),
    });
  }
}

/** Values are sent as they were when set (later changes to the caller's array do not count). Proxies pass through. */
function detachForRequest(v: unknown): unknown {
  if (v instanceof ClientObject) return v;
  if (v !== null && typeof v === "object") {
    try {
      return structuredClone(v);
    } catch {
      return v;
    }
  }
  return v;
}

/** JSON size of a request part, in UTF-8 bytes; proxies count as their path. */
export function jsonBytes(v: unknown): number {
  if (v === undefined) return 0;
  const text = JSON.stringify(v, (_k, x) => (x instanceof ClientObject ? { ref: x._typeName } : x));
  if (text === undefined) return 0;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A collection proxy: `items` after `load`, with item properties given as `items/name` (or just `name`). */
/** What a collection needs of its item proxies. */
export interface ItemProxy {
  _read(names: string[] | null): Record<string, unknown>;
  _deliver(values: Record<string, unknown>): void;
}

export abstract class CollectionObject<T, P extends ItemProxy> extends ClientObject<T> {
  private _items: P[] | undefined = undefined;

  /** The current elements, at sync time. */
  protected abstract _list(t: T): unknown[];
  /** A proxy bound to one element. */
  protected abstract _itemProxy(element: unknown): P;

  /** Office.js collections have no scalar properties of their own (their size is `getCount()`). */
  _getters(): Getters<T> {
    return {};
  }

  get items(): P[] {
    if (this._items === undefined) throw propertyNotLoaded(this._typeName, "items");
    return this._items;
  }

  override load(spec?: LoadSpec): this {
    const req = parseLoad(spec);
    let all = req.all;
    let wantItems = req.all;
    const props: string[] = [];
    const problems: string[] = [];
    for (const p of req.props) {
      if (p === "items") wantItems = all = true;
      else {
        props.push(p);
        wantItems = true;
      }
    }
    for (const [name, sub] of req.nested) {
      const inner = parseLoad(sub ?? undefined);
      if (name !== "items" || inner.nested.size > 0) problems.push(`${name}/...`);
      wantItems = true;
      if (inner.all) all = true;
      props.push(...inner.props);
    }
    if (!wantItems) return this;
    this.context.enqueue({
      request: { type: this._typeName, load: all ? "items" : props.map((p) => `items/${p}`) },
      writes: false,
      run: () => {
        if (problems.length) throw new MemoryExcelError("InvalidArgument", `${this._typeName}.load`, `Cannot load ${problems.join(", ")} here.`);
        const t = this._ref.resolve();
        if (t === null) return { deliver: () => void (this._isNull = true) };
        const proxies = this._list(t).map((e) => this._itemProxy(e));
        const values = proxies.map((p) => p._read(all ? null : props));
        return {
          response: values,
          deliver: () => {
            this._isNull = false;
            this._items = proxies;
            proxies.forEach((p, i) => p._deliver(values[i]));
          },
        };
      },
    });
    return this;
  }
}
