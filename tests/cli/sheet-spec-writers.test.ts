/**
 * The command line writes a SheetSpec two ways: as a sheet of a new workbook (ExcelJS, its chart added to the
 * package) and as a sheet added to an existing workbook (the part-level writer). One spec using every field of
 * SheetSpec (and of its print set-up, chart, tables, dropdowns and cell styles) is written both ways, read back with
 * our reader and checked in the XML, field by field, against the spec: so both ways write the same values, merges,
 * styles, print set-up, protection, hidden columns and chart.
 *
 * The checks are listed by field (`Record<keyof SheetSpec, ...>` and the like) and the spec is `Required<...>`, so a
 * field added to SheetSpec fails the type check here until it is written and checked, and the run checks that
 * every field of the spec has its check.
 */

import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsxFile, type LoadedWorkbook } from "../../src/cli/xlsx-read";
import { saveWorkbook, workbookOf, writeWorkbookChanges } from "../../src/cli/xlsx-write";
import { relationshipsOf, resolvePart } from "../../src/cli/xlsx/package";
import { spans, type Span } from "../../src/cli/xlsx/spans";
import { a1, columnLetter, quoteSheetName, type CellValue, type MergedRange } from "../../src/core/grid";
import type { CellStyle, ChartSpec, DropdownSpec, PageMargins, PrintSpec, SheetSpec, TableSpec } from "../../src/core/sheet-spec";
import { trimmedRows } from "../core/round-trip/parts";
import { expectChartOfSpec } from "./chart-series";
import { tempFolder } from "./files";

const range = (top: number, left: number, bottom = top, right = left): MergedRange => ({ top, left, bottom, right });

/** Every field of a cell style at once. */
const EVERY_STYLE: Required<CellStyle> = {
  bold: true,
  italic: true,
  fill: "#FFE699",
  fontColor: "#9C0006",
  fontSize: 12,
  wrap: true,
  horizontal: "center",
  vertical: "middle",
  numberFormat: "0.0",
  border: true,
};

const MARGINS: Required<PageMargins> = { left: 0.4, right: 0.5, top: 0.6, bottom: 0.7, header: 0.25, footer: 0.35 };

/** A sheet using every field of a SheetSpec. */
const SPEC: Required<SheetSpec> = {
  name: "All fields",
  cells: [
    ["Answers per recommendation", "", "", "", "", "marker"],
    ["Recommendation", "Accepted", "Rejected", "Rate", "Due", ""],
    ["Recommendation 1", 3, 1, 0.75, 45900, ""],
    ["Recommendation 2", 2, 2, 0.5, 45930, ""],
    ["Recommendation 3", 4, 0, 1, 45960, ""],
    ["", "", "", "", "", ""],
    ["Note", "Fill in the Accepted and Rejected columns.", "", "", "", ""],
    ["After the break", "", "", "", "", ""],
  ],
  styles: [
    { range: range(0, 0), style: { bold: true, fontSize: 14 } },
    { range: range(1, 0, 1, 4), style: { bold: true, wrap: true, vertical: "top", fill: "#D9E1F2", border: true } },
    { range: range(2, 3, 4, 3), style: { numberFormat: "0%" } },
    { range: range(2, 4, 4, 4), style: { numberFormat: "yyyy-mm-dd", horizontal: "left" } },
    { range: range(2, 1), style: EVERY_STYLE },
    { range: range(2, 2, 4, 2), style: { italic: false, fontColor: "#C00000", horizontal: "right" } },
  ],
  merges: [range(0, 0, 0, 4), range(6, 1, 6, 4)],
  columnWidths: [24, 10, 10, 8, 12, 6],
  rowHeights: [22, 30],
  freezeRows: 2,
  tables: [{ name: "AllFieldsTable", range: range(1, 0, 4, 4), style: "TableStyleMedium4" }],
  dropdowns: [{ range: range(2, 1, 4, 2), values: ["0", "1", "2", "3", "4"], prompt: "Give a number of units." }],
  font: { name: "Arial", size: 10 },
  print: {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: false,
    scale: 85,
    repeatRows: { first: 1, last: 1 },
    repeatColumns: { first: 0, last: 0 },
    area: range(0, 0, 7, 4),
    pageBreaks: [7],
    margins: MARGINS,
  },
  chart: {
    kind: "barStacked",
    title: "Units per answer",
    categories: range(2, 0, 4, 0),
    series: [
      { name: "Accepted", values: range(2, 1, 4, 1), color: "#70AD47" },
      { name: "Rejected", values: range(2, 2, 4, 2), color: "#C00000" },
    ],
    anchor: range(9, 0, 24, 4),
  },
  protection: { unlocked: [range(2, 1, 4, 2)] },
  hiddenColumns: [5],
};

