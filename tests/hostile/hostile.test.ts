/**
 * The catalogue of hostile workbooks (tests/fixtures/hostile/, see its README) through the command line:
 * every file's outcome asserted exactly — exit status, and the one stderr sentence or the findings —
 * never a stack trace, never a hang.
 */

import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_FIXTURES, catalogueReadme, makeHostileFixtures } from "../../scripts/make-hostile-fixtures";
import { QUOTE_LIMIT } from "../../src/core/validate";
import { cli, loadXlsx, tempFolder, type CliRun } from "../cli/files";

const FIXTURES = resolve("tests/fixtures/hostile");
const AS_OF = ["--as-of", "2025-06-30"];

type Severity = "error" | "warning" | "info";
/** rule, sheet, cell, recommendation, unit, severity */
type Issue = [string, string, string, string | null, string | null, Severity];
/** What `validate` must do with a file: exit 2 with this sentence (`FILE` stands for the path), or these findings. */
type Outcome = { status: 2; sentence: string } | { status: 0 | 1; issues: Issue[] };

const NO_SHEETS =
  `FILE: No sheet has the columns "No.", "Unit" and "Acceptance" that a table of responses needs (the workbook has no sheets). ` +
  `Add these headers above the table, or choose the sheet and columns in the task pane under Settings → Sheet and columns.`;

const EXPECTED: Record<string, Outcome> = {
  "html-in-cells.xlsx": {
    status: 1,
    issues: [
      ["unknown-acceptance", "Responses", "C2", "1", "CWM", "error"],
      ["missing-action", "Responses", "D3", "1", "GCP", "error"],
    ],
  },
  "long-cells.xlsx": { status: 1, issues: [["unknown-acceptance", "Responses", "C2", "1", "CWM", "error"]] },
  "formula-errors.xlsx": {
    status: 1,
    issues: [
      ["unknown-acceptance", "Responses", "C2", "1", "CWM", "error"],
      ["invalid-date", "Responses", "G3", "1", "GCP", "warning"],
      ["unknown-status", "Responses", "H3", "1", "GCP", "error"],
    ],
  },
  "non-finite-numbers.xlsx": { status: 0, issues: [["invalid-date", "Responses", "G3", "1", "GCP", "warning"]] },
  "sheet-names.xlsx": {
    status: 1,
    issues: [
      ["missing-action", "Management responses", "D3", "1", "GCP", "error"],
      ["missing-response", "Recommendations", "A2", "1", "PTP", "error"],
    ],
  },
  "sheet-names-unrecognised.xlsx": {
    status: 2,
    sentence:
      `FILE: The sheet 'Responses (O'Neil)' has the columns "No.", "Unit" and "Acceptance" but was not recognised as a table of responses. ` +
      `Rename it "Responses", or choose it and its columns in the task pane under Settings → Sheet and columns.`,
  },
  "hidden-sheets.xlsx": { status: 1, issues: [["missing-response", "Recommendations", "A2", "1", "GCP", "error"]] },
  "protected-sheets.xlsx": { status: 0, issues: [] },
  "huge-used-range.xlsx": { status: 1, issues: [["missing-action", "Responses", "D3", "1", "GCP", "error"]] },
  "empty-workbook.xlsx": { status: 2, sentence: NO_SHEETS },
  "empty-responses.xlsx": {
    status: 2,
    sentence: `FILE: The sheet 'Responses' has no header row with the columns "No.", "Unit", "Acceptance". Add these headers above the table (or map the columns in the task pane settings).`,
  },
  "csv-renamed.xlsx": {
    status: 2,
    sentence: `The file "FILE" is text (perhaps a CSV file renamed .xlsx), not an Excel workbook; open it in Excel and save it as .xlsx.`,
  },
  "password-protected.xlsx": {
    status: 2,
    sentence: `The file "FILE" is password-protected or an old Excel 97-2003 (.xls) workbook; open it in Excel, remove the password or save it as .xlsx, and try again.`,
  },
  "corrupt-zip.xlsx": {
    status: 2,
    sentence: `The file "FILE" could not be opened: it is damaged or not a complete .xlsx workbook; ask for a new copy.`,
  },
  "zip-without-workbook.xlsx": { status: 2, sentence: NO_SHEETS },
  "binary-noise.xlsx": { status: 2, sentence: `The file "FILE" is not an Excel .xlsx workbook; open it in Excel and save it as .xlsx.` },
  "empty-file.xlsx": { status: 2, sentence: `The file "FILE" is empty; it is not an Excel workbook.` },
};

const fixture = (name: string) => join(FIXTURES, name);

