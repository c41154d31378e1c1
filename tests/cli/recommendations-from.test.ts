import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsxFile } from "../../src/cli/xlsx-read";
import { readWorkbook } from "../../src/core/read";
import { validate } from "../../src/core/validate";
import { cli, tempFolder } from "./files";

const SEED004 = fileURLToPath(new URL("../fixtures/seeds/seed004.txt", import.meta.url));

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => {
  folder = await tempFolder();
});
afterAll(async () => {
  await folder.remove();
});

/** Expects exactly one line on stderr, a sentence, and no stack trace. */
function expectOneSentence(err: string[]): void {
  expect(err).toHaveLength(1);
  expect(err[0]).not.toMatch(/\n|^\s*at |Error:/);
  expect(err[0]).toMatch(/\.$/);
}

describe("template --recommendations-from", () => {
  it("writes the template with Recommendations filled from the report's text, which reads back as the canonical workbook", async () => {
    const out = folder.path("iom.xlsx");
    const { status, out: printed, err } = await cli("template", "--out", out, "--recommendations-from", SEED004);
    expect(err).toEqual([]);
    expect(status).toBe(0);
    expect(printed).toBe(
      `Wrote ${out} (sheets Units, Recommendations, Responses, with the 23 recommendations of ${SEED004}; fill in whom each is addressed to).`,
    );

    const { workbook } = await readXlsxFile(out);
    const recs = workbook.sheets.find((s) => s.name === "Recommendations")!;
    const header = recs.rows.findIndex((r) => r[0] === "No.");
    expect(recs.rows[header]).toEqual(["No.", "Recommendation", "Priority", "Category", "Addressed to"]);
    const rows = recs.rows.slice(header + 1);
    expect(rows.map((r) => r[0])).toEqual([
      "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13a", "13b", "13c", "13d", "14", "15", "16", "17", "18", "19", "20",
    ]);
    expect(rows[1].slice(2)).toEqual(["High", "Internal organization and coordination within IOM"]);
    expect(String(rows[0][1]).startsWith("Organize a regional meeting once a year")).toBe(true);
    expect(rows.every((r) => (r[4] ?? "") === "")).toBe(true);

    const matrix = readWorkbook(workbook, { asOf: "2025-06-30" });
    expect(matrix.layout).toBe("canonical");
    expect(matrix.recommendations.map((r) => r.number)).toHaveLength(23);
    expect(matrix.recommendations.filter((r) => r.priority === "High").map((r) => r.number)).toEqual(["2", "5", "6", "7", "12", "17", "20"]);
    expect(validate(matrix)).toEqual([]);
  });

  it("refuses --example with it: one sentence, exit 2", async () => {
    const { status, err } = await cli("template", "--out", folder.path("both.xlsx"), "--example", "--recommendations-from", SEED004);
    expect(status).toBe(2);
    expectOneSentence(err);
    expect(err[0]).toBe("Give either --example or --recommendations-from, not both.");
  });

  it("says so when the text file does not exist, or holds no numbered recommendation", async () => {
    const missing = folder.path("no-such-report.txt");
    let result = await cli("template", "--out", folder.path("x.xlsx"), "--recommendations-from", missing);
    expect(result.status).toBe(2);
    expectOneSentence(result.err);
    expect(result.err[0]).toBe(`The file "${missing}" does not exist; check the name and the folder.`);

    const prose = folder.path("prose.txt");
    await writeFile(prose, "The project responded well to the needs of both countries.\n");
    result = await cli("template", "--out", folder.path("y.xlsx"), "--recommendations-from", prose);
    expect(result.status).toBe(2);
    expectOneSentence(result.err);
    expect(result.err[0]).toContain(`No numbered recommendations ("1) ...", "(1) ...", "1. ...") were found in "${prose}"`);
  });

  it("is in the help, and the option needs its file name", async () => {
    expect((await cli("--help")).out).toContain("response-matrix template --out <out.xlsx> --recommendations-from <report.txt>");
    const { status, err } = await cli("template", "--out", folder.path("z.xlsx"), "--recommendations-from");
    expect(status).toBe(2);
    expect(err).toEqual([`The option --recommendations-from needs a value. Run "response-matrix --help" to see how to use it.`]);
  });

  it("does not apply to validate", async () => {
    const { status, err } = await cli("validate", "x.xlsx", "--recommendations-from", SEED004);
    expect(status).toBe(2);
    expect(err[0]).toBe(`The option --recommendations-from does not apply to "validate". Run "response-matrix --help" to see how to use it.`);
  });
});