/** The same sheet fitted to the page width (the other print scaling), with clustered bars. */
const FITTED: SheetSpec = {
  ...SPEC,
  name: "Fitted",
  tables: [{ ...SPEC.tables[0], name: "FittedTable" }],
  print: { ...SPEC.print, fitToWidth: true, scale: undefined },
  chart: { ...SPEC.chart, kind: "bar" },
};

// --- reading a written sheet back -----------------------------------------------------------------------------

/** What a cell looks like, from the styles part: every property a CellStyle and the sheet's font can set. */
interface Look {
  bold: boolean;
  italic: boolean;
  fontName?: string;
  fontSize?: number;
  fontColor?: string;
  /** A scheme on a font makes Excel show the theme's font whatever its name says. */
  fontScheme?: string;
  fill?: string;
  wrap: boolean;
  horizontal?: string;
  vertical?: string;
  numberFormat: string;
  border: boolean;
  locked: boolean;
}

const BUILT_IN_FORMATS: Record<number, string> = { 0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 14: "mm-dd-yy", 49: "@" };

/** The look of each cell format (`s`) of a styles part. */
function looksOf(stylesXml: string): Look[] {
  const all = spans(stylesXml);
  const childrenOf = (el: Span) => all.filter((s) => s.depth === el.depth + 1 && s.at > el.at && s.end <= el.end);
  const within = (name: string) => {
    const parent = all.find((s) => s.name === name && s.depth === 1);
    return parent ? childrenOf(parent) : [];
  };
  const on = (el: Span | undefined) => el !== undefined && el.attributes.val !== "0" && el.attributes.val !== "false";
  const fonts = within("fonts").map((f) => {
    const get = (n: string) => childrenOf(f).find((k) => k.name === n);
    return {
      bold: on(get("b")),
      italic: on(get("i")),
      fontName: get("name")?.attributes.val,
      fontSize: get("sz") ? Number(get("sz")!.attributes.val) : undefined,
      fontColor: get("color")?.attributes.rgb,
      fontScheme: get("scheme")?.attributes.val,
    };
  });
  const fills = within("fills").map((f) => {
    const pattern = childrenOf(f)[0];
    const fg = childrenOf(pattern).find((k) => k.name === "fgColor");
    return pattern.attributes.patternType === "solid" ? fg?.attributes.rgb : undefined;
  });
  const borders = within("borders").map((b) => ["left", "right", "top", "bottom"].every((edge) => childrenOf(b).find((e) => e.name === edge)?.attributes.style === "thin"));
  const formats = new Map<number, string>(Object.entries(BUILT_IN_FORMATS).map(([id, code]) => [Number(id), code]));
  for (const f of within("numFmts")) formats.set(Number(f.attributes.numFmtId), f.attributes.formatCode);
  return within("cellXfs").map((xf) => {
    const alignment = childrenOf(xf).find((k) => k.name === "alignment")?.attributes ?? {};
    const protection = childrenOf(xf).find((k) => k.name === "protection")?.attributes ?? {};
    const fill = fills[Number(xf.attributes.fillId ?? 0)];
    return {
      ...fonts[Number(xf.attributes.fontId ?? 0)],
      ...(fill ? { fill } : {}),
      wrap: alignment.wrapText === "1" || alignment.wrapText === "true",
      horizontal: alignment.horizontal,
      vertical: alignment.vertical,
      numberFormat: formats.get(Number(xf.attributes.numFmtId ?? 0)) ?? `#${xf.attributes.numFmtId}`,
      border: borders[Number(xf.attributes.borderId ?? 0)],
      locked: protection.locked !== "0" && protection.locked !== "false",
    };
  });
}

/** A sheet as written: our reader's grid, the parts of the package, and the sheet's part parsed. */
interface Written {
  way: string;
  spec: SheetSpec;
  loaded: LoadedWorkbook;
  rows: CellValue[][];
  merges: MergedRange[];
  part: string;
  xml: string;
  elements: Span[];
  /** Defined names local to the sheet, by name. */
  names: Map<string, string>;
  text(part: string): string;
  /** The look of the cell at (row, col), 0-based. */
  look(row: number, col: number): Look;
}

