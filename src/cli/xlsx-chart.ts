/**
 * Charts in the files the command line writes. ExcelJS has no chart API, so a sheet spec's `chart` (ChartSpec) is
 * turned here into the DrawingML parts Excel itself writes (xl/charts/chartN.xml, xl/drawings/drawingN.xml, their
 * relationships, content types and the sheet's `<drawing r:id>`), added to a finished .xlsx package: bytes in,
 * bytes out, whatever wrote the package. The series refer to the sheet's cells and carry their values as a cache,
 * so the chart shows at once and follows the cells when they change.
 */

import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from "fflate";
import { columnLetter, quoteSheetName, type CellValue, type MergedRange } from "../core/grid";
import type { ChartSpec, SheetSpec } from "../core/sheet-spec";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL = {
  chart: `${NS.r}/chart`,
  drawing: `${NS.r}/drawing`,
};
const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};
/** English Metric Units per point: DrawingML measures in EMU. */
const EMU_PER_POINT = 12700;

/** Text for XML content and attribute values. */
function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

/** `'Section 0 Summary'!$B$20:$B$24`: a range as a chart formula refers to it. */
export function rangeFormula(sheet: string, r: MergedRange): string {
  const cell = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  return `${quoteSheetName(sheet)}!${cell(r.top, r.left)}:${cell(r.bottom, r.right)}`;
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

/** A relationships part with one more relationship; returns the new part and the id given. */
function addRelationship(rels: string | undefined, type: string, target: string): { xml: string; id: string } {
  const xml = rels ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}"></Relationships>`;
  const taken = new Set([...xml.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const entry = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  return { xml: xml.replace(/<\/Relationships>\s*$/, `${entry}</Relationships>`).replace(/<Relationships([^>]*)\/>\s*$/, `<Relationships$1>${entry}</Relationships>`), id };
}

/** The attributes of a start tag: `<sheet name="A" r:id="rId3"/>` → { name: "A", "r:id": "rId3" }. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

/** The relationships of a part, by id: target resolved against the part's folder. */
function relationshipsOf(files: Unzipped, part: string): Map<string, { type: string; target: string }> {
  const folder = part.slice(0, part.lastIndexOf("/") + 1);
  const relsPath = relsPathOf(part);
  const out = new Map<string, { type: string; target: string }>();
  const xml = files[relsPath] ? strFromU8(files[relsPath]) : "";
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.Id && a.Target) out.set(a.Id, { type: a.Type ?? "", target: resolvePath(folder, a.Target) });
  }
  return out;
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** `xl/worksheets/` + `../drawings/drawing1.xml` → `xl/drawings/drawing1.xml`; `/xl/...` is from the package root. */
function resolvePath(folder: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** The path of `to` relative to the folder of `from`: `xl/worksheets/sheet1.xml`, `xl/drawings/drawing1.xml` → `../drawings/drawing1.xml`. */
function relativePath(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

/** The first free `xl/<folder>/<name>N.xml`. */
function freePart(files: Unzipped, folder: string, name: string): string {
  for (let n = 1; ; n++) {
    const path = `xl/${folder}/${name}${n}.xml`;
    if (!files[path]) return path;
  }
}

function addContentType(types: string, part: string, contentType: string): string {
  if (types.includes(`PartName="/${part}"`)) return types;
  return types.replace(/<\/Types>\s*$/, `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`);
}

/** Where `<drawing>` goes among a worksheet's children (the schema's order): before these, else at the end. */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** A worksheet part with `<drawing r:id>` in its place. */
function withDrawingElement(sheetXml: string, relId: string): string {
  const prefix = /<(\w+:)?worksheet\b/.exec(sheetXml)?.[1] ?? "";
  const element = `<${prefix}drawing xmlns:r="${NS.r}" r:id="${relId}"/>`;
  for (const name of AFTER_DRAWING) {
    const at = sheetXml.search(new RegExp(`<${prefix}${name}[\\s/>]`));
    if (at >= 0) return sheetXml.slice(0, at) + element + sheetXml.slice(at);
  }
  return sheetXml.replace(new RegExp(`</${prefix}worksheet>\\s*$`), `${element}</${prefix}worksheet>`);
}

/** The path of each sheet's part, by sheet name, from the workbook part and its relationships. */
function sheetParts(files: Unzipped): Map<string, string> {
  const workbookPath = "xl/workbook.xml";
  const workbook = files[workbookPath] ? strFromU8(files[workbookPath]) : "";
  const rels = relationshipsOf(files, workbookPath);
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const id = Object.entries(a).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
    const target = id ? rels.get(id)?.target : undefined;
    if (a.name !== undefined && target) out.set(a.name, target);
  }
  return out;
}

/**
 * Adds the charts of the given sheet specs to a finished .xlsx package (sheets found by name); specs without a
 * chart, or whose sheet is not in the package, add nothing. Returns the bytes unchanged when there is nothing to add.
 */
export function addCharts(xlsx: Uint8Array, sheets: readonly SheetSpec[]): Uint8Array {
  const charted = sheets.filter((s) => s.chart && s.chart.series.length > 0);
  if (charted.length === 0) return xlsx;
  const files = unzipSync(xlsx);
  const parts = sheetParts(files);
  let types = strFromU8(files["[Content_Types].xml"]);
  for (const spec of charted) {
    const sheetPath = parts.get(spec.name);
    if (!sheetPath || !files[sheetPath]) continue;
    const chartPath = freePart(files, "charts", "chart");
    files[chartPath] = strToU8(chartXml(spec, spec.chart!));
    types = addContentType(types, chartPath, CONTENT_TYPE.chart);

    // The sheet's drawing: the one it has, or a new one
    let sheetXml = strFromU8(files[sheetPath]);
    const existing = /<(?:\w+:)?drawing\b[^>]*>/.exec(sheetXml);
    const existingId = existing ? Object.entries(attributes(existing[0])).find(([k]) => k.endsWith(":id"))?.[1] : undefined;
    let drawingPath = existingId ? relationshipsOf(files, sheetPath).get(existingId)?.target : undefined;
    if (!drawingPath || !files[drawingPath]) {
      drawingPath = freePart(files, "drawings", "drawing");
      files[drawingPath] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"></xdr:wsDr>`);
      types = addContentType(types, drawingPath, CONTENT_TYPE.drawing);
      const sheetRels = relsPathOf(sheetPath);
      const added = addRelationship(files[sheetRels] ? strFromU8(files[sheetRels]) : undefined, REL.drawing, relativePath(sheetPath, drawingPath));
      files[sheetRels] = strToU8(added.xml);
      sheetXml = withDrawingElement(sheetXml, added.id);
      files[sheetPath] = strToU8(sheetXml);
    }
    const drawingRels = relsPathOf(drawingPath);
    const chartRel = addRelationship(files[drawingRels] ? strFromU8(files[drawingRels]) : undefined, REL.chart, relativePath(drawingPath, chartPath));
    files[drawingRels] = strToU8(chartRel.xml);
    const drawing = strFromU8(files[drawingPath]);
    const ids = [...drawing.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
    const anchor = chartAnchorXml(spec.chart!.anchor, chartRel.id, Math.max(1, ...ids) + 1);
    const prefix = /<(\w+:)?wsDr\b/.exec(drawing)?.[1] ?? "";
    files[drawingPath] = strToU8(drawing.replace(new RegExp(`</${prefix}wsDr>\\s*$`), `${anchor}</${prefix}wsDr>`));
  }
  files["[Content_Types].xml"] = strToU8(types);
  return zipSync(files);
}
