/** `response-matrix tracker`: a folder of real .xlsx files (the seed forms, the example, generated ones) to one tracker. */

import { execFile } from "node:child_process";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoFromSerial, serialFromIso } from "../../src/core/dates";
import type { CellValue, Sheet } from "../../src/core/grid";
import { BOM, headerRow, trackerTables } from "../../src/core/tracker/index";
import { readXlsxFile } from "../../src/cli/xlsx-read";
import { run } from "../../src/cli/main";
import { generateWorkbook } from "../../bench/workbook";
import { SEED000 } from "../fixtures/seeds/seed000";
import { SEED001 } from "../fixtures/seeds/seed001";
import { seed002Workbook } from "../fixtures/seeds/seed002";
import { SEED003 } from "../fixtures/seeds/seed003";
import { SEED004 } from "../fixtures/seeds/seed004";
import { book, row } from "../core/workbooks";
import { cli, loadXlsx, tempFolder, writeXlsx, type CliRun } from "./files";

const AS_OF = "2025-06-30";
const execFileAsync = promisify(execFile);
/** Columns of each sheet, as the core lays them out (the headers are asserted against the file). */
const COLUMNS = trackerTables([]);

let folder: Awaited<ReturnType<typeof tempFolder>>;
let books: string;
let result: CliRun;
let sheets: Map<string, Sheet>;

/** A generated canonical workbook (bench/workbook.ts) with its own title, as an .xlsx file. */
async function writeGenerated(path: string, title: string, seed: number, edit?: (rows: CellValue[][]) => void): Promise<void> {
  const workbook = generateWorkbook({ recommendations: 4, units: 5 }, seed);
  const recommendations = workbook.sheets.find((s) => s.name === "Recommendations")!;
  recommendations.rows[0] = ["Title", title];
  edit?.(workbook.sheets.find((s) => s.name === "Units")!.rows);
  await writeXlsx(path, workbook);
}

beforeAll(async () => {
  folder = await tempFolder();
  books = folder.path("responses");
  await mkdir(join(books, "2023", "audits"), { recursive: true });
  await writeXlsx(join(books, "seed000.xlsx"), SEED000);
  await writeXlsx(join(books, "2023", "audits", "seed001.xlsx"), SEED001);
  await writeXlsx(join(books, "2023", "seed002.xlsx"), seed002Workbook());
  await writeXlsx(join(books, "2023", "audits", "seed003.xlsx"), SEED003);
  await writeXlsx(join(books, "seed004.xlsx"), SEED004);
  expect((await cli("template", "--example", "--out", join(books, "example.xlsx"))).status).toBe(0);
  // Generated workbooks; the second writes its first unit U001 as U-1, an alias of U001 in the first
  await writeGenerated(join(books, "generated-1.xlsx"), "Generated evaluation 1", 1, (units) => {
    units[1][3] = "U-1";
  });
  await writeGenerated(join(books, "generated-2.xlsx"), "Generated evaluation 2", 2, (units) => {
    units[1][0] = "U-1";
  });
  // The same bytes under another name, a damaged file, an Office lock file, and a text file that is not .xlsx
  await copyFile(join(books, "2023", "audits", "seed001.xlsx"), join(books, "2023", "seed001 (copy).xlsx"));
  await writeFile(join(books, "broken.xlsx"), "");
  await writeFile(join(books, "~$seed000.xlsx"), "lock");
  await writeFile(join(books, "notes.txt"), "not a workbook");

  // The folder, and one of its files again by another path
  result = await cli("tracker", books, `${books}/2023/../seed000.xlsx`, "--out", folder.path("tracker.xlsx"), "--csv", folder.path("csv"), "--as-of", AS_OF);
  sheets = new Map((await readXlsxFile(folder.path("tracker.xlsx"))).workbook.sheets.map((s) => [s.name, s]));
});

afterAll(async () => {
  await folder.remove();
});

