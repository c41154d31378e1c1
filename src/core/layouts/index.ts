/**
 * The layouts the core recognises. Each scores how well a workbook matches it; the best reading wins.
 * Adding a layout: one module exporting a Layout, one line here.
 */

import type { Workbook } from "../grid";
import type { ResponseMatrix } from "../model";
import { LAYOUT_ID as CANONICAL, canonicalResponsesSheet, detectCanonical, readCanonical } from "./canonical";
import { LayoutError } from "./errors";
import { LAYOUT_ID as SECTION_III, LAYOUT_NAME as SECTION_III_NAME, detectSectionIII, readSectionIII } from "./section-iii";
import { LAYOUT_ID as SECTION_0, LAYOUT_NAME as SECTION_0_NAME, attachSection0, detectSection0, readSection0 } from "./section0";
import { LAYOUT_ID as MAPPED, LAYOUT_NAME as MAPPED_NAME, REQUIRED_ROLES, sheetChoice } from "./mapped";
import { LAYOUT_ID as SINGLE_UNIT, LAYOUT_NAME as SINGLE_UNIT_NAME, detectSingleUnit, readSingleUnit } from "./single-unit";
import { LAYOUT_ID as OIOS, LAYOUT_NAME as OIOS_NAME, detectOios, readOios } from "./oios";
import { LAYOUT_ID as REPORT_TEXT, LAYOUT_NAME as REPORT_TEXT_NAME, detectReportText, readReportText } from "./report-text";
import { ROLE_LABELS, type Role } from "../headers";
import { joinWithAnd } from "../text";

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
  { id: SECTION_III, name: SECTION_III_NAME, detect: detectSectionIII, read: readSectionIII },
  { id: SECTION_0, name: SECTION_0_NAME, detect: detectSection0, read: readSection0 },
  { id: SINGLE_UNIT, name: SINGLE_UNIT_NAME, detect: detectSingleUnit, read: readSingleUnit },
  { id: OIOS, name: OIOS_NAME, detect: detectOios, read: readOios },
  { id: REPORT_TEXT, name: REPORT_TEXT_NAME, detect: detectReportText, read: readReportText },
];

/** The name of a layout id, for messages. */
export function layoutName(id: string): string {
  if (id === MAPPED) return MAPPED_NAME;
  return LAYOUTS.find((l) => l.id === id)?.name ?? `the ${id} layout`;
}

/**
 * Reads the workbook with the layout that matches it best. When none matches, a sheet named `Responses`
 * is read as the canonical one (whose reader names the columns it lacks); otherwise the error names the
 * columns no sheet has and points to Settings → Sheet and columns.
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
  if (!best && !canonicalResponsesSheet(workbook)) throw new LayoutError(noLayoutSentence(workbook));
  const matrix = (best ?? LAYOUTS[0]).read(workbook, asOf);
  // A hand-made Section 0 beside the detail is checked against it (rule summary-mismatch), not merged
  attachSection0(workbook, matrix);
  return matrix;
}

/** Why no layout was recognised: the columns of a table of responses that no sheet has, and how to map them. */
export function noLayoutSentence(workbook: Workbook): string {
  const quoted = (roles: readonly Role[]) => joinWithAnd(roles.map((r) => `"${ROLE_LABELS[r]}"`));
  const settings = "the task pane under Settings → Sheet and columns";
  // Roles are looked for in each sheet's likeliest header row: a data cell `Accepted` is not an Acceptance header.
  // The closest sheet lacks the fewest; it is named only when no other sheet is as close.
  let closest: { name: string; missing: Role[] } | null = null;
  let tied = false;
  for (const sheet of workbook.sheets) {
    const headerRoles = new Set(sheetChoice(sheet).headers.map((h) => h.role));
    const missing = REQUIRED_ROLES.filter((role) => !headerRoles.has(role));
    if (!closest || missing.length < closest.missing.length) {
      closest = { name: sheet.name, missing };
      tied = false;
    } else if (missing.length === closest.missing.length) {
      tied = true;
    }
  }
  if (closest && closest.missing.length === 0) {
    return (
      `The sheet '${closest.name}' has the columns ${quoted(REQUIRED_ROLES)} but was not recognised as a table of responses. ` +
      `Rename it "Responses", or choose it and its columns in ${settings}.`
    );
  }
  const missing = closest?.missing ?? REQUIRED_ROLES;
  const found = REQUIRED_ROLES.filter((r) => !missing.includes(r));
  const where =
    workbook.sheets.length === 0
      ? " (the workbook has no sheets)"
      : closest && found.length > 0 && !tied
        ? ` (the closest, '${closest.name}', has ${quoted(found)})`
        : "";
  return (
    `No sheet has the column${missing.length > 1 ? "s" : ""} ${quoted(missing)} that a table of responses needs${where}. ` +
    `Add ${missing.length > 1 ? "these headers" : "this header"} above the table, or choose the sheet and columns in ${settings}.`
  );
}
