// @vitest-environment jsdom
/**
 * The Unit sheets panel: the round to prepare, Prepare unit sheets, Merge unit sheets, and a choice per conflict;
 * with a fake gateway, then end to end through the real pane on the in-memory Excel host (a failure at each sync
 * says what to do, leaves the workbook as it was, and clicking again works).
 */

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { a1, type CellValue } from "../../src/core/grid";
import type { Conflict } from "../../src/core/round-trip/merge";
import { OfficeGateway } from "../../src/excel/office-gateway";
import { UserFacingError, type MergedUnitSheets, type Recognition } from "../../src/excel/gateway";
import { MemoryExcel, installMemoryExcel } from "../../src/memory-excel";
import { App } from "../../src/taskpane/App";
import { exampleBook } from "../core/round-trip/parts";
import { CODES, expectedMessage, recovers } from "../faults/scenarios";
import "./dom";
import { fakeGateway, RECOGNISED } from "./fake-gateway";

function renderPane(gateway: Parameters<typeof App>[0]["gateway"]) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} />
    </FluentProvider>,
  );
  // The round trip has its own tab
  fireEvent.click(screen.getByRole("tab", { name: "Unit sheets" }));
}

const panel = () => within(screen.getByRole("region", { name: "Unit sheets" }));

const CONFLICT: Conflict = {
  key: "2|GCP|action|x",
  recommendation: "2",
  unit: "GCP",
  header: "Planned action",
  cell: "D17",
  book: "Corrected by the office.",
  bookText: "Corrected by the office.",
  proposals: [{ value: "<b>GCP</b> staff check every certificate.", text: "GCP staff check every certificate.", from: [{ name: "the sheet 'GCP'", unit: "GCP", cell: "D16" }] }],
  taken: null,
  decided: false,
};

function merged(conflicts: Conflict[], extra: Partial<MergedUnitSheets> = {}): MergedUnitSheets {
  return {
    logSheet: "Merge log",
    round: "the response",
    parts: [
      { source: "book.xlsx", sheet: "CWM", name: "the sheet 'CWM'", unit: "CWM", added: 0, changed: 2, unchanged: 2, conflicting: 0, refused: 0, cells: ["D3", "L16"], refusedBecause: null, notes: [] },
      {
        source: "book.xlsx", sheet: "GCP", name: "the sheet 'GCP'", unit: "GCP", added: 0, changed: 0, unchanged: 3, conflicting: 1, refused: 0, cells: [], refusedBecause: null,
        notes: [{ kind: "warning", sentence: "The text of recommendation 2 was changed in the sheet 'GCP' (B16); the workbook keeps its own text and GCP's answers were merged. Check that they still fit the recommendation.", cell: "B16" }],
      },
    ],
    conflicts,
    totals: { added: 0, changed: 2, unchanged: 5, conflicting: 1, refused: 0 },
    responsesSheet: "Responses",
    ...extra,
  };
}

