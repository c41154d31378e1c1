import { readFile, writeFile, mkdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUMMARY_MARKER_NAME, SUMMARY_SHEET_NAME, SUMMARY_TITLE } from "../../src/core/summary/index";
import { readWorkbook } from "../../src/core/read";
import { readXlsxFile } from "../../src/cli/xlsx-read";
import type { CellValue, Sheet } from "../../src/core/grid";
import { book, completeResponses, goodRow, row } from "../core/workbooks";
import { CLI_NOW, cli, loadXlsx, tempFolder, writeXlsx } from "./files";
import { serialFromIso } from "../../src/core/dates";

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => {
  folder = await tempFolder();
});
afterAll(async () => {
  await folder.remove();
});

/** Three planted defects: GCP's action is "-" (rec 1), GCP's acceptance is misspelt (rec 2), PTP has no row for rec 2. */
const defective = book({
  responses: [
    goodRow("1", "CWM"),
    goodRow("1", "GCP", { action: "-" }),
    goodRow("1", "PTP"),
    goodRow("2", "CWM"),
    goodRow("2", "GCP", { acceptance: "Acepted" }),
  ],
});

const pick = (i: { rule: string; cell: string; sheet: string; recommendation: string | null; unit: string | null }) => [
  i.rule, i.sheet, i.cell, i.recommendation, i.unit,
];

/** Expects exactly one line on stderr, a sentence, and no stack trace. */
function expectOneSentence(err: string[]): void {
  expect(err).toHaveLength(1);
  expect(err[0]).not.toMatch(/\n|^\s*at |Error:/);
  expect(err[0]).toMatch(/\.$/);
}

describe("validate", () => {
  it("reports planted defects as JSON with rule, cell, recommendation and unit, and exits 1", async () => {
    const file = folder.path("defective.xlsx");
    await writeXlsx(file, defective);
    const { status, out, err } = await cli("validate", file, "--format", "json");
    expect(err).toEqual([]);
    expect(status).toBe(1);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(["file", "layout", "blocks", "counts", "issues"]);
    expect(result).toMatchObject({ file, layout: "canonical", counts: { error: 3, warning: 0, info: 0 } });
    expect(result.issues.map(pick)).toEqual([
      ["missing-response", "Recommendations", "A3", "2", "PTP"],
      ["missing-action", "Responses", "D3", "1", "GCP"],
      ["unknown-acceptance", "Responses", "C6", "2", "GCP"],
    ]);
    expect(Object.keys(result.issues[0])).toEqual(["rule", "severity", "sheet", "cell", "recommendation", "unit", "message", "suggestion"]);
    expect(result.issues[2]).toMatchObject({ severity: "error", suggestion: "Accepted" });
    expect(result.issues[1].suggestion).toBeNull();
  });

  it("prints one JSON object per line for several files", async () => {
    const clean = folder.path("clean-for-lines.xlsx");
    const bad = folder.path("bad-for-lines.xlsx");
    await writeXlsx(clean, book({ responses: completeResponses() }));
    await writeXlsx(bad, defective);
    const { status, out } = await cli("validate", clean, bad, "--format", "json");
    expect(status).toBe(1);
    const lines = out.split("\n");
    expect(lines.map((l) => JSON.parse(l).file)).toEqual([clean, bad]);
    expect(lines.map((l) => JSON.parse(l).counts.error)).toEqual([0, 3]);
  });

  it("prints a text report grouped by rule, with the cells and each message", async () => {
    const file = folder.path("defective-text.xlsx");
    await writeXlsx(file, defective);
    const { status, out } = await cli("validate", file);
    expect(status).toBe(1);
    const lines = out.split("\n");
    expect(lines[0]).toBe(`${file}: canonical layout, sheet Responses: 3 units, 2 recommendations, 5 response rows (as of 2025-06-30)`);
    expect(lines[1]).toBe("3 errors, 0 warnings, 0 notes");
    expect(lines).toContain("Accepted without a planned action: 1 error — Responses!D3 [missing-action]");
    expect(lines).toContain("Addressed unit has not answered: 1 error — Recommendations!A3 [missing-response]");
    expect(out).toContain("Responses!D3  Recommendation 1, GCP:");
    expect(out).toContain('(suggestion: Accepted)');
  });

  it("exits 0 on a clean workbook, with real Excel dates as target dates", async () => {
    const file = folder.path("clean.xlsx");
    const rows = completeResponses();
    await writeXlsx(file, book({ responses: rows }), (wb) => {
      // target dates as real dates (ExcelJS writes a Date as a date-formatted serial number)
      const ws = wb.getWorksheet("Responses")!;
      for (let r = 2; r <= rows.length + 1; r++) ws.getCell(r, 7).value = new Date(Date.UTC(2030, 11, 31));
    });
    const { status, out, err } = await cli("validate", file, "--as-of", "2025-06-30");
    expect(err).toEqual([]);
    expect(out.split("\n").slice(1)).toEqual(["0 errors, 0 warnings, 0 notes", "No problems found."]);
    expect(status).toBe(0);
  });

  it("checks target dates against --as-of", async () => {
    const file = folder.path("overdue.xlsx");
    await writeXlsx(file, book({ responses: completeResponses() }));
    const later = JSON.parse((await cli("validate", file, "--format", "json", "--as-of", "2031-01-31")).out);
    expect(later.issues.filter((i: { rule: string }) => i.rule === "overdue")).toHaveLength(6);
    const earlier = JSON.parse((await cli("validate", file, "--format", "json", "--as-of", "2025-01-31")).out);
    expect(earlier.issues).toEqual([]);
  });
});

