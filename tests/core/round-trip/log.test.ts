import { describe, expect, test } from "vitest";
import type { Sheet } from "../../../src/core/grid";
import { MERGE_LOG_TITLE, mergeLogSheet, mergeLogSheetName, mergeReportLines } from "../../../src/core/round-trip/log";
import { mergeParts } from "../../../src/core/round-trip/merge";
import type { PartSource } from "../../../src/core/round-trip/parts";
import { EXAMPLE_TITLE } from "../../../src/core/example/seed002";
import { applied, exampleBook, partOf, PartEditor, returned, split, TODAY } from "./parts";

const CWM_FILE = `${EXAMPLE_TITLE} - CWM.xlsx`;

/** CWM changes one action and both it and the office changed another (a conflict); a second file is not a part. */
function smallMerge() {
  const book = applied(exampleBook(), [{ sheet: "Responses", row: 15, col: 3, value: "Corrected by the office." }]);
  const cwm = returned(partOf(split(exampleBook()), "CWM"));
  new PartEditor(cwm).set("1", "Planned action", "Train all CWM staff.").set("2", "Planned action", "Quarterly checks.");
  const notes: PartSource = { source: "notes.xlsx", workbook: { sheets: [{ name: "Sheet1", rows: [["hello"]] }] }, kind: "file" };
  return { book, result: mergeParts(book, [cwm, notes]) };
}

const NOT_A_PART =
  "'notes.xlsx' is not a unit part made by Response Matrix (none of its sheets has the hidden part marker), so it was not merged. Ask the unit to send back the file it was sent, or copy its answers into Responses by hand.";

describe("Merge log", () => {
  test("lists per part the unit, file, sheet, rows added, changed, unchanged, conflicting, refused and the cells; then the conflicts", () => {
    const { result } = smallMerge();
    const { spec, firstNewRow } = mergeLogSheet(result, { name: "Merge log", date: TODAY, previous: null });
    expect(firstNewRow).toBe(3);
    expect(spec.cells).toEqual([
      [MERGE_LOG_TITLE],
      ["Every merge of the units' parts into this workbook, the latest last."],
      [],
      ["Merge of 2025-07-01: the response (2 parts)"],
      ["Unit", "File", "Sheet", "Rows added", "Changed", "Unchanged", "Conflicting", "Refused", "Cells written", "Why refused"],
      ["CWM", CWM_FILE, "CWM", 0, 1, 2, 1, 0, "D3", ""],
      ["", "notes.xlsx", "", 0, 0, 0, 0, 0, "", NOT_A_PART],
      ["Total", "", "", 0, 1, 2, 1, 0, "", ""],
      [],
      ["Conflicts: answers that differ from the workbook's (1)"],
      ["Recommendation", "Unit", "Column", "Cell", "Workbook's value", "Value in the part", "From", "Decision"],
      ["2", "CWM", "Planned action", "Responses!D16", "Corrected by the office.", "Quarterly checks.", `'${CWM_FILE}' D16`, "Kept the workbook's value"],
    ]);
    expect(spec.styles.filter((s) => s.style.bold).map((s) => s.range.top)).toEqual([0, 3, 9, 4, 10]);
  });

  test("each merge adds its block under the earlier ones, which keep their look", () => {
    const { book, result } = smallMerge();
    const first = mergeLogSheet(result, { name: "Merge log", date: TODAY, previous: null }).spec;
    const previous: Sheet = { name: "Merge log", rows: first.cells };
    const again = mergeParts(applied(book, result.changes), [returned(partOf(split(exampleBook()), "GCP"))]);
    const { spec, firstNewRow } = mergeLogSheet(again, { name: "Merge log", date: "2025-07-02", previous });
    expect(spec.cells.slice(0, first.cells.length)).toEqual(first.cells);
    expect(firstNewRow).toBe(first.cells.length + 1);
    expect(spec.cells.slice(firstNewRow)).toEqual([
      ["Merge of 2025-07-02: the response (1 part)"],
      ["Unit", "File", "Sheet", "Rows added", "Changed", "Unchanged", "Conflicting", "Refused", "Cells written", "Why refused"],
      ["GCP", `${EXAMPLE_TITLE} - GCP.xlsx`, "GCP", 0, 0, 4, 0, 0, "", ""],
      ["Total", "", "", 0, 0, 4, 0, 0, "", ""],
    ]);
    const headerRows = spec.styles.filter((s) => s.style.fill === "#DDEBF7").map((s) => s.range.top);
    expect(headerRows).toEqual([4, 10, firstNewRow + 1]);
  });

  test("is written to our own earlier log; a user's sheet named 'Merge log' is never touched", () => {
    expect(mergeLogSheetName([{ name: "Responses", rows: [] }])).toEqual({ name: "Merge log", replaces: false });
    expect(mergeLogSheetName([{ name: "merge LOG", rows: [[MERGE_LOG_TITLE]] }])).toEqual({ name: "merge LOG", replaces: true });
    expect(mergeLogSheetName([{ name: "Merge log", rows: [["My own notes"]] }])).toEqual({ name: "Merge log (2)", replaces: false });
  });

  test("the report the command line prints says the same in sentences", () => {
    const { result } = smallMerge();
    expect(mergeReportLines(result)).toEqual([
      "1 of 2 parts merged for the response: 0 rows added, 1 changed, 2 unchanged, 1 conflicting, 0 refused.",
      `  CWM (${CWM_FILE}, sheet 'CWM'): 0 rows added, 1 changed, 2 unchanged, 1 conflicting, 0 refused; cells D3.`,
      `  notes.xlsx: refused. ${NOT_A_PART}`,
      "1 conflict: answers that differ from the workbook's.",
      `  Recommendation 2, CWM, Planned action (Responses!D16): workbook "Corrected by the office."; "Quarterly checks." in '${CWM_FILE}'. Kept the workbook's value.`,
    ]);
  });
});
