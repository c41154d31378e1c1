/** Excel.ChartCollection, Chart, ChartTitle, ChartLegend, ChartSeriesCollection, ChartSeries and their format, in memory. */

import { columnCount, parseRef, type Rect, rowCount, splitSheet } from "./address";
import { ClientObject, CollectionObject, type Getters, Ref } from "./base";
import { type ChartSeriesState, type ChartState, type SheetState, type WorkbookState } from "./state";
import { type Ctx } from "./request-context";
import { editable, invalid, itemIndex } from "./guards";
import { findSheet } from "./worksheet-collection";
import { Range } from "./range";
import { isColor, normColor } from "./range-format";

export const CHART_TYPES = new Set([
  "BarStacked", "BarClustered", "BarStacked100", "ColumnStacked", "ColumnClustered", "ColumnStacked100", "Line", "Pie", "Doughnut", "Area",
]);

export interface ChartTarget {
  sheet: SheetState;
  chart: ChartState;
}

export function chartAlive(ctx: Ctx) {
  return (t: ChartTarget): ChartTarget | null => {
    if (!ctx.state.sheets.includes(t.sheet)) return null;
    const chart = t.sheet.charts.find((c) => c.id === t.chart.id);
    return chart ? { sheet: t.sheet, chart } : null;
  };
}

export function updateChart(t: ChartTarget, patch: (c: ChartState) => ChartState): void {
  editable(t.sheet, "Chart");
  t.sheet.charts = t.sheet.charts.map((c) => (c.id === t.chart.id ? patch(structuredClone(c)) : c));
  t.chart = t.sheet.charts.find((c) => c.id === t.chart.id)!;
}

export function rangeRefOf(range: Range | string, sheet: SheetState, wb: WorkbookState, location: string): { sheetId: string; rect: Rect } {
  if (range instanceof Range) {
    const t = range._ref.require(location);
    return { sheetId: t.sheet.id, rect: t.rect };
  }
  const { sheet: name, ref } = splitSheet(range);
  const target = name === null ? sheet : findSheet(wb, name);
  if (!target) throw invalid(location, `"${range}" does not name a sheet.`);
  return { sheetId: target.id, rect: parseRef(ref, location) };
}

export class ChartCollection extends CollectionObject<SheetState, Chart> {
  readonly _typeName = "ChartCollection";
  protected _list(s: SheetState): unknown[] {
    return s.charts.map((chart) => ({ sheet: s, chart }));
  }
  protected _itemProxy(e: unknown): Chart {
    const ctx = this.context as Ctx;
    return new Chart(ctx, Ref.of(e as ChartTarget, chartAlive(ctx)));
  }
  /** Adds a chart; each column of `sourceData` becomes a series (this host does not guess headers). */
  add(type: string, sourceData: Range, seriesBy?: string): Chart {
    const ctx = this.context as Ctx;
    const ref = new Ref<ChartTarget>(() => {
      const sheet = editable(this._ref.require("ChartCollection.add"), "ChartCollection.add");
      if (!CHART_TYPES.has(type)) throw invalid("ChartCollection.add", `${type} is not a chart type.`);
      const src = sourceData._ref.require("ChartCollection.add");
      const byRows = seriesBy === "Rows";
      const n = byRows ? rowCount(src.rect) : columnCount(src.rect);
      const series: ChartSeriesState[] = Array.from({ length: n }, (_, i) => ({
        name: `Series${i + 1}`,
        values: {
          sheetId: src.sheet.id,
          rect: byRows ? { ...src.rect, top: src.rect.top + i, bottom: src.rect.top + i } : { ...src.rect, left: src.rect.left + i, right: src.rect.left + i },
        },
        xValues: null,
        color: null,
      }));
      const wb = ctx.state;
      const chart: ChartState = { id: String(wb.nextId++), name: `Chart ${sheet.charts.length + 1}`, type, title: "", series, position: null, legendPosition: "Right" };
      sheet.charts = [...sheet.charts, chart];
      return { sheet, chart };
    }, chartAlive(ctx));
    const chart = new Chart(ctx, ref);
    ctx.enqueue({ request: { type: this._typeName, method: "add", args: [type, "Range", seriesBy] }, writes: true, run: () => void ref.resolve() });
    return chart;
  }
}

