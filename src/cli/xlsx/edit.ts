/**
 * Changing a workbook at the level of its parts: the parts a change needs are rewritten or added (a sheet, its
 * tables, its chart and drawing, workbook.xml, relationships, content types, styles), every other part is copied as it was, still
 * compressed. So charts, pivot tables, pictures, comments, dropdowns, macros' parts and whatever else a workbook
 * holds that we do not model come out exactly as they went in.
 *
 * Why not xlsx-populate (made to keep what it does not understand): tried on the same tests, it parses and
 * re-serialises every sheet, the shared strings, the styles and the document properties (12 of the 33 parts of
 * tests/fixtures/xlsx/chart-on-units.xlsx changed to add one sheet), failed outright on three valid files of the
 * corpus (missing-bits, test-issue-771, test-pr-1220), took 28 s to add a sheet to the 20,000-answer workbook
 * (our whole `summary` command: 3 to 7 s on the same shared machine), cannot write tables, and has had no
 * release since 2020.
 */

import { quoteSheetName } from "../../core/grid";
import type { SheetSpec } from "../../core/sheet-spec";
import { SUMMARY_MARKER_NAME } from "../../core/summary/sheet-name";
import { folderOf, relationshipKind, relationshipsOf, relationshipsPart, relativeTarget, resolvePart as resolveTarget, type Relationship } from "./package";
import { dateStyles, type SheetEntry, type WorkbookInfo } from "./reader";
import type { MergedRange } from "../../core/grid";
import { setCells, type CellSet } from "./cells";
import { parseRange } from "./reader";
import { printArea, printTitles, rangeRef, sheetXml, STRICT, tableXml, TRANSITIONAL, type Namespaces } from "./sheet-xml";
import { chartAnchorXml, chartXml, CHART_CONTENT_TYPES, drawingXml } from "../xlsx-chart";
import { EMPTY_STYLES, StyleBook } from "./styles";
import { prefixAt, spans, splice } from "./spans";
import { escapeXml, XmlScanner } from "./xml";
import { decodeUtf8, writeZip, type OutputPart, type ZipArchive } from "./zip";

const CONTENT_TYPES = "[Content_Types].xml";
const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

/** The parts of a package being changed: rewritten, added and removed ones; the rest copied when written. */
export class PackageEdit {
  private readonly changed = new Map<string, string | Uint8Array>();
  private readonly added: string[] = [];
  private readonly removed = new Set<string>();

  constructor(readonly archive: ZipArchive) {}

  private stored(name: string): string {
    return this.archive.entry(name)?.name ?? name;
  }

  has(name: string): boolean {
    return !this.removed.has(name.toLowerCase()) && (this.changed.has(this.stored(name)) || this.archive.entry(name) !== undefined);
  }

  /** A part's text as it is now (changed or as in the file), or undefined. */
  text(name: string): string | undefined {
    if (this.removed.has(name.toLowerCase())) return undefined;
    const own = this.changed.get(this.stored(name));
    if (own !== undefined) return typeof own === "string" ? own : decodeUtf8(own);
    return this.archive.text(name);
  }

  set(name: string, content: string | Uint8Array): void {
    const stored = this.stored(name);
    this.removed.delete(stored.toLowerCase());
    if (!this.archive.entry(stored) && !this.changed.has(stored)) this.added.push(stored);
    this.changed.set(stored, content);
  }

  remove(name: string): void {
    const stored = this.stored(name);
    this.changed.delete(stored);
    this.removed.add(stored.toLowerCase());
  }

  /** The parts to write: the file's, in its order (unchanged ones copied still packed), then the new ones. */
  parts(): OutputPart[] {
    const out: OutputPart[] = [];
    for (const entry of this.archive.entries) {
      if (this.removed.has(entry.name.toLowerCase())) continue;
      const own = this.changed.get(entry.name);
      if (own !== undefined) out.push({ name: entry.name, data: typeof own === "string" ? Buffer.from(own, "utf8") : own });
      else out.push({ name: entry.name, from: this.archive, entry });
    }
    for (const name of this.added) {
      if (this.removed.has(name.toLowerCase())) continue;
      const own = this.changed.get(name)!;
      out.push({ name, data: typeof own === "string" ? Buffer.from(own, "utf8") : own });
    }
    return out;
  }

