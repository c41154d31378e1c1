// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { OPEN_UP_TO, PAGE_SIZE } from "../../src/taskpane/IssueList";
import { UserFacingError } from "../../src/excel/gateway";
import type { Recognition, ValidationResult } from "../../src/excel/gateway";
import type { Settings } from "../../src/core/model";
import "./dom";
import { RECOGNISED, fakeGateway, finding, resultOf } from "./fake-gateway";

const FOUND = "Found: canonical layout, 14 units, 5 recommendations";
const NONE: Recognition = { kind: "none", reason: "No sheet has a Recommendation and an Acceptance column" };

// Column D (3) is Planned action, G (6) Target date, B (1) Unit, as in the canonical Responses sheet.
const FINDINGS = [
  finding("missing-action", "error", 6, 3, "1", "CWM", "Recommendation 1, CWM: the recommendation is accepted but no planned action is given. Describe the action the unit will take."),
  finding("missing-date", "warning", 6, 6, "1", "CWM", "Recommendation 1, CWM: no target date is given. Add the date by which the action will be done."),
  finding("missing-action", "error", 8, 3, "2", "GCP", "Recommendation 2, GCP: the recommendation is accepted but no planned action is given. Describe the action the unit will take."),
  finding("unknown-unit", "error", 9, 1, "2", null, "Recommendation 2: the unit \"XYZ\" is not in the Units sheet. Add it there or correct the name."),
  finding("update-due", "info", 10, 8, "3", "GCP", "Recommendation 3, GCP: the 6-month status is due. Ask the unit for an update."),
];

/** Many warnings of one rule in one column, as the example workbook has (48 target dates missing). */
function missingDates(n: number) {
  return Array.from({ length: n }, (_, i) => finding("missing-date", "warning", 20 + i, 6, String(1 + (i % 5)), `U${i}`, `Recommendation ${1 + (i % 5)}, U${i}: no target date is given.`));
}

function renderPane(gateway = fakeGateway({ result: resultOf(FINDINGS) }), locale = "en-GB") {
  render(
    <FluentProvider theme={webLightTheme}>
      <App gateway={gateway} locale={locale} />
    </FluentProvider>,
  );
  return gateway;
}

/** The pane after loading, with Validate clicked and its result shown. */
async function validated(result: ValidationResult = resultOf(FINDINGS), options: Parameters<typeof fakeGateway>[0] = {}) {
  const user = userEvent.setup();
  const gateway = renderPane(fakeGateway({ result, ...options }));
  await loaded();
  await user.click(screen.getByRole("button", { name: "Validate" }));
  await screen.findByRole("heading", { name: "Issues" });
  return { gateway, user };
}

/** The pane itself: the live region after it repeats each outcome for screen readers. */
const pane = () => within(screen.getByRole("main"));
const issues = () => screen.getByRole("region", { name: "Issues" });

function issueButtons() {
  return within(issues())
    .queryAllByRole("listitem")
    .map((item) => within(item).getByRole("button"));
}

/** The group headings as read out (the severity word is there for screen readers only). */
function groupHeadings() {
  return within(issues())
    .getAllByRole("heading", { level: 3 })
    .map((h) => h.textContent);
}

/** What the live region last said. */
function announced() {
  return document.querySelector("[aria-live='polite'][data-announcements]")?.textContent ?? "";
}

/** Waits until the pane has read the workbook and the status line says what it found. */
async function loaded(status: string | RegExp = FOUND) {
  await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(status));
}

async function openTab(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole("tab", { name }));
}

describe("status line", () => {
  it("says what was recognised", async () => {
    renderPane();
    await loaded();
    expect(screen.getByRole("status").textContent).toBe(FOUND);
  });

  it("says why no response matrix was found", async () => {
    renderPane(fakeGateway({ recognition: NONE }));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(
        "No response matrix found: No sheet has a Recommendation and an Acceptance column.",
      ),
    );
  });
});

