import { describe, expect, test } from "vitest";
import { serialFromIso } from "../../../src/core/dates";
import type { CellValue, Workbook } from "../../../src/core/grid";
import { mergeParts, type MergeResult, type PartLog } from "../../../src/core/round-trip/merge";
import type { PartSource } from "../../../src/core/round-trip/parts";
import { EXAMPLE_TITLE } from "../../../src/core/example/seed002";
import { applied, exampleBook, partOf, PartEditor, returned, sheetOf, split, trimmedRows, unansweredBook } from "./parts";

const DEC_31 = serialFromIso("2025-12-31")!;
const RESPONSES_HEADER = [
  "No.", "Unit", "Acceptance", "Planned action", "Responsible", "Budget", "Target date", "Status",
  "Status at 6 months", "Status at 1 year", "Status at 2 years", "Comments", "Evidence", "Response date",
];
/** A Responses row from its first cells and a comment (column L). */
function responseRow(cells: CellValue[], comments = ""): CellValue[] {
  const row = [...cells, ...new Array(12 - cells.length).fill("")];
  row[11] = comments;
  while (row.length && row[row.length - 1] === "") row.pop();
  return row;
}

function counts(log: PartLog) {
  return { added: log.added, changed: log.changed, unchanged: log.unchanged, conflicting: log.conflicting, refused: log.refused };
}

function logOf(result: MergeResult, unit: string): PartLog {
  return result.parts.find((p) => p.unit === unit && !p.refusedBecause) ?? result.parts.find((p) => p.unit === unit)!;
}

function responses(workbook: Workbook): CellValue[][] {
  return trimmedRows(sheetOf(workbook, "Responses"));
}

/**
 * The response round on seed 002 before any answer: three units answer (CWM plainly, GCP after sorting its rows and
 * renaming its sheet, SCYCLE after pasting over the protection), PTP sends back its part untouched, and the office
 * has meanwhile typed GCP's acceptance of recommendation 2 from an e-mail.
 */
function responseRound() {
  const parts = split(unansweredBook());
  const book = unansweredBook();
  sheetOf(book, "Responses").rows.push(["2", "GCP", "Accepted"]);

  const cwm = returned(partOf(parts, "CWM"));
  new PartEditor(cwm)
    .set("1", "Acceptance", "Accepted").set("1", "Planned action", "Train CWM staff on the certification policy")
    .set("1", "Responsible", "CWM focal point").set("1", "Budget", "N/A").set("1", "Target date", DEC_31)
    .set("2", "Acceptance", "Partially accepted").set("2", "Planned action", "Quality check of EMS entries each quarter")
    .set("2", "Comments", "Staff time is limited.")
    .set("4", "Acceptance", "Accepted").set("4", "Planned action", "Review certificates before issue")
    .set("5", "Acceptance", "Rejected").set("5", "Comments", "Already covered by the 2024 plan.");

  const gcp = returned(partOf(parts, "GCP"));
  new PartEditor(gcp)
    .set("1", "Acceptance", "Accepted").set("1", "Planned action", "Brief GCP staff")
    .set("2", "Acceptance", "Partially accepted").set("2", "Planned action", "Spot checks").set("2", "Comments", "Only for large events.")
    .reorder()
    .rename("GCP answers");

  const scycle = returned(partOf(parts, "SCYCLE"));
  const pasted = new PartEditor(scycle)
    .set("1", "Acceptance", "Accepted").set("1", "Planned action", "Cycle plan")
    .set("2", "Acceptance", "Rejected").set("2", "Comments", "Out of scope for SCYCLE.")
    .set("2", "Recommendation", `${pasted2Text(scycle)} (SCYCLE: partly)`)
    .set("4", "Acceptance", "Accepted").set("4", "Status", "Planned");
  // the paste also blanked recommendation 1's number
  pasted.sheet.rows[pasted.row("1")][0] = "";

  const ptpOld = returned(partOf(parts, "PTP"));
  return { book, sources: [cwm, gcp, scycle, ptpOld] };
}

