/**
 * The command line over .xlsx files written from random workbooks: `validate --format json` always prints JSON
 * of the shape of SPEC section 8 (or exits 2 with one sentence), and the text report never shows a stack trace.
 * Writing .xlsx files is slow, so this runs few cases.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, tempFolder, writeXlsx } from "../cli/files";
import { xlsxSafeWorkbook } from "./arbitraries";
import { casesLine, holdsAsync } from "./cases";

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => {
  folder = await tempFolder();
});
afterAll(async () => {
  await folder.remove();
  console.log(casesLine("command line"));
});

const ISSUE_KEYS = ["rule", "severity", "sheet", "cell", "recommendation", "unit", "message", "suggestion"];
const stringOrNull = (v: unknown) => v === null || typeof v === "string";

/** Exit 2: nothing on stdout, one line on stderr, a sentence with no stack trace. */
function expectOneSentence(out: string, err: string[]): void {
  expect(out).toBe("");
  expect(err).toHaveLength(1);
  expect(err[0]).not.toMatch(/\n|^\s*at |\bat .*:\d+:\d+|Error:/);
  expect(err[0]).toMatch(/[.!?]$/);
}

describe("validate over random .xlsx files", () => {
  it("prints one JSON object of the documented shape, or exits 2 with a sentence; the text report never fails", async () => {
    let n = 0;
    let reports = 0;
    await holdsAsync(
      "cli json",
      xlsxSafeWorkbook(30),
      async (wb) => {
        const file = folder.path(`random-${n++}.xlsx`);
        await writeXlsx(file, wb);
        const json = await cli("validate", file, "--format", "json", "--as-of", "2025-06-30");
        expect([0, 1, 2]).toContain(json.status);
        if (json.status === 2) {
          expectOneSentence(json.out, json.err);
        } else {
          expect(json.err).toEqual([]);
          expect(json.out.split("\n")).toHaveLength(1);
          const report = JSON.parse(json.out);
          reports++;
          expect(Object.keys(report)).toEqual(["file", "layout", "blocks", "counts", "issues"]);
          expect(report.file).toBe(file);
          expect(typeof report.layout).toBe("string");
          for (const block of report.blocks) {
            expect(Object.keys(block)).toEqual(["kind", "sheet", "range", "counts", "use"]);
            expect(block.range).toMatch(/^[A-Z]{1,3}[1-9]\d*:[A-Z]{1,3}[1-9]\d*$/);
            for (const n of Object.values(block.counts)) expect(Number.isInteger(n)).toBe(true);
          }
          expect(Object.keys(report.counts)).toEqual(["error", "warning", "info"]);
          for (const issue of report.issues) {
            expect(Object.keys(issue)).toEqual(ISSUE_KEYS);
            expect(["error", "warning", "info"]).toContain(issue.severity);
            expect(issue.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*$/);
            for (const key of ["rule", "sheet", "message"]) expect(typeof issue[key]).toBe("string");
            for (const key of ["recommendation", "unit", "suggestion"]) expect(stringOrNull(issue[key])).toBe(true);
          }
          for (const severity of ["error", "warning", "info"]) {
            expect(report.counts[severity]).toBe(report.issues.filter((i: { severity: string }) => i.severity === severity).length);
          }
          expect(json.status).toBe(report.counts.error > 0 ? 1 : 0);
        }
        const text = await cli("validate", file, "--as-of", "2025-06-30");
        expect(text.status).toBe(json.status);
        if (text.status === 2) expectOneSentence(text.out, text.err);
        else expect(text.out).not.toMatch(/\n\s+at |\[object|undefined/);
      },
      40,
    );
    // Most random workbooks are nearly canonical: the JSON report itself must be what is mostly checked.
    expect(reports).toBeGreaterThan(20);
  });
});
