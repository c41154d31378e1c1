/**
 * Small .xlsx packages written part by part, for the reader's edge cases: the sheet XML exactly as a test gives
 * it (prefixes, entities, cells without references ...), wrapped in the least a workbook needs.
 */

import { writeZip } from "../../src/cli/xlsx/zip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface TinySheet {
  name: string;
  /** The contents of `<sheetData>`, or a whole worksheet part (starting `<?xml` or `<worksheet`). */
  xml: string;
  state?: "hidden" | "veryHidden";
  /** A chart sheet (its part is `xml` as it is), not a worksheet. */
  chart?: boolean;
}

export interface TinyWorkbook {
  sheets: TinySheet[];
  /** `<si>` elements of the shared strings part. */
  sharedStrings?: string[];
  /** The `<cellXfs>` entries and custom `<numFmt>` elements of a styles part. */
  styles?: { numFmts?: string[]; cellXfs: string[] };
  date1904?: boolean;
  /** `<definedName>` elements. */
  definedNames?: string[];
  /** Other parts to add, by name. */
  extra?: Record<string, string>;
}

/** The worksheet part for a sheet given as the inside of `<sheetData>`. */
export function worksheet(inside: string, afterSheetData = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${inside}</sheetData>${afterSheetData}</worksheet>`;
}

/** The bytes of an .xlsx file holding the sheets. */
export function tinyXlsx(book: TinyWorkbook): Buffer {
  const text = (name: string, xml: string) => ({ name, data: Buffer.from(xml, "utf8") });
  const partOf = (s: TinySheet, i: number) => (s.chart ? `chartsheets/sheet${i + 1}.xml` : `worksheets/sheet${i + 1}.xml`);
  const overrides = book.sheets.map(
    (s, i) => `<Override PartName="/xl/${partOf(s, i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${s.chart ? "chartsheet" : "worksheet"}+xml"/>`,
  );
  const rels = book.sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${s.chart ? "chartsheet" : "worksheet"}" Target="${partOf(s, i)}"/>`);
  const parts = [
    text(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}</Types>`,
    ),
    text("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    text(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">${book.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${book.sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
        .join("")}</sheets>${book.definedNames ? `<definedNames>${book.definedNames.join("")}</definedNames>` : ""}</workbook>`,
    ),
  ];
  if (book.sharedStrings) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts.push(text("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="${MAIN}" count="${book.sharedStrings.length}">${book.sharedStrings.join("")}</sst>`));
  }
  if (book.styles) {
    rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/>`);
    const numFmts = book.styles.numFmts?.length ? `<numFmts count="${book.styles.numFmts.length}">${book.styles.numFmts.join("")}</numFmts>` : "";
    parts.push(
      text(
        "xl/styles.xml",
        `<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="${MAIN}">${numFmts}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${book.styles.cellXfs.length}">${book.styles.cellXfs.join("")}</cellXfs></styleSheet>`,
      ),
    );
  }
  parts.push(text("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`));
  book.sheets.forEach((s, i) => parts.push(text(`xl/${partOf(s, i)}`, s.chart || /^\uFEFF?<(\?xml|([\w.-]+:)?worksheet[\s>])/.test(s.xml) ? s.xml : worksheet(s.xml))));
  for (const [name, xml] of Object.entries(book.extra ?? {})) parts.push(text(name, xml));
  return writeZip(parts);
}
