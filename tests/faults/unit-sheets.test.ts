/**
 * Fault injection for Prepare unit sheets and Merge unit sheets: every sync made to fail, with every Excel error
 * code, with nothing, part or all of the request applied first (Excel is not transactional). Each time the user
 * gets a sentence, the workbook is as it was (values, sheets, defined names), and the next attempt works.
 * Prepare over earlier unit sheets may lose those (already merged) sheets only when the request that replaces
 * them is the one that failed part-way, as the summary does.
 */

import { afterAll, afterEach, describe, expect, test } from "vitest";
import { a1, type CellValue, type Workbook } from "../../src/core/grid";
import { mergeParts } from "../../src/core/round-trip/merge";
import { splitBook } from "../../src/core/round-trip/split";
import { UserFacingError } from "../../src/excel/gateway";
import { OfficeGateway } from "../../src/excel/office-gateway";
import { MemoryExcel, installMemoryExcel } from "../../src/memory-excel";
import { applied, trimmedRows } from "../core/round-trip/parts";
import { book, goodRow } from "../core/workbooks";
import { CODES, TODAY, before, expectSentence, expectedMessage, recovers, type Before } from "./scenarios";

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});
let injected = 0;
afterAll(() => console.log(`fault injection: ${injected} injected faults across prepare and merge unit sheets`));

/** CWM and GCP have answered both recommendations; PTP has not answered yet. */
function smallBook(): Workbook {
  return book({ responses: [goodRow("1", "CWM"), goodRow("1", "GCP"), goodRow("2", "CWM"), goodRow("2", "GCP", { action: "" })] });
}
const UNITS = ["CWM", "GCP", "PTP"];

async function typeInto(host: MemoryExcel, sheet: string, number: string, header: string, value: CellValue): Promise<void> {
  const rows = host.sheetGrid(sheet).rows;
  const h = rows.findIndex((r) => r[0] === "No.");
  const r = rows.findIndex((row, i) => i > h && row[0] === number);
  await host.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(a1(r, rows[h].indexOf(header))).values = [[value]];
    await context.sync();
  });
}

interface Scenario {
  name: string;
  doing: string;
  /** Brings the host to the starting state, without faults. */
  start(gateway: OfficeGateway, host: MemoryExcel): Promise<void>;
  run(gateway: OfficeGateway): Promise<unknown>;
  /** The workbook after a successful run from the starting state (`was`). */
  expectDone(host: MemoryExcel, was: Before): void;
  /** Sheets a partly applied replacing request may delete (unit sheets already merged). */
  mayLose?: string[];
}

/** The unit sheets written for the round, exactly as the core makes them. */
function expectUnitSheets(host: MemoryExcel, was: Before, round: string): void {
  const parts = splitBook(was.grids, { made: TODAY, round }).parts;
  for (const part of parts) expect(trimmedRows(host.sheetGrid(part.spec.name))).toEqual(trimmedRows({ name: "", rows: part.spec.cells }));
  expect(host.sheetNames().filter((n) => !UNITS.includes(n))).toEqual(was.names.filter((n) => !UNITS.includes(n)));
}

/** Responses as the core merges the starting workbook, and the log holding one block more. */
function expectMerged(host: MemoryExcel, was: Before): void {
  const result = mergeParts(was.grids, [{ source: was.grids.name ?? "", workbook: was.grids, kind: "workbook" }]);
  expect(result.changes.length).toBeGreaterThan(0);
  const responses = applied(was.grids, result.changes).sheets.find((s) => s.name === "Responses")!;
  expect(trimmedRows(host.sheetGrid("Responses"))).toEqual(trimmedRows(responses));
  const blocks = (rows: CellValue[][]) => rows.filter((r) => String(r[0] ?? "").startsWith("Merge of ")).length;
  const earlier = was.grids.sheets.find((s) => s.name === "Merge log");
  expect(blocks(host.sheetGrid("Merge log").rows)).toBe((earlier ? blocks(earlier.rows) : 0) + 1);
}

const filled = async (gateway: OfficeGateway, host: MemoryExcel) => {
  await gateway.prepareUnitSheets("response");
  await typeInto(host, "PTP", "1", "Acceptance", "Accepted");
  await typeInto(host, "PTP", "1", "Planned action", "Train the trainers.");
  await typeInto(host, "GCP", "2", "Planned action", "Spot checks.");
};

