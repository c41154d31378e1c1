/**
 * The `Merge log` sheet and the merge report the command line prints: per part, its unit and file, rows added,
 * changed, unchanged, conflicting and refused, and the cells; then the conflicts with both values, and the refused
 * rows and warnings with their cells. Each merge adds its block under the earlier ones, so the sheet keeps the
 * history of the round trip.
 */

import { displayText, plural } from "../text";
import type { CellValue, Sheet } from "../grid";
import { cellRange, type SheetSpec, type StyledRange } from "../sheet-spec";
import { summarySheetName } from "../summary/sheet-name";
import type { Conflict, MergeResult, PartLog } from "./merge";

export const MERGE_LOG_SHEET = "Merge log";
/** The first cell of our log sheet: how a later merge recognises it (a user's own "Merge log" is never replaced). */
export const MERGE_LOG_TITLE = "Merge log: answers merged from the units' parts";

const PART_HEADER = ["Unit", "File", "Sheet", "Rows added", "Changed", "Unchanged", "Conflicting", "Refused", "Cells written", "Why refused"];
const CONFLICT_HEADER = ["Recommendation", "Unit", "Column", "Cell", "Workbook's value", "Value in the part", "From", "Decision"];
const NOTE_HEADER = ["Unit", "File", "Sheet", "Cell", "What happened"];
const HEADERS = [PART_HEADER, CONFLICT_HEADER, NOTE_HEADER].map((h) => h.join("\u0001"));
const WIDTHS = [14, 36, 16, 12, 12, 12, 12, 12, 40, 60];

const HEADER_STYLE = { bold: true, wrap: true, fill: "#DDEBF7", border: true, vertical: "top" } as const;

/** The sheet the log is written to: our earlier log (its first cell is our title) is extended, a user's sheet never touched. */
export function mergeLogSheetName(sheets: readonly Sheet[]): { name: string; replaces: boolean } {
  const target = summarySheetName(sheets.map((s) => ({ name: s.name, ours: displayText(s.rows[0]?.[0]) === MERGE_LOG_TITLE })), MERGE_LOG_SHEET);
  // Our log under the spelling it has now (Excel compares sheet names ignoring case)
  const existing = sheets.find((s) => s.name.toLowerCase() === target.name.toLowerCase());
  return target.replaces && existing ? { ...target, name: existing.name } : target;
}

function text(v: CellValue): string {
  return displayText(v);
}

/** A part's values as the log and the pane show them: `"Accepted"`, or `(blank)`. */
export function quoted(v: CellValue): string {
  const t = text(v);
  return t === "" ? "(blank)" : `"${t.length > 80 ? `${t.slice(0, 79)}…` : t}"`;
}

/** What became of a conflict, in words. */
export function decision(c: Conflict): string {
  if (!c.taken) return "Kept the workbook's value";
  return `Took ${quoted(c.taken.value)} from ${c.taken.from.map((f) => f.name).join(", ")}`;
}

/** The rows of one merge's block: title, parts, conflicts, notes; and which rows are headings. */
function block(result: MergeResult, date: string): { rows: CellValue[][]; headings: number[]; headers: number[] } {
  const rows: CellValue[][] = [];
  const headings: number[] = [];
  const headers: number[] = [];
  const heading = (cells: CellValue[]) => {
    headings.push(rows.length);
    rows.push(cells);
  };
  const header = (cells: string[]) => {
    headers.push(rows.length);
    rows.push(cells);
  };
  heading([`Merge of ${date}: ${result.round ? result.round.name : "nothing merged"} (${plural(result.parts.length, "part")})`]);
  header(PART_HEADER);
  for (const p of result.parts) {
    rows.push([p.unit ?? "", p.source, p.sheet ?? "", p.added, p.changed, p.unchanged, p.conflicting, p.refused, p.cells.join(", "), p.refusedBecause ?? ""]);
  }
  const t = result.totals;
  rows.push(["Total", "", "", t.added, t.changed, t.unchanged, t.conflicting, t.refused, "", ""]);
  if (result.conflicts.length) {
    rows.push([]);
    heading([`Conflicts: answers that differ from the workbook's (${result.conflicts.length})`]);
    header(CONFLICT_HEADER);
    for (const c of result.conflicts) {
      for (const p of c.proposals) {
        rows.push([c.recommendation, c.unit, c.header, `${result.responsesSheet}!${c.cell}`, text(c.book), text(p.value), p.from.map((f) => `${f.name} ${f.cell}`).join(", "), decision(c)]);
      }
    }
  }
  const notes = result.parts.flatMap((p) => p.notes.map((n) => ({ p, n })));
  if (notes.length) {
    rows.push([]);
    heading([`Refused rows and warnings (${notes.length})`]);
    header(NOTE_HEADER);
    for (const { p, n } of notes) rows.push([p.unit ?? "", p.source, p.sheet ?? "", n.cell ?? "", `${n.kind === "refused" ? "Refused" : "Warning"}: ${n.sentence}`]);
  }
  return { rows, headings, headers };
}