  /** The package's bytes. */
  bytes(): Buffer {
    return writeZip(this.parts());
  }

  // --- content types ---------------------------------------------------------------------------------------

  /** Declares a part's content type (an Override), unless its extension's Default already gives that type. */
  contentType(part: string, type: string): void {
    const xml = this.text(CONTENT_TYPES) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`;
    const all = spans(xml);
    const name = `/${part}`.toLowerCase();
    const existing = all.find((s) => s.name === "Override" && s.attributes.PartName?.toLowerCase() === name);
    const root = all[0];
    const p = prefixAt(xml, root.at);
    const element = `<${p}Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`;
    const edit = existing ? { at: existing.at, end: existing.end, text: element } : { at: root.closeAt, end: root.closeAt, text: element };
    this.set(CONTENT_TYPES, splice(xml, [edit]));
  }

  /** Removes a part's Override. */
  private forgetContentType(part: string): void {
    const xml = this.text(CONTENT_TYPES);
    if (xml === undefined) return;
    const name = `/${part}`.toLowerCase();
    const gone = spans(xml).filter((s) => s.name === "Override" && s.attributes.PartName?.toLowerCase() === name);
    if (gone.length) this.set(CONTENT_TYPES, splice(xml, gone.map((s) => ({ at: s.at, end: s.end, text: "" }))));
  }

  // --- relationships ---------------------------------------------------------------------------------------

  /** Declares the content type of every part with an extension (a Default), unless it is declared already. */
  private defaultType(extension: string, type: string): void {
    const xml = this.text(CONTENT_TYPES);
    if (xml === undefined) return;
    const all = spans(xml);
    if (all.some((s) => s.name === "Default" && s.attributes.Extension?.toLowerCase() === extension)) return;
    const p = prefixAt(xml, all[0].at);
    this.set(CONTENT_TYPES, splice(xml, [{ at: all[0].openEnd, end: all[0].openEnd, text: `<${p}Default Extension="${extension}" ContentType="${type}"/>` }]));
  }

  /** Adds a relationship from `source` to the part `target`; returns its id. */
  relate(source: string, type: string, target: string): string {
    const relsPart = relationshipsPart(source);
    if (!this.has(relsPart)) this.defaultType("rels", "application/vnd.openxmlformats-package.relationships+xml");
    const xml = this.text(relsPart) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}"></Relationships>`;
    const all = spans(xml);
    const ids = new Set(all.filter((s) => s.name === "Relationship").map((s) => s.attributes.Id));
    let n = all.length;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const root = all[0];
    const p = prefixAt(xml, root.at);
    const element = `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(source, target))}"/>`;
    const edit = root.closeAt < root.openEnd ? { at: root.at, end: root.end, text: xml.slice(root.at, root.closeAt).replace(/\s*$/, ">") + element + `</${p}Relationships>` } : { at: root.closeAt, end: root.closeAt, text: element };
    this.set(relsPart, splice(xml, [edit]));
    return id;
  }

  /** The relationships of a part as they are now. */
  relationships(part: string): Relationship[] {
    return relationshipsOf(this, part);
  }

  /** Removes the relationships from `source` to `target`. */
  unrelate(source: string, target: string): void {
    const relsPart = relationshipsPart(source);
    const xml = this.text(relsPart);
    if (xml === undefined) return;
    const gone = spans(xml).filter((s) => s.name === "Relationship" && s.attributes.TargetMode !== "External" && s.attributes.Target !== undefined && resolveTarget(source, s.attributes.Target).toLowerCase() === target.toLowerCase());
    if (gone.length) this.set(relsPart, splice(xml, gone.map((s) => ({ at: s.at, end: s.end, text: "" }))));
  }

