/**
 * `npm run demo`: the example workbook (the management response to a UNITAR evaluation) end to end through the command line —
 * write it, validate it, summarise it — as of a fixed date, so every run prints the same report.
 */

import { mkdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { run, type CliIo } from "./main";

const AS_OF = "2025-06-30";
const OUT = resolve("out");
const workbook = join(OUT, "example-management-response.xlsx");
const summary = join(OUT, "example-management-response-summary.xlsx");
const shown = (p: string) => relative(process.cwd(), p) || p;

const io: CliIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};

async function step(title: string, argv: string[]): Promise<number> {
  console.log(`\n$ response-matrix ${argv.join(" ")}    # ${title}`);
  const status = await run(argv, io);
  if (status === 2) {
    console.error(`The demo stopped: the step "${title}" failed.`);
    process.exit(2);
  }
  return status;
}

await mkdir(OUT, { recursive: true });
await step("the example workbook", ["template", "--out", shown(workbook), "--example"]);
await step("check it", ["validate", shown(workbook), "--as-of", AS_OF]);
await step("write the Section 0 summary", ["summary", shown(workbook), "--out", shown(summary), "--as-of", AS_OF]);

console.log(`
Files written:
  ${workbook}
      the example response matrix: sheets Units, Recommendations and Responses, with dropdowns
  ${summary}
      a copy of it with the "Section 0 Summary" sheet (as of ${AS_OF})
Open them in Excel (or LibreOffice Calc), e.g. \`open ${shown(summary)}\` on macOS, \`start ${shown(summary)}\` on Windows,
\`xdg-open ${shown(summary)}\` on Linux. The same checks run in Excel through the add-in (npm start).`);