const SCENARIOS: Scenario[] = [
  {
    name: "prepare",
    doing: "prepare the unit sheets",
    start: async () => {},
    run: (gateway) => gateway.prepareUnitSheets("response"),
    expectDone: (host, was) => expectUnitSheets(host, was, "response"),
  },
  {
    name: "prepare over merged unit sheets",
    doing: "prepare the unit sheets",
    start: async (gateway, host) => {
      await filled(gateway, host);
      await gateway.mergeUnitSheets([]);
    },
    run: (gateway) => gateway.prepareUnitSheets("6 months"),
    expectDone: (host, was) => expectUnitSheets(host, was, "6 months"),
    mayLose: UNITS,
  },
  {
    name: "merge",
    doing: "merge the unit sheets",
    start: filled,
    run: (gateway) => gateway.mergeUnitSheets([]),
    expectDone: expectMerged,
  },
  {
    name: "merge under an earlier Merge log",
    doing: "merge the unit sheets",
    start: async (gateway, host) => {
      await gateway.prepareUnitSheets("response");
      await typeInto(host, "PTP", "2", "Acceptance", "Rejected");
      await gateway.mergeUnitSheets([]);
      await typeInto(host, "PTP", "1", "Acceptance", "Accepted");
      await typeInto(host, "PTP", "1", "Comments", "Budget permitting.");
    },
    run: (gateway) => gateway.mergeUnitSheets([]),
    expectDone: expectMerged,
  },
  {
    // Responses an Excel table with formats and a dropdown; GCP's action to recommendation 2 a formula the merge
    // writes over; PTP's answers go into new rows added to the table
    name: "merge into the Responses table, over a formula",
    doing: "merge the unit sheets",
    start: async (gateway, host) => {
      await host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Responses");
        sheet.tables.add("A1:K5", true);
        sheet.getRange("C2:C5").dataValidation.rule = { list: { inCellDropDown: true, source: "Accepted,Rejected" } };
        sheet.getRange("G2:G5").numberFormat = [["yyyy-mm-dd"], ["yyyy-mm-dd"], ["yyyy-mm-dd"], ["yyyy-mm-dd"]];
        sheet.getRange("A2:K5").format.fill.color = "#FFF2CC";
        sheet.getRange("D5").formulas = [['=B5&" spot checks"']];
        await context.sync();
      });
      await gateway.prepareUnitSheets("response");
      await typeInto(host, "PTP", "1", "Acceptance", "Accepted");
      await typeInto(host, "PTP", "1", "Target date", "2026-03-31");
      await typeInto(host, "PTP", "2", "Acceptance", "Rejected");
      await typeInto(host, "GCP", "2", "Planned action", "Spot checks.");
    },
    run: (gateway) => gateway.mergeUnitSheets([]),
    expectDone: (host, was) => {
      expectMerged(host, was);
      const responses = host.sheet("Responses");
      expect(responses.tables[0].rect.bottom).toBe(6);
      expect(responses.formulas.size).toBe(0);
      expect(host.cellFormat("Responses", 5, 6)).toEqual({ numberFormat: "yyyy-mm-dd", fill: "#FFF2CC" });
    },
  },
];

/** What the values leave out of Responses: its tables, formulas, cell formats (a number format "General" as none) and dropdowns. */
function responsesState(host: MemoryExcel) {
  const sheet = host.sheet("Responses");
  const formats = [...sheet.formats]
    .map(([key, f]) => {
      const { numberFormat, ...rest } = f;
      return [key, numberFormat && numberFormat !== "General" ? f : rest] as const;
    })
    .filter(([, f]) => Object.keys(f).length > 0)
    .sort((a, b) => a[0] - b[0]);
  return { tables: sheet.tables, formulas: [...sheet.formulas].sort((a, b) => a[0] - b[0]), formats, validations: sheet.validations };
}

async function started(scenario: Scenario): Promise<{ host: MemoryExcel; gateway: OfficeGateway }> {
  uninstall?.();
  const host = MemoryExcel.fromWorkbook(smallBook());
  uninstall = installMemoryExcel(host);
  const gateway = new OfficeGateway({ today: () => TODAY });
  await scenario.start(gateway, host);
  return { host, gateway };
}

/** How many operations of the failing request are applied first: none, one, half, all but one, all. */
function prefixes(operations: number): number[] {
  return [...new Set([0, Math.min(1, operations), Math.floor(operations / 2), Math.max(operations - 1, 0), operations])];
}

describe.each(SCENARIOS)("$name", (scenario) => {
  test("runs in 2 syncs to read and 2 to write", async () => {
    const { host, gateway } = await started(scenario);
    const first = host.syncCount;
    const was = before(host);
    await scenario.run(gateway);
    expect(host.syncCount - first).toBe(4);
    scenario.expectDone(host, was);
  });

  test("every sync, every code, every partial request: a sentence, the workbook as it was, and the next attempt works", async () => {
    const clean = await started(scenario);
    const first = clean.host.syncCount;
    await scenario.run(clean.gateway);
    const steps = clean.host.requestOperations.slice(first);
    let lostSome = false;
    for (let step = 1; step <= steps.length; step++) {
      for (const code of CODES) {
        for (const applyFirst of prefixes(steps[step - 1])) {
          const what = `${scenario.name}: sync ${step} fails with ${code} after ${applyFirst} operations`;
          const { host, gateway } = await started(scenario);
          const was = before(host);
          const state = structuredClone(responsesState(host));
          host.failSyncAt(host.syncCount + step, code, { applyFirst });
          const error = await scenario.run(gateway).then(() => null, (e: unknown) => e);
          injected++;
          if (recovers(2, step, code)) {
            // the workbook's values are read at sync 2: a too-large read, or one with merged areas, is read again in pieces
            expect(error, what).toBeNull();
            scenario.expectDone(host, was);
            continue;
          }
          expect(error, what).toBeInstanceOf(UserFacingError);
          expect((error as Error).message, what).toBe(expectedMessage(code, scenario.doing));
          expectSentence((error as Error).message, code);

          const now = host.workbookGrids();
          const lost = was.names.filter((n) => !host.sheetNames().includes(n));
          if (lost.length) {
            expect(step === 4 && applyFirst > 0, `${what}: lost ${lost.join(", ")}`).toBe(true);
            expect(lost.every((n) => scenario.mayLose?.includes(n)), what).toBe(true);
            lostSome = true;
          }
          expect(host.sheetNames(), what).toEqual(was.names.filter((n) => !lost.includes(n)));
          expect(now.sheets, what).toEqual(was.grids.sheets.filter((s) => !lost.includes(s.name)));
          expect(host.definedNames(), what).toEqual(was.definedNames);
          expect(responsesState(host), `${what}: Responses' tables, formulas, formats, dropdowns`).toEqual(state);

          // Once lost, the merged unit sheets are not needed to prepare the next round: it starts from Responses.
          await scenario.run(gateway);
          scenario.expectDone(host, { ...was, names: was.names.filter((n) => !lost.includes(n)) });
        }
      }
    }
    if (scenario.mayLose) expect(lostSome).toBe(true);
  }, 120_000);
});