function pasted2Text(source: PartSource): string {
  return String(new PartEditor(source).get("2", "Recommendation"));
}

describe("merge: the response round on seed 002", () => {
  test("matches every answer by recommendation and unit (sorted rows, renamed sheet, pasted-over protection, an untouched old copy) into exactly the expected Responses", () => {
    const { book, sources } = responseRound();
    const result = mergeParts(book, sources);
    expect(result.round?.id).toBe("response");
    expect(responses(applied(book, result.changes))).toEqual([
      RESPONSES_HEADER,
      responseRow(["2", "GCP", "Accepted", "Spot checks"], "Only for large events."),
      responseRow(["1", "CWM", "Accepted", "Train CWM staff on the certification policy", "CWM focal point", "N/A", DEC_31]),
      responseRow(["1", "GCP", "Accepted", "Brief GCP staff"]),
      responseRow(["1", "SCYCLE", "Accepted", "Cycle plan"]),
      responseRow(["2", "CWM", "Partially accepted", "Quality check of EMS entries each quarter"], "Staff time is limited."),
      responseRow(["2", "SCYCLE", "Rejected"], "Out of scope for SCYCLE."),
      responseRow(["4", "CWM", "Accepted", "Review certificates before issue"]),
      responseRow(["4", "SCYCLE", "Accepted"]),
      responseRow(["5", "CWM", "Rejected"], "Already covered by the 2024 plan."),
    ]);
    // the target date stays a date (a serial number) in a date column
    expect(result.changes.find((c) => c.row === 2 && c.col === 6)).toEqual({ sheet: "Responses", row: 2, col: 6, value: DEC_31, date: true });
  });

  test("logs per part the unit, file, rows added, changed, unchanged, conflicting and refused, with the cells written", () => {
    const { book, sources } = responseRound();
    const result = mergeParts(book, sources);
    expect(result.parts.map((p) => [p.unit, p.source, p.sheet, counts(p)])).toEqual([
      ["CWM", `${EXAMPLE_TITLE} - CWM.xlsx`, "CWM", { added: 4, changed: 0, unchanged: 0, conflicting: 0, refused: 0 }],
      ["GCP", `${EXAMPLE_TITLE} - GCP.xlsx`, "GCP answers", { added: 1, changed: 0, unchanged: 2, conflicting: 1, refused: 0 }],
      ["SCYCLE", `${EXAMPLE_TITLE} - SCYCLE.xlsx`, "SCYCLE", { added: 3, changed: 0, unchanged: 1, conflicting: 0, refused: 0 }],
      ["PTP", `${EXAMPLE_TITLE} - PTP.xlsx`, "PTP", { added: 0, changed: 0, unchanged: 4, conflicting: 0, refused: 0 }],
    ]);
    expect(logOf(result, "CWM").cells).toEqual(["C3", "D3", "E3", "F3", "G3", "C6", "D6", "L6", "C8", "D8", "C10", "L10"]);
    expect(logOf(result, "GCP").cells).toEqual(["D2", "L2", "C4", "D4"]);
    expect(result.totals).toEqual({ added: 8, changed: 0, unchanged: 7, conflicting: 1, refused: 0 });
  });

  test("an answer that differs from the workbook's is a conflict listed with both values and left as it was", () => {
    const { book, sources } = responseRound();
    const result = mergeParts(book, sources);
    expect(result.conflicts).toEqual([
      {
        key: expect.any(String),
        recommendation: "2",
        unit: "GCP",
        header: "Acceptance",
        cell: "C2",
        book: "Accepted",
        bookText: "Accepted",
        proposals: [{ value: "Partially accepted", text: "Partially accepted", from: [{ name: `'${EXAMPLE_TITLE} - GCP.xlsx'`, unit: "GCP", cell: expect.stringMatching(/^C\d+$/) }] }],
        taken: null,
        decided: false,
      },
    ]);
    expect(result.changes.some((c) => c.row === 1 && c.col === 2)).toBe(false);
  });

  test("--take parts takes the part's answer in a conflict", () => {
    const { book, sources } = responseRound();
    const result = mergeParts(book, sources, { take: "parts" });
    expect(result.conflicts.map((c) => c.taken?.value)).toEqual(["Partially accepted"]);
    expect(responses(applied(book, result.changes))[1]).toEqual(responseRow(["2", "GCP", "Partially accepted", "Spot checks"], "Only for large events."));
    expect(logOf(result, "GCP").cells).toContain("C2");
  });

  test("a choice made for a conflict applies only while the workbook holds the value it was made for", () => {
    const { book, sources } = responseRound();
    const { conflicts } = mergeParts(book, sources);
    const choice = { key: conflicts[0].key, text: "Partially accepted" };
    expect(mergeParts(book, sources, { choices: [choice] }).changes).toContainEqual({ sheet: "Responses", row: 1, col: 2, value: "Partially accepted" });
    const keep = { key: conflicts[0].key, text: "Accepted" };
    const kept = mergeParts(book, sources, { choices: [keep] });
    expect(kept.changes.some((c) => c.row === 1 && c.col === 2)).toBe(false);
    expect(kept.conflicts.map((c) => [c.taken, c.decided])).toEqual([[null, true]]);
    // someone changed the cell since: the choice is stale, the conflict stands
    const edited = applied(book, [{ sheet: "Responses", row: 1, col: 2, value: "Rejected" }]);
    const again = mergeParts(edited, sources, { choices: [choice] });
    expect(again.conflicts.map((c) => [c.bookText, c.taken])).toEqual([["Rejected", null]]);
  });

  test("warns about a recommendation text edited in the part and a locked cell changed, and merges neither", () => {
    const { book, sources } = responseRound();
    const result = mergeParts(book, sources);
    const scycle = logOf(result, "SCYCLE");
    expect(scycle.notes.map((n) => [n.kind, n.cell])).toEqual([["warning", expect.stringMatching(/^B\d+$/)], ["warning", expect.stringMatching(/^H\d+$/)]]);
    expect(scycle.notes[0].sentence).toMatch(
      new RegExp(`^The text of recommendation 2 was changed in '${EXAMPLE_TITLE} - SCYCLE\\.xlsx' \\(B\\d+\\); the workbook keeps its own text and SCYCLE's answers were merged\\. Check that they still fit the recommendation\\.$`),
    );
    expect(scycle.notes[1].sentence).toMatch(/^Status of recommendation 4 was changed in .* \(H\d+\), but it is not filled in the response, so the change was not merged\.$/);
    expect(result.changes.some((c) => c.col === 7)).toBe(false);
    expect(sheetOf(applied(book, result.changes), "Recommendations")).toEqual(sheetOf(book, "Recommendations"));
  });

  test("merging the same parts again changes nothing", () => {
    const { book, sources } = responseRound();
    const merged = applied(book, mergeParts(book, sources).changes);
    const again = mergeParts(merged, sources);
    expect(again.changes).toEqual([]);
    expect(again.parts.map((p) => p.added + p.changed)).toEqual([0, 0, 0, 0]);
    // the conflict is still said, still left as it is
    expect(again.conflicts.map((c) => [c.cell, c.bookText, c.taken])).toEqual([["C2", "Accepted", null]]);
  });

  test("gives the same result whatever the order of the parts", () => {
    const { book, sources } = responseRound();
    const forward = mergeParts(book, sources);
    const backward = mergeParts(book, [...sources].reverse());
    expect(backward.changes).toEqual(forward.changes);
    expect(backward.conflicts).toEqual(forward.conflicts);
    expect([...backward.parts].reverse()).toEqual(forward.parts);
  });

  test("two copies of a unit's part that disagree (a draft and the final) are a conflict between them; --take parts does not choose", () => {
    const parts = split(unansweredBook());
    const draft = returned(partOf(parts, "CWM"), "CWM draft.xlsx");
    new PartEditor(draft).set("1", "Acceptance", "Rejected");
    const final = returned(partOf(parts, "CWM"), "CWM final.xlsx");
    new PartEditor(final).set("1", "Acceptance", "Accepted").set("1", "Planned action", "Train staff");
    const result = mergeParts(unansweredBook(), [draft, final], { take: "parts" });
    expect(result.conflicts.map((c) => [c.unit, c.cell, c.book, c.proposals.map((p) => [p.value, p.from.map((f) => f.name)]), c.taken])).toEqual([
      ["CWM", "C2", "", [["Accepted", ["'CWM final.xlsx'"]], ["Rejected", ["'CWM draft.xlsx'"]]], null],
    ]);
    expect(responses(applied(unansweredBook(), result.changes))).toEqual([RESPONSES_HEADER, ["1", "CWM", "", "Train staff"]]);
    expect(result.parts.map(counts)).toEqual([
      { added: 0, changed: 0, unchanged: 3, conflicting: 1, refused: 0 },
      { added: 0, changed: 0, unchanged: 3, conflicting: 1, refused: 0 },
    ]);
  });
});