/** A sheet's table as objects keyed by its header row (the rows under it down to the first empty one). */
function table(name: string): Record<string, CellValue>[] {
  const sheet = sheets.get(name)!;
  const t = [COLUMNS.evaluations, COLUMNS.open, COLUMNS.units].find((x) => x.sheet === name)!;
  const header = sheet.rows[headerRow(t)];
  expect(header).toEqual(t.columns.map((c) => c.header));
  const rows: Record<string, CellValue>[] = [];
  for (let r = headerRow(t) + 1; r < sheet.rows.length && sheet.rows[r].some((v) => v !== ""); r++) {
    rows.push(Object.fromEntries(header.map((h, c) => [String(h), sheet.rows[r][c] ?? ""])));
  }
  return rows;
}

const rowOf = (rows: Record<string, CellValue>[], file: string) => rows.find((r) => String(r.File).endsWith(file))!;

describe("tracker from the seed workbooks and generated ones", () => {
  it("writes the tracker and says what it holds, noting the skipped lock file", () => {
    expect(result.status).toBe(0);
    expect(result.err).toEqual([`Skipped "${join(books, "~$seed000.xlsx")}": it is the lock file Office keeps while a workbook is open, not a workbook.`]);
    expect(result.out).toMatch(new RegExp(`^Wrote ${folder.path("tracker.xlsx")}: 9 workbooks \\(2 could not be read; see Notes\\), \\d+ open recommendations \\(\\d+ overdue\\) and \\d+ units, as of ${AS_OF}\\.`));
    expect([...sheets.keys()]).toEqual(["Evaluations", "Open recommendations", "Units"]);
  });

  it("has one row per workbook found through the folders, each file once, the lock file and other files left out", () => {
    const files = table("Evaluations").map((r) => String(r.File).slice(books.length + 1));
    expect(files).toEqual([
      join("2023", "audits", "seed001.xlsx"), join("2023", "audits", "seed003.xlsx"), join("2023", "seed002.xlsx"),
      "broken.xlsx", "example.xlsx", "generated-1.xlsx", "generated-2.xlsx", "seed000.xlsx", "seed004.xlsx",
    ]);
  });

  it("counts a file given twice once: by the same path, and by the same bytes under another name", () => {
    const rows = table("Evaluations");
    expect(rowOf(rows, "seed000.xlsx").Notes).toBe(`Also given as ${books}/2023/../seed000.xlsx (the same file); counted once.`);
    expect(rowOf(rows, join("audits", "seed001.xlsx")).Notes).toBe(`Also given as ${join(books, "2023", "seed001 (copy).xlsx")} (the same file); counted once.`);
  });

  it("keeps an unreadable file's row with the sentence saying why", () => {
    const rows = table("Evaluations");
    expect(rowOf(rows, "broken.xlsx")).toMatchObject({ Evaluation: "broken", Layout: "", Addressed: "", "% implemented": "", Notes: `The file "${join(books, "broken.xlsx")}" is empty; it is not an Excel workbook.` });
    expect(rowOf(rows, "seed004.xlsx").Notes).toMatch(/^.*seed004\.xlsx: The sheet 'Report' holds 20 recommendations written as report text .* but no responses yet\./);
  });

  it("gives each evaluation its title, layout, counts and rates with their denominators", () => {
    const rows = table("Evaluations");
    const example = rowOf(rows, "example.xlsx");
    // The example (seed 002): 14 units; A2030 answered nothing (4 addressed pairs), SCYCLE rejected two
    expect(example).toMatchObject({
      Evaluation: `Evaluation of UNITAR's learning-related events certifications (${join(books, "example.xlsx")})`, Layout: "canonical",
      Recommendations: 5, Units: 14, Addressed: 53, Answers: 49, "Accepted or partially accepted": 48, Implemented: 11, Overdue: 0,
    });
    // Seed 002's Section III holds the same answers as the example, so both have the same title and figures
    expect(rowOf(rows, "seed002.xlsx")).toMatchObject({ Layout: "section-iii", Addressed: 53, Answers: 49, "Accepted or partially accepted": 48, Implemented: 11 });
    expect(rowOf(rows, "seed002.xlsx").Notes).toContain("has the same evaluation title");
    expect(rowOf(rows, "seed003.xlsx")).toMatchObject({ Layout: "oios", Recommendations: 7, Units: 1, Addressed: 7, Overdue: 7, Implemented: 0 });
    expect(rowOf(rows, "seed000.xlsx")).toMatchObject({ Layout: "single-unit", Recommendations: 7, "Update due": 7 });
    for (const r of rows.filter((x) => x.Layout !== "")) {
      expect(r["Acceptance rate"]).toBeCloseTo(Number(r["Accepted or partially accepted"]) / Number(r.Addressed), 12);
      expect(r["% implemented"]).toBeCloseTo(Number(r.Implemented) / Number(r["Accepted or partially accepted"]), 12);
    }
    expect(table("Evaluations").length).toBe(9);
  });

  it("lists open recommendations overdue first, days counted to the as-of date", () => {
    const open = table("Open recommendations");
    const days = open.map((o) => o["Days overdue"]);
    const overdue = days.filter((d) => d !== "").length;
    expect(overdue).toBeGreaterThanOrEqual(7);
    expect(days.slice(overdue).every((d) => d === "")).toBe(true);
    expect(days.slice(0, overdue)).toEqual([...days.slice(0, overdue)].sort((a, b) => Number(b) - Number(a)));
    for (const o of open.slice(0, overdue)) expect(o["Days overdue"]).toBe(serialFromIso(AS_OF)! - Number(o["Target date"]));
    // Seed 003: target 30 June 2019, status O (open)
    const poc = open.filter((o) => String(o.Evaluation).startsWith("Audit of protection of civilians"));
    expect(poc).toHaveLength(7);
    expect(poc.find((o) => o["No."] === "3")).toMatchObject({ Unit: "MINUSMA", "Days overdue": 2192, "Latest status": "Open (O)", Acceptance: "Accepted" });
    expect(isoFromSerial(Number(poc.find((o) => o["No."] === "3")!["Target date"]))).toBe("2019-06-30");
    // Every open row is accepted or partially accepted and not Implemented
    expect(new Set(open.map((o) => o.Acceptance))).toEqual(new Set(["Accepted", "Partially accepted"]));
    expect(open.some((o) => o["Latest status"] === "Implemented")).toBe(false);
    const evaluations = table("Evaluations");
    const openOf = (label: string) => open.filter((o) => o.Evaluation === label).length;
    for (const e of evaluations.filter((x) => x.Layout !== "")) expect(openOf(String(e.Evaluation))).toBe(Number(e["Accepted or partially accepted"]) - Number(e.Implemented));
  });

  it("adds up each unit across evaluations, one unit for spellings its code and aliases link", () => {
    const units = table("Units");
    expect(units.find((u) => u.Unit === "MINUSMA")).toMatchObject({ Evaluations: 2, Addressed: 12, Overdue: 8 });
    // U001 is written U-1 in generated-2, an alias of U001 in generated-1
    expect(units.find((u) => u.Unit === "U001")).toMatchObject({ "Also written as": "U-1", Evaluations: 2 });
    expect(units.find((u) => u.Unit === "U-1")).toBeUndefined();
    // The example's NDC (alias NCD) and seed 002's NDC
    expect(units.find((u) => u.Unit === "NDC")).toMatchObject({ Evaluations: 2, Addressed: 8 });
    const evaluations = table("Evaluations").filter((e) => e.Layout !== "");
    const sum = (rows: Record<string, CellValue>[], key: string) => rows.reduce((n, r) => n + Number(r[key]), 0);
    for (const key of ["Addressed", "Answers", "Accepted or partially accepted", "Implemented", "Overdue"]) expect(sum(units, key)).toBe(sum(evaluations, key));
  });
});

