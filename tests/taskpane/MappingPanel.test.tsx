// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Workbook } from "../../src/core/grid";
import { proposeMapping } from "../../src/core/layouts/mapped";
import type { Mapping, Settings } from "../../src/core/model";
import { App } from "../../src/taskpane/App";
import { UserFacingError } from "../../src/excel/gateway";
import "./dom";
import { fakeGateway } from "./fake-gateway";


/** A Units sheet, and answers under headers no layout knows, below a title. */
const WORKBOOK: Workbook = {
  sheets: [
    { name: "Units", rows: [["Code", "Name", "Division"], ["CWM", "Chemicals", "Planet"]] },
    {
      name: "Feedback",
      rows: [
        ["Evaluation of training: answers received"],
        [],
        ["Unit name", "No.", "Réponse", "What we will do", "By when", "Progress", "Six-month check"],
        ["CWM", "1", "Accepted", "Train staff.", "2030-12-31", "Planned", ""],
      ],
    },
  ],
};

const NONE = { kind: "none" as const, reason: 'No sheet has the columns "Unit" and "Acceptance" that a table of responses needs.' };
const DEFAULTS: Settings = { summaryBy: "division", severityOverrides: {} };

function renderPane(options: Parameters<typeof fakeGateway>[0] = {}) {
  const gateway = fakeGateway({ recognition: NONE, sheets: proposeMapping(WORKBOOK), ...options });
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} />
    </FluentProvider>,
  );
  return gateway;
}

/** The pane loaded, Settings opened; the "Sheet and columns" section. */
async function openSection(options: Parameters<typeof fakeGateway>[0] = {}) {
  const user = userEvent.setup();
  const gateway = renderPane(options);
  await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^No response matrix found/));
  await user.click(screen.getByRole("tab", { name: "Settings" }));
  const section = screen.getByRole("region", { name: "Sheet and columns" });
  return { gateway, user, section };
}

/** Opens the chooser and waits for the sheets. */
async function choose(user: ReturnType<typeof userEvent.setup>, section: HTMLElement) {
  await user.click(within(section).getByRole("button", { name: "Choose the sheet and columns" }));
  return screen.findByRole("form", { name: "Sheet and columns" });
}

const select = (form: HTMLElement, name: string) => within(form).getByRole("combobox", { name }) as HTMLSelectElement;

