/**
 * The workbooks the command-line measurements run on, written in a process of their own (ExcelJS writing
 * 100,000 answers takes most of a gigabyte, which the measuring process should not carry):
 *
 *   cli-case.ts workbook <recommendations> <units> <out.xlsx>   the generated workbook, dates as dates
 *   cli-case.ts dropdowns <in.xlsx> <out.xlsx>                    the same with a dropdown over the whole Units
 *                                                                 sheet (A1:XFD1048576) and dropdowns down to the
 *                                                                 bottom of Responses C and H (C2:C1048576)
 */

import { writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { PackageEdit } from "../src/cli/xlsx/edit";
import { workbookInfo } from "../src/cli/xlsx/reader";
import { spans, splice } from "../src/cli/xlsx/spans";
import { ZipArchive } from "../src/cli/xlsx/zip";
import { isEntryPoint } from "../src/cli/entry";
import { generateWorkbook, type BenchSize } from "./workbook";

/** Writes the generated workbook as an .xlsx, dates as dates (as a person would type them). */
export async function writeXlsx(size: BenchSize, file: string): Promise<void> {
  const workbook = generateWorkbook(size);
  const excel = new ExcelJS.Workbook();
  for (const sheet of workbook.sheets) {
    const ws = excel.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row);
  }
  // Target date and Response date columns of Responses hold serial numbers: show them as dates
  const responses = excel.getWorksheet("Responses")!;
  for (const col of [7, 14]) responses.getColumn(col).numFmt = "yyyy-mm-dd";
  await excel.xlsx.writeFile(file);
}

/** The workbook with dropdowns over the whole Units sheet and down to the bottom of two Responses columns. */
export async function withWholeSheetDropdowns(input: string, output: string): Promise<void> {
  const archive = new ZipArchive(readFileSync(input));
  const info = workbookInfo(archive)!;
  const pkg = new PackageEdit(archive);
  const list = (sqref: string, values: string) => `<dataValidation type="list" allowBlank="1" sqref="${sqref}"><formula1>"${values}"</formula1></dataValidation>`;
  const put = (sheet: string, rules: string[]) => {
    const part = info.sheets.find((s) => s.name === sheet)!.part!;
    const xml = pkg.text(part)!;
    // dataValidations go after the sheet data and merged cells, before the page set-up
    const next = spans(xml).find((s) => s.depth === 1 && ["hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "drawing", "tableParts", "extLst"].includes(s.name));
    const at = next ? next.at : xml.lastIndexOf("</");
    pkg.set(part, splice(xml, [{ at, end: at, text: `<dataValidations count="${rules.length}">${rules.join("")}</dataValidations>` }]));
  };
  put("Units", [list("A1:XFD1048576", "Yes,No")]);
  put("Responses", [list("C2:C1048576", "Accepted,Partially accepted,Rejected"), list("H2:H1048576", "Not started,Planned,Implemented")]);
  await writeFile(output, pkg.bytes());
}

if (isEntryPoint(import.meta.url)) {
  const [what, ...args] = process.argv.slice(2);
  if (what === "workbook") await writeXlsx({ recommendations: Number(args[0]), units: Number(args[1]) }, args[2]);
  else if (what === "dropdowns") await withWholeSheetDropdowns(args[0], args[1]);
  else throw new Error(`unknown case "${what}"`);
}