/** Parses RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let field = "";
  let fields: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      fields.push(field);
      rows.push(fields);
      fields = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

describe("CSV tables", () => {
  it.each([
    ["Evaluations", COLUMNS.evaluations],
    ["Open recommendations", COLUMNS.open],
    ["Units", COLUMNS.units],
  ])("%s: UTF-8 with BOM, and the same values as the sheet", async (name, t) => {
    const text = await readFile(join(folder.path("csv"), t.csv), "utf8");
    expect(text.startsWith(BOM)).toBe(true);
    const [header, ...lines] = parseCsv(text.slice(1));
    expect(header).toEqual(t.columns.map((c) => c.header));
    const fromCsv = lines.map((fields) =>
      fields.map((f, i): CellValue => {
        const kind = t.columns[i].kind;
        if (f === "") return "";
        if (kind === "count" || kind === "rate") return Number(f);
        if (kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(f)) return serialFromIso(f)!;
        return f.replace(/^'(?=[=+\-@\t\r])/, "");
      }),
    );
    const fromSheet = table(name).map((r) => t.columns.map((c) => r[c.header]));
    expect(fromCsv).toEqual(fromSheet);
    expect(fromCsv.length).toBeGreaterThan(0);
  });
});

describe("usage", () => {
  it("needs --out, and a workbook to read", async () => {
    expect(await cli("tracker", books)).toMatchObject({ status: 2, err: ["Say where to write the tracker with --out <tracker.xlsx>."] });
    const empty = folder.path("empty");
    await mkdir(empty);
    expect(await cli("tracker", empty, "--out", folder.path("t.xlsx"))).toMatchObject({ status: 2, err: [`No .xlsx workbook was found in "${empty}".`] });
  });

  it("skips the tracker it writes when it lies in the folder read, and shows progress on a terminal", async () => {
    const own = folder.path("own");
    await mkdir(own);
    await writeXlsx(join(own, "a.xlsx"), { ...book({ responses: [row({ no: "1", unit: "CWM", acceptance: "Accepted" })] }) });
    const out = join(own, "tracker.xlsx");
    await writeFile(out, "an earlier tracker");
    const progress: string[] = [];
    const lines: string[] = [];
    const status = await run(["tracker", own, "--out", out, "--as-of", AS_OF], { out: (t) => lines.push(t), err: (t) => lines.push(t), progress: (t) => progress.push(t), today: AS_OF });
    expect(status).toBe(0);
    expect(lines[0]).toBe(`Skipped "${out}": it is the tracker being written (--out).`);
    expect(progress).toEqual([`Reading 1 of 1: ${join(own, "a.xlsx")}`, ""]);
    expect((await loadXlsx(out)).worksheets.map((w) => w.name)).toEqual(["Evaluations", "Open recommendations", "Units"]);
  });
});

describe("tracker as the built command runs it", () => {
  it("reads the workbooks on worker threads and writes the same tables, in the order given", { timeout: 180_000 }, async () => {
    const cache = join(process.cwd(), "node_modules", ".cache", "response-matrix-tests");
    await mkdir(cache, { recursive: true });
    const bundle = join(cache, "response-matrix-tracker.mjs");
    await build({ entryPoints: [join(process.cwd(), "src", "cli", "main.ts")], bundle: true, platform: "node", format: "esm", packages: "external", outfile: bundle, logLevel: "error" });
    const csv = folder.path("csv-built");
    const { stdout } = await execFileAsync(process.execPath, [bundle, "tracker", books, `${books}/2023/../seed000.xlsx`, "--out", folder.path("tracker-built.xlsx"), "--csv", csv, "--as-of", AS_OF]);
    expect(stdout.split("\n")[0]).toBe(result.out.split("\n")[0].replace(folder.path("tracker.xlsx"), folder.path("tracker-built.xlsx")));
    for (const file of ["evaluations.csv", "open-recommendations.csv", "units.csv"]) {
      expect(await readFile(join(csv, file), "utf8"), file).toBe(await readFile(folder.path(join("csv", file)), "utf8"));
    }
  });
});

