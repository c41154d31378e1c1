import { describe, expect, it } from "vitest";
import type { CellValue, Workbook } from "../../../src/core/grid";
import { detectOios } from "../../../src/core/layouts/oios";
import type { Finding } from "../../../src/core/model";
import { readWorkbook } from "../../../src/core/read";
import { validate } from "../../../src/core/validate";

const pick = (f: Finding) => [f.rule, f.sheet, f.cell, f.recommendation, f.unit];
const ANNEX = ["Rec. no.", "Recommendation", "Critical¹/ Important²", "C/ O³", "Actions needed to close recommendation", "Implementation date⁴"];
const APPENDIX = ["Rec. no.", "Recommendation", "Critical⁵/ Important⁶", "Accepted? (Yes/No)", "Title of responsible individual", "Implementation date", "Client comments"];

const annexRow = (no: CellValue, co: string, date = "31 December 2030"): CellValue[] => [no, `Recommendation ${no} text.`, "Important", co, "Evidence of action.", date];
const appendixRow = (no: CellValue, accepted: string, date = "31 December 2030", comments = "Will do."): CellValue[] => [
  no, `Recommendation ${no} text.`, "Important", accepted, "Chief of Staff", date, comments,
];

function book(...sheets: [string, CellValue[][]][]): Workbook {
  return { name: "audit.xlsx", sheets: sheets.map(([name, rows]) => ({ name, rows })) };
}
const read = (wb: Workbook, asOf = "2025-06-30") => readWorkbook(wb, { asOf });
const findings = (wb: Workbook, asOf = "2025-06-30") => validate(read(wb, asOf)).map(pick);

