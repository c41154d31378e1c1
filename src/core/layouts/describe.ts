/**
 * What was found, said per block (SPEC 3, Blocks): "Sheet 'Table 1': Section 0 matrix at A12:J24 (9 divisions,
 * 5 recommendations, checked against the detail); Section III at A43:H137 (14 units, 5 recommendations, 53 answers)".
 * The task pane's status line and the CLI's report both say it in these words.
 */

import { a1 } from "../grid";
import type { BlockCounts, MatrixBlock, ResponseMatrix } from "../model";
import { plural } from "../text";

/** A block's cells as Excel writes a range: `A12:J24`. */
export function blockRange(block: MatrixBlock): string {
  return `${a1(block.top, block.left)}:${a1(block.bottom, block.right)}`;
}

/** The counts of a block in words: "9 divisions, 5 recommendations". */
function countWords(counts: BlockCounts): string[] {
  const words: string[] = [];
  if (counts.divisions !== undefined) words.push(plural(counts.divisions, "division"));
  if (counts.columns !== undefined) words.push(plural(counts.columns, "division or unit", "divisions or units"));
  if (counts.units !== undefined) words.push(plural(counts.units, "unit"));
  if (counts.recommendations !== undefined) words.push(plural(counts.recommendations, "recommendation"));
  if (counts.answers !== undefined) words.push(plural(counts.answers, "answer"));
  return words;
}

/** How a block was used, in words, where its counts do not say it. */
function useWords(block: MatrixBlock): string[] {
  if (block.kind === "section-0") return [block.use === "checked" ? "checked against the detail" : "read as the answers: no detailed responses were found"];
  if (block.kind === "report-text") return ["no answers yet"];
  if (block.use === "joined") return block.note ? [block.note] : [];
  if (block.use !== "aside") return [];
  if (block.kind === "table") return [block.note ?? "not recognised"];
  return ["not used"];
}

/** One block in words: "Section III at A43:H137 (14 units, 5 recommendations, 53 answers)". */
export function describeBlock(block: MatrixBlock): string {
  const words = [...countWords(block.counts), ...useWords(block)];
  return `${block.name} at ${blockRange(block)}${words.length ? ` (${words.join(", ")})` : ""}`;
}

/** The blocks found, one line per sheet, in the workbook's order: "Sheet 'Table 1': Section 0 matrix at ...; Section III at ...". */
export function describeBlocks(matrix: ResponseMatrix): string[] {
  const bySheet = new Map<string, MatrixBlock[]>();
  for (const block of matrix.blocks ?? []) {
    const list = bySheet.get(block.sheet);
    if (list) list.push(block);
    else bySheet.set(block.sheet, [block]);
  }
  return [...bySheet].map(([sheet, blocks]) => `Sheet '${sheet}': ${blocks.map(describeBlock).join("; ")}`);
}

/**
 * True when the blocks say more than one line naming the layout and its sheet: a sheet holds several blocks, or a
 * block of answers sits on another sheet than the main one. (A workbook of one block per sheet is said as before.)
 */
export function blocksNeedSaying(matrix: ResponseMatrix): boolean {
  const blocks = matrix.blocks ?? [];
  const sheets = new Set(blocks.map((b) => b.sheet));
  if (sheets.size < blocks.length) return true;
  return blocks.some((b) => b.use === "answers" && b.sheet !== matrix.responsesSheet);
}

/** What was found, as one sentence per sheet for the status line: "Sheet 'Table 1': ...; .... Sheet 'Units': ...". */
export function foundText(matrix: ResponseMatrix): string {
  return describeBlocks(matrix).map((line) => `${line}.`).join(" ");
}
