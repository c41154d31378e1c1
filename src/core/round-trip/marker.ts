/**
 * The hidden marker of a unit's part: which evaluation, unit and round it is for, a digest of its
 * recommendations, and for each recommendation the digest of its text and of every answer the part was sent
 * with. It sits in hidden cells of the part's own sheet (top row, right of the table), so it travels with the
 * sheet whatever the sheet is called, whichever workbook it is copied into, and however its rows are sorted.
 * Merge uses the answer digests to tell an answer the unit changed from one it left as it was sent.
 */

// zod/mini: the same checks as zod, a tenth of its code in the command line's bundle (parsed at every start)
import * as z from "zod/mini";
import type { CellValue, Sheet } from "../grid";

/** Every marker cell starts with this, then `|i|n|` (chunk i of n) and a piece of the marker's JSON. */
export const MARKER_TAG = "ResponseMatrixPart";
const CHUNK = /^ResponseMatrixPart\|(\d{1,3})\|(\d{1,3})\|/;
/** Below Excel's 32,767 characters per cell. */
const CHUNK_CHARS = 30_000;
/** Rows searched for the marker: the part's top row, with room for rows a unit inserted above it. */
const SEARCH_ROWS = 40;

export const MarkerSchema = z.object({
  v: z.literal(1),
  evaluation: z.string(),
  unit: z.string().check(z.minLength(1)),
  round: z.string().check(z.minLength(1)),
  /** Digest of the part's recommendations (numbers and texts, in order). */
  digest: z.string(),
  /** The date the part was made, YYYY-MM-DD. */
  made: z.string(),
  recommendations: z.array(
    z.object({
      /** Number. */
      n: z.string(),
      /** Digest of its text. */
      t: z.string(),
      /** Digest of each answer as sent ("" for blank), by column: its role, or `@` and the period of a follow-up status. */
      b: z.record(z.string(), z.string()),
    }),
  ),
});
export type Marker = z.infer<typeof MarkerSchema>;

/** The marker's cells, left to right. */
export function markerCells(marker: Marker): string[] {
  const json = JSON.stringify(marker);
  const n = Math.max(1, Math.ceil(json.length / CHUNK_CHARS));
  return Array.from({ length: n }, (_, i) => `${MARKER_TAG}|${i + 1}|${n}|${json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS)}`);
}

function isMarkerCell(v: CellValue | undefined): v is string {
  return typeof v === "string" && v.startsWith(MARKER_TAG) && CHUNK.test(v);
}

/** Where a sheet's marker is, or null when it has none. */
function markerRow(sheet: Sheet): number | null {
  const last = Math.min(sheet.rows.length, SEARCH_ROWS);
  for (let r = 0; r < last; r++) if ((sheet.rows[r] ?? []).some(isMarkerCell)) return r;
  return null;
}

/** True when the sheet holds a part marker (a unit's part, as made by split or Prepare unit sheets). */
export function isPartSheet(sheet: Sheet): boolean {
  return markerRow(sheet) !== null;
}

/** What a sheet's marker says: the marker, a sentence about why it cannot be read, or null when the sheet has none. */
export function readMarker(sheet: Sheet): { marker: Marker; row: number } | { problem: string } | null {
  const row = markerRow(sheet);
  if (row === null) return null;
  const pieces = new Map<number, string>();
  let count = 0;
  for (const v of sheet.rows[row] ?? []) {
    if (!isMarkerCell(v)) continue;
    const m = CHUNK.exec(v)!;
    count = Number(m[2]);
    pieces.set(Number(m[1]), v.slice(m[0].length));
  }
  const damaged = { problem: `the hidden marker on the sheet '${sheet.name}' is damaged, so the sheet cannot be told apart from another unit's` };
  if (pieces.size !== count) return damaged;
  let json = "";
  for (let i = 1; i <= count; i++) {
    const piece = pieces.get(i);
    if (piece === undefined) return damaged;
    json += piece;
  }
  try {
    const parsed = MarkerSchema.safeParse(JSON.parse(json));
    return parsed.success ? { marker: parsed.data, row } : damaged;
  } catch {
    return damaged;
  }
}