describe("files that cannot be read: exit 2 and one sentence on stderr", () => {
  it("a missing file", async () => {
    const { status, err, out } = await cli("validate", folder.path("nowhere.xlsx"));
    expect(status).toBe(2);
    expect(out).toBe("");
    expectOneSentence(err);
    expect(err[0]).toContain("does not exist");
  });

  it("a CSV renamed .xlsx", async () => {
    const file = folder.path("text.xlsx");
    await writeFile(file, "No.,Unit,Acceptance\n1,CWM,Accepted\n");
    const { status, err } = await cli("validate", file);
    expect(status).toBe(2);
    expectOneSentence(err);
    expect(err[0]).toContain("is text (perhaps a CSV file renamed .xlsx)");
  });

  it("a password-protected workbook (an OLE compound file)", async () => {
    const file = folder.path("protected.xlsx");
    const bytes = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    await writeFile(file, bytes);
    const { status, err } = await cli("validate", file);
    expect(status).toBe(2);
    expectOneSentence(err);
    expect(err[0]).toContain("password-protected");
  });

  it("a damaged zip", async () => {
    const good = folder.path("to-damage.xlsx");
    await writeXlsx(good, book({ responses: completeResponses() }));
    const bytes = await readFile(good);
    const file = folder.path("damaged.xlsx");
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { status, err } = await cli("validate", file);
    expect(status).toBe(2);
    expectOneSentence(err);
    expect(err[0]).toContain("damaged");
  });

  it("a workbook with no recognisable layout: the reader's sentence", async () => {
    const file = folder.path("other.xlsx");
    await writeXlsx(file, { sheets: [{ name: "Budget 2025", rows: [["Item", "Amount"], ["Travel", 1200]] }] });
    const { status, err } = await cli("validate", file);
    expect(status).toBe(2);
    expectOneSentence(err);
    expect(err[0]).toBe(
      `${file}: No sheet has the columns "No.", "Unit" and "Acceptance" that a table of responses needs. ` +
        `Add these headers above the table, or choose the sheet and columns in the task pane under Settings → Sheet and columns.`,
    );
  });

  it("still checks the other files and exits 2", async () => {
    const clean = folder.path("clean-among-missing.xlsx");
    await writeXlsx(clean, book({ responses: completeResponses() }));
    const { status, err, out } = await cli("validate", folder.path("missing.xlsx"), clean, "--format", "json");
    expect(status).toBe(2);
    expect(err).toHaveLength(1);
    expect(JSON.parse(out).file).toBe(clean);
  });
});