  /** Removes a part, its relationships part and Override, and the parts only it led to (a sheet's tables, drawing, charts). */
  removeTree(part: string): void {
    const targets = this.relatedParts(part);
    this.remove(part);
    this.remove(relationshipsPart(part));
    this.forgetContentType(part);
    const stillUsed = new Set<string>();
    for (const entry of this.archive.entries) {
      if (!entry.name.endsWith(".rels") || !this.has(entry.name)) continue;
      const source = entry.name.replace(/_rels\/([^/]*)\.rels$/, "$1");
      for (const t of this.relatedParts(source)) stillUsed.add(t.toLowerCase());
    }
    for (const t of targets) if (!stillUsed.has(t.toLowerCase()) && this.has(t)) this.removeTree(t);
  }

  /** The internal parts a part's relationships point at (as they are now). */
  private relatedParts(part: string): string[] {
    const xml = this.text(relationshipsPart(part));
    if (xml === undefined) return [];
    const out: string[] = [];
    for (const s of spans(xml)) {
      if (s.name !== "Relationship" || s.attributes.TargetMode === "External" || !s.attributes.Target) continue;
      out.push(resolveTarget(part, s.attributes.Target));
    }
    return out;
  }
}


/** Rows a change adds under the last row of a sheet (0-based, first to last): styled like the row above, and part of the table that ends there. */
export interface AddedRows {
  first: number;
  last: number;
  /** The header row above them, whose styles they never take. */
  header?: number;
}

/** A start tag with one attribute's value changed (a range reference: nothing in it to escape); the tag as it was when it lacks the attribute. */
function withAttribute(tag: string, name: string, change: (value: string) => string): string {
  return tag.replace(new RegExp(`(\\s${name}\\s*=\\s*)(["'])([^"']*)\\2`), (_m, before: string, quote: string, value: string) => `${before}${quote}${change(value)}${quote}`);
}

/** Whether a spec carries a chart with something to draw. */
export function hasChart(spec: SheetSpec): boolean {
  return !!spec.chart && spec.chart.series.length > 0;
}

/** The children of a worksheet that come after `<drawing>` in the schema's order. */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** A sheet to add to a workbook: its spec, whether it replaces our earlier sheet of that name, and whether the summary marker points at it. */
export interface AddedSheet {
  spec: SheetSpec;
  replaces: boolean;
  /** Point the workbook-level name ResponseMatrixSummary at this sheet (the summary we made). */
  marker?: boolean;
}

/** A sheet named by a change that the workbook does not have (or that is not a worksheet). */
export class MissingSheet extends Error {
  constructor(readonly sheet: string) {
    super(sheet);
  }
}

/** A sheet to add whose name a sheet of the workbook has already (and that it does not replace). */
export class SheetNameTaken extends Error {
  constructor(readonly sheet: string) {
    super(sheet);
  }
}

/** The defined names a change sets: global ones by name, and local ones by name and sheet index. */
interface NameChange {
  name: string;
  text: string | null;
  localSheet?: number;
}

/** Edits of a workbook: sheets added or replaced, the styles they use, defined names. */
export class WorkbookEdit {
  readonly pkg: PackageEdit;
  readonly ns: Namespaces;
  private readonly styles: StyleBook;
  /** In a 1904 workbook, which of its cell formats show dates. */
  private readonly dateStyles: boolean[];
  private readonly stylesPart: string;
  private readonly names: NameChange[] = [];
  private readonly sheets: SheetEntry[];
  private readonly newSheets: { name: string; rid: string }[] = [];
  private readonly tableNames = new Set<string>();
  private nextTableId = 1;

