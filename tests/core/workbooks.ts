/**
 * Small canonical workbooks from literal grids, for tests.
 * Each sheet's first row is its header row; omitted sheets get the defaults below.
 */

import type { CellValue, Workbook } from "../../src/core/grid";
import { readWorkbook } from "../../src/core/read";
import type { ResponseMatrix } from "../../src/core/model";

export const UNITS_HEADER = ["Code", "Name", "Division", "Aliases"];
export const RECOMMENDATIONS_HEADER = ["No.", "Recommendation", "Priority", "Category", "Addressed to"];
export const RESPONSES_HEADER = [
  "No.", "Unit", "Acceptance", "Planned action", "Responsible", "Budget", "Target date", "Status",
  "Status at 6 months", "Status at 1 year", "Comments",
];

/** Three units in two divisions. */
export const DEFAULT_UNITS: CellValue[][] = [
  ["CWM", "Chemicals and Waste Management Programme", "Planet", ""],
  ["GCP", "Green Development and Climate Change Programme", "Planet", ""],
  ["PTP", "Peacekeeping Training Programme", "Peace", "PTPU"],
];

/** Two recommendations addressed to every unit. */
export const DEFAULT_RECOMMENDATIONS: CellValue[][] = [
  ["1", "Strengthen quality control of data entry.", "High", "Data", "All"],
  ["2", "Improve learner engagement.", "Medium", "Learning", "All"],
];

export interface BookSpec {
  units?: CellValue[][];
  recommendations?: CellValue[][];
  /** Rows under RESPONSES_HEADER (or under `responsesHeader`). */
  responses: CellValue[][];
  responsesHeader?: string[];
  recommendationsHeader?: string[];
  unitsHeader?: string[];
  /** Extra sheets, as they are. */
  extra?: { name: string; rows: CellValue[][] }[];
}

/** A canonical workbook: Units, Recommendations, Responses. */
export function book(spec: BookSpec): Workbook {
  return {
    name: "test.xlsx",
    sheets: [
      { name: "Units", rows: [spec.unitsHeader ?? UNITS_HEADER, ...(spec.units ?? DEFAULT_UNITS)] },
      { name: "Recommendations", rows: [spec.recommendationsHeader ?? RECOMMENDATIONS_HEADER, ...(spec.recommendations ?? DEFAULT_RECOMMENDATIONS)] },
      { name: "Responses", rows: [spec.responsesHeader ?? RESPONSES_HEADER, ...spec.responses] },
      ...(spec.extra ?? []),
    ],
  };
}

/** A response row under RESPONSES_HEADER from named fields; unnamed ones are blank. */
export function row(fields: {
  no?: CellValue; unit?: CellValue; acceptance?: CellValue; action?: CellValue; responsible?: CellValue;
  budget?: CellValue; date?: CellValue; status?: CellValue; m6?: CellValue; y1?: CellValue; comments?: CellValue;
}): CellValue[] {
  const f = fields;
  return [
    f.no ?? "", f.unit ?? "", f.acceptance ?? "", f.action ?? "", f.responsible ?? "", f.budget ?? "",
    f.date ?? "", f.status ?? "", f.m6 ?? "", f.y1 ?? "", f.comments ?? "",
  ];
}

/** A complete, valid answer for the given recommendation and unit (no finding from any rule). */
export function goodRow(no: string, unit: string, extra: Parameters<typeof row>[0] = {}): CellValue[] {
  return row({
    no, unit, acceptance: "Accepted", action: "Train all staff on the policy.", responsible: "Head of unit",
    budget: "Staff time", date: "2030-12-31", status: "Planned", ...extra,
  });
}

/** Every unit answers every default recommendation correctly. */
export function completeResponses(): CellValue[][] {
  return ["1", "2"].flatMap((no) => ["CWM", "GCP", "PTP"].map((u) => goodRow(no, u)));
}

/** Reads a spec into a matrix, as of 2025-06-30 unless told. */
export function matrixOf(spec: BookSpec | Workbook, asOf = "2025-06-30"): ResponseMatrix {
  const wb = "sheets" in spec ? spec : book(spec);
  return readWorkbook(wb, { asOf });
}