function written(way: string, loaded: LoadedWorkbook, spec: SheetSpec): Written {
  const index = loaded.info!.sheets.findIndex((s) => s.name === spec.name);
  const part = loaded.info!.sheets[index].part!;
  const text = (p: string) => loaded.archive.text(p) ?? "";
  const xml = text(part);
  const elements = spans(xml);
  const stylesPart = loaded.info!.relationships.find((r) => r.type.endsWith("/styles"))!.target;
  const looks = looksOf(text(stylesPart));
  const styleOf = new Map(elements.filter((e) => e.name === "c").map((c) => [c.attributes.r, Number(c.attributes.s ?? 0)]));
  const sheet = loaded.workbook.sheets.find((s) => s.name === spec.name)!;
  return {
    way,
    spec,
    loaded,
    rows: sheet.rows,
    merges: sheet.merges ?? [],
    part,
    xml,
    elements,
    names: new Map(loaded.info!.definedNames.filter((n) => n.localSheet === index).map((n) => [n.name, n.text])),
    text,
    look: (row, col) => looks[styleOf.get(a1(row, col)) ?? 0],
  };
}

/** The elements of the sheet part named so, in order. */
function elementsNamed(w: Written, name: string): Span[] {
  return w.elements.filter((e) => e.name === name);
}

/** The ranges a defined name's text lists, the sheet's name checked and taken off: `'All fields'!$A:$A,...` -> [`$A:$A`, ...]. */
function rangesOf(w: Written, name: string): string[] {
  const text = w.names.get(name);
  if (text === undefined) return [];
  return text.split(",").map((piece) => {
    const bang = piece.lastIndexOf("!");
    expect([quoteSheetName(w.spec.name), `'${w.spec.name.replace(/'/g, "''")}'`]).toContain(piece.slice(0, bang));
    return piece.slice(bang + 1);
  });
}

/** The parts a sheet's relationship of a kind leads to. */
function relatedParts(w: Written, from: string, kind: string): string[] {
  return relationshipsOf(w.loaded.archive, from).filter((r) => r.type.endsWith(`/${kind}`)).map((r) => r.target);
}

/** A cell a merged range covers but does not start: it shows nothing of its own (ExcelJS gives it the first cell's style). */
function mergedAway(spec: SheetSpec, row: number, col: number): boolean {
  return spec.merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
}

/** Column widths and hidden flags from `<col>` (ranges expanded), by column index. */
function columnsOf(w: Written): { width?: number; hidden: boolean }[] {
  const out: { width?: number; hidden: boolean }[] = [];
  for (const col of elementsNamed(w, "col")) {
    for (let c = Number(col.attributes.min); c <= Number(col.attributes.max); c++) {
      out[c - 1] = { width: col.attributes.width === undefined ? undefined : Number(col.attributes.width), hidden: col.attributes.hidden === "1" || col.attributes.hidden === "true" };
    }
  }
  return out;
}

// --- the checks, field by field ---------------------------------------------------------------------------------

const STYLE_CHECKS: Record<keyof CellStyle, (look: Look, style: CellStyle) => void> = {
  bold: (look, s) => expect(look.bold).toBe(s.bold),
  italic: (look, s) => expect(look.italic).toBe(s.italic),
  fill: (look, s) => expect(look.fill).toBe(`FF${s.fill!.slice(1)}`),
  fontColor: (look, s) => expect(look.fontColor).toBe(`FF${s.fontColor!.slice(1)}`),
  fontSize: (look, s) => expect(look.fontSize).toBe(s.fontSize),
  wrap: (look, s) => expect(look.wrap).toBe(s.wrap),
  horizontal: (look, s) => expect(look.horizontal).toBe(s.horizontal),
  vertical: (look, s) => expect(look.vertical).toBe(s.vertical === "middle" ? "center" : s.vertical),
  numberFormat: (look, s) => expect(look.numberFormat).toBe(s.numberFormat),
  border: (look, s) => expect(look.border).toBe(s.border),
};

