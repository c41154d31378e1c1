/** Excel.NamedItemCollection and Excel.NamedItem (defined names), in memory. */

import { quoteSheetName } from "../core/grid";
import { formatAbsoluteRef, splitSheet } from "./address";
import { ClientObject, CollectionObject, type Getters, Ref } from "./base";
import { MemoryExcelError } from "./errors";
import { definedNameProblem, type NameState, nameTaken, type WorkbookState } from "./state";
import { type Ctx } from "./request-context";
import { invalid, rangeAlive, type RangeTarget } from "./guards";
import { findSheet } from "./worksheet-collection";
import { Range } from "./range";
import { rangeRefOf } from "./chart";

export function nameAlive(ctx: Ctx) {
  return (n: NameState): NameState | null => ctx.state.names.find((x) => x.name === n.name) ?? null;
}

export function nameFormula(wb: WorkbookState, n: NameState): string {
  if (n.ref) {
    const sheet = wb.sheets.find((s) => s.id === n.ref!.sheetId);
    if (sheet) return `=${quoteSheetName(sheet.name)}!${formatAbsoluteRef(n.ref.rect)}`;
  }
  return n.formula ?? "=#REF!";
}

export class NamedItemCollection extends CollectionObject<WorkbookState, NamedItem> {
  readonly _typeName = "NamedItemCollection";
  protected _list(wb: WorkbookState): unknown[] {
    return wb.names;
  }
  protected _itemProxy(e: unknown): NamedItem {
    const ctx = this.context as Ctx;
    return new NamedItem(ctx, Ref.of(e as NameState, nameAlive(ctx)));
  }
  private _byName(name: string, orNull: boolean): NamedItem {
    const ctx = this.context as Ctx;
    return new NamedItem(
      ctx,
      new Ref<NameState>(() => {
        const found = ctx.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
        if (!found && !orNull) throw new MemoryExcelError("ItemNotFound", "NamedItemCollection.getItem", `There is no name '${name}'.`);
        return found ?? null;
      }, nameAlive(ctx)),
    )._queueCreation(this._typeName, orNull ? "getItemOrNullObject" : "getItem", [name]);
  }
  getItem(name: string): NamedItem {
    return this._byName(name, false);
  }
  getItemOrNullObject(name: string): NamedItem {
    return this._byName(name, true);
  }
  /** Adds a workbook-level name for a range (or a formula such as `="text"`). */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    const ctx = this.context as Ctx;
    const ref = new Ref<NameState>(() => {
      const wb = ctx.state;
      const problem = definedNameProblem(name);
      if (problem) throw invalid("NamedItemCollection.add", problem);
      if (nameTaken(wb, name)) throw new MemoryExcelError("ItemAlreadyExists", "NamedItemCollection.add", `The name '${name}' already exists.`);
      let state: NameState;
      if (reference instanceof Range) {
        const t = reference._ref.require("NamedItemCollection.add");
        state = { name, ref: { sheetId: t.sheet.id, rect: { ...t.rect } }, formula: null, comment: comment ?? "", visible: true };
      } else {
        const text = reference.startsWith("=") ? reference.slice(1) : reference;
        const { sheet } = splitSheet(text);
        const target = sheet === null ? undefined : findSheet(wb, sheet);
        state = target
          ? { name, ref: rangeRefOf(text, target, wb, "NamedItemCollection.add"), formula: null, comment: comment ?? "", visible: true }
          : { name, ref: null, formula: `=${text}`, comment: comment ?? "", visible: true };
      }
      wb.names = [...wb.names, state];
      return state;
    }, nameAlive(ctx));
    ctx.enqueue({ request: { type: this._typeName, method: "add", args: [name, reference instanceof Range ? "Range" : reference, comment] }, writes: true, run: () => void ref.resolve() });
    return new NamedItem(ctx, ref);
  }
}

export class NamedItem extends ClientObject<NameState> {
  readonly _typeName = "NamedItem";
  _getters(): Getters<NameState> {
    const wb = () => (this.context as Ctx).state;
    return {
      name: (n) => n.name,
      type: (n) => (n.ref && wb().sheets.some((s) => s.id === n.ref!.sheetId) ? "Range" : n.formula?.includes("#REF!") ? "Error" : "String"),
      formula: (n) => nameFormula(wb(), n),
      value: (n) => nameFormula(wb(), n).slice(1),
      comment: (n) => n.comment,
      visible: (n) => n.visible,
    };
  }
  get name(): string {
    return this._get("name");
  }
  get type(): string {
    return this._get("type");
  }
  get formula(): string {
    return this._get("formula");
  }
  get value(): string {
    return this._get("value");
  }
  get comment(): string {
    return this._get("comment");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(value: boolean) {
    this._set("visible", value, (n, v) => {
      const wb = (this.context as Ctx).state;
      wb.names = wb.names.map((x) => (x.name === n.name ? { ...x, visible: Boolean(v) } : x));
    });
  }
  delete(): void {
    this._call("delete", [], (n) => {
      const wb = (this.context as Ctx).state;
      wb.names = wb.names.filter((x) => x.name !== n.name);
    });
  }
  private _rangeOf(orNull: boolean): Range {
    const ctx = this.context as Ctx;
    return new Range(
      ctx,
      new Ref<RangeTarget>(() => {
        const n = this._ref.resolve();
        const sheet = n?.ref ? ctx.state.sheets.find((s) => s.id === n.ref!.sheetId) : undefined;
        if (!n || !n.ref || !sheet) {
          if (orNull) return null;
          throw new MemoryExcelError("InvalidOperation", "NamedItem.getRange", "The name does not refer to a range.");
        }
        return { sheet, rect: n.ref.rect };
      }, rangeAlive(ctx)),
    )._queueCreation(this._typeName, orNull ? "getRangeOrNullObject" : "getRange", []);
  }
  getRange(): Range {
    return this._rangeOf(false);
  }
  getRangeOrNullObject(): Range {
    return this._rangeOf(true);
  }
}