describe("usage errors: exit 2 and one sentence", () => {
  it.each([
    [[], "No command given"],
    [["check", "a.xlsx"], 'Unknown command "check"'],
    [["validate"], "Give at least one .xlsx file"],
    [["validate", "a.xlsx", "--colour"], "Unknown option --colour"],
    [["validate", "a.xlsx", "--format", "xml"], '--format must be "text" or "json"'],
    [["validate", "a.xlsx", "--as-of", "30/06/2025"], "--as-of needs a real date written YYYY-MM-DD"],
    [["validate", "a.xlsx", "--as-of", "2025-02-30"], "--as-of needs a real date written YYYY-MM-DD"],
    [["validate", "a.xlsx", "--out", "b.xlsx"], 'The option --out does not apply to "validate"'],
    [["summary", "a.xlsx"], "Say where to write the summary with --out"],
    [["summary", "a.xlsx", "b.xlsx", "--out", "c.xlsx"], "Give exactly one .xlsx file to summarise"],
    [["summary", "a.xlsx", "--out", "b.xlsx", "--by", "region"], '--by must be "division" or "unit"'],
    [["template"], "Say where to write the template with --out"],
    [["template", "--out"], "The option --out needs a value"],
  ])("%j", async (argv, message) => {
    const { status, err } = await cli(...argv);
    expect(status).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
    expect(err[0]).not.toMatch(/\n|^\s*at /);
  });

  it("a file that cannot be written: exit 2 and one sentence", async () => {
    const { status, err } = await cli("template", "--out", folder.path("no-such-folder/t.xlsx"));
    expect(status).toBe(2);
    expectOneSentence(err);
    expect(err[0]).toContain("could not be written: its folder does not exist");
  });

  it("--help prints the usage and exits 0", async () => {
    const { status, out } = await cli("--help");
    expect(status).toBe(0);
    expect(out).toContain("response-matrix validate <file.xlsx>... [--format text|json] [--as-of YYYY-MM-DD]");
    expect(out).toContain("response-matrix summary <file.xlsx> --out <out.xlsx> [--by division|unit] [--as-of YYYY-MM-DD]");
    expect(out).toContain("response-matrix template --out <out.xlsx> [--example]");
  });
});

/** Rec 1: CWM Accepted, GCP Partially accepted, PTP Rejected (explained); rec 2: everyone Accepted. */
const mixed = book({
  responses: [
    goodRow("1", "CWM"),
    goodRow("1", "GCP", { acceptance: "Partially accepted", comments: "Only for new staff." }),
    row({ no: "1", unit: "PTP", acceptance: "Rejected", comments: "Outside the programme's mandate." }),
    goodRow("2", "CWM"),
    goodRow("2", "GCP"),
    goodRow("2", "PTP"),
  ],
});

/** The summary sheet as a grid, and a lookup of the matrix cell for a recommendation and a column label. */
async function summaryGrid(file: string, sheetName = SUMMARY_SHEET_NAME) {
  const { workbook } = await readXlsxFile(file);
  const sheet = workbook.sheets.find((s) => s.name === sheetName)!;
  expect(sheet).toBeDefined();
  const header = sheet.rows.findIndex((r) => r[0] === "Recommendation");
  const cell = (rec: string, column: string): CellValue => {
    const r = sheet.rows.findIndex((cells, i) => i > header && new RegExp(`^${rec}\\.? `).test(String(cells[0])));
    return sheet.rows[r][sheet.rows[header].indexOf(column)];
  };
  return { sheet, cell, names: workbook.sheets.map((s) => s.name) };
}

function markerSheet(wb: Awaited<ReturnType<typeof loadXlsx>>): string[] {
  return wb.definedNames.model.filter((n) => n.name === SUMMARY_MARKER_NAME).flatMap((n) => n.ranges);
}