const PRINT_CHECKS: Record<keyof PrintSpec, (w: Written, print: PrintSpec) => void> = {
  orientation: (w, p) => expect(elementsNamed(w, "pageSetup")[0].attributes.orientation).toBe(p.orientation),
  paperSize: (w) => expect(elementsNamed(w, "pageSetup")[0].attributes.paperSize).toBe("9"), // A4
  fitToWidth: (w, p) => {
    const fitToPage = elementsNamed(w, "pageSetUpPr")[0]?.attributes.fitToPage;
    expect(fitToPage === "1" || fitToPage === "true").toBe(!!p.fitToWidth);
    if (p.fitToWidth) expect(elementsNamed(w, "pageSetup")[0].attributes).toMatchObject({ fitToWidth: "1", fitToHeight: "0" });
  },
  scale: (w, p) => {
    if (!p.fitToWidth) expect(Number(elementsNamed(w, "pageSetup")[0].attributes.scale ?? 100)).toBe(p.scale ?? 100);
  },
  repeatRows: (w, p) => expect(rangesOf(w, "_xlnm.Print_Titles").filter((r) => /^\$\d+:\$\d+$/.test(r))).toEqual([`$${p.repeatRows!.first + 1}:$${p.repeatRows!.last + 1}`]),
  repeatColumns: (w, p) =>
    expect(rangesOf(w, "_xlnm.Print_Titles").filter((r) => /^\$[A-Z]+:\$[A-Z]+$/.test(r))).toEqual([`$${columnLetter(p.repeatColumns!.first)}:$${columnLetter(p.repeatColumns!.last)}`]),
  area: (w, p) => {
    const { top, left, bottom, right } = p.area!;
    expect(rangesOf(w, "_xlnm.Print_Area")).toEqual([`$${columnLetter(left)}$${top + 1}:$${columnLetter(right)}$${bottom + 1}`]);
  },
  // a break after the row before each row that starts a page
  pageBreaks: (w, p) => expect(elementsNamed(w, "brk").map((b) => ({ id: Number(b.attributes.id), manual: b.attributes.man }))).toEqual(p.pageBreaks!.map((row) => ({ id: row, manual: "1" }))),
  margins: (w, p) => {
    const m = elementsNamed(w, "pageMargins")[0].attributes;
    expect(Object.fromEntries(Object.keys(MARGINS).map((k) => [k, Number(m[k])]))).toEqual(p.margins);
  },
};

const TABLE_CHECKS: Record<keyof TableSpec, (table: Span[], t: TableSpec, w: Written) => void> = {
  name: (table, t) => expect(table[0].attributes.name).toBe(t.name),
  range: (table, t, w) => {
    const ref = `${a1(t.range.top, t.range.left)}:${a1(t.range.bottom, t.range.right)}`;
    expect(table[0].attributes.ref).toBe(ref);
    expect(table.filter((e) => e.name === "tableColumn").map((e) => e.attributes.name)).toEqual(w.spec.cells[t.range.top].slice(t.range.left, t.range.right + 1));
  },
  style: (table, t) => expect(table.find((e) => e.name === "tableStyleInfo")!.attributes.name).toBe(t.style),
};

const DROPDOWN_CHECKS: Record<keyof DropdownSpec, (validation: Span, formula: string, d: DropdownSpec) => void> = {
  range: (v, _, d) => expect(v.attributes.sqref).toBe(`${a1(d.range.top, d.range.left)}:${a1(d.range.bottom, d.range.right)}`),
  values: (v, formula, d) => {
    expect(v.attributes).toMatchObject({ type: "list", errorStyle: "warning" });
    expect(formula).toBe(`"${d.values.join(",")}"`);
  },
  prompt: (v, _, d) => expect(v.attributes.error).toBe(d.prompt),
};

/** The chart of a sheet, through the relationships: its drawing part (text and elements) and its chart part. */
interface WrittenChart {
  drawing: string;
  anchor: Span[];
  chart: string;
}

function chartOf(w: Written): WrittenChart {
  const drawings = relatedParts(w, w.part, "drawing");
  expect(drawings).toHaveLength(1);
  const drawingId = elementsNamed(w, "drawing")[0].attributes.id;
  expect(relationshipsOf(w.loaded.archive, w.part).find((r) => r.id === drawingId)?.target).toBe(drawings[0]);
  const drawing = w.text(drawings[0]);
  const charts = relatedParts(w, drawings[0], "chart");
  expect(charts).toHaveLength(1);
  return { drawing, anchor: spans(drawing), chart: w.text(charts[0]) };
}