describe("the OIOS management response", () => {
  it("joins Appendix I and Annex I on one sheet by number: Yes is Accepted, No is Rejected, C/O the status", () => {
    const wb = book([
      "Audit",
      [
        ["Entity:", "MINUSMA"],
        ANNEX,
        annexRow("1", "O"),
        annexRow("2", "C"),
        annexRow("3", "O"),
        ["¹ Critical recommendations address those risk issues that require immediate management attention."],
        ["3 C = closed, O = open"],
        ["APPENDIX I"],
        ["Management Response"],
        APPENDIX,
        appendixRow("1.", "Yes."),
        appendixRow("2", "Yes"),
        appendixRow("3", "No", "", "Outside the mandate."),
      ],
    ]);
    expect(detectOios(wb)).toBe(0.9);
    const m = read(wb);
    expect(m.layout).toBe("oios");
    expect(m.units.map((u) => u.code)).toEqual(["MINUSMA"]);
    expect(m.responses.map((r) => [r.number, r.acceptance, r.statuses.map((s) => s.reading)])).toEqual([
      ["1", { kind: "known", value: "Accepted" }, [{ kind: "open" }]],
      ["2", { kind: "known", value: "Accepted" }, [{ kind: "known", value: "Implemented" }]],
      ["3", { kind: "known", value: "Rejected" }, [{ kind: "open" }]],
    ]);
    expect(validate(m)).toEqual([]);
  });

  it("checks the joined answers: open past its date is overdue, closed is not; a rejection needs a reason", () => {
    const wb = book(
      ["Annex I", [ANNEX, annexRow("1", "O"), annexRow("2", "C"), annexRow("3", "O"), annexRow("4", "X")]],
      ["Appendix I", [APPENDIX, appendixRow("1", "Yes", "30 June 2024"), appendixRow("2", "Yes", "30 June 2024"), appendixRow("3", "No", "", ""), appendixRow("4", "Yes")]],
    );
    expect(findings(wb)).toEqual([
      ["unknown-status", "Annex I", "D5", "4", "Appendix I"],
      ["overdue", "Appendix I", "F2", "1", "Appendix I"],
      ["missing-justification", "Appendix I", "G4", "3", "Appendix I"],
    ]);
  });

  it("names the entity from a labelled cell, else the acronym closing the audit's title, else the sheet", () => {
    const titled = book(["Appendix I", [["Audit of support for security sector reform in the United Nations Mission in Mali (MINUSMA)"], APPENDIX, appendixRow("1", "Yes")]]);
    expect(read(titled).units[0].code).toBe("MINUSMA");
    expect(read(titled).title).toBe("Audit of support for security sector reform in the United Nations Mission in Mali (MINUSMA)");
    expect(read(book(["UNMISS", [APPENDIX, appendixRow("1", "Yes")]])).units[0].code).toBe("UNMISS");
  });

  it("skips repeated headers, page titles and footnotes, and appends the texts a page break carried to the next page", () => {
    const wb = book([
      "Appendix I",
      [
        APPENDIX,
        ["1", "MINUSMA should take actions to provide guidance on", "Important", "Yes", "Heads of office,", "30 June 2030", "This will be done"],
        ["⁵ Critical recommendations address critical deficiencies."],
        ["Management Response"],
        APPENDIX,
        ["", "threat risk assessments.", "", "", "Chief of Staff", "", "with the working groups."],
        ["2", "Second.", "Important", "Yes", "Chief of Staff", "30 June 2030", "Yes."],
      ],
    ]);
    const m = read(wb);
    expect(m.responses.map((r) => [r.number, r.responsible, r.comments])).toEqual([
      ["1", "Heads of office, Chief of Staff", "This will be done with the working groups."],
      ["2", "Chief of Staff", "Yes."],
    ]);
    expect(m.recommendations[0].text).toBe("MINUSMA should take actions to provide guidance on threat risk assessments.");
    expect(validate(m)).toEqual([]);
  });

  it("reads dates over two lines as dates; text that is no date, even `To be determined`, is invalid-date; a bare `TBD` missing-date", () => {
    const wb = book([
      "Appendix I",
      [
        APPENDIX, appendixRow("1", "Yes", "31 December\n2030"), appendixRow("2", "Yes", "To be determined by UNCT / UNDP"), appendixRow("3", "Yes", "To be determined"),
        appendixRow("4", "Yes", "TBD"),
      ],
    ]);
    expect(findings(wb)).toEqual([
      ["invalid-date", "Appendix I", "F3", "2", "Appendix I"],
      ["invalid-date", "Appendix I", "F4", "3", "Appendix I"],
      ["missing-date", "Appendix I", "F5", "4", "Appendix I"],
    ]);
  });

  it("takes Annex I's date, at its own cell, where Appendix I gives none", () => {
    const wb = book(
      ["Annex I", [ANNEX, annexRow("1", "O", "31 December\n2023")]],
      ["Appendix I", [APPENDIX, appendixRow("1", "Yes", "")]],
    );
    expect(findings(wb)).toEqual([["overdue", "Annex I", "F2", "1", "Appendix I"]]);
  });

  it("asks for the answer to a recommendation only Annex I lists, at its number there", () => {
    const wb = book(
      ["Annex I", [ANNEX, annexRow("1", "O"), annexRow("2", "O")]],
      ["Appendix I", [APPENDIX, appendixRow("1", "Yes")]],
    );
    expect(read(wb).recommendations.map((r) => [r.number, r.at.sheet, r.at.row])).toEqual([["1", "Appendix I", 1], ["2", "Annex I", 2]]);
    expect(findings(wb)).toEqual([["missing-response", "Annex I", "A3", "2", "Appendix I"]]);
  });

  it("reports a recommendation answered twice at the second row's number", () => {
    const wb = book(["Appendix I", [APPENDIX, appendixRow("1", "Yes"), appendixRow("1", "No", "", "Changed our mind.")]]);
    expect(findings(wb)).toEqual([["duplicate-response", "Appendix I", "A3", "1", "Appendix I"]]);
  });

  it("reads Appendix I alone without status checks, and Annex I alone as statuses without answers", () => {
    const appendixOnly = book(["Appendix I", [APPENDIX, appendixRow("1", "Yes", "30 June 2020")]]);
    expect(detectOios(appendixOnly)).toBe(0.8);
    expect(read(appendixOnly).statusColumns).toEqual([]);
    expect(findings(appendixOnly)).toEqual([]);
    const annexOnly = book(["Annex I", [ANNEX, annexRow("1", "Closed")]]);
    expect(read(annexOnly).responses.map((r) => [r.number, r.acceptance.kind, r.statuses[0].reading])).toEqual([
      ["1", "blank", { kind: "known", value: "Implemented" }],
    ]);
  });

  it("is not claimed by a plain table of answers without OIOS headers", () => {
    expect(detectOios(book(["Form", [["No.", "Recommendation", "Acceptance"], ["1", "Do.", "Accepted"]]]))).toBe(0);
  });
});