describe("merge: answers the workbook already holds", () => {
  test("a unit's change to an answer it was sent is taken when the workbook still holds what the part showed", () => {
    const part = returned(partOf(split(exampleBook()), "CWM"));
    new PartEditor(part).set("1", "Planned action", "Train all CWM staff by December.");
    const result = mergeParts(exampleBook(), [part]);
    expect(result.changes).toEqual([{ sheet: "Responses", row: 2, col: 3, value: "Train all CWM staff by December." }]);
    expect(result.conflicts).toEqual([]);
    expect(counts(result.parts[0])).toEqual({ added: 0, changed: 1, unchanged: 3, conflicting: 0, refused: 0 });
  });

  test("the office's later correction stands against a part that left the cell as it was sent (an older copy)", () => {
    const part = returned(partOf(split(exampleBook()), "CWM"));
    const book = applied(exampleBook(), [{ sheet: "Responses", row: 2, col: 3, value: "Corrected by the office." }]);
    const result = mergeParts(book, [part]);
    expect(result.changes).toEqual([]);
    expect(result.conflicts).toEqual([]);
  });

  test("when both the office and the unit changed an answer, it is a conflict", () => {
    const part = returned(partOf(split(exampleBook()), "CWM"));
    new PartEditor(part).set("1", "Planned action", "The unit's new action.");
    const book = applied(exampleBook(), [{ sheet: "Responses", row: 2, col: 3, value: "Corrected by the office." }]);
    const result = mergeParts(book, [part]);
    expect(result.conflicts.map((c) => [c.cell, c.bookText, c.proposals.map((p) => p.text)])).toEqual([["D3", "Corrected by the office.", ["The unit's new action."]]]);
    expect(result.changes).toEqual([]);
  });

  test("a blank in a part never clears an answer, and the same answer in other words is no change", () => {
    const part = returned(partOf(split(exampleBook()), "CWM"));
    new PartEditor(part).set("1", "Planned action", "").set("1", "Acceptance", "yes").set("2", "Acceptance", "partially ACCEPTED ");
    const result = mergeParts(exampleBook(), [part]);
    expect(result.changes).toEqual([]);
    expect(counts(result.parts[0])).toEqual({ added: 0, changed: 0, unchanged: 4, conflicting: 0, refused: 0 });
  });
});