const CHART_CHECKS: Record<keyof ChartSpec, (chart: WrittenChart, c: ChartSpec, w: Written) => void> = {
  kind: ({ chart }, c) => expect(chart).toContain(`<c:barDir val="bar"/><c:grouping val="${c.kind === "barStacked" ? "stacked" : "clustered"}"/>`),
  title: ({ chart }, c) => expect(chart).toContain(`<a:t>${c.title}</a:t>`),
  categories: ({ chart }, _, w) => expectChartOfSpec(chart, w.spec),
  series: ({ chart }, c, w) => {
    expectChartOfSpec(chart, w.spec);
    for (const s of c.series) expect(chart).toContain(`<a:srgbClr val="${s.color.slice(1)}"/>`);
  },
  anchor: ({ drawing, anchor }, c) => {
    const marker = (name: string) => {
      const at = anchor.find((e) => e.name === name)!;
      const value = (n: string) => {
        const child = anchor.find((e) => e.name === n && e.at > at.at && e.end <= at.end)!;
        return Number(drawing.slice(child.openEnd, child.closeAt));
      };
      return { row: value("row"), col: value("col") };
    };
    expect([marker("from"), marker("to")]).toEqual([{ row: c.anchor.top, col: c.anchor.left }, { row: c.anchor.bottom + 1, col: c.anchor.right + 1 }]);
  },
};

const SHEET_CHECKS: Record<keyof SheetSpec, (w: Written) => void> = {
  name: (w) => expect(w.loaded.workbook.sheets.map((s) => s.name)).toContain(w.spec.name),
  cells: (w) => expect(trimmedRows({ name: w.spec.name, rows: w.rows })).toEqual(trimmedRows({ name: w.spec.name, rows: w.spec.cells })),
  styles: (w) => {
    // each style's fields on every cell of its range, unless a later style covering the cell sets the field too
    w.spec.styles.forEach(({ range: r, style }, i) => {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const later = w.spec.styles.slice(i + 1).filter((s) => row >= s.range.top && row <= s.range.bottom && col >= s.range.left && col <= s.range.right);
          if (mergedAway(w.spec, row, col)) continue;
          for (const key of Object.keys(style) as (keyof CellStyle)[]) {
            if (later.some((s) => s.style[key] !== undefined)) continue;
            STYLE_CHECKS[key](w.look(row, col), style);
          }
        }
      }
    });
  },
  merges: (w) => expect(w.merges).toEqual(w.spec.merges),
  columnWidths: (w) => expect(columnsOf(w).map((c) => c.width)).toEqual(w.spec.columnWidths),
  rowHeights: (w) => {
    const heights = new Map(elementsNamed(w, "row").map((r) => [Number(r.attributes.r) - 1, r.attributes.customHeight === "1" ? Number(r.attributes.ht) : 0]));
    expect(w.spec.rowHeights!.map((_, r) => heights.get(r) ?? 0)).toEqual(w.spec.rowHeights);
  },
  freezeRows: (w) => expect(elementsNamed(w, "pane")[0].attributes).toMatchObject({ ySplit: String(w.spec.freezeRows), state: "frozen" }),
  tables: (w) => {
    const parts = relatedParts(w, w.part, "table");
    expect(parts).toHaveLength(w.spec.tables!.length);
    w.spec.tables!.forEach((t, i) => {
      const table = spans(w.text(parts[i]));
      for (const key of Object.keys(t) as (keyof TableSpec)[]) TABLE_CHECKS[key](table, t, w);
    });
  },
  dropdowns: (w) => {
    const validations = elementsNamed(w, "dataValidation");
    expect(validations).toHaveLength(w.spec.dropdowns!.length);
    w.spec.dropdowns!.forEach((d, i) => {
      const formula = elementsNamed(w, "formula1")[i];
      const text = w.xml.slice(formula.openEnd, formula.closeAt).replace(/&quot;/g, '"');
      for (const key of Object.keys(d) as (keyof DropdownSpec)[]) DROPDOWN_CHECKS[key](validations[i], text, d);
    });
  },
  font: (w) => {
    // every cell of the grid in the sheet's font, sized by it unless a style sizes it; no theme scheme overriding the name
    w.spec.cells.forEach((row, r) =>
      row.forEach((_, c) => {
        if (mergedAway(w.spec, r, c)) return;
        const look = w.look(r, c);
        expect({ name: look.fontName, scheme: look.fontScheme }, `${a1(r, c)} in ${w.way}`).toEqual({ name: w.spec.font!.name, scheme: undefined });
        const sized = w.spec.styles.some((s) => s.style.fontSize && r >= s.range.top && r <= s.range.bottom && c >= s.range.left && c <= s.range.right);
        if (!sized) expect(look.fontSize, a1(r, c)).toBe(w.spec.font!.size);
      }),
    );
  },
  print: (w) => {
    for (const key of Object.keys(w.spec.print!) as (keyof PrintSpec)[]) PRINT_CHECKS[key](w, w.spec.print!);
  },
  chart: (w) => {
    const chart = chartOf(w);
    for (const key of Object.keys(w.spec.chart!) as (keyof ChartSpec)[]) CHART_CHECKS[key](chart, w.spec.chart!, w);
  },
  protection: (w) => {
    expect(elementsNamed(w, "sheetProtection")[0].attributes).toMatchObject({ sheet: "1", formatColumns: "0", formatRows: "0" });
    expect(elementsNamed(w, "sheetProtection")[0].attributes.password).toBeUndefined();
    const unlocked = (r: number, c: number) => w.spec.protection!.unlocked.some((u) => r >= u.top && r <= u.bottom && c >= u.left && c <= u.right);
    w.spec.cells.forEach((row, r) => row.forEach((_, c) => expect(w.look(r, c).locked, `${a1(r, c)} locked`).toBe(!unlocked(r, c))));
  },
  hiddenColumns: (w) => {
    const columns = columnsOf(w);
    expect(columns.flatMap((c, i) => (c?.hidden ? [i] : []))).toEqual(w.spec.hiddenColumns);
  },
};

