// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { PAGE_SIZE } from "../../src/taskpane/IssueList";
import { UserFacingError } from "../../src/excel/gateway";
import type { ValidationResult } from "../../src/excel/gateway";
import "./dom";
import { fakeGateway, finding, resultOf } from "./fake-gateway";


// Column D (3) is Planned action, G (6) Target date, B (1) Unit, as in the canonical Responses sheet.
const FINDINGS = [
  finding("missing-action", "error", 6, 3, "1", "CWM", "Recommendation 1, CWM: the recommendation is accepted but no planned action is given. Describe the action the unit will take."),
  finding("missing-date", "warning", 6, 6, "1", "CWM", "Recommendation 1, CWM: no target date is given. Add the date by which the action will be done."),
  finding("missing-action", "error", 8, 3, "2", "GCP", "Recommendation 2, GCP: the recommendation is accepted but no planned action is given. Describe the action the unit will take."),
  finding("unknown-unit", "error", 9, 1, "2", null, "Recommendation 2: the unit \"XYZ\" is not in the Units sheet. Add it there or correct the name."),
  finding("update-due", "info", 10, 8, "3", "GCP", "Recommendation 3, GCP: the 6-month status is due. Ask the unit for an update."),
];

function renderPane(gateway = fakeGateway({ result: resultOf(FINDINGS) })) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} />
    </FluentProvider>,
  );
  return gateway;
}

/** The pane after loading, with Validate clicked and its result shown. */
async function validated(result: ValidationResult = resultOf(FINDINGS)) {
  const user = userEvent.setup();
  const gateway = renderPane(fakeGateway({ result }));
  await screen.findByText("Found: canonical layout, 14 units, 5 recommendations");
  await user.click(screen.getByRole("button", { name: "Validate" }));
  await screen.findByRole("heading", { name: "Issues" });
  return { gateway, user };
}

function issueButtons() {
  return within(screen.getByRole("region", { name: "Issues" }))
    .getAllByRole("listitem")
    .map((item) => within(item).getByRole("button"));
}

function headings(level: number) {
  return screen.getAllByRole("heading", { level }).map((h) => h.textContent);
}

describe("status line", () => {
  it("says what was recognised", async () => {
    renderPane();
    expect(await screen.findByText("Found: canonical layout, 14 units, 5 recommendations")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Found: canonical layout, 14 units, 5 recommendations");
  });

  it("invites to create a template when no layout was found, giving the reason", async () => {
    renderPane(fakeGateway({ recognition: { kind: "none", reason: "No sheet has a Recommendation and an Acceptance column" } }));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(
        "No response matrix found: No sheet has a Recommendation and an Acceptance column. Create a template below to start one.",
      ),
    );
  });
});