/** No stack trace anywhere in what the CLI printed. */
function expectNoStackTrace(run: CliRun): void {
  for (const text of [run.out, ...run.err]) expect(text).not.toMatch(/^\s+at |\bat .*\.[jt]s:\d+:\d+|\bError:|\[object /m);
}

/** The outcome as the table above writes it, from a JSON run. */
function outcomeOf(run: CliRun, file: string): Outcome {
  expectNoStackTrace(run);
  if (run.status === 2) {
    expect(run.out).toBe("");
    expect(run.err).toHaveLength(1);
    return { status: 2, sentence: run.err[0].split(file).join("FILE") };
  }
  expect(run.err).toEqual([]);
  const report = JSON.parse(run.out);
  const issues = report.issues.map((i: Record<string, string>) => [i.rule, i.sheet, i.cell, i.recommendation, i.unit, i.severity]);
  return { status: run.status as 0 | 1, issues };
}

const validateJson = (file: string) => cli("validate", file, "--format", "json", ...AS_OF);
const validateText = (file: string) => cli("validate", file, ...AS_OF);

/** JSON runs of every committed fixture, once. */
const runs = new Map<string, CliRun>();
let asserted = 0;

beforeAll(async () => {
  for (const name of Object.keys(EXPECTED)) runs.set(name, await validateJson(fixture(name)));
}, 60_000);

afterAll(() => {
  console.log(`hostile workbooks: ${Object.keys(EXPECTED).length} files in tests/fixtures/hostile, ${asserted} outcomes asserted`);
});

describe("the catalogue", () => {
  it("has exactly the files the README table and the expectations name", async () => {
    const files = (await readdir(FIXTURES)).filter((f) => f !== "README.md").sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    expect(HOSTILE_FIXTURES.map((f) => f.file).sort()).toEqual(files);
    const readme = await readFile(join(FIXTURES, "README.md"), "utf8");
    expect(readme).toBe(catalogueReadme());
    for (const file of files) expect(readme).toContain(`| \`${file}\` |`);
  });
});

describe("validate on each hostile workbook", () => {
  it.each(Object.entries(EXPECTED))("%s", async (name, expected) => {
    const file = fixture(name);
    expect(outcomeOf(runs.get(name)!, file)).toEqual(expected);
    // The text report agrees on the exit status and prints no stack trace either
    const text = await validateText(file);
    expectNoStackTrace(text);
    expect(text.status).toBe(expected.status);
    if (expected.status === 2) expect(text.err).toEqual(runs.get(name)!.err);
    asserted++;
  });
});

describe("what the findings say", () => {
  const messages = (name: string): string[] => JSON.parse(runs.get(name)!.out).issues.map((i: { message: string }) => i.message);

  it("quotes <script> and <img onerror> cells as plain text, tags stripped", async () => {
    const [acceptance, action] = messages("html-in-cells.xlsx");
    expect(acceptance).toBe(
      `Recommendation 1, CWM: the acceptance "alert(1)" is not a known answer. Write Accepted, Partially accepted, Rejected, No response or Not applicable.`,
    );
    expect(action).toBe(`Recommendation 1, GCP: the recommendation is accepted but no planned action is given. Describe the action the unit will take.`);
    const text = await validateText(fixture("html-in-cells.xlsx"));
    expect(text.out).not.toMatch(/<script|<img|onerror|<b>/i);
  });

  it("writes a summary whose recommendation label has its tags stripped", async () => {
    const folder = await tempFolder();
    try {
      const out = folder.path("summary.xlsx");
      const run = await cli("summary", fixture("html-in-cells.xlsx"), "--out", out, ...AS_OF);
      expect(run.status).toBe(0);
      const ws = (await loadXlsx(out)).getWorksheet("Section 0 Summary")!;
      expect(ws.getCell("A7").value).toBe("1. alert(1)Recommendation 1: Strengthen quality control.");
    } finally {
      await folder.remove();
    }
  });

  it("quotes at most the first 100 characters of a 32,767-character cell, with an ellipsis", async () => {
    const [message] = messages("long-cells.xlsx");
    const start = "we accept most of this recommendation subject to funding and staff time, we accept most of this reco";
    expect(start).toHaveLength(QUOTE_LIMIT);
    expect(message).toBe(
      `Recommendation 1, CWM: the acceptance "${start}…" is not a known answer. Write Accepted, Partially accepted, Rejected, No response or Not applicable.`,
    );
    const text = await validateText(fixture("long-cells.xlsx"));
    for (const line of text.out.split("\n")) expect(line.length).toBeLessThan(400);
    expect(runs.get("long-cells.xlsx")!.out.length).toBeLessThan(1000);
  });

  it("reports #N/A and #REF! as unknown values, quoting them", () => {
    expect(messages("formula-errors.xlsx")).toEqual([
      `Recommendation 1, CWM: the acceptance "#N/A" is not a known answer. Write Accepted, Partially accepted, Rejected, No response or Not applicable.`,
      `Recommendation 1, GCP: the target date "#REF!" is not a full, unambiguous date. Write one date with day, month and year, such as 2025-12-31 or 31 December 2025 (for a quarter or a month, its last day).`,
      `Recommendation 1, GCP: the status "#N/A" in "Status" is not a known status. Write one of Not started, Planned, Under implementation, Implemented, Not implemented.`,
    ]);
  });

  it("reads NaN and Infinity in number cells as #NUM!", () => {
    expect(messages("non-finite-numbers.xlsx")[0]).toContain(`the target date "#NUM!" is not a full, unambiguous date`);
  });

  it("quotes sheet names with spaces in text addresses as Excel does", async () => {
    const text = await validateText(fixture("sheet-names.xlsx"));
    const lines = text.out.split("\n");
    expect(lines[0]).toBe(
      `${fixture("sheet-names.xlsx")}: canonical layout, sheet 'Management responses': 3 units, 1 recommendation, 2 response rows (as of 2025-06-30)`,
    );
    expect(lines).toContain("Accepted without a planned action: 1 error — 'Management responses'!D3 [missing-action]");
    expect(lines).toContain("Addressed unit has not answered: 1 error — Recommendations!A2 [missing-response]");
    expect(lines.some((l) => l.startsWith("  'Management responses'!D3  Recommendation 1, GCP:"))).toBe(true);
    expect(messages("sheet-names.xlsx")[1]).toContain(`but PTP has no row in 'Management responses'.`);
  });

  it("reads hidden sheets: the alias PTPU is found in the hidden Units sheet", () => {
    const run = runs.get("hidden-sheets.xlsx")!;
    expect(JSON.parse(run.out).issues.some((i: { rule: string }) => i.rule === "unknown-unit")).toBe(false);
  });

  it("gets through a used range reaching row 1,048,576 and column XFD in bounded time", async () => {
    const started = performance.now();
    const run = await validateJson(fixture("huge-used-range.xlsx"));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(outcomeOf(run, fixture("huge-used-range.xlsx"))).toEqual(EXPECTED["huge-used-range.xlsx"]);
  });
});

describe("regenerating the catalogue", () => {
  it("gives the same outcome for every file", async () => {
    const folder = await tempFolder();
    try {
      await makeHostileFixtures(folder.dir);
      for (const name of Object.keys(EXPECTED)) {
        const regenerated = outcomeOf(await validateJson(folder.path(name)), folder.path(name));
        expect([name, regenerated]).toEqual([name, outcomeOf(runs.get(name)!, fixture(name))]);
      }
      expect(await readFile(folder.path("README.md"), "utf8")).toBe(await readFile(join(FIXTURES, "README.md"), "utf8"));
    } finally {
      await folder.remove();
    }
  }, 60_000);
});

describe("the real command on hostile files", () => {
  // tsx itself rather than `npx tsx` (the same program), so npm's own warnings stay off stderr
  const TSX = join(process.cwd(), "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");
  const MAIN = join(process.cwd(), "src", "cli", "main.ts");

  /** Runs the CLI as a process with a time limit and a heap of at most 256 MB; a hang or a crash fails the test. */
  function runProcess(...args: string[]): Promise<{ status: number | string; stdout: string; stderr: string; killed: boolean }> {
    return new Promise((done) => {
      execFile(
        TSX,
        [MAIN, ...args],
        { timeout: 20_000, env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=256" } },
        (error, stdout, stderr) => {
          const status = error ? (typeof error.code === "number" ? error.code : String(error.code ?? error.signal)) : 0;
          done({ status, stdout, stderr, killed: error?.killed ?? false });
        },
      );
    });
  }

  it.each([
    ["huge-used-range.xlsx", 1],
    ["corrupt-zip.xlsx", 2],
    ["password-protected.xlsx", 2],
    ["html-in-cells.xlsx", 1],
  ])("%s: exit %i, no stack trace, within the time and memory limits", async (name, status) => {
    const run = await runProcess("validate", fixture(name), "--format", "json", ...AS_OF);
    expect(run.killed).toBe(false);
    expect(run.status).toBe(status);
    expect(run.stderr).not.toMatch(/^\s+at |\bError:|heap out of memory/m);
    const expected = EXPECTED[name];
    if (expected.status === 2) expect(run.stderr).toBe(`${expected.sentence.split("FILE").join(fixture(name))}\n`);
    else expect(outcomeOf({ status: run.status as number, out: run.stdout.trimEnd(), err: [] }, fixture(name))).toEqual(expected);
  }, 30_000);
});