describe("summary", () => {
  it("writes the Section 0 summary into a copy and leaves the input file's bytes unchanged", async () => {
    const input = folder.path("mixed.xlsx");
    const out = folder.path("mixed-summary.xlsx");
    await writeXlsx(input, mixed);
    const before = await readFile(input);
    const { status, err, out: printed } = await cli("summary", input, "--out", out, "--as-of", "2025-06-30");
    expect(err).toEqual([]);
    expect(status).toBe(0);
    expect(printed).toContain(`Wrote ${out} with the sheet "Section 0 Summary"`);
    expect((await readFile(input)).equals(before)).toBe(true);

    const { sheet, cell, names } = await summaryGrid(out);
    expect(names).toEqual(["Units", "Recommendations", "Responses", "Section 0 Summary"]);
    expect(sheet.rows[0][0]).toBe(SUMMARY_TITLE);
    expect(cell("1", "Planet")).toBe("Accepted (CWM); Partially accepted (GCP)");
    expect(cell("1", "Peace")).toBe("Rejected");
    expect(cell("2", "Planet")).toBe("Accepted");
    const wb = await loadXlsx(out);
    expect(markerSheet(wb)).toEqual(["'Section 0 Summary'!$A$1"]);
    expect(wb.getWorksheet("Responses")!.getCell("C4").value).toBe("Rejected");
    // the row of "Accepted (CWM); Partially accepted (GCP)" is tall enough for its wrapped text
    const summary = wb.getWorksheet("Section 0 Summary")!;
    const row = sheet.rows.findIndex((r) => r.includes("Accepted (CWM); Partially accepted (GCP)"));
    expect(summary.getRow(row + 1).height).toBeGreaterThanOrEqual(30);
  });

  it("summarises by unit with --by unit", async () => {
    const input = folder.path("mixed-by-unit.xlsx");
    const out = folder.path("mixed-by-unit-summary.xlsx");
    await writeXlsx(input, mixed);
    expect((await cli("summary", input, "--out", out, "--by", "unit")).status).toBe(0);
    const { cell } = await summaryGrid(out);
    expect([cell("1", "CWM"), cell("1", "GCP"), cell("1", "PTP")]).toEqual(["Accepted", "Partially accepted", "Rejected"]);
  });

  it("refuses to write over its input, however the path is spelt", async () => {
    const input = folder.path("self.xlsx");
    await writeXlsx(input, mixed);
    const before = await readFile(input);
    await mkdir(folder.path("sub"), { recursive: true });
    for (const out of [input, folder.path("sub/../self.xlsx")]) {
      const { status, err } = await cli("summary", input, "--out", out);
      expect(status).toBe(2);
      expectOneSentence(err);
      expect(err[0]).toContain("names the input file");
    }
    expect((await readFile(input)).equals(before)).toBe(true);
  });

  it("keeps a user's own 'Section 0 Summary' sheet and writes 'Section 0 Summary (2)'; a second run replaces only its own", async () => {
    const input = folder.path("user-sheet.xlsx");
    await writeXlsx(input, { ...mixed, sheets: [...mixed.sheets, { name: "Section 0 Summary", rows: [["My own notes"]] }] });
    const first = folder.path("user-sheet-summary.xlsx");
    expect((await cli("summary", input, "--out", first)).status).toBe(0);
    const one = await loadXlsx(first);
    expect(one.worksheets.map((w) => w.name)).toEqual(["Units", "Recommendations", "Responses", "Section 0 Summary", "Section 0 Summary (2)"]);
    expect(one.getWorksheet("Section 0 Summary")!.getCell("A1").value).toBe("My own notes");
    expect(markerSheet(one)).toEqual(["'Section 0 Summary (2)'!$A$1"]);
    expect((await summaryGrid(first, "Section 0 Summary (2)")).cell("1", "Peace")).toBe("Rejected");

    // regenerate from the copy: our sheet is replaced in place, the user's is untouched, no "(3)"
    const second = folder.path("user-sheet-summary-again.xlsx");
    const { status, out } = await cli("summary", first, "--out", second);
    expect(status).toBe(0);
    expect(out).toContain("(replacing the earlier summary)");
    const two = await loadXlsx(second);
    expect(two.worksheets.map((w) => w.name)).toEqual(["Units", "Recommendations", "Responses", "Section 0 Summary", "Section 0 Summary (2)"]);
    expect(two.getWorksheet("Section 0 Summary")!.getCell("A1").value).toBe("My own notes");
    expect(markerSheet(two)).toEqual(["'Section 0 Summary (2)'!$A$1"]);
  });

  it("exits 0 once it has written the summary, whatever the findings, and says how many there are", async () => {
    const input = folder.path("defective-summary-in.xlsx");
    const out = folder.path("defective-summary-out.xlsx");
    await writeXlsx(input, defective);
    const { status, out: printed } = await cli("summary", input, "--out", out);
    expect(status).toBe(0);
    expect(printed).toMatch(/The workbook has 3 errors, 0 warnings and \d+ notes?; run "response-matrix validate /);
    expect((await summaryGrid(out)).cell("2", "Peace")).toBe("No response");
  });

  it("exits 2 when it cannot write its file, and writes nothing", async () => {
    const input = folder.path("unwritable-in.xlsx");
    await writeXlsx(input, mixed);
    const out = folder.path("no-such-folder/summary.xlsx");
    const { status, err } = await cli("summary", input, "--out", out);
    expect(status).toBe(2);
    expectOneSentence(err);
    expect(err[0]).toContain("its folder does not exist");
  });

  it("writes Generated as the date and time it ran and As of as the as-of date", async () => {
    const input = folder.path("dates-in.xlsx");
    const out = folder.path("dates-out.xlsx");
    await writeXlsx(input, mixed);
    expect((await cli("summary", input, "--out", out, "--as-of", "2025-06-30")).status).toBe(0);
    const { sheet } = await summaryGrid(out);
    const value = (label: string) => sheet.rows.find((r) => r[0] === label)?.[1];
    expect(value("Generated")).toBe(serialFromIso(CLI_NOW.slice(0, 10))! + (9 * 60 + 30) / 1440);
    expect(value("As of")).toBe(serialFromIso("2025-06-30"));
  });

  it("writes the summary in French with --lang fr, and refuses another language", async () => {
    const input = folder.path("french-in.xlsx");
    const out = folder.path("french-out.xlsx");
    await writeXlsx(input, mixed);
    const { status, out: printed } = await cli("summary", input, "--out", out, "--lang", "fr");
    expect(status).toBe(0);
    expect(printed).toContain("in French");
    const { sheet } = await summaryGrid(out);
    expect(sheet.rows[0][0]).toBe("Section 0 – Résumé de la réponse");
    expect(sheet.rows.find((r) => r[0] === "Recommandation")?.slice(1, 3)).toEqual(["Planet", "Peace"]);
    const bad = await cli("summary", input, "--out", out, "--lang", "de");
    expect(bad.status).toBe(2);
    expect(bad.err).toEqual(['--lang must be "en" (English) or "fr" (French) (got "de").']);
  });
});

describe("template", () => {
  it("writes an empty canonical workbook with tables, dropdowns and frozen headers", async () => {
    const file = folder.path("template.xlsx");
    const { status, out } = await cli("template", "--out", file);
    expect(status).toBe(0);
    expect(out).toBe(`Wrote ${file} (sheets Units, Recommendations, Responses).`);
    const wb = await loadXlsx(file);
    const responses = wb.getWorksheet("Responses")!;
    expect(responses.getTables().map((t) => (t as unknown as { table: { name: string } }).table.name)).toEqual(["ResponsesTable"]);
    const validations = (responses as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    expect(validations.C2).toMatchObject({ type: "list", formulae: ['"Accepted,Partially accepted,Rejected,No response,Not applicable"'] });
    expect(validations.K6).toMatchObject({ type: "list", formulae: ['"Not started,Planned,Under implementation,Implemented,Not implemented"'] });
    expect(responses.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(responses.getCell("A1").font?.bold).toBe(true);
    expect(responses.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
    const recommendations = wb.getWorksheet("Recommendations")!;
    expect(recommendations.getCell("A1").value).toBe("Title");
    expect(recommendations.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  });

  it("--example round-trips: reading the file back gives seed 002", async () => {
    const file = folder.path("example.xlsx");
    expect((await cli("template", "--out", file, "--example")).status).toBe(0);
    const { workbook } = await readXlsxFile(file);
    const matrix = readWorkbook(workbook, { asOf: "2025-06-30" });
    expect(matrix.title).toBe("Evaluation of UNITAR's learning-related events certifications");
    expect(matrix.units).toHaveLength(14);
    expect(matrix.recommendations.map((r) => r.number)).toEqual(["1", "2", "3", "4", "5"]);
    expect(matrix.responses).toHaveLength(53);
    const cwm4 = matrix.responses.find((r) => r.number === "4" && r.unit === "CWM")!;
    expect(cwm4.action).toContain("C&W related programmes CWM actively updates"); // paragraphs kept, read as text
    const validations = (await loadXlsx(file)).getWorksheet("Responses")!;
    expect(Object.keys((validations as unknown as { dataValidations: { model: object } }).dataValidations.model)).toContain("C54");
  });
});

describe("the seed 002 example through the command line", () => {
  let example: string;
  beforeAll(async () => {
    example = folder.path("seed-002.xlsx");
    expect((await cli("template", "--out", example, "--example")).status).toBe(0);
  });

  it("finds A2030's missing answers, the placeholder actions and the free-text status", async () => {
    const { status, out } = await cli("validate", example, "--format", "json", "--as-of", "2025-06-30");
    expect(status).toBe(1);
    const issues = JSON.parse(out).issues as Parameters<typeof pick>[0][];
    const of = (rule: string) => issues.filter((i) => i.rule === rule).map(pick);
    expect(of("no-response-received")).toEqual(
      ["1", "2", "4", "5"].map((rec, i) => ["no-response-received", "Responses", ["C2", "C15", "C29", "C42"][i], rec, "A2030"]),
    );
    expect(of("missing-action")).toEqual([
      ["missing-action", "Responses", "D8", "1", "NYO"],
      ["missing-action", "Responses", "D21", "2", "NYO"],
      ["missing-action", "Responses", "D41", "4", "SCYCLE"],
    ]);
    expect(of("unknown-status")).toContainEqual(["unknown-status", "Responses", "H14", "1", "SCYCLE"]);
  });

  it("summarises Planet's mixed answers to recommendation 2 and marks recommendation 3 NA outside CITSU", async () => {
    const out = folder.path("seed-002-summary.xlsx");
    expect((await cli("summary", example, "--out", out, "--as-of", "2025-06-30")).status).toBe(0);
    const { cell, sheet } = await summaryGrid(out);
    expect(cell("2", "Planet")).toBe("Accepted (GCP); Partially accepted (CWM); Rejected (SCYCLE)");
    expect(cell("3", "CITSU")).toBe("Accepted");
    const header = sheet.rows.find((r) => r[0] === "Recommendation")!;
    const divisions = header.slice(1).filter((v) => v !== "").map(String);
    expect(divisions).toEqual([
      "CITSU", "Peace", "People", "Planet", "New York Office", "Multilateral Diplomacy Programme",
      "Satellite Analysis and Applied Research", "Prosperity", "NCD",
    ]);
    expect(divisions.filter((d) => d !== "CITSU").map((d) => cell("3", d))).toEqual(Array(8).fill("NA"));
  });
});

describe("reading cells from .xlsx", () => {
  it("gives text for rich text, hyperlinks and errors, cached results for formulas, serials for dates, merged values once", async () => {
    const file = folder.path("cells.xlsx");
    await writeXlsx(file, { sheets: [{ name: "Responses", rows: [] }, { name: "Hidden", rows: [["x"]] }] }, (wb) => {
      const ws = wb.getWorksheet("Responses")!;
      ws.getCell("A1").value = { richText: [{ text: "Partially " }, { text: "accepted", font: { bold: true } }] };
      ws.getCell("B1").value = { formula: "1+1", result: 2 };
      ws.getCell("C1").value = { error: "#N/A" } as never;
      ws.getCell("D1").value = { text: "Evidence link", hyperlink: "https://example.org/report" };
      ws.getCell("E1").value = new Date(Date.UTC(2025, 11, 31));
      ws.getCell("A2").value = "Recommendation 1";
      ws.mergeCells("A2:A4");
      ws.getCell("B3").value = true;
      wb.getWorksheet("Hidden")!.state = "hidden";
    });
    const { workbook } = await readXlsxFile(file);
    const [responses, hidden] = workbook.sheets as [Sheet, Sheet];
    expect(responses.rows).toEqual([["Partially accepted", 2, "#N/A", "Evidence link", 46022], ["Recommendation 1"], ["", true], []]);
    expect(responses.merges).toEqual([{ top: 1, left: 0, bottom: 3, right: 0 }]);
    expect(responses.hidden).toBeUndefined();
    expect(hidden.hidden).toBe(true);
    expect(workbook.name).toBe("cells.xlsx");
  });
});
