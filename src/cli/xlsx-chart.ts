/**
 * The acceptance chart (and any SheetSpec `chart`) as DrawingML, the parts Excel itself writes: the chart part
 * (xl/charts/chartN.xml) and its anchor in the sheet's drawing part (xl/drawings/drawingN.xml). Pure text; the
 * package writer (src/cli/xlsx/edit.ts) adds the parts, their relationships and content types, and the sheet's
 * `<drawing r:id>`, to a sheet it adds to a workbook and to the sheets of a new workbook alike. The series refer to
 * the sheet's cells and carry their values as a cache, so the chart shows at once and follows the cells when they
 * change.
 */

import { quoteSheetName, type CellValue, type MergedRange } from "../core/grid";
import type { ChartSpec, SheetSpec } from "../core/sheet-spec";
import { absoluteRange } from "./xlsx/sheet-xml";
import { escapeXml } from "./xlsx/xml";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
/** The content types of the two parts. */
export const CHART_CONTENT_TYPES = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};
/** English Metric Units per point: DrawingML measures in EMU. */
const EMU_PER_POINT = 12700;

/** `'Section 0 Summary'!$B$20:$B$24`: a range as a chart formula refers to it. */
export function rangeFormula(sheet: string, r: MergedRange): string {
  return absoluteRange(quoteSheetName(sheet), r);
}

/** The values of a one-column (or one-row) range, in order. */
function valuesOf(cells: readonly (readonly CellValue[])[], r: MergedRange): CellValue[] {
  const out: CellValue[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(cells[row]?.[col] ?? "");
  return out;
}

function textRun(text: string, size: number, bold: boolean, font: string): string {
  return `<a:r><a:rPr lang="en-US" sz="${size * 100}" b="${bold ? 1 : 0}"><a:latin typeface="${escapeXml(font)}"/></a:rPr><a:t>${escapeXml(text)}</a:t></a:r>`;
}

/** The chart part (xl/charts/chartN.xml) of a sheet's chart, its data cached from the sheet's cells. */
export function chartXml(sheet: Pick<SheetSpec, "name" | "cells" | "font">, chart: ChartSpec): string {
  const font = sheet.font?.name ?? "Calibri";
  const size = sheet.font?.size ?? 10;
  const categories = valuesOf(sheet.cells, chart.categories).map((v) => String(v));
  const count = categories.length;
  const stacked = chart.kind === "barStacked";
  const strCache = (values: readonly string[]) =>
    `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join("")}</c:strCache>`;
  const numbers = chart.series.map((s) => valuesOf(sheet.cells, s.values).map((v) => (typeof v === "number" ? v : null)));
  const series = chart.series
    .map((s, i) => {
      const points = numbers[i].map((v, k) => (v === null ? "" : `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>`)).join("");
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.color.replace(/^#/, "").toUpperCase()}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${escapeXml(rangeFormula(sheet.name, chart.categories))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${escapeXml(rangeFormula(sheet.name, s.values))}</c:f>` +
        `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>${points}</c:numCache></c:numRef></c:val></c:ser>`
      );
    })
    .join("");
  // Whole units: a tick per unit while the longest bar is short, else Excel's own steps
  const longest = Math.max(0, ...categories.map((_, k) => numbers.reduce((n, s) => (stacked ? n + (s[k] ?? 0) : Math.max(n, s[k] ?? 0)), 0)));
  const majorUnit = longest <= 12 ? `<c:majorUnit val="1"/>` : "";
  const textProperties = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}"><a:latin typeface="${escapeXml(font)}"/></a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p>${textRun(chart.title, size + 2, true, font)}</a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="${stacked ? "stacked" : "clustered"}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/>${stacked ? `<c:overlap val="100"/>` : ""}<c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    // Categories top to bottom in sheet order (reversed axis), the value axis still along the bottom
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000001"/><c:crosses val="max"/><c:crossBetween val="between"/>${majorUnit}</c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `${textProperties}</c:chartSpace>`
  );
}

/** One chart's anchor in a drawing part: from the anchor's top-left cell to the end of its bottom-right cell. */
export function chartAnchorXml(anchor: MergedRange, relId: string, id: number): string {
  const marker = (tag: string, row: number, col: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" editAs="oneCell">${marker("from", anchor.top, anchor.left)}${marker("to", anchor.bottom + 1, anchor.right + 1)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="Chart ${id - 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="${10 * EMU_PER_POINT}" cy="${10 * EMU_PER_POINT}"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** A drawing part holding these anchors (chartAnchorXml). */
export function drawingXml(anchors: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join("")}</xdr:wsDr>`;
}