// --- writing both ways ------------------------------------------------------------------------------------------

let folder: Awaited<ReturnType<typeof tempFolder>>;
const sheets: Written[] = [];

beforeAll(async () => {
  folder = await tempFolder();
  const fresh = folder.path("new.xlsx");
  await saveWorkbook(workbookOf([SPEC, FITTED]), fresh, [SPEC, FITTED]);
  const freshBook = await readXlsxFile(fresh);
  // added to a workbook that has a chart, a drawing and a table of its own
  const added = folder.path("added.xlsx");
  await writeWorkbookChanges(await readXlsxFile(join(process.cwd(), "tests", "fixtures", "xlsx", "chart-on-units.xlsx")), added, {
    sheets: [SPEC, FITTED].map((spec) => ({ spec, replaces: false })),
  });
  const addedBook = await readXlsxFile(added);
  for (const spec of [SPEC, FITTED]) sheets.push(written("a new workbook (ExcelJS)", freshBook, spec), written("a sheet added to a workbook (part-level)", addedBook, spec));
});

afterAll(async () => {
  await folder.remove();
});

describe("one SheetSpec written both ways", () => {
  it("has a check for every field of SheetSpec, PrintSpec, ChartSpec, TableSpec, DropdownSpec and CellStyle the spec uses", () => {
    expect(Object.keys(SHEET_CHECKS).sort()).toEqual(Object.keys(SPEC).sort());
    expect(Object.keys(PRINT_CHECKS).sort()).toEqual(Object.keys(SPEC.print).sort());
    expect(Object.keys(CHART_CHECKS).sort()).toEqual(Object.keys(SPEC.chart).sort());
    expect(Object.keys(TABLE_CHECKS).sort()).toEqual(Object.keys(SPEC.tables[0]).sort());
    expect(Object.keys(DROPDOWN_CHECKS).sort()).toEqual(Object.keys(SPEC.dropdowns[0]).sort());
    expect(Object.keys(STYLE_CHECKS).sort()).toEqual(Object.keys(EVERY_STYLE).sort());
  });

  for (const field of Object.keys(SPEC) as (keyof SheetSpec)[]) {
    it(`writes ${field} the same way in a new workbook and in a sheet added to one`, () => {
      expect(sheets).toHaveLength(4);
      for (const w of sheets) {
        try {
          SHEET_CHECKS[field](w);
        } catch (e) {
          (e as Error).message = `${w.spec.name}, ${w.way}: ${(e as Error).message}`;
          throw e;
        }
      }
    });
  }

  it("gives both ways' cells the same look, cell by cell", () => {
    for (const spec of [SPEC, FITTED]) {
      const [fresh, added] = sheets.filter((w) => w.spec === spec);
      const looks = (w: Written) => w.spec.cells.map((row, r) => row.map((_, c) => (mergedAway(spec, r, c) ? "merged" : w.look(r, c))));
      // number format ids differ between workbooks; the codes are compared
      expect(looks(added)).toEqual(looks(fresh));
    }
  });

  it("numbers the added sheets' charts after the workbook's own, one drawing each", () => {
    const added = sheets.filter((w) => w.way.includes("added"));
    const charts = added.map((w) => relatedParts(w, relatedParts(w, w.part, "drawing")[0], "chart")[0]);
    expect(charts).toEqual(["xl/charts/chart2.xml", "xl/charts/chart3.xml"]);
    expect(resolvePart(added[0].part, "../drawings/drawing2.xml")).toBe(relatedParts(added[0], added[0].part, "drawing")[0]);
  });
});
