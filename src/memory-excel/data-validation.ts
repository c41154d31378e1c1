/** Excel.DataValidation, in memory. */

import { quoteSheetName } from "../core/grid";
import { contains, formatAbsoluteRef, intersects } from "./address";
import { ClientObject, type Getters } from "./base";
import { MemoryExcelError } from "./errors";
import { type ValidationState } from "./state";
import { editable, invalid, type RangeTarget } from "./guards";
import { Range } from "./range";

export const RULE_KINDS = ["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"];

export class DataValidation extends ClientObject<RangeTarget> {
  readonly _typeName = "DataValidation";

  private _covering(t: RangeTarget): ValidationState[] {
    return t.sheet.validations.filter((v) => intersects(v.rect, t.rect));
  }

  _getters(): Getters<RangeTarget> {
    const one = (t: RangeTarget) => {
      const vs = this._covering(t);
      return vs.length === 1 && contains(vs[0].rect, t.rect) ? vs[0] : null;
    };
    return {
      type: (t) => {
        const vs = this._covering(t);
        if (vs.length === 0) return "None";
        const v = one(t);
        if (!v) return "Inconsistent";
        const kind = Object.keys(v.rule)[0] ?? "None";
        return kind.charAt(0).toUpperCase() + kind.slice(1);
      },
      rule: (t) => one(t)?.rule ?? {},
      errorAlert: (t) => one(t)?.errorAlert ?? null,
      prompt: (t) => one(t)?.prompt ?? null,
      ignoreBlanks: (t) => one(t)?.ignoreBlanks ?? true,
    };
  }

  get type(): string {
    return this._get("type");
  }

  get rule(): Record<string, unknown> {
    return this._get("rule");
  }
  set rule(value: Record<string, unknown>) {
    this._set("rule", value, (t, v) => {
      const s = editable(t.sheet, "DataValidation.rule");
      const rule = v as Record<string, unknown>;
      const kinds = rule && typeof rule === "object" ? Object.keys(rule).filter((k) => rule[k] !== undefined) : [];
      if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0])) throw invalid("DataValidation.rule", "A rule has exactly one kind, e.g. { list: {...} }.");
      const stored: Record<string, unknown> = { [kinds[0]]: rule[kinds[0]] };
      if (kinds[0] === "list") {
        const list = rule.list as { inCellDropDown?: unknown; source?: unknown };
        let source = list?.source;
        if (source instanceof Range) {
          const target = source._ref.require("DataValidation.rule");
          source = `=${quoteSheetName(target.sheet.name)}!${formatAbsoluteRef(target.rect)}`;
        }
        if (typeof source !== "string" || source === "") throw invalid("DataValidation.rule", "A list needs a source: comma-separated values or a range.");
        // Excel's limit for a typed-in list.
        if (!source.startsWith("=") && source.length > 255) throw invalid("DataValidation.rule", "A list typed into the rule can hold at most 255 characters.");
        stored.list = { inCellDropDown: list.inCellDropDown !== false, source };
      }
      s.validations = s.validations.filter((x) => !contains(t.rect, x.rect));
      s.validations.push({
        rect: { ...t.rect },
        rule: stored,
        errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
        prompt: { showPrompt: false, title: "", message: "" },
        ignoreBlanks: true,
      });
    });
  }

  private _patchExisting(name: string, value: unknown, patch: (v: ValidationState, value: unknown) => ValidationState): void {
    this._set(name, value, (t, v) => {
      const s = editable(t.sheet, `DataValidation.${name}`);
      const vs = this._covering(t);
      if (vs.length === 0) throw new MemoryExcelError("InvalidOperation", `DataValidation.${name}`, "Set a rule before its alert or prompt.");
      s.validations = s.validations.map((x) => (vs.includes(x) ? patch(x, v) : x));
    });
  }

  get errorAlert(): ValidationState["errorAlert"] {
    return this._get("errorAlert");
  }
  set errorAlert(value: Partial<ValidationState["errorAlert"]>) {
    this._patchExisting("errorAlert", value, (x, v) => {
      const a = v as Partial<ValidationState["errorAlert"]>;
      if (a.style !== undefined && !["Stop", "Warning", "Information"].includes(a.style)) throw invalid("DataValidation.errorAlert", `${a.style} is not an alert style.`);
      if ((a.title?.length ?? 0) > 32) throw invalid("DataValidation.errorAlert", "An alert title has at most 32 characters.");
      if ((a.message?.length ?? 0) > 225) throw invalid("DataValidation.errorAlert", "An alert message has at most 225 characters.");
      return { ...x, errorAlert: { ...x.errorAlert, ...a } };
    });
  }

  get prompt(): ValidationState["prompt"] {
    return this._get("prompt");
  }
  set prompt(value: Partial<ValidationState["prompt"]>) {
    this._patchExisting("prompt", value, (x, v) => {
      const p = v as Partial<ValidationState["prompt"]>;
      if ((p.title?.length ?? 0) > 32) throw invalid("DataValidation.prompt", "A prompt title has at most 32 characters.");
      if ((p.message?.length ?? 0) > 255) throw invalid("DataValidation.prompt", "A prompt message has at most 255 characters.");
      return { ...x, prompt: { ...x.prompt, ...p } };
    });
  }

  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(value: boolean) {
    this._patchExisting("ignoreBlanks", value, (x, v) => ({ ...x, ignoreBlanks: Boolean(v) }));
  }

  clear(): void {
    this._call("clear", [], (t) => {
      const s = editable(t.sheet, "DataValidation.clear");
      s.validations = s.validations.filter((x) => !intersects(x.rect, t.rect));
    });
  }
}
