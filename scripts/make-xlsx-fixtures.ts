/**
 * Writes the workbooks of tests/fixtures/xlsx/: the example response matrix (seed 002) as offices change it after
 * receiving it, with what our writer must carry through a summary or a merge untouched.
 *
 *   chart-on-units.xlsx          a bar chart of units per division on the Units sheet (drawing + chart parts, data in
 *                                F1:G10 with COUNTIF formulas), a comment on Units!A1, custom document properties
 *   whole-sheet-dropdowns.xlsx   a dropdown over the whole Units sheet (A1:XFD1048576, "select all, then Data
 *                                validation") and dropdowns down to the bottom of Responses C and H (C2:C1048576)
 *   zip-bomb.xlsx                a workbook of about 300 KB whose sheet unpacks to 300 MB (of spaces inside the
 *                                worksheet element): well-formed, honest about its sizes, and built to exhaust memory
 *
 * Run `npx tsx scripts/make-xlsx-fixtures.ts` after changing it; the files are committed.
 */

import { mkdir, writeFile } from "node:fs/promises";
import { constants, deflateRawSync } from "node:zlib";
import { join, resolve } from "node:path";
import type ExcelJS from "exceljs";
import { templateSheets } from "../src/core/template";
import { workbookOf } from "../src/cli/xlsx-write";
import { PackageEdit } from "../src/cli/xlsx/edit";
import { workbookInfo } from "../src/cli/xlsx/reader";
import { spans, splice } from "../src/cli/xlsx/spans";
import { crc32, writeZip, ZipArchive } from "../src/cli/xlsx/zip";

const OUT = resolve("tests/fixtures/xlsx");
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The example workbook as the template command writes it, with `edit` applied through ExcelJS first. */
async function example(edit?: (wb: ExcelJS.Workbook) => void): Promise<{ pkg: PackageEdit; sheetPart: (name: string) => string }> {
  const wb = workbookOf(templateSheets({ example: true }));
  edit?.(wb);
  const archive = new ZipArchive(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const info = workbookInfo(archive)!;
  return { pkg: new PackageEdit(archive), sheetPart: (name) => info.sheets.find((s) => s.name === name)!.part! };
}

/** Elements that follow a worksheet's `after` element in the schema's order, so a new one goes before the first of them. */
const LATER: Record<string, string[]> = {
  dataValidations: ["hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"],
  drawing: ["legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"],
};

/** Puts `element` into a worksheet where the schema wants it (replacing an element of the same name). */
function putInSheet(xml: string, name: string, element: string): string {
  const all = spans(xml);
  const same = all.find((s) => s.depth === 1 && s.name === name);
  if (same) return splice(xml, [{ at: same.at, end: same.end, text: element }]);
  const next = all.find((s) => s.depth === 1 && LATER[name].includes(s.name));
  const at = next ? next.at : all[0].closeAt;
  return splice(xml, [{ at, end: at, text: element }]);
}

const DIVISIONS = ["Planet", "Peace", "People", "Prosperity", "CITSU", "New York Office", "Multilateral Diplomacy Programme", "Satellite Analysis and Applied Research", "NCD"];

async function chartOnUnits(): Promise<Buffer> {
  const unitsSpec = templateSheets({ example: true }).find((s) => s.name === "Units")!;
  const counts = DIVISIONS.map((d) => unitsSpec.cells.filter((row) => row[2] === d).length);
  const { pkg, sheetPart } = await example((wb) => {
    const units = wb.getWorksheet("Units")!;
    units.getCell("F1").value = "Division";
    units.getCell("G1").value = "Units";
    DIVISIONS.forEach((d, i) => {
      units.getCell(i + 2, 6).value = d;
      units.getCell(i + 2, 7).value = { formula: `COUNTIF(C:C,F${i + 2})`, result: counts[i] };
    });
    units.getCell("A1").note = "Codes as the finance system spells them.";
  });
  const units = sheetPart("Units");
  const points = (values: (string | number)[]) => values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("");
  const chart =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">` +
    `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Units per division</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Units!$G$1</c:f><c:strCache><c:ptCount val="1"/>${points(["Units"])}</c:strCache></c:strRef></c:tx>` +
    `<c:cat><c:strRef><c:f>Units!$F$2:$F$${DIVISIONS.length + 1}</c:f><c:strCache><c:ptCount val="${DIVISIONS.length}"/>${points(DIVISIONS)}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>Units!$G$2:$G$${DIVISIONS.length + 1}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${DIVISIONS.length}"/>${points(counts)}</c:numCache></c:numRef></c:val></c:ser>` +
    `<c:gapWidth val="80"/><c:axId val="101"/><c:axId val="102"/></c:barChart>` +
    `<c:catAx><c:axId val="101"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="102"/></c:catAx>` +
    `<c:valAx><c:axId val="102"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/><c:crossAx val="101"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;
  const anchor = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  const drawing =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor><xdr:from>${anchor(8, 1)}</xdr:from><xdr:to>${anchor(15, 20)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Units per division"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
  pkg.set("xl/charts/chart1.xml", chart);
  pkg.contentType("xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
  pkg.set("xl/drawings/drawing1.xml", drawing);
  pkg.contentType("xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");
  pkg.relate("xl/drawings/drawing1.xml", `${REL}/chart`, "xl/charts/chart1.xml");
  const rid = pkg.relate(units, `${REL}/drawing`, "xl/drawings/drawing1.xml");
  pkg.set(units, putInSheet(pkg.text(units)!, "drawing", `<drawing r:id="${rid}"/>`));

  pkg.set(
    "docProps/custom.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Evaluation office"><vt:lpwstr>Independent Evaluation Unit</vt:lpwstr></property>` +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Report number"><vt:i4>2025</vt:i4></property></Properties>`,
  );
  pkg.contentType("docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml");
  pkg.relate("", `${REL}/custom-properties`, "docProps/custom.xml");
  return pkg.bytes();
}