  constructor(
    archive: ZipArchive,
    private readonly info: WorkbookInfo,
  ) {
    this.pkg = new PackageEdit(archive);
    const workbookXml = archive.text(info.part) ?? "";
    this.ns = workbookXml.includes(STRICT.main) ? STRICT : TRANSITIONAL;
    this.sheets = [...info.sheets];
    const styles = info.relationships.find((r) => relationshipKind(r.type) === "styles" && !r.external);
    this.stylesPart = styles?.target ?? `${folderOf(info.part)}styles.xml`;
    const stylesXml = this.pkg.text(this.stylesPart);
    this.styles = new StyleBook(stylesXml ?? EMPTY_STYLES);
    this.dateStyles = info.date1904 ? dateStyles(stylesXml) : [];
    if (stylesXml === undefined) {
      // a package without a styles part (Excel writes one always; some programs do not)
      this.pkg.contentType(this.stylesPart, TYPES.styles);
      this.pkg.relate(info.part, this.ns.relationshipType("styles"), this.stylesPart);
    }
    for (const name of info.definedNames) this.tableNames.add(name.name.toLowerCase());
    for (const sheet of info.sheets) {
      if (!sheet.part) continue;
      for (const rel of relationshipsOf(archive, sheet.part)) {
        if (relationshipKind(rel.type) !== "table" || rel.external) continue;
        XmlScanner.scan(archive.text(rel.target) ?? "<table/>", {
          open: (name, attributes) => {
            if (name !== "table") return;
            const a = attributes.all();
            if (a.name) this.tableNames.add(a.name.toLowerCase());
            if (a.displayName) this.tableNames.add(a.displayName.toLowerCase());
            this.nextTableId = Math.max(this.nextTableId, Number(a.id ?? 0) + 1 || 1);
          },
          close() {},
        });
      }
    }
  }

  /** A part name not yet in the package: `xl/worksheets/sheet4.xml`. */
  private freePart(folder: string, stem: string): string {
    for (let n = 1; ; n++) {
      const name = `${folder}${stem}${n}.xml`;
      if (!this.pkg.has(name)) return name;
    }
  }

  /** A table name no table or defined name of the workbook has. */
  private freeTableName(name: string): string {
    let candidate = name;
    for (let n = 2; this.tableNames.has(candidate.toLowerCase()); n++) candidate = `${name}${n}`;
    this.tableNames.add(candidate.toLowerCase());
    return candidate;
  }

  /** Adds a sheet written from its spec, or puts it in the place of the sheet of that name (`replaces`). */
  putSheet({ spec, replaces, marker }: AddedSheet): void {
    const index = this.sheets.findIndex((s) => s.name.toLowerCase() === spec.name.toLowerCase());
    if (index >= 0 && !(replaces && this.sheets[index].part)) throw new SheetNameTaken(spec.name);
    const old = index >= 0 ? this.sheets[index] : undefined;
    let part: string;
    let sheetIndex: number;
    if (old?.part) {
      part = old.part;
      sheetIndex = index;
      this.pkg.removeTree(part); // the old sheet and the parts only it used (its tables ...)
      for (const n of ["_xlnm.Print_Titles", "_xlnm.Print_Area"]) this.names.push({ name: n, text: null, localSheet: index });
    } else {
      part = this.freePart(`${folderOf(this.info.part)}worksheets/`, "sheet");
      sheetIndex = this.sheets.length;
      const rid = this.pkg.relate(this.info.part, this.ns.relationshipType("worksheet"), part);
      this.newSheets.push({ name: spec.name, rid });
      this.sheets.push({ name: spec.name, sheetId: "", rid, hidden: false, part, kind: "worksheet" });
    }
    const tableRids: string[] = [];
    for (const table of spec.tables ?? []) {
      const tablePart = this.freePart(`${folderOf(this.info.part)}tables/`, "table");
      const name = this.freeTableName(table.name);
      this.pkg.set(tablePart, tableXml(spec, table, this.nextTableId++, name, this.ns));
      this.pkg.contentType(tablePart, TYPES.table);
      tableRids.push(this.pkg.relate(part, this.ns.relationshipType("table"), tablePart));
    }
    const drawing = hasChart(spec) ? this.addChartParts(part, spec) : undefined;
    this.pkg.set(part, sheetXml(spec, this.styles, this.ns, { tables: tableRids, drawing }, this.info.date1904));
    this.pkg.contentType(part, TYPES.worksheet);
    const quoted = quoteSheetName(spec.name);
    const titles = printTitles(spec, quoted);
    if (titles) this.names.push({ name: "_xlnm.Print_Titles", text: titles, localSheet: sheetIndex });
    const area = printArea(spec, quoted);
    if (area) this.names.push({ name: "_xlnm.Print_Area", text: area, localSheet: sheetIndex });
    if (marker) this.names.push({ name: SUMMARY_MARKER_NAME, text: `${quoted}!$A$1` });
  }