describe("the pane's layout", () => {
  it("keeps Validate, Generate summary and the tabs (Issues, Template, Unit sheets, Settings) above every panel", async () => {
    const { user } = await validated(resultOf(missingDates(48)));
    const tabs = within(screen.getByRole("tablist", { name: "Parts of the pane" })).getAllByRole("tab");
    expect(tabs).toEqual(["Issues", "Template", "Unit sheets", "Settings"].map((name) => screen.getByRole("tab", { name })));
    const validate = screen.getByRole("button", { name: "Validate" });
    // in document order, the actions and tabs come before the list, whatever its length
    expect(validate.compareDocumentPosition(issues()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(tabs[3].compareDocumentPosition(issues()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await openTab(user, "Settings");
    expect(screen.getByRole("tabpanel", { name: "Settings" })).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Issues" })).toBeNull();
    await openTab(user, "Issues");
    expect(issues()).toBeTruthy();
  });

  it("moves between tabs with the arrow keys, Home and End, the selected tab alone in the Tab order", async () => {
    const { user } = await validated();
    const tab = (name: string) => screen.getByRole("tab", { name });
    expect(["Issues", "Template", "Unit sheets", "Settings"].map((n) => tab(n).tabIndex)).toEqual([0, -1, -1, -1]);
    tab("Issues").focus();
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(tab("Template"));
    expect(tab("Template").getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel", { name: "Template" })).toBeTruthy();
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(tab("Settings"));
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement).toBe(tab("Issues"));
    await user.keyboard("{ArrowLeft}{Home}");
    expect(tab("Issues").getAttribute("aria-selected")).toBe("true");
    expect(["Issues", "Template", "Unit sheets", "Settings"].map((n) => tab(n).tabIndex)).toEqual([0, -1, -1, -1]);
  });
});

describe("Validate", () => {
  it("validates with the settings loaded from the workbook", async () => {
    const user = userEvent.setup();
    const settings: Settings = { summaryBy: "unit", asOf: "2025-06-30", severityOverrides: { overdue: "off" } };
    const gateway = renderPane(fakeGateway({ settings }));
    await loaded();
    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect(gateway.validate).toHaveBeenCalledWith(settings);
  });

  it("moves the focus to the results heading and announces what was checked and found", async () => {
    await validated(resultOf(FINDINGS), { settings: { summaryBy: "division", asOf: "2025-06-30", severityOverrides: {} } });
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Issues" }));
    expect(announced()).toBe("Validation done: 70 responses checked as of 30 June 2025, 3 errors, 1 warning, 1 note.");
    expect(within(issues()).getByText("70 responses checked as of 30 June 2025.")).toBeTruthy();
  });

  it("shows the counts by severity in words, each a box that shows or hides its issues", async () => {
    const { user } = await validated();
    expect(within(issues()).getAllByRole("checkbox").map((c) => (c as HTMLInputElement).labels?.[0].textContent)).toEqual(["3 errors", "1 warning", "1 note"]);
    await user.click(screen.getByRole("checkbox", { name: "1 warning" }));
    expect(issueButtons()).toHaveLength(4);
    await user.click(screen.getByRole("checkbox", { name: "3 errors" }));
    await user.click(screen.getByRole("checkbox", { name: "1 note" }));
    expect(pane().getByText("No issues of the selected severities.")).toBeTruthy();
    await user.click(screen.getByRole("checkbox", { name: "1 warning" }));
    expect(groupHeadings()).toEqual(["Warning: Accepted without a target date: cell G7"]);
  });

  it("heads each rule's group with its plain title, the count and the cells, errors first; the rule id only in small print", async () => {
    await validated();
    expect(groupHeadings()).toEqual([
      "Error: Accepted without a planned action: 2 rows, column D",
      "Error: Unit not in the Units list: cell B10",
      "Warning: Accepted without a target date: cell G7",
      "Note: Follow-up update due: cell I11",
    ]);
    const group = within(issues()).getAllByRole("heading", { level: 3 })[0].closest(".fui-AccordionItem") as HTMLElement;
    expect(within(group).getByText("missing-action").className).not.toBe("");
    expect(within(group).getAllByRole("listitem").map((i) => i.textContent)).toEqual([
      "Error: Recommendation 1, CWM: the recommendation is accepted but no planned action is given. Describe the action the unit will take.Responses!D7",
      "Error: Recommendation 2, GCP: the recommendation is accepted but no planned action is given. Describe the action the unit will take.Responses!D9",
    ]);
    // The id is not repeated on every item
    expect(issueButtons().filter((b) => b.textContent?.includes("missing-action"))).toEqual([]);
  });

  it(`collapses a group of more than ${OPEN_UP_TO} findings to its heading, and opens and closes it on request`, async () => {
    const { user } = await validated(resultOf([...FINDINGS, ...missingDates(48)]));
    expect(groupHeadings()).toContain("Warning: Accepted without a target date: 49 rows, column G");
    const header = screen.getByRole("button", { name: /Accepted without a target date: 49 rows/ });
    expect(header.getAttribute("aria-expanded")).toBe("false");
    expect(issueButtons()).toHaveLength(4);
    await user.click(header);
    expect(header.getAttribute("aria-expanded")).toBe("true");
    expect(issueButtons()).toHaveLength(4 + Math.min(49, PAGE_SIZE));
    await user.click(header);
    expect(issueButtons()).toHaveLength(4);
    // the small group stays open and can be closed
    const small = screen.getByRole("button", { name: /Unit not in the Units list/ });
    expect(small.getAttribute("aria-expanded")).toBe("true");
    await user.click(small);
    expect(issueButtons()).toHaveLength(3);
  });

  it("says so when there is nothing to fix, naming what was checked", async () => {
    await validated(resultOf([]));
    expect(pane().getByText("No issues found: every response meets every rule that is switched on.")).toBeTruthy();
    expect(within(issues()).getByText(/^70 responses checked as of/)).toBeTruthy();
  });

  it("puts errors first when grouped by unit or by recommendation, each group summed up by severity", async () => {
    const { user } = await validated();
    await user.selectOptions(screen.getByRole("combobox", { name: "Group by" }), "unit");
    expect(groupHeadings()).toEqual(["CWM: 1 error, 1 warning", "GCP: 1 error, 1 note", "No unit: 1 error"]);
    const cwm = within(issues()).getAllByRole("heading", { level: 3 })[0].closest(".fui-AccordionItem") as HTMLElement;
    expect(within(cwm).getByText("Accepted without a planned action: cell D7")).toBeTruthy();
    expect(within(cwm).getAllByRole("listitem").map((i) => i.textContent?.match(/Responses!\w+$/)?.[0])).toEqual(["Responses!D7", "Responses!G7"]);

    await user.selectOptions(screen.getByRole("combobox", { name: "Group by" }), "recommendation");
    expect(groupHeadings()).toEqual(["Recommendation 1: 1 error, 1 warning", "Recommendation 2: 2 errors", "Recommendation 3: 1 note"]);
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
    expect(issues().querySelector("img, script, b")).toBeNull();
    expect(document.querySelector("img, script")).toBeNull();
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
    expect(issueButtons()[0].textContent).toBe("Error: Recommendation 1, CWM: window.hacked = truethe action <b>TBD</b> is a placeholder.Responses!D7");
  });

  it("shows at most a page of an open group's issues until asked for more", async () => {
    const many = Array.from({ length: PAGE_SIZE + 3 }, (_, i) =>
      finding("missing-action", "error", i + 1, 3, String(i + 1), "CWM", `Recommendation ${i + 1}, CWM: no planned action.`),
    );
    const { user } = await validated(resultOf(many));
    await user.click(screen.getByRole("button", { name: /Accepted without a planned action/ }));
    expect(issueButtons()).toHaveLength(PAGE_SIZE);
    await user.click(screen.getByRole("button", { name: "Show 3 more in Accepted without a planned action" }));
    expect(issueButtons()).toHaveLength(PAGE_SIZE + 3);
  });

  it("shows progress and disables the buttons while validating", async () => {
    const user = userEvent.setup();
    let finish!: (result: ValidationResult) => void;
    const gateway = fakeGateway();
    gateway.validate.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    renderPane(gateway);
    await loaded();
    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect(pane().getByText("Validating the responses…")).toBeTruthy();
    for (const name of ["Validate", "Generate summary"]) expect((screen.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(true);
    finish(resultOf(FINDINGS));
    await screen.findByRole("heading", { name: "Issues" });
    expect(pane().queryByText("Validating the responses…")).toBeNull();
    expect((screen.getByRole("button", { name: "Validate" }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe("a workbook with no response matrix", () => {
  it("says before Validate that there is nothing to check yet, and offers the two ways on", async () => {
    renderPane(fakeGateway({ recognition: NONE }));
    expect(await screen.findByRole("heading", { name: "Nothing to check yet" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Choose the sheet and columns" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Create a template" })).toBeTruthy();
  });

  it("says after Validate that nothing was checked, never that no issues were found, and announces it", async () => {
    const user = userEvent.setup();
    renderPane(fakeGateway({ recognition: NONE, result: resultOf([], NONE) }));
    await screen.findByRole("heading", { name: "Nothing to check yet" });
    await user.click(screen.getByRole("button", { name: "Validate" }));
    const heading = await screen.findByRole("heading", { name: "Nothing was checked" });
    expect(document.activeElement).toBe(heading);
    expect(announced()).toBe("Nothing was checked: no response matrix was found in this workbook.");
    expect(document.body.textContent).not.toMatch(/No issues|0 errors/);
    expect(pane().getByText(/No response matrix was found in this workbook, so no response was validated\./)).toBeTruthy();
  });

  it("takes 'Choose the sheet and columns' to Settings and starts choosing there", async () => {
    const user = userEvent.setup();
    const gateway = renderPane(fakeGateway({ recognition: NONE, result: resultOf([], NONE) }));
    await user.click(await screen.findByRole("button", { name: "Choose the sheet and columns" }));
    expect(screen.getByRole("tab", { name: "Settings" }).getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Sheet and columns" }));
    await waitFor(() => expect(gateway.describeSheets).toHaveBeenCalledTimes(1));
  });

  it("takes 'Create a template' to the Template tab", async () => {
    const user = userEvent.setup();
    renderPane(fakeGateway({ recognition: NONE }));
    await user.click(await screen.findByRole("button", { name: "Create a template" }));
    expect(screen.getByRole("tab", { name: "Template" }).getAttribute("aria-selected")).toBe("true");
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "New workbook" }));
    expect(screen.getByRole("button", { name: "Create template" })).toBeTruthy();
  });
});

describe("results never stale", () => {
  async function settingsChanged(second: () => Promise<ValidationResult>) {
    const { gateway, user } = await validated(resultOf(FINDINGS));
    gateway.validate.mockImplementationOnce(second);
    await openTab(user, "Settings");
    await user.selectOptions(screen.getByRole("combobox", { name: "Accepted without a target date" }), "off");
    return { gateway, user };
  }

  it("validates again at once when a rule is switched off, marking the list until the new one arrives", async () => {
    let finish!: (result: ValidationResult) => void;
    const { gateway, user } = await settingsChanged(() => new Promise((resolve) => (finish = resolve)));
    expect(gateway.validate).toHaveBeenCalledTimes(2);
    expect(gateway.validate).toHaveBeenLastCalledWith({ summaryBy: "division", severityOverrides: { "missing-date": "off" } });
    await openTab(user, "Issues");
    expect(within(issues()).getByText("The settings changed: checking again…")).toBeTruthy();
    finish(resultOf(FINDINGS.filter((f) => f.rule !== "missing-date")));
    await waitFor(() => expect(within(issues()).queryByText(/The settings changed/)).toBeNull());
    expect(within(issues()).getAllByRole("checkbox").map((c) => (c as HTMLInputElement).labels?.[0].textContent)).toEqual(["3 errors", "0 warnings", "1 note"]);
    expect(announced()).toMatch(/^Checked again with the new settings: 70 responses checked as of .*, 3 errors, 0 warnings, 1 note\.$/);
  });

  it("says the list is out of date, with one button to validate again, when checking again failed", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { gateway, user } = await settingsChanged(() => Promise.reject(new UserFacingError("The workbook is busy. Try again.")));
    await openTab(user, "Issues");
    expect(await within(issues()).findByText("The settings changed after this check, so this list is out of date.")).toBeTruthy();
    expect(gateway.validate).toHaveBeenCalledTimes(2);
    await user.click(within(issues()).getByRole("button", { name: "Validate again" }));
    await waitFor(() => expect(within(issues()).queryByText(/out of date/)).toBeNull());
    expect(gateway.validate).toHaveBeenCalledTimes(3);
    expect(gateway.validate).toHaveBeenLastCalledWith({ summaryBy: "division", severityOverrides: { "missing-date": "off" } });
    expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Issues" }));
  });

  it("does not validate again for a setting that only changes the summary's layout", async () => {
    const { gateway, user } = await validated();
    await openTab(user, "Settings");
    await user.click(screen.getByRole("radio", { name: "One column per unit" }));
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenCalled());
    expect(gateway.validate).toHaveBeenCalledTimes(1);
  });

  it("brings the list to the summary's counts after Generate summary (the workbook may have changed)", async () => {
    const { gateway, user } = await validated();
    gateway.validate.mockResolvedValueOnce(resultOf(FINDINGS.slice(0, 2)));
    await user.click(screen.getByRole("button", { name: "Generate summary" }));
    await pane().findByText('The Section 0 summary was written to the sheet "Section 0 Summary".');
    expect(gateway.validate).toHaveBeenCalledTimes(2);
    expect(gateway.validate.mock.calls[1][0]).toEqual(gateway.generateSummary.mock.calls[0][0]);
    expect(within(issues()).getAllByRole("checkbox").map((c) => (c as HTMLInputElement).labels?.[0].textContent)).toEqual(["1 error", "1 warning", "0 notes"]);
  });
});

describe("failures", () => {
  it("shows a UserFacingError's own sentence, announces it, and logs no console error for it", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    gateway.validate.mockRejectedValue(new UserFacingError("The sheet \"Responses\" is protected. Unprotect it, then validate again."));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    renderPane(gateway);
    await loaded();
    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect(await pane().findByText("The sheet \"Responses\" is protected. Unprotect it, then validate again.")).toBeTruthy();
    // announced by an effect once the sentence is shown: on a busy machine a moment after it appears
    await waitFor(() => expect(announced()).toBe("The sheet \"Responses\" is protected. Unprotect it, then validate again."));
    expect(logged).not.toHaveBeenCalled();
  });

  it("shows a generic sentence, never the internal message or stack, for other errors (logged for developers)", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway();
    gateway.generateSummary.mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'values') at office-gateway.ts:42"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    renderPane(gateway);
    await loaded();
    await user.click(screen.getByRole("button", { name: "Generate summary" }));
    const text = await pane().findByText(/^Something went wrong while writing the summary\. Try again; if it keeps happening/);
    expect(text.textContent).not.toMatch(/undefined|office-gateway|TypeError/);
    expect(document.body.textContent).not.toMatch(/office-gateway/);
    expect(logged).toHaveBeenCalled();
  });

  it("reports a failed cell selection", async () => {
    const { gateway, user } = await validated();
    gateway.selectCell.mockRejectedValue(new UserFacingError("The sheet \"Responses\" no longer exists. Validate again."));
    await user.click(screen.getByRole("button", { name: /Responses!D7/ }));
    expect(await pane().findByText("The sheet \"Responses\" no longer exists. Validate again.")).toBeTruthy();
  });
});

describe("Generate summary and Create template", () => {
  it("writes the summary with the current settings, says where and announces it", async () => {
    const user = userEvent.setup();
    const gateway = renderPane();
    await loaded();
    await user.click(screen.getByRole("button", { name: "Generate summary" }));
    expect(await pane().findByText('The Section 0 summary was written to the sheet "Section 0 Summary".')).toBeTruthy();
    expect(gateway.generateSummary).toHaveBeenCalledWith({ summaryBy: "division", severityOverrides: {} });
    // announced by an effect once the sentence is shown: on a busy machine a moment after it appears
    await waitFor(() => expect(announced()).toBe('The Section 0 summary was written to the sheet "Section 0 Summary".'));
    // no list was on show, so nothing is validated
    expect(gateway.validate).not.toHaveBeenCalled();
  });

  it("names the example by what it is", async () => {
    const user = userEvent.setup();
    renderPane();
    await loaded();
    await openTab(user, "Template");
    const box = screen.getByRole("checkbox", { name: "Include example responses" });
    expect(box.getAttribute("aria-describedby")).toBe("example-note");
    expect(document.getElementById("example-note")?.textContent).toBe(
      "A real management response with its gaps: \"Evaluation of UNITAR's learning-related events certifications\", 14 units, 5 recommendations.",
    );
    expect(document.body.textContent).not.toMatch(/seed/i);
  });

  it("creates a template with example data when the box is ticked, then reads the workbook again", async () => {
    const user = userEvent.setup();
    const gateway = fakeGateway({ recognition: NONE });
    renderPane(gateway);
    await loaded(/^No response matrix found/);
    gateway.recognise.mockResolvedValue({ ...(RECOGNISED as Extract<Recognition, { kind: "recognised" }>), description: "Found: canonical layout, 3 units, 2 recommendations" });
    await openTab(user, "Template");
    await user.click(screen.getByRole("checkbox", { name: "Include example responses" }));
    await user.click(screen.getByRole("button", { name: "Create template" }));
    expect(
      await pane().findByText('Template created: sheets "Units", "Recommendations" and "Responses". It holds example data; replace it with your own.'),
    ).toBeTruthy();
    expect(gateway.createTemplate).toHaveBeenCalledWith({ example: true, fromSelection: false });
    expect(screen.getByRole("status").textContent).toBe("Found: canonical layout, 3 units, 2 recommendations");
  });

  it("creates the template from report text in the selected cells when that box is ticked", async () => {
    const user = userEvent.setup();
    const gateway = renderPane();
    await loaded();
    await openTab(user, "Template");
    await user.click(screen.getByRole("checkbox", { name: "Include example responses" }));
    await user.click(screen.getByRole("checkbox", { name: /recommendations from the selected cells/ }));
    expect((screen.getByRole("checkbox", { name: "Include example responses" }) as HTMLInputElement).disabled).toBe(true);
    await user.click(screen.getByRole("button", { name: "Create template" }));
    expect(await pane().findByText(/The recommendations come from the selected text/)).toBeTruthy();
    expect(gateway.createTemplate).toHaveBeenCalledWith({ example: false, fromSelection: true });
  });

  it("creates an empty template by default", async () => {
    const user = userEvent.setup();
    const gateway = renderPane();
    await loaded();
    await openTab(user, "Template");
    await user.click(screen.getByRole("button", { name: "Create template" }));
    await pane().findByText(/^Template created/);
    expect(gateway.createTemplate).toHaveBeenCalledWith({ example: false, fromSelection: false });
  });
});

describe("settings", () => {
  async function openSettings(options: Parameters<typeof fakeGateway>[0] = {}, locale = "en-GB") {
    const user = userEvent.setup();
    const gateway = renderPane(fakeGateway(options), locale);
    await loaded();
    await openTab(user, "Settings");
    return { gateway, user };
  }
  const asOf = () => screen.getByRole("textbox", { name: "As of" }) as HTMLInputElement;
  const hintOf = (input: HTMLElement) =>
    (input.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");

  it("shows the settings loaded from the workbook, the as-of date as the locale writes it and echoed in words", async () => {
    await openSettings({ settings: { summaryBy: "unit", asOf: "2024-12-31", severityOverrides: { "missing-date": "error" } } });
    expect((screen.getByRole("radio", { name: "One column per unit" }) as HTMLInputElement).checked).toBe(true);
    expect(asOf().value).toBe("31/12/2024");
    expect(asOf().placeholder).toBe("dd/mm/yyyy");
    expect(hintOf(asOf())).toMatch(/^Checking as of 31 December 2024\. .*Type it as dd\/mm\/yyyy\.$/);
    expect((screen.getByRole("combobox", { name: "Accepted without a target date" }) as HTMLSelectElement).value).toBe("error");
    expect((screen.getByRole("combobox", { name: "Past its target date" }) as HTMLSelectElement).value).toBe("default");
  });

  it("takes the as-of date typed the locale's way once it is entered, and echoes it unambiguously", async () => {
    const { gateway, user } = await openSettings({}, "en-US");
    expect(asOf().placeholder).toBe("mm/dd/yyyy");
    await user.type(asOf(), "6/30/2025{Enter}");
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenLastCalledWith({ summaryBy: "division", asOf: "2025-06-30", severityOverrides: {} }));
    expect(gateway.saveSettings).toHaveBeenCalledTimes(1);
    expect(asOf().value).toBe("06/30/2025");
    expect(hintOf(asOf())).toMatch(/^Checking as of June 30, 2025\./);
  });

  it("refuses a date that is not one, saying how to type it, and keeps the setting", async () => {
    const { gateway, user } = await openSettings();
    await user.type(asOf(), "31/02/2025");
    await user.tab();
    expect(pane().getByText(/^"31\/02\/2025" is not a date\. Type it as dd\/mm\/yyyy, for example \d\d\/\d\d\/\d{4}\.$/)).toBeTruthy();
    expect(gateway.saveSettings).not.toHaveBeenCalled();
  });

  it("saves each change in the workbook and validates with it", async () => {
    const { gateway, user } = await openSettings();
    await user.click(screen.getByRole("radio", { name: "One column per unit" }));
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenLastCalledWith({ summaryBy: "unit", severityOverrides: {} }));

    fireEvent.change(asOf(), { target: { value: "30/6/2025" } });
    fireEvent.blur(asOf());
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenLastCalledWith({ summaryBy: "unit", asOf: "2025-06-30", severityOverrides: {} }));

    await user.selectOptions(screen.getByRole("combobox", { name: "Past its target date" }), "off");
    await user.selectOptions(screen.getByRole("combobox", { name: "Accepted without a target date" }), "info");
    const expected = { summaryBy: "unit", asOf: "2025-06-30", severityOverrides: { overdue: "off", "missing-date": "info" } };
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenLastCalledWith(expected));
    expect(gateway.saveSettings).toHaveBeenCalledTimes(4);

    await user.click(screen.getByRole("button", { name: "Validate" }));
    expect(gateway.validate).toHaveBeenCalledWith(expected);
  });

  it("forgets the as-of date when it is emptied, and a rule's override when set back to default", async () => {
    const { gateway, user } = await openSettings({ settings: { summaryBy: "division", asOf: "2024-12-31", severityOverrides: { overdue: "off" } } });
    await user.clear(asOf());
    await user.tab();
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenLastCalledWith({ summaryBy: "division", severityOverrides: { overdue: "off" } }));
    expect(hintOf(asOf())).toMatch(/^Empty, so today is used: \d{1,2} [A-Z][a-z]+ \d{4}\./);
    await user.selectOptions(screen.getByRole("combobox", { name: "Past its target date" }), "default");
    await waitFor(() => expect(gateway.saveSettings).toHaveBeenLastCalledWith({ summaryBy: "division", severityOverrides: {} }));
  });

  it("offers every rule by its title, its id in small print, with its default severity in the pane's words", async () => {
    await openSettings();
    const select = screen.getByRole("combobox", { name: "Partially accepted, not explained" });
    expect(hintOf(select)).toBe("partial-unexplained");
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["Default (warning)", "Error", "Warning", "Note", "Off: not checked"]);
    expect(screen.getAllByRole("combobox").filter((c) => /^[a-z]+(-[a-z]+)+$/.test(c.getAttribute("aria-label") ?? ""))).toEqual([]);
  });
});

describe("accessibility", () => {
  it("has no axe violations with issues shown, and none with settings open", async () => {
    const { user } = await validated(resultOf([...FINDINGS, ...missingDates(12)]));
    const axe = (await import("axe-core")).default;
    // jsdom does no layout, so contrast cannot be measured here.
    const run = async () => (await axe.run(document.body, { rules: { "color-contrast": { enabled: false } } })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(await run()).toEqual([]);
    await openTab(user, "Settings");
    expect(await run()).toEqual([]);
  });
});