export class Chart extends ClientObject<ChartTarget> {
  readonly _typeName = "Chart";
  private _title?: ChartTitle;
  private _legend?: ChartLegend;
  private _series?: ChartSeriesCollection;
  private _axes?: ChartAxes;
  _getters(): Getters<ChartTarget> {
    return { name: (t) => t.chart.name, chartType: (t) => t.chart.type, id: (t) => t.chart.id };
  }
  get axes(): ChartAxes {
    return (this._axes ??= new ChartAxes(this.context as Ctx, this._ref));
  }
  protected override _navigation() {
    return { title: this.title, legend: this.legend, series: this.series };
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (t, v) => updateChart(t, (c) => ({ ...c, name: String(v) })));
  }
  get chartType(): string {
    return this._get("chartType");
  }
  get title(): ChartTitle {
    return (this._title ??= new ChartTitle(this.context as Ctx, this._ref));
  }
  get legend(): ChartLegend {
    return (this._legend ??= new ChartLegend(this.context as Ctx, this._ref));
  }
  get series(): ChartSeriesCollection {
    return (this._series ??= new ChartSeriesCollection(this.context as Ctx, this._ref));
  }
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    this._call("setPosition", [startCell, endCell], (t) => {
      const wb = (this.context as Ctx).state;
      const start = rangeRefOf(startCell, t.sheet, wb, "Chart.setPosition").rect;
      const end = endCell === undefined ? null : rangeRefOf(endCell, t.sheet, wb, "Chart.setPosition").rect;
      updateChart(t, (c) => ({ ...c, position: { start, end } }));
    });
  }
  delete(): void {
    this._call("delete", [], (t) => {
      editable(t.sheet, "Chart.delete");
      t.sheet.charts = t.sheet.charts.filter((c) => c.id !== t.chart.id);
    });
  }
}

export class ChartTitle extends ClientObject<ChartTarget> {
  readonly _typeName = "ChartTitle";
  _getters(): Getters<ChartTarget> {
    return { text: (t) => t.chart.title, visible: (t) => t.chart.title !== "" };
  }
  get text(): string {
    return this._get("text");
  }
  set text(value: string) {
    this._set("text", value, (t, v) => updateChart(t, (c) => ({ ...c, title: String(v) })));
  }
}

export class ChartLegend extends ClientObject<ChartTarget> {
  readonly _typeName = "ChartLegend";
  _getters(): Getters<ChartTarget> {
    return { position: (t) => t.chart.legendPosition, visible: (t) => t.chart.legendPosition !== "Invalid" };
  }
  get position(): string {
    return this._get("position");
  }
  set position(value: string) {
    this._set("position", value, (t, v) => {
      if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom"].includes(v as string)) throw invalid("ChartLegend.position", `${String(v)} is not a legend position.`);
      updateChart(t, (c) => ({ ...c, legendPosition: v as string }));
    });
  }
}

export interface SeriesTarget extends ChartTarget {
  index: number;
}

export function seriesAlive(ctx: Ctx) {
  return (t: SeriesTarget): SeriesTarget | null => {
    const c = chartAlive(ctx)(t);
    return c && t.index < c.chart.series.length ? { ...c, index: t.index } : null;
  };
}

export class ChartSeriesCollection extends CollectionObject<ChartTarget, ChartSeries> {
  readonly _typeName = "ChartSeriesCollection";
  protected _list(t: ChartTarget): unknown[] {
    return t.chart.series.map((_, index) => ({ ...t, index }));
  }
  protected _itemProxy(e: unknown): ChartSeries {
    const ctx = this.context as Ctx;
    return new ChartSeries(ctx, Ref.of(e as SeriesTarget, seriesAlive(ctx)));
  }
  getItemAt(index: number): ChartSeries {
    const ctx = this.context as Ctx;
    return new ChartSeries(
      ctx,
      new Ref<SeriesTarget>(() => {
        const t = this._ref.require("ChartSeriesCollection.getItemAt");
        return { ...t, index: itemIndex(index, t.chart.series.length, "ChartSeriesCollection.getItemAt", `The chart has no series ${index}.`) };
      }, seriesAlive(ctx)),
    )._queueCreation(this._typeName, "getItemAt", [index]);
  }
  add(name?: string, index?: number): ChartSeries {
    const ctx = this.context as Ctx;
    const ref = new Ref<SeriesTarget>(() => {
      const t = this._ref.require("ChartSeriesCollection.add");
      const at = index ?? t.chart.series.length;
      updateChart(t, (c) => {
        const series = c.series.slice();
        series.splice(at, 0, { name: name ?? `Series${series.length + 1}`, values: null, xValues: null, color: null });
        return { ...c, series };
      });
      return { ...t, index: at };
    }, seriesAlive(ctx));
    ctx.enqueue({ request: { type: this._typeName, method: "add", args: [name, index] }, writes: true, run: () => void ref.resolve() });
    return new ChartSeries(ctx, ref);
  }
}