  /**
   * Adds a spec's chart to the sheet of its name that the package has (a new workbook's sheet, written by a library
   * without charts): in the sheet's drawing when it has one, else in a new drawing the sheet then refers to.
   */
  addChart(spec: SheetSpec): void {
    const entry = this.sheets.find((s) => s.name === spec.name);
    if (!hasChart(spec) || !entry?.part || entry.kind !== "worksheet") return;
    const xml = this.pkg.text(entry.part) ?? "";
    const all = spans(xml);
    const element = all.find((s) => s.name === "drawing" && s.depth === 1);
    const own = element && this.pkg.relationships(entry.part).find((r) => r.id === element.attributes.id && !r.external)?.target;
    const added = this.addChartParts(entry.part, spec, own && this.pkg.has(own) ? own : undefined);
    if (!added) return;
    // `<drawing>` where the schema orders it among the sheet's children: before the first of these, else last
    const root = all[0];
    const p = prefixAt(xml, root.at);
    const before = all.find((s) => s.depth === 1 && AFTER_DRAWING.includes(s.name));
    const at = before ? before.at : root.closeAt;
    this.pkg.set(entry.part, splice(xml, [{ at, end: at, text: `<${p}drawing xmlns:r="${this.ns.relationships}" r:id="${added}"/>` }]));
  }

  /**
   * Adds a sheet's chart part and its anchor in a drawing: `drawing` (the sheet's own), or a new drawing part related
   * from the sheet, whose relationship id is returned for the sheet's `<drawing r:id>`. Parts are numbered after
   * the package's own charts and drawings.
   */
  private addChartParts(sheetPart: string, spec: SheetSpec, drawing?: string): string | undefined {
    const folder = folderOf(this.info.part);
    const chartPart = this.freePart(`${folder}charts/`, "chart");
    this.pkg.set(chartPart, chartXml(spec, spec.chart!));
    this.pkg.contentType(chartPart, CHART_CONTENT_TYPES.chart);
    if (drawing) {
      const chartRid = this.pkg.relate(drawing, this.ns.relationshipType("chart"), chartPart);
      const xml = this.pkg.text(drawing)!;
      const all = spans(xml);
      const ids = all.filter((s) => s.name === "cNvPr").map((s) => Number(s.attributes.id) || 0);
      const anchor = chartAnchorXml(spec.chart!.anchor, chartRid, Math.max(1, ...ids) + 1);
      const root = all[0];
      const edit = root.closeAt < root.openEnd ? { at: root.at, end: root.end, text: xml.slice(root.at, root.closeAt).replace(/\s*$/, ">") + anchor + `</${prefixAt(xml, root.at)}wsDr>` } : { at: root.closeAt, end: root.closeAt, text: anchor };
      this.pkg.set(drawing, splice(xml, [edit]));
      return undefined;
    }
    const drawingPart = this.freePart(`${folder}drawings/`, "drawing");
    const chartRid = this.pkg.relate(drawingPart, this.ns.relationshipType("chart"), chartPart);
    this.pkg.set(drawingPart, drawingXml([chartAnchorXml(spec.chart!.anchor, chartRid, 2)]));
    this.pkg.contentType(drawingPart, CHART_CONTENT_TYPES.drawing);
    return this.pkg.relate(sheetPart, this.ns.relationshipType("drawing"), drawingPart);
  }