describe("merge: a follow-up round", () => {
  test("the 6 months round fills only 'Status at 6 months'", () => {
    const parts = split(exampleBook(), "6 months");
    const cwm = returned(partOf(parts, "CWM"));
    new PartEditor(cwm).set("1", "Status at 6 months", "Implemented").set("2", "Status at 6 months", "Under implementation");
    const citsu = returned(partOf(parts, "CITSU"));
    new PartEditor(citsu).set("3", "Status at 6 months", "Planned");
    const result = mergeParts(exampleBook(), [cwm, citsu]);
    expect(result.round?.id).toBe("6 months");
    expect(result.changes).toEqual([
      { sheet: "Responses", row: 2, col: 8, value: "Implemented" },
      { sheet: "Responses", row: 15, col: 8, value: "Under implementation" },
      { sheet: "Responses", row: 27, col: 8, value: "Planned" },
    ]);
    const before = sheetOf(exampleBook(), "Responses").rows;
    const after = sheetOf(applied(exampleBook(), result.changes), "Responses").rows;
    const changedColumns = new Set(after.flatMap((r, i) => r.flatMap((v, c) => (v !== (before[i]?.[c] ?? "") ? [c] : []))));
    expect([...changedColumns]).toEqual([8]);
    expect(result.parts.map(counts)).toEqual([
      { added: 2, changed: 0, unchanged: 2, conflicting: 0, refused: 0 },
      { added: 1, changed: 0, unchanged: 0, conflicting: 0, refused: 0 },
    ]);
  });

  test("a follow-up part's evidence and comments are merged; its response columns are locked and not merged", () => {
    const cwm = returned(partOf(split(exampleBook(), "6 months"), "CWM"));
    new PartEditor(cwm).set("4", "Evidence", "Course evaluations 2025").set("4", "Comments", "On track.").set("4", "Acceptance", "Rejected");
    const result = mergeParts(exampleBook(), [cwm]);
    expect(result.changes.map((c) => [c.row, c.col, c.value])).toEqual([[29, 11, "On track."], [29, 12, "Course evaluations 2025"]]);
    expect(result.parts[0].notes.map((n) => n.sentence)).toEqual([
      expect.stringMatching(/^Acceptance of recommendation 4 was changed in .* \(C\d+\), but it is not filled in the 6 months follow-up, so the change was not merged\.$/),
    ]);
  });
});