async function wholeSheetDropdowns(): Promise<Buffer> {
  const { pkg, sheetPart } = await example();
  const list = (sqref: string, values: string[]) =>
    `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${sqref}"><formula1>"${values.join(",")}"</formula1></dataValidation>`;
  const units = sheetPart("Units");
  pkg.set(units, putInSheet(pkg.text(units)!, "dataValidations", `<dataValidations count="1">${list("A1:XFD1048576", ["Yes", "No"])}</dataValidations>`));
  const responses = sheetPart("Responses");
  const acceptance = ["Accepted", "Partially accepted", "Rejected", "No response", "Not applicable"];
  const status = ["Not started", "Planned", "Under implementation", "Implemented", "Not implemented"];
  pkg.set(responses, putInSheet(pkg.text(responses)!, "dataValidations", `<dataValidations count="2">${list("C2:C1048576", acceptance)}${list("H2:H1048576", status)}</dataValidations>`));
  return pkg.bytes();
}

/** A minimal workbook whose one sheet is `megabytes` MB of spaces, deflated piece by piece (each piece alike). */
function zipBomb(megabytes: number): Buffer {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`);
  const tail = Buffer.from(`</sheetData></worksheet>`);
  const spaces = Buffer.alloc(1024 * 1024, 32);
  // a full flush ends each piece on a byte boundary with nothing referring back, so pieces can be repeated
  const piece = (b: Buffer) => deflateRawSync(b, { finishFlush: constants.Z_FULL_FLUSH });
  const middle = piece(spaces);
  const deflated = Buffer.concat([piece(head), ...Array.from({ length: megabytes }, () => middle), deflateRawSync(tail)]);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) crc = crc32(spaces, crc);
  crc = crc32(tail, crc);
  const text = (name: string, xml: string) => ({ name, data: Buffer.from(xml) });
  return writeZip([
    text("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    text("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    text("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="Responses" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    text("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    { name: "xl/worksheets/sheet1.xml", deflated, crc, size: head.length + megabytes * spaces.length + tail.length },
  ]);
}

export const XLSX_FIXTURES: Record<string, () => Promise<Buffer>> = {
  "chart-on-units.xlsx": chartOnUnits,
  "whole-sheet-dropdowns.xlsx": wholeSheetDropdowns,
  "zip-bomb.xlsx": async () => zipBomb(300),
};

await mkdir(OUT, { recursive: true });
for (const [file, make] of Object.entries(XLSX_FIXTURES)) {
  await writeFile(join(OUT, file), await make());
  console.log(`wrote ${join("tests/fixtures/xlsx", file)}`);
}