  /**
   * Sets cells of a sheet (one in the file, or one added by this edit). Overwriting a formula drops the
   * calculation chain, which Excel rebuilds (it would otherwise name a cell that no longer has a formula).
   */
  setCells(sheet: string, cells: readonly CellSet[], added?: AddedRows): void {
    const entry = this.sheets.find((s) => s.name === sheet);
    if (!entry || entry.kind !== "worksheet" || !entry.part) throw new MissingSheet(sheet);
    const newRows = added && added.first - 1 > (added.header ?? -1) ? { ...added, source: added.first - 1 } : undefined;
    const result = setCells(this.pkg.text(entry.part) ?? "", cells, this.info.date1904 ? (s) => this.dateStyles[s] === true : undefined, newRows);
    this.pkg.set(entry.part, result.xml);
    if (newRows) {
      const written = cells.filter((c) => c.row >= newRows.first && c.row <= newRows.last).map((c) => c.col);
      const grown = this.growTable(entry.part, newRows, written.length ? { left: Math.min(...written), right: Math.max(...written) } : null);
      if (grown) this.extendRanges(entry.part, grown, newRows.last);
    }
    const chain = this.info.relationships.find((r) => relationshipKind(r.type) === "calcChain" && !r.external);
    if (result.formulaReplaced && chain && this.pkg.has(chain.target)) {
      this.pkg.removeTree(chain.target);
      this.pkg.unrelate(this.info.part, chain.target);
    }
  }

  /**
   * Makes rows added directly under a table of the sheet part of it: the table's `ref` (and its filter's and sort's)
   * ends at `last`. Only a table without a totals row that ends on the row above and spans the columns written.
   * Returns the table's range before it grew, or null when no table continues into the rows.
   */
  private growTable(sheetPart: string, rows: { first: number; last: number }, written: { left: number; right: number } | null): MergedRange | null {
    for (const rel of this.pkg.relationships(sheetPart)) {
      if (relationshipKind(rel.type) !== "table" || rel.external) continue;
      const xml = this.pkg.text(rel.target);
      if (xml === undefined) continue;
      const all = spans(xml);
      const table = all[0];
      const range = table?.name === "table" ? parseRange(table.attributes.ref ?? "") : null;
      if (!range || range.bottom !== rows.first - 1 || Number(table.attributes.totalsRowCount ?? 0) > 0) continue;
      if (written && (written.left < range.left || written.right > range.right)) continue;
      const edits = all
        .filter((e) => e === table || ((e.name === "autoFilter" || e.name === "sortState") && parseRange(e.attributes.ref ?? "")?.bottom === range.bottom))
        .map((e) => ({ at: e.at, end: e.openEnd, text: withAttribute(xml.slice(e.at, e.openEnd), "ref", (ref) => rangeRef({ ...parseRange(ref)!, bottom: rows.last })) }));
      this.pkg.set(rel.target, splice(xml, edits));
      return range;
    }
    return null;
  }

  /**
   * Extends the sheet's dropdowns and conditional formats that end on a grown table's last row within its columns
   * (those made for the table's columns) down to `last`, so the rows added to the table get them too.
   */
  private extendRanges(sheetPart: string, table: MergedRange, last: number): void {
    const xml = this.pkg.text(sheetPart)!;
    const extend = (sqref: string) =>
      sqref
        .split(/\s+/)
        .map((ref) => {
          const r = parseRange(ref);
          const ours = r && r.bottom === table.bottom && r.top > table.top && r.left >= table.left && r.right <= table.right;
          return ours ? rangeRef({ ...r, bottom: last }) : ref;
        })
        .join(" ");
    const edits: { at: number; end: number; text: string }[] = [];
    let sqrefText = -1;
    XmlScanner.scan(xml, {
      open: (name, _a, empty, at, end) => {
        if (name === "dataValidation" || name === "conditionalFormatting") edits.push({ at, end, text: withAttribute(xml.slice(at, end), "sqref", extend) });
        // the `<xm:sqref>` of the dropdowns Excel keeps in the sheet's extensions (lists on other sheets)
        else if (name === "sqref" && !empty) sqrefText = end;
      },
      close: (name, at) => {
        if (name === "sqref" && sqrefText >= 0) edits.push({ at: sqrefText, end: at, text: extend(xml.slice(sqrefText, at).trim()) });
        sqrefText = -1;
      },
    });
    const changed = edits.filter((e) => e.text !== xml.slice(e.at, e.end));
    if (changed.length) this.pkg.set(sheetPart, splice(xml, changed));
  }