describe("merge: bad parts get a sentence and change nothing", () => {
  const partsOf = () => split(exampleBook());
  const merged = (sources: PartSource[], book = exampleBook()) => mergeParts(book, sources);

  test("a part of another evaluation", () => {
    const other = exampleBook();
    sheetOf(other, "Recommendations").rows[0][1] = "Evaluation of the Peacekeeping Training Programme";
    sheetOf(other, "Recommendations").rows[3][1] = "Train more trainers.";
    const part = returned(partOf(split(other), "CWM"), "ptp-eval CWM.xlsx");
    new PartEditor(part).set("1", "Planned action", "Something else");
    const result = merged([part]);
    expect(result.changes).toEqual([]);
    expect(result.parts[0].refusedBecause).toBe(
      `'ptp-eval CWM.xlsx' is a part of "Evaluation of the Peacekeeping Training Programme", not of this workbook's evaluation "${EXAMPLE_TITLE}", so it was not merged.`,
    );
    expect(counts(result.parts[0]).refused).toBe(4);
  });

  test("the same evaluation in a workbook saved under another name (no Title cell) is recognised by its recommendations", () => {
    const untitled = (name: string) => {
      const wb = exampleBook();
      wb.name = name;
      sheetOf(wb, "Recommendations").rows[0] = ["", ""];
      return wb;
    };
    const part = returned(partOf(split(untitled("responses.xlsx")), "CWM"));
    new PartEditor(part).set("1", "Planned action", "Train all CWM staff.");
    const result = mergeParts(untitled("responses (merged).xlsx"), [part]);
    expect(result.parts[0].refusedBecause).toBeNull();
    expect(result.changes).toHaveLength(1);
  });

  test("a part of another round than the others", () => {
    const late = returned(partOf(split(exampleBook(), "6 months"), "CWM"));
    new PartEditor(late).set("1", "Status at 6 months", "Implemented");
    const early = returned(partOf(partsOf(), "GCP"));
    new PartEditor(early).set("1", "Planned action", "A new action");
    const result = merged([early, late]);
    expect(result.round?.id).toBe("6 months");
    expect(result.parts[0].refusedBecause).toBe(
      `'${EXAMPLE_TITLE} - GCP.xlsx' is GCP's part for the response, but the parts merged now are for the 6 months follow-up, so it was not merged. Merge it on its own if it is meant.`,
    );
    expect(result.changes).toEqual([{ sheet: "Responses", row: 2, col: 8, value: "Implemented" }]);
  });

  test("a part whose unit is no longer addressed, and a part of a unit the workbook does not list", () => {
    const citsu = returned(partOf(partsOf(), "CITSU"));
    new PartEditor(citsu).set("3", "Planned action", "Build the API");
    const readdressed = exampleBook();
    sheetOf(readdressed, "Recommendations").rows[5][4] = "PTP";
    const result = merged([citsu], readdressed);
    expect(result.parts[0].refusedBecause).toBe(
      `None of the recommendations of '${EXAMPLE_TITLE} - CITSU.xlsx' is addressed to CITSU in the workbook any more, so it was not merged. Check "Addressed to" in Recommendations.`,
    );
    const withoutCitsu = exampleBook();
    sheetOf(withoutCitsu, "Units").rows.splice(1, 1);
    sheetOf(withoutCitsu, "Recommendations").rows[5][4] = "PTP";
    expect(merged([citsu], withoutCitsu).parts[0].refusedBecause).toBe(
      `'${EXAMPLE_TITLE} - CITSU.xlsx' is the part of CITSU, a unit the workbook's Units sheet does not list, so it was not merged. Add CITSU to Units (or as another unit's alias), then merge again.`,
    );
    expect(result.changes).toEqual([]);
  });

  test("rows for a recommendation the workbook does not have, or not addressed to the unit, are refused; the rest is merged", () => {
    const citsu = returned(partOf(partsOf(), "CITSU"));
    const editor = new PartEditor(citsu).set("3", "Planned action", "Build the API by June.");
    editor.insertRow(["9", "A recommendation of our own", "Accepted"]);
    editor.insertRow(["1", "", "Accepted", "We will help."]);
    const result = merged([citsu]);
    expect(result.changes).toEqual([{ sheet: "Responses", row: 27, col: 3, value: "Build the API by June." }]);
    expect(result.parts[0].notes.map((n) => [n.kind, n.cell, n.sentence])).toEqual([
      ["refused", "A15", `Recommendation 1 is not addressed to CITSU in the workbook, so CITSU's answer on row 15 of '${EXAMPLE_TITLE} - CITSU.xlsx' was not merged. If it should be, add CITSU to its "Addressed to", then merge again.`],
      ["refused", "A16", `Recommendation 9 (row 16 of '${EXAMPLE_TITLE} - CITSU.xlsx') is not in the workbook's Recommendations sheet, so its answers were not merged. Check the number with CITSU.`],
    ]);
    expect(counts(result.parts[0])).toEqual({ added: 0, changed: 1, unchanged: 0, conflicting: 0, refused: 2 });
  });

  test("a recommendation on two rows with different answers is refused; a row with answers and no number is refused; a note under the table is ignored", () => {
    const cwm = returned(partOf(partsOf(), "CWM"));
    const editor = new PartEditor(cwm).set("1", "Planned action", "First version.");
    editor.insertRow(["1", "", "Accepted", "Second version."]);
    editor.sheet.rows.push([], ["", "", "Rejected"], ["Contact: J. Smith"]);
    const result = merged([cwm]);
    expect(result.changes).toEqual([]);
    expect(result.parts[0].notes.map((n) => [n.kind, n.cell])).toEqual([["refused", "A21"], ["refused", "A15"], ["refused", "A16"]]);
    expect(result.parts[0].notes[1].sentence).toBe(
      `Recommendation 1 appears on rows 15 and 16 of '${EXAMPLE_TITLE} - CWM.xlsx' with different answers, so none of them was merged. Keep one row and merge the part again.`,
    );
    expect(result.parts[0].notes[0].sentence).toBe(
      `Row 21 of '${EXAMPLE_TITLE} - CWM.xlsx' has answers but no recommendation number, so they could not be matched and were not merged. Put the answers on the row of their recommendation.`,
    );
  });

  test("a recommendation reworded in the workbook after the part was made: the answers are merged, with a warning", () => {
    const cwm = returned(partOf(partsOf(), "CWM"));
    new PartEditor(cwm).set("4", "Planned action", "New plan.");
    const book = exampleBook();
    sheetOf(book, "Recommendations").rows[6][1] = "UNITAR Programme Units should formulate learner engagement strategies.";
    const result = merged([cwm], book);
    expect(result.changes).toEqual([{ sheet: "Responses", row: 29, col: 3, value: "New plan." }]);
    expect(result.parts[0].notes.map((n) => n.sentence)).toEqual([
      `Recommendation 4 was reworded in the workbook after '${EXAMPLE_TITLE} - CWM.xlsx' was made, so CWM answered the earlier text; its answers were merged. Check that they still fit.`,
    ]);
  });

  test("an unreadable file, a file that is not a part, a damaged marker, a part without its header row", () => {
    const unreadable: PartSource = { source: "scan.xlsx", workbook: { sheets: [] }, kind: "file", problem: 'The file "scan.xlsx" is not an Excel .xlsx workbook; open it in Excel and save it as .xlsx.' };
    const plain: PartSource = { source: "notes.xlsx", workbook: { sheets: [{ name: "Sheet1", rows: [["No.", "Acceptance"], ["1", "Accepted"]] }] }, kind: "file" };
    const damaged = returned(partOf(partsOf(), "CWM"), "damaged.xlsx");
    const row0 = damaged.workbook.sheets[0].rows[0];
    row0[14] = String(row0[14]).slice(0, 60);
    const headless = returned(partOf(partsOf(), "GCP"), "headless.xlsx");
    headless.workbook.sheets[0].rows[13] = [];
    const result = merged([unreadable, plain, damaged, headless]);
    expect(result.changes).toEqual([]);
    expect(result.parts.map((p) => p.refusedBecause)).toEqual([
      'The file "scan.xlsx" is not an Excel .xlsx workbook; open it in Excel and save it as .xlsx. It was not merged.',
      "'notes.xlsx' is not a unit part made by Response Matrix (none of its sheets has the hidden part marker), so it was not merged. Ask the unit to send back the file it was sent, or copy its answers into Responses by hand.",
      "'damaged.xlsx' was not merged: the hidden marker on the sheet 'CWM' is damaged, so the sheet cannot be told apart from another unit's. Ask the unit for the part it was sent, with its answers copied in.",
      "'headless.xlsx' was not merged: its table has lost its header row (No., Recommendation, Acceptance ...), so its answers cannot be told apart. Ask the unit for the part it was sent, with its answers copied in.",
    ]);
    expect(result.round).toBeNull();
  });

  test("a workbook that is not the canonical one gets a sentence: merge needs the response matrix workbook", () => {
    const cwm = returned(partOf(partsOf(), "CWM"));
    const sectionIII: Workbook = { sheets: [{ name: "Sheet1", rows: [["Recommendation", "Programme unit", "Accepted Partially accepted Rejected"], ["1", "CWM", "Accepted"]] }] };
    expect(() => mergeParts(sectionIII, [cwm])).toThrow(/response matrix workbook \(sheets Units, Recommendations and Responses\)/);
  });
});
