/** Excel.SettingCollection and Excel.Setting, in memory. */

import { ClientObject, CollectionObject, type Getters, Ref } from "./base";
import { MemoryExcelError } from "./errors";
import { type WorkbookState } from "./state";
import { type Ctx } from "./request-context";
import { invalid } from "./guards";

export function settingAlive(ctx: Ctx) {
  return (key: string): string | null => (ctx.state.settings.has(key) ? key : null);
}

export class SettingCollection extends CollectionObject<WorkbookState, Setting> {
  readonly _typeName = "SettingCollection";
  protected _list(wb: WorkbookState): unknown[] {
    return [...wb.settings.keys()];
  }
  protected _itemProxy(key: unknown): Setting {
    const ctx = this.context as Ctx;
    return new Setting(ctx, Ref.of(key as string, settingAlive(ctx)));
  }
  private _byKey(key: string, orNull: boolean): Setting {
    const ctx = this.context as Ctx;
    return new Setting(
      ctx,
      new Ref<string>(() => {
        if (ctx.state.settings.has(key)) return key;
        if (orNull) return null;
        throw new MemoryExcelError("ItemNotFound", "SettingCollection.getItem", `There is no setting '${key}'.`);
      }, settingAlive(ctx)),
    )._queueCreation(this._typeName, orNull ? "getItemOrNullObject" : "getItem", [key]);
  }
  getItem(key: string): Setting {
    return this._byKey(key, false);
  }
  getItemOrNullObject(key: string): Setting {
    return this._byKey(key, true);
  }
  /** Adds or replaces a setting; the value is stored as JSON, like Excel does. */
  add(key: string, value: unknown): Setting {
    const ctx = this.context as Ctx;
    const json = JSON.stringify(value ?? null);
    const ref = new Ref<string>(() => {
      if (typeof key !== "string" || key === "") throw invalid("SettingCollection.add", "A setting needs a key.");
      ctx.state.settings = new Map(ctx.state.settings).set(key, JSON.parse(json));
      return key;
    }, settingAlive(ctx));
    ctx.enqueue({ request: { type: this._typeName, method: "add", args: [key, json] }, writes: true, run: () => void ref.resolve() });
    return new Setting(ctx, ref);
  }
}

export class Setting extends ClientObject<string> {
  readonly _typeName = "Setting";
  _getters(): Getters<string> {
    const wb = () => (this.context as Ctx).state;
    return { key: (k) => k, value: (k) => wb().settings.get(k) };
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._set("value", v, (k, x) => {
      const wb = (this.context as Ctx).state;
      wb.settings = new Map(wb.settings).set(k, JSON.parse(JSON.stringify(x ?? null)));
    });
  }
  delete(): void {
    this._call("delete", [], (k) => {
      const wb = (this.context as Ctx).state;
      const next = new Map(wb.settings);
      next.delete(k);
      wb.settings = next;
    });
  }
}