  /** workbook.xml with the new sheets and names, and styles.xml with the new styles; then the package's bytes. */
  bytes(): Buffer {
    this.writeWorkbookXml();
    if (this.styles.changed || !this.pkg.has(this.stylesPart)) this.pkg.set(this.stylesPart, this.styles.toXml());
    return this.pkg.bytes();
  }

  private writeWorkbookXml(): void {
    const xml = this.pkg.text(this.info.part)!;
    const all = spans(xml);
    const root = all[0];
    const edits: { at: number; end: number; text: string }[] = [];
    const sheetsElement = all.find((s) => s.name === "sheets" && s.depth === 1);
    const p = prefixAt(xml, sheetsElement?.at ?? root.at);

    if (this.newSheets.length) {
      const declared = new RegExp(`xmlns:([\\w.-]+)="${this.ns.relationships.replace(/[.]/g, "\\.")}"`).exec(xml.slice(root.at, root.openEnd));
      const r = declared ? `${declared[1]}:` : "r:";
      const declare = declared ? "" : ` xmlns:r="${this.ns.relationships}"`;
      let sheetId = Math.max(0, ...this.info.sheets.map((s) => Number(s.sheetId) || 0));
      const elements = this.newSheets.map((s) => `<${p}sheet${declare} name="${escapeXml(s.name)}" sheetId="${++sheetId}" ${r}id="${s.rid}"/>`).join("");
      if (!sheetsElement) edits.push({ at: root.closeAt, end: root.closeAt, text: `<${p}sheets>${elements}</${p}sheets>` });
      else if (sheetsElement.closeAt < sheetsElement.openEnd) edits.push({ at: sheetsElement.at, end: sheetsElement.end, text: `<${p}sheets>${elements}</${p}sheets>` });
      else edits.push({ at: sheetsElement.closeAt, end: sheetsElement.closeAt, text: elements });
    }

    if (this.names.length) {
      const same = (a: { name: string; localSheet?: number }, b: NameChange) => a.name.toLowerCase() === b.name.toLowerCase() && a.localSheet === b.localSheet;
      const namesElement = all.find((s) => s.name === "definedNames" && s.depth === 1);
      for (const s of all) {
        if (s.name !== "definedName" || s.depth !== 2) continue;
        const local = s.attributes.localSheetId === undefined ? undefined : Number(s.attributes.localSheetId);
        if (this.names.some((n) => same({ name: s.attributes.name ?? "", localSheet: local }, n))) edits.push({ at: s.at, end: s.end, text: "" });
      }
      const elements = this.names
        .filter((n) => n.text !== null)
        .map((n) => `<${p}definedName name="${escapeXml(n.name)}"${n.localSheet !== undefined ? ` localSheetId="${n.localSheet}"` : ""}>${escapeXml(n.text!)}</${p}definedName>`)
        .join("");
      if (elements) {
        if (namesElement && namesElement.closeAt >= namesElement.openEnd) edits.push({ at: namesElement.closeAt, end: namesElement.closeAt, text: elements });
        else if (namesElement) edits.push({ at: namesElement.at, end: namesElement.end, text: `<${p}definedNames>${elements}</${p}definedNames>` });
        else {
          // after sheets (and the function groups and external references that follow them), as the schema orders them
          const before = all.filter((s) => s.depth === 1 && ["sheets", "functionGroups", "externalReferences"].includes(s.name)).pop();
          const at = before ? before.end : root.closeAt;
          edits.push({ at, end: at, text: `<${p}definedNames>${elements}</${p}definedNames>` });
        }
      }
    }
    if (edits.length) this.pkg.set(this.info.part, splice(xml, edits));
  }
}
