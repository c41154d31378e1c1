/**
 * The layouts the core recognises. Each scores how well a workbook matches it; the best reading wins.
 * Adding a layout: one module exporting a Layout, one line here.
 */

import type { Workbook } from "../grid";
import type { ResponseMatrix } from "../model";
import { LAYOUT_ID as CANONICAL, detectCanonical, readCanonical } from "./canonical";

export interface Layout {
  /** Stable id, reported as the CLI's JSON `layout`. */
  id: string;
  /** How people call it, for the status line: "Section III layout". */
  name: string;
  /** How well the workbook matches, from 0 (not at all) to 1. */
  detect(workbook: Workbook): number;
  /** Reads the workbook; throws LayoutError with a sentence when it cannot. */
  read(workbook: Workbook, asOf: number): ResponseMatrix;
}

export const LAYOUTS: readonly Layout[] = [
  { id: CANONICAL, name: "the response matrix layout (Units, Recommendations, Responses)", detect: detectCanonical, read: readCanonical },
];

/** The name of a layout id, for messages. */
export function layoutName(id: string): string {
  return LAYOUTS.find((l) => l.id === id)?.name ?? `the ${id} layout`;
}

/**
 * Reads the workbook with the layout that matches it best. When none matches, the canonical reader
 * explains what is missing (which sheet, which columns) and how to fix it.
 */
export function readBestLayout(workbook: Workbook, asOf: number): ResponseMatrix {
  let best: Layout | null = null;
  let bestScore = 0;
  for (const layout of LAYOUTS) {
    const score = layout.detect(workbook);
    if (score > bestScore) {
      best = layout;
      bestScore = score;
    }
  }
  return (best ?? LAYOUTS[0]).read(workbook, asOf);
}