describe("Validate", () => {
  it("validates with the settings loaded from the workbook", async () => {
    const user = userEvent.setup();
    const settings = { summaryBy: "unit" as const, asOf: "2025-06-30", severityOverrides: { overdue: "off" as const } };
    const gateway = renderPane(fakeGateway({ settings }));
    await screen.findByText("Found: canonical layout, 14 units, 5 recommendations");
    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect(gateway.validate).toHaveBeenCalledWith(settings);
  });

  it("shows the counts by severity in words", async () => {
    await validated();
    const issues = screen.getByRole("region", { name: "Issues" });
    expect(within(issues).getByText("3 errors")).toBeTruthy();
    expect(within(issues).getByText("1 warning")).toBeTruthy();
    expect(within(issues).getByText("1 note")).toBeTruthy();
  });

  it("groups the issues by rule, in the order of the rule list, and counts alike findings in one column", async () => {
    await validated();
    expect(headings(3)).toEqual(["missing-action (2)", "unknown-unit (1)", "missing-date (1)", "update-due (1)"]);
    expect(screen.getByText("missing-action in 2 rows of column D")).toBeTruthy();
    const group = screen.getByRole("region", { name: "missing-action (2)" });
    const items = within(group).getAllByRole("listitem");
    expect(items.map((i) => i.textContent)).toEqual([
      "Error: Recommendation 1, CWM: the recommendation is accepted but no planned action is given. Describe the action the unit will take.Responses!D7 · Recommendation 1 · CWM · missing-action",
      "Error: Recommendation 2, GCP: the recommendation is accepted but no planned action is given. Describe the action the unit will take.Responses!D9 · Recommendation 2 · GCP · missing-action",
    ]);
  });

  it("says so when there is nothing to fix", async () => {
    await validated(resultOf([]));
    expect(screen.getByText("No issues found.")).toBeTruthy();
    expect(screen.getByText("0 errors")).toBeTruthy();
  });

  it("groups by unit and by recommendation", async () => {
    const { user } = await validated();
    await user.selectOptions(screen.getByRole("combobox", { name: "Group by" }), "unit");
    expect(headings(3)).toEqual(["CWM (2)", "GCP (2)", "No unit (1)"]);
    const gcp = screen.getByRole("region", { name: "GCP (2)" });
    expect(within(gcp).getAllByRole("listitem").map((i) => i.textContent?.split("·")[0].split(".").pop())).toEqual([
      "Responses!D9 ",
      "Responses!I11 ",
    ]);

    await user.selectOptions(screen.getByRole("combobox", { name: "Group by" }), "recommendation");
    expect(headings(3)).toEqual(["Recommendation 1 (2)", "Recommendation 2 (2)", "Recommendation 3 (1)"]);
  });

  it("hides the issues of a severity when its box is unticked, and shows them again", async () => {
    const { user } = await validated();
    await user.click(screen.getByRole("checkbox", { name: "Warnings" }));
    expect(headings(3)).toEqual(["missing-action (2)", "unknown-unit (1)", "update-due (1)"]);
    expect(issueButtons()).toHaveLength(4);
    await user.click(screen.getByRole("checkbox", { name: "Errors" }));
    await user.click(screen.getByRole("checkbox", { name: "Notes" }));
    expect(screen.getByText("No issues of the selected severities.")).toBeTruthy();
    expect(screen.getByText("3 errors")).toBeTruthy();
    await user.click(screen.getByRole("checkbox", { name: "Warnings" }));
    expect(headings(3)).toEqual(["missing-date (1)"]);
  });

  it("selects the cell of an issue when it is clicked", async () => {
    const { gateway, user } = await validated();
    await user.click(screen.getByRole("button", { name: /Responses!D9/ }));
    expect(gateway.selectCell).toHaveBeenCalledTimes(1);
    expect(gateway.selectCell).toHaveBeenCalledWith({ sheet: "Responses", row: 8, col: 3 });
  });

  it("selects the cell of an issue from the keyboard with Enter or Space", async () => {
    const { gateway, user } = await validated();
    const button = screen.getByRole("button", { name: /Responses!G7/ });
    button.focus();
    await user.keyboard("{Enter}");
    expect(gateway.selectCell).toHaveBeenLastCalledWith({ sheet: "Responses", row: 6, col: 6 });
    screen.getByRole("button", { name: /Responses!B10/ }).focus();
    await user.keyboard(" ");
    expect(gateway.selectCell).toHaveBeenLastCalledWith({ sheet: "Responses", row: 9, col: 1 });
    expect(gateway.selectCell).toHaveBeenCalledTimes(2);
  });

  it("quotes sheet names with spaces in addresses", async () => {
    await validated(resultOf([finding("missing-response", "error", 3, 2, "4", "CWM", "Recommendation 4, CWM: no answer.", "Section III")]));
    expect(screen.getByRole("button", { name: /'Section III'!C4/ })).toBeTruthy();
  });

  it("shows cell text with markup as plain text, creating no element from it", async () => {
    const message = 'Recommendation 1, <img src="x" onerror="window.hacked = true">CWM: <script>window.hacked = true</script>the action &lt;b&gt;TBD&lt;/b&gt; is a placeholder.';
    await validated(resultOf([finding("missing-action", "error", 6, 3, "1", "<b>CWM</b>", message)]));
    const issues = screen.getByRole("region", { name: "Issues" });
    expect(issues.querySelector("img, script, b")).toBeNull();
    expect(document.querySelector("img, script")).toBeNull();
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
    expect(issueButtons()[0].textContent).toBe(
      "Error: Recommendation 1, CWM: window.hacked = truethe action <b>TBD</b> is a placeholder.Responses!D7 · Recommendation 1 · CWM · missing-action",
    );
  });

  it("shows at most a page of issues per group until asked for more", async () => {
    const many = Array.from({ length: PAGE_SIZE + 3 }, (_, i) =>
      finding("missing-action", "error", i + 1, 3, String(i + 1), "CWM", `Recommendation ${i + 1}, CWM: no planned action.`),
    );
    const { user } = await validated(resultOf(many));
    expect(screen.getByText(`missing-action in ${PAGE_SIZE + 3} rows of column D`)).toBeTruthy();
    expect(issueButtons()).toHaveLength(PAGE_SIZE);
    await user.click(screen.getByRole("button", { name: "Show 3 more in missing-action" }));
    expect(issueButtons()).toHaveLength(PAGE_SIZE + 3);
  });

  it("shows progress and disables the buttons while validating", async () => {
    const user = userEvent.setup();
    let finish!: (result: ValidationResult) => void;
    const gateway = fakeGateway();
    gateway.validate.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    renderPane(gateway);
    await screen.findByText("Found: canonical layout, 14 units, 5 recommendations");
    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect(screen.getByText("Validating the responses…")).toBeTruthy();
    for (const name of ["Validate", "Generate summary", "Create template"]) {
      expect((screen.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(true);
    }
    finish(resultOf(FINDINGS));
    await screen.findByRole("heading", { name: "Issues" });
    expect(screen.queryByText("Validating the responses…")).toBeNull();
    expect((screen.getByRole("button", { name: "Validate" }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe("failures", () => {
  it("shows a UserFacingError's own sentence", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    gateway.validate.mockRejectedValue(new UserFacingError("The sheet \"Responses\" is protected. Unprotect it, then validate again."));
    vi.spyOn(console, "error").mockImplementation(() => {});
    renderPane(gateway);
    await screen.findByText("Found: canonical layout, 14 units, 5 recommendations");
    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect(await screen.findByText("The sheet \"Responses\" is protected. Unprotect it, then validate again.")).toBeTruthy();
  });

  it("shows a generic sentence, never the internal message or stack, for other errors", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    gateway.generateSummary.mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'values') at office-gateway.ts:42"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    renderPane(gateway);
    await screen.findByText("Found: canonical layout, 14 units, 5 recommendations");
    await user.click(screen.getByRole("button", { name: "Generate summary" }));
    const text = await screen.findByText(/^Something went wrong while writing the summary\. Try again; if it keeps happening/);
    expect(text.textContent).not.toMatch(/undefined|office-gateway|TypeError/);
    expect(document.body.textContent).not.toMatch(/office-gateway/);
    expect(logged).toHaveBeenCalled();
  });

  it("reports a failed cell selection", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { gateway, user } = await validated();
    gateway.selectCell.mockRejectedValue(new UserFacingError("The sheet \"Responses\" no longer exists. Validate again."));
    await user.click(screen.getByRole("button", { name: /Responses!D7/ }));
    expect(await screen.findByText("The sheet \"Responses\" no longer exists. Validate again.")).toBeTruthy();
  });
});

describe("Generate summary and Create template", () => {
  it("writes the summary with the current settings and says where", async () => {
    const user = userEvent.setup();
    const gateway = renderPane();
    await screen.findByText("Found: canonical layout, 14 units, 5 recommendations");
    await user.click(screen.getByRole("button", { name: "Generate summary" }));
    expect(await screen.findByText('The Section 0 summary was written to the sheet "Section 0 Summary".')).toBeTruthy();
    expect(gateway.generateSummary).toHaveBeenCalledWith({ summaryBy: "division", severityOverrides: {} });
  });

  it("creates a template with example data when the box is ticked, then reads the workbook again", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway({ recognition: { kind: "none", reason: "The workbook is empty" } });
    renderPane(gateway);
    await screen.findByText(/No response matrix found/);
    gateway.recognise.mockResolvedValue({ ...fakeRecognition(), description: "Found: canonical layout, 3 units, 2 recommendations" });
    await user.click(screen.getByRole("checkbox", { name: "Include example data (seed 002)" }));
    await user.click(screen.getByRole("button", { name: "Create template" }));
    expect(
      await screen.findByText('Template created: sheets "Units", "Recommendations" and "Responses". It holds example data; replace it with your own.'),
    ).toBeTruthy();
    expect(gateway.createTemplate).toHaveBeenCalledWith({ example: true, fromSelection: false });
    expect(screen.getByRole("status").textContent).toBe("Found: canonical layout, 3 units, 2 recommendations");
  });

  it("creates the template from report text in the selected cells when that box is ticked", async () => {
    const user = userEvent.setup();
    const gateway = renderPane();
    await screen.findByText("Found: canonical layout, 14 units, 5 recommendations");
    await user.click(screen.getByRole("checkbox", { name: "Include example data (seed 002)" }));
    await user.click(screen.getByRole("checkbox", { name: /recommendations from the selected cells/ }));
    expect((screen.getByRole("checkbox", { name: "Include example data (seed 002)" }) as HTMLInputElement).disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: "Create template" }));
    expect(await screen.findByText(/The recommendations come from the selected text/)).toBeTruthy();
    expect(gateway.createTemplate).toHaveBeenCalledWith({ example: false, fromSelection: true });
  });

  it("creates an empty template by default", async () => {
    const user = userEvent.setup();
    const gateway = renderPane();
    await screen.findByText("Found: canonical layout, 14 units, 5 recommendations");
    await user.click(screen.getByRole("button", { name: "Create template" }));
    await screen.findByText(/^Template created/);
    expect(gateway.createTemplate).toHaveBeenCalledWith({ example: false, fromSelection: false });
  });
});

describe("settings", () => {
  async function openSettings() {
    const user = userEvent.setup();
    const gateway = renderPane();
    await screen.findByText("Found: canonical layout, 14 units, 5 recommendations");
    await user.click(screen.getByRole("button", { name: "Settings" }));
    return { gateway, user };
  }

  it("shows the settings loaded from the workbook", async () => {
    const user = userEvent.setup();
    renderPane(fakeGateway({ settings: { summaryBy: "unit", asOf: "2024-12-31", severityOverrides: { "missing-date": "error" } } }));
    await screen.findByText("Found: canonical layout, 14 units, 5 recommendations");
    await user.click(screen.getByRole("button", { name: "Settings" }));
    expect((screen.getByRole("radio", { name: "One column per unit" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("As of") as HTMLInputElement).value).toBe("2024-12-31");
    expect((screen.getByRole("combobox", { name: "missing-date" }) as HTMLSelectElement).value).toBe("error");
    expect((screen.getByRole("combobox", { name: "overdue" }) as HTMLSelectElement).value).toBe("default");
  });

  it("saves each change in the workbook and validates with it", async () => {
    const { gateway, user } = await openSettings();
    await user.click(screen.getByRole("radio", { name: "One column per unit" }));
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenLastCalledWith({ summaryBy: "unit", severityOverrides: {} }));

    fireEvent.change(screen.getByLabelText("As of"), { target: { value: "2025-06-30" } });
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenLastCalledWith({ summaryBy: "unit", asOf: "2025-06-30", severityOverrides: {} }));

    await user.selectOptions(screen.getByRole("combobox", { name: "overdue" }), "off");
    await user.selectOptions(screen.getByRole("combobox", { name: "missing-date" }), "info");
    const expected = { summaryBy: "unit", asOf: "2025-06-30", severityOverrides: { overdue: "off", "missing-date": "info" } };
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenLastCalledWith(expected));
    expect(gateway.saveSettings).toHaveBeenCalledTimes(4);

    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect(gateway.validate).toHaveBeenCalledWith(expected);
  });

  it("forgets the as-of date when it is emptied, and a rule's override when set back to default", async () => {
    const user = userEvent.setup();
    const gateway = renderPane(fakeGateway({ settings: { summaryBy: "division", asOf: "2024-12-31", severityOverrides: { overdue: "off" } } }));
    await screen.findByText("Found: canonical layout, 14 units, 5 recommendations");
    await user.click(screen.getByRole("button", { name: "Settings" }));
    fireEvent.change(screen.getByLabelText("As of"), { target: { value: "" } });
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenLastCalledWith({ summaryBy: "division", severityOverrides: { overdue: "off" } }));
    await user.selectOptions(screen.getByRole("combobox", { name: "overdue" }), "default");
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenLastCalledWith({ summaryBy: "division", severityOverrides: {} }));
  });

  it("offers every rule with its default severity", async () => {
    await openSettings();
    const select = screen.getByRole("combobox", { name: "partial-unexplained" });
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Default (warning)",
      "Error",
      "Warning",
      "Note",
      "Off: do not check",
    ]);
  });
});

function fakeRecognition() {
  return { kind: "recognised" as const, layout: "canonical", description: "", sheets: ["Units", "Recommendations", "Responses"], units: 3, recommendations: 2, responses: 6 };
}

describe("accessibility", () => {
  it("has no axe violations with issues shown and settings open", async () => {
    const { user } = await validated();
    await user.click(screen.getByRole("button", { name: "Settings" }));
    const axe = (await import("axe-core")).default;
    // jsdom does no layout, so contrast cannot be measured here.
    const results = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