describe("Settings → Sheet and columns", () => {
  it("shows what was recognised, then the sheet, header row and columns the headers suggest", async () => {
    const { gateway, user, section } = await openSection();
    expect(within(section).getByText("Nothing was recognised automatically: say which sheet and columns hold the responses.")).toBeTruthy();
    const form = await choose(user, section);
    expect(gateway.describeSheets).toHaveBeenCalledTimes(1);
    expect(select(form, "Sheet").value).toBe("Feedback");
    expect((within(form).getByRole("spinbutton", { name: "Header row" }) as HTMLInputElement).value).toBe("3");
    expect(select(form, "No.").value).toBe("B");
    expect(select(form, "Unit").value).toBe("A");
    expect(select(form, "Acceptance").value).toBe("");
    expect(select(form, "Planned action").value).toBe("");
    expect(within(select(form, "Acceptance")).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Choose a column",
      "A — Unit name",
      "B — No.",
      "C — Réponse",
      "D — What we will do",
      "E — By when",
      "F — Progress",
      "G — Six-month check",
    ]);
    expect(within(select(form, "Comments")).getAllByRole("option")[0].textContent).toBe("None");
    // Follow-ups are offered among the columns not yet given a role
    const followUps = within(form).getByRole("group", { name: "Follow-up status columns" });
    expect(within(followUps).getAllByRole("checkbox").map((c) => c.closest("span, div")?.textContent)).toEqual([
      "C — Réponse",
      "D — What we will do",
      "E — By when",
      "F — Progress",
      "G — Six-month check",
    ]);
  });

  it("saves the chosen sheet and columns in the workbook, and Validate reads with them", async () => {
    const { gateway, user, section } = await openSection();
    const form = await choose(user, section);
    await user.selectOptions(select(form, "Acceptance"), "C");
    await user.selectOptions(select(form, "Planned action"), "D");
    await user.selectOptions(select(form, "Target date"), "E");
    await user.selectOptions(select(form, "Status"), "F");
    await user.click(within(form).getByRole("checkbox", { name: "G — Six-month check" }));
    await user.click(within(form).getByRole("button", { name: "Save" }));

    const mapping: Mapping = {
      sheet: "Feedback",
      headerRow: 3,
      columns: { number: "B", unit: "A", acceptance: "C", action: "D", targetDate: "E", status: "F" },
      followUps: ["G"],
    };
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenLastCalledWith({ ...DEFAULTS, mapping }));
    // The status line is read again through the saved mapping
    await waitFor(() => expect(gateway.recognise).toHaveBeenCalledTimes(2));
    expect(within(section).getByText(/^Saved in the workbook\. Validate and Generate summary will read the sheet 'Feedback'/)).toBeTruthy();
    expect(within(section).getByText("Your column mapping is used: sheet 'Feedback', headers in row 3.")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect(gateway.validate).toHaveBeenLastCalledWith({ ...DEFAULTS, mapping });
  });

  it("does not save without a column for each of No., Unit and Acceptance, and says which is missing", async () => {
    const { gateway, user, section } = await openSection();
    const form = await choose(user, section);
    await user.click(within(form).getByRole("button", { name: "Save" }));
    expect(within(form).getByText('Choose which column holds "Acceptance".')).toBeTruthy();
    expect(within(form).getByText('Choose a column for "Acceptance" before saving.')).toBeTruthy();
    expect(gateway.saveSettings).not.toHaveBeenCalled();
  });

  it("guesses the columns again when another sheet or header row is chosen", async () => {
    const { user, section } = await openSection();
    const form = await choose(user, section);
    await user.selectOptions(select(form, "Sheet"), "Units");
    expect((within(form).getByRole("spinbutton", { name: "Header row" }) as HTMLInputElement).value).toBe("1");
    expect(select(form, "Unit").value).toBe("A"); // `Code` names the unit when no header says Unit
    await user.selectOptions(select(form, "Sheet"), "Feedback");
    fireEvent.change(within(form).getByRole("spinbutton", { name: "Header row" }), { target: { value: "4" } });
    expect(select(form, "No.").value).toBe("");
    expect(select(form, "Acceptance").value).toBe("C"); // the data row says `Accepted`
    fireEvent.change(within(form).getByRole("spinbutton", { name: "Header row" }), { target: { value: "9" } });
    expect(within(form).getByText("Enter a row number from 1 to 4.")).toBeTruthy();
    expect((within(form).getByRole("button", { name: "Save" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("starts from the saved mapping, and Use automatic recognition removes it", async () => {
    const saved: Mapping = { sheet: "Feedback", headerRow: 3, columns: { number: "B", unit: "A", acceptance: "C" }, followUps: [] };
    const { gateway, user, section } = await openSection({ settings: { ...DEFAULTS, mapping: saved } });
    const form = await choose(user, section);
    expect(select(form, "Acceptance").value).toBe("C");
    await user.click(within(form).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("form", { name: "Sheet and columns" })).toBeNull();

    await user.click(within(section).getByRole("button", { name: "Use automatic recognition" }));
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenLastCalledWith(DEFAULTS));
    expect(within(section).getByText("Automatic recognition is used again.")).toBeTruthy();
    expect(within(section).queryByRole("button", { name: "Use automatic recognition" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect(gateway.validate).toHaveBeenLastCalledWith(DEFAULTS);
  });

  it("says what went wrong when the sheets cannot be read", async () => {
    const { gateway, user, section } = await openSection();
    vi.spyOn(console, "error").mockImplementation(() => {});
    gateway.describeSheets.mockRejectedValueOnce(new UserFacingError("Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again."));
    await user.click(within(section).getByRole("button", { name: "Choose the sheet and columns" }));
    expect(await within(section).findByText("Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.")).toBeTruthy();
    expect(screen.queryByRole("form", { name: "Sheet and columns" })).toBeNull();
  });

  it("is usable by keyboard and has no axe violations with the chooser open", async () => {
    const { gateway, user, section } = await openSection();
    within(section).getByRole("button", { name: "Choose the sheet and columns" }).focus();
    await user.keyboard("{Enter}");
    const form = await screen.findByRole("form", { name: "Sheet and columns" });
    const axe = (await import("axe-core")).default;
    const results = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    // Screen readers announce the three required roles as required, and only them
    const required = within(form).getAllByRole("combobox").filter((s) => (s as HTMLSelectElement).required);
    expect(required.map((s) => s.closest("div")?.querySelector("label")?.textContent?.replace(/\s*\*$/, ""))).toEqual(["No.", "Unit", "Acceptance"]);

    // Native selects take the keyboard as the browser gives it; Save submits the form on Enter
    await user.selectOptions(select(form, "Acceptance"), "C");
    within(form).getByRole("button", { name: "Save" }).focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenCalledTimes(1));
    expect(gateway.saveSettings.mock.calls[0][0].mapping?.columns.acceptance).toBe("C");
  });
});