describe("Unit sheets panel", () => {
  it("offers the rounds the workbook has and prepares the chosen one", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway({ recognition: { ...RECOGNISED, rounds: ["response", "6 months", "1 year"] } as Recognition });
    gateway.prepareUnitSheets.mockResolvedValue({ sheets: ["CWM", "GCP"], round: "the 6 months follow-up", notAddressed: ["IT"], replaced: [] });
    renderPane(gateway);
    const round = await panel().findByRole("combobox", { name: "Round" });
    await waitFor(() => expect(within(round).getAllByRole("option").map((o) => o.textContent)).toEqual(["Response", "Status at 6 months", "Status at 1 year"]));
    await user.selectOptions(round, "6 months");
    await user.click(panel().getByRole("button", { name: "Prepare unit sheets" }));
    expect(gateway.prepareUnitSheets).toHaveBeenCalledWith("6 months");
    expect(
      await panel().findByText(
        'Prepared 2 unit sheets for the 6 months follow-up: CWM and GCP. Each is protected except the cells its unit fills in; share the workbook (or copy each sheet to its unit), then merge the answers back. No sheet for IT: no recommendation is addressed to it.',
      ),
    ).toBeTruthy();
  });

  it("shows what a merge came to, and a choice per conflict: keep the workbook's answer or take the unit's", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    gateway.mergeUnitSheets.mockResolvedValueOnce(merged([CONFLICT])).mockResolvedValueOnce(merged([{ ...CONFLICT, taken: CONFLICT.proposals[0], decided: true }]));
    renderPane(gateway);
    await user.click(await panel().findByRole("button", { name: "Merge unit sheets" }));
    expect(gateway.mergeUnitSheets).toHaveBeenLastCalledWith([]);
    expect(await panel().findByText('Merged 2 of 2 unit sheets for the response: 0 rows added, 2 changed, 5 unchanged, 1 conflicting, 0 refused. The sheet "Merge log" lists every cell.')).toBeTruthy();
    expect(within(panel().getByRole("list", { name: "Refused and warnings" })).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "Warning: The text of recommendation 2 was changed in the sheet 'GCP' (B16); the workbook keeps its own text and GCP's answers were merged. Check that they still fit the recommendation.",
    ]);
    const choice = panel().getByRole("radiogroup", { name: "Recommendation 2, GCP, Planned action (cell D17)" });
    const options = within(choice).getAllByRole("radio");
    expect(options.map((o) => (o as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      'Keep the workbook\'s "Corrected by the office."',
      `Take "GCP staff check every certificate." from the sheet 'GCP'`,
    ]);
    // the value is text: tags are stripped, never rendered
    expect(document.querySelector("b")).toBeNull();
    expect((options[0] as HTMLInputElement).checked).toBe(true);
    await user.click(options[1]);
    await user.click(panel().getByRole("button", { name: "Apply choices" }));
    expect(gateway.mergeUnitSheets).toHaveBeenLastCalledWith([{ key: CONFLICT.key, text: "GCP staff check every certificate." }]);
    expect(
      await panel().findByText(`Recommendation 2, GCP, Planned action (Responses!D17): Took "<b>GCP</b> staff check every certificate." from the sheet 'GCP'.`.replace("<b>GCP</b>", "GCP")),
    ).toBeTruthy();
    expect(panel().queryByRole("button", { name: "Apply choices" })).toBeNull();
  });

  it("keeping the workbook's answer is a choice too: the conflict is then decided", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    gateway.mergeUnitSheets.mockResolvedValue(merged([CONFLICT]));
    renderPane(gateway);
    await user.click(await panel().findByRole("button", { name: "Merge unit sheets" }));
    await user.click(await panel().findByRole("button", { name: "Apply choices" }));
    expect(gateway.mergeUnitSheets).toHaveBeenLastCalledWith([{ key: CONFLICT.key, text: "Corrected by the office." }]);
  });

  it("says what went wrong in a sentence, and keeps the pane usable", async () => {
    const user = userEvent.setup();
    vi.spyOn(console, "error").mockImplementation(() => {});
    const gateway = fakeGateway();
    gateway.mergeUnitSheets.mockRejectedValue(new UserFacingError("This workbook has no unit sheets to merge. Prepare unit sheets first."));
    renderPane(gateway);
    await user.click(await panel().findByRole("button", { name: "Merge unit sheets" }));
    expect(await panel().findByText("This workbook has no unit sheets to merge. Prepare unit sheets first.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Validate" }).hasAttribute("disabled")).toBe(false);
  });

  it("has no axe violations with a merge report and a conflict shown", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    gateway.mergeUnitSheets.mockResolvedValue(merged([CONFLICT]));
    renderPane(gateway);
    await user.click(await panel().findByRole("button", { name: "Merge unit sheets" }));
    await panel().findByRole("button", { name: "Apply choices" });
    const axe = (await import("axe-core")).default;
    const results = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

describe("Unit sheets through the real pane and the in-memory Excel", () => {
  let uninstall: (() => void) | null = null;
  beforeEach(() => void vi.spyOn(console, "error").mockImplementation(() => {}));
  afterEach(() => {
    uninstall?.();
    uninstall = null;
  });

  function start(): MemoryExcel {
    uninstall?.();
    const host = MemoryExcel.fromWorkbook(exampleBook());
    uninstall = installMemoryExcel(host);
    renderPane(new OfficeGateway({ today: () => "2025-07-01" }));
    return host;
  }

  async function idle(): Promise<void> {
    await waitFor(() => expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("false"));
  }

  async function type(host: MemoryExcel, sheet: string, cell: string, value: CellValue): Promise<void> {
    await host.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[value]];
      await context.sync();
    });
  }

  it("prepares the unit sheets, merges a unit's answers, and takes a unit's answer in a conflict", async () => {
    const user = userEvent.setup();
    const host = start();
    await idle();
    await user.click(panel().getByRole("button", { name: "Prepare unit sheets" }));
    await idle();
    await panel().findByText(/^Prepared 14 unit sheets for the response: CITSU, PTP/);
    // CWM changes its action for recommendation 1 (D15); the office corrects CWM's action for recommendation 2 meanwhile, and CWM too (D16).
    await type(host, "CWM", "D15", "Train all CWM staff by December.");
    await type(host, "CWM", "D16", "Quarterly checks.");
    await type(host, "Responses", a1(15, 3), "Corrected by the office.");
    await user.click(panel().getByRole("button", { name: "Merge unit sheets" }));
    await idle();
    const choice = await panel().findByRole("radiogroup", { name: "Recommendation 2, CWM, Planned action (cell D16)" });
    expect(host.cell("Responses", 2, 3)).toBe("Train all CWM staff by December.");
    expect(host.cell("Responses", 15, 3)).toBe("Corrected by the office.");
    await user.click(within(choice).getAllByRole("radio")[1]);
    await user.click(panel().getByRole("button", { name: "Apply choices" }));
    await idle();
    await panel().findByText(`Recommendation 2, CWM, Planned action (Responses!D16): Took "Quarterly checks." from the sheet 'CWM'.`);
    expect(host.cell("Responses", 15, 3)).toBe("Quarterly checks.");
  });

  it("a failure at any sync of prepare or merge says what to do, leaves the workbook as it was, and clicking again works", async () => {
    for (const [button, doing] of [["Prepare unit sheets", "prepare the unit sheets"], ["Merge unit sheets", "merge the unit sheets"]] as const) {
      for (let step = 1; step <= 4; step++) {
        const code = CODES[(step + (button.startsWith("Merge") ? 2 : 0)) % CODES.length];
        if (recovers(2, step, code)) continue; // read again in pieces: no failure
        const host = start();
        await idle();
        if (button.startsWith("Merge")) {
          await userEvent.setup().click(panel().getByRole("button", { name: "Prepare unit sheets" }));
          await idle();
          await type(host, "GCP", "D15", "A new plan.");
        }
        const was = host.workbookGrids();
        const user = userEvent.setup();
        host.failSyncAt(host.syncCount + step, code, { applyFirst: step % 2 === 0 ? 1 : 0 });
        await user.click(panel().getByRole("button", { name: button }));
        await idle();
        const what = `${button}: sync ${step} fails with ${code}`;
        expect(await panel().findByText(expectedMessage(code, doing)), what).toBeTruthy();
        expect(host.workbookGrids(), what).toEqual(was);
        await user.click(panel().getByRole("button", { name: button }));
        await idle();
        expect(panel().queryByText(expectedMessage(code, doing)), what).toBeNull();
        await panel().findByText(button.startsWith("Merge") ? /^Merged 14 of 14 unit sheets/ : /^Prepared 14 unit sheets/);
        document.body.innerHTML = "";
      }
    }
  }, 120_000);
});