/**
 * The Merge log sheet: the earlier log's rows (`previous`, our own earlier log, or null), then this merge's block
 * from `firstNewRow` on (a shell may write only those rows under the earlier log). Values and styles as data.
 */
export function mergeLogSheet(result: MergeResult, options: { name: string; date: string; previous: Sheet | null }): { spec: SheetSpec; firstNewRow: number } {
  const earlier: CellValue[][] = options.previous ? options.previous.rows.map((r) => [...r]) : [[MERGE_LOG_TITLE], ["Every merge of the units' parts into this workbook, the latest last."]];
  while (earlier.length && earlier[earlier.length - 1].every((v) => text(v) === "")) earlier.pop();
  const start = earlier.length + 1;
  const { rows, headings, headers } = block(result, options.date);
  const cells = [...earlier, [], ...rows];
  const styles: StyledRange[] = [{ range: cellRange(0, 0), style: { bold: true, fontSize: 14 } }];
  // Earlier blocks keep their look: their headings and header rows are recognised by their text.
  earlier.forEach((r, i) => {
    if (i === 0) return;
    if (HEADERS.includes(r.map(text).join("\u0001"))) styles.push({ range: { top: i, left: 0, bottom: i, right: r.length - 1 }, style: HEADER_STYLE });
    else if (/^(Merge of |Conflicts: |Refused rows and warnings )/.test(text(r[0] ?? ""))) styles.push({ range: cellRange(i, 0), style: { bold: true } });
  });
  for (const h of headings) styles.push({ range: cellRange(start + h, 0), style: { bold: true, fontSize: 12 } });
  for (const h of headers) styles.push({ range: { top: start + h, left: 0, bottom: start + h, right: rows[h].length - 1 }, style: HEADER_STYLE });
  const spec: SheetSpec = {
    name: options.name,
    cells,
    styles,
    merges: [],
    columnWidths: WIDTHS,
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true },
  };
  return { spec, firstNewRow: start };
}

/** Counts of one part in words: `4 rows added, 0 changed, 1 unchanged, 0 conflicting, 0 refused`. */
export function countsLine(p: Pick<PartLog, "added" | "changed" | "unchanged" | "conflicting" | "refused">): string {
  return `${plural(p.added, "row")} added, ${p.changed} changed, ${p.unchanged} unchanged, ${p.conflicting} conflicting, ${p.refused} refused`;
}

/** Cells, the first few then how many more (the log sheet lists them all). */
function someCells(cells: readonly string[], max = 12): string {
  return cells.length <= max ? cells.join(", ") : `${cells.slice(0, max).join(", ")} and ${cells.length - max} more`;
}

/** The merge report as lines of text (what the command line prints, and the log sheet holds). */
export function mergeReportLines(result: MergeResult): string[] {
  const lines: string[] = [];
  const merged = result.parts.filter((p) => !p.refusedBecause).length;
  lines.push(`${merged} of ${plural(result.parts.length, "part")} merged${result.round ? ` for ${result.round.name}` : ""}: ${countsLine(result.totals)}.`);
  for (const p of result.parts) {
    const where = p.sheet && p.source !== p.sheet ? `${p.source}, sheet '${p.sheet}'` : p.source;
    const who = p.unit ? `${p.unit} (${where})` : where;
    if (p.refusedBecause) lines.push(`  ${who}: refused. ${p.refusedBecause}`);
    else lines.push(`  ${who}: ${countsLine(p)}${p.cells.length ? `; cells ${someCells(p.cells)}` : ""}.`);
  }
  if (result.conflicts.length) {
    lines.push(`${plural(result.conflicts.length, "conflict")}: answers that differ from the workbook's.`);
    for (const c of result.conflicts) {
      const parts = c.proposals.map((p) => `${quoted(p.value)} in ${p.from.map((f) => f.name).join(", ")}`).join("; ");
      lines.push(`  Recommendation ${c.recommendation}, ${c.unit}, ${c.header} (${result.responsesSheet}!${c.cell}): workbook ${quoted(c.book)}; ${parts}. ${decision(c)}.`);
    }
  }
  const notes = result.parts.flatMap((p) => p.notes);
  if (notes.length) {
    lines.push(`Refused rows and warnings:`);
    for (const n of notes) lines.push(`  ${n.kind === "refused" ? "Refused" : "Warning"}: ${n.sentence}`);
  }
  return lines;
}