export class ChartSeries extends ClientObject<SeriesTarget> {
  readonly _typeName = "ChartSeries";
  private _format?: ChartSeriesFormat;
  _getters(): Getters<SeriesTarget> {
    return { name: (t) => t.chart.series[t.index].name };
  }
  protected override _navigation() {
    return { format: this.format };
  }
  get format(): ChartSeriesFormat {
    return (this._format ??= new ChartSeriesFormat(this.context as Ctx, this._ref));
  }
  private _patch(t: SeriesTarget, p: Partial<ChartSeriesState>): void {
    updateChart(t, (c) => ({ ...c, series: c.series.map((s, i) => (i === t.index ? { ...s, ...p } : s)) }));
  }
  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (t, v) => this._patch(t, { name: String(v) }));
  }
  setValues(sourceData: Range): void {
    this._call("setValues", [sourceData], (t) => this._patch(t, { values: rangeRefOf(sourceData, t.sheet, (this.context as Ctx).state, "ChartSeries.setValues") }));
  }
  setXAxisValues(sourceData: Range): void {
    this._call("setXAxisValues", [sourceData], (t) => this._patch(t, { xValues: rangeRefOf(sourceData, t.sheet, (this.context as Ctx).state, "ChartSeries.setXAxisValues") }));
  }
  /** Used by ChartFill. */
  _setColor(t: SeriesTarget, color: string | null): void {
    this._patch(t, { color });
  }
}

export class ChartSeriesFormat extends ClientObject<SeriesTarget> {
  readonly _typeName = "ChartSeriesFormat";
  private _fill?: ChartFill;
  _getters(): Getters<SeriesTarget> {
    return {};
  }
  get fill(): ChartFill {
    return (this._fill ??= new ChartFill(this.context as Ctx, this._ref));
  }
}

export class ChartFill extends ClientObject<SeriesTarget> {
  readonly _typeName = "ChartFill";
  _getters(): Getters<SeriesTarget> {
    return {};
  }
  private _colour(t: SeriesTarget, color: string | null): void {
    updateChart(t, (c) => ({ ...c, series: c.series.map((s, i) => (i === t.index ? { ...s, color } : s)) }));
  }
  setSolidColor(color: string): void {
    this._call("setSolidColor", [color], (t) => {
      if (!isColor(color)) throw invalid("ChartFill.setSolidColor", `${color} is not a colour.`);
      this._colour(t, normColor(color));
    });
  }
  clear(): void {
    this._call("clear", [], (t) => this._colour(t, null));
  }
}

export class ChartAxes extends ClientObject<ChartTarget> {
  readonly _typeName = "ChartAxes";
  private _category?: ChartAxis;
  _getters(): Getters<ChartTarget> {
    return {};
  }
  get categoryAxis(): ChartAxis {
    return (this._category ??= new ChartAxis(this.context as Ctx, this._ref));
  }
}

/** The category axis of a chart: its order and where the value axis crosses it. */
export class ChartAxis extends ClientObject<ChartTarget> {
  readonly _typeName = "ChartAxis";
  _getters(): Getters<ChartTarget> {
    return {
      reversePlotOrder: (t) => t.chart.categoryAxis?.reversePlotOrder ?? false,
      position: (t) => t.chart.categoryAxis?.position ?? "Automatic",
    };
  }
  set reversePlotOrder(value: boolean) {
    this._set("reversePlotOrder", value, (t, v) => updateChart(t, (c) => ({ ...c, categoryAxis: { ...c.categoryAxis, reversePlotOrder: v === true } })));
  }
  set position(value: string) {
    this._set("position", value, (t, v) => {
      if (!["Automatic", "Maximum", "Minimum", "Custom"].includes(v as string)) throw invalid("ChartAxis.position", `${String(v)} is not an axis position.`);
      updateChart(t, (c) => ({ ...c, categoryAxis: { ...c.categoryAxis, position: v as string } }));
    });
  }
}
