/** A deterministic WorkbookGateway for pane tests: fixed answers, every call recorded. */

import { vi } from "vitest";
import type { CellAddress } from "../../src/core/grid";
import { a1 } from "../../src/core/grid";
import type { Finding, Settings } from "../../src/core/model";
import type { ConflictChoice } from "../../src/core/round-trip/merge";
import type { MergedUnitSheets, PreparedUnitSheets, Recognition, SheetChoices, TemplateOptions, ValidationResult, WorkbookGateway } from "../../src/excel/gateway";

export const RECOGNISED: Recognition = {
  kind: "recognised",
  layout: "canonical",
  description: "Found: canonical layout, 14 units, 5 recommendations",
  sheets: ["Units", "Recommendations", "Responses"],
  units: 14,
  recommendations: 5,
  responses: 70,
};

/** A finding on the Responses sheet at an A1 reference such as "D7". */
export function finding(
  rule: string,
  severity: Finding["severity"],
  row: number,
  col: number,
  recommendation: string | null,
  unit: string | null,
  message: string,
  sheet = "Responses",
): Finding {
  const at: CellAddress = { sheet, row, col };
  return { rule, severity, sheet, cell: a1(row, col), recommendation, unit, message, suggestion: null, at };
}

export function resultOf(findings: Finding[], recognition: Recognition = RECOGNISED): ValidationResult {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, counts, recognition };
}

export interface FakeOptions {
  recognition?: Recognition;
  settings?: Settings;
  result?: ValidationResult;
  sheets?: SheetChoices;
}

/** A gateway whose methods are vitest mocks with fixed answers; tests replace single methods as needed. */
export function fakeGateway(options: FakeOptions = {}) {
  const gateway = {
    recognise: vi.fn(async (): Promise<Recognition> => options.recognition ?? RECOGNISED),
    validate: vi.fn(async (_settings: Settings): Promise<ValidationResult> => options.result ?? resultOf([])),
    selectCell: vi.fn(async (_at: CellAddress): Promise<void> => {}),
    generateSummary: vi.fn(async (_settings: Settings) => ({ sheet: "Section 0 Summary" })),
    createTemplate: vi.fn(async (_options: TemplateOptions) => ({ sheets: ["Units", "Recommendations", "Responses"] })),
    loadSettings: vi.fn(async (): Promise<Settings> => options.settings ?? { summaryBy: "division", severityOverrides: {} }),
    saveSettings: vi.fn(async (_settings: Settings): Promise<void> => {}),
    describeSheets: vi.fn(async (): Promise<SheetChoices> => options.sheets ?? { sheets: [] }),
    prepareUnitSheets: vi.fn(async (_round: string): Promise<PreparedUnitSheets> => ({ sheets: [], round: "the response", notAddressed: [], replaced: [] })),
    mergeUnitSheets: vi.fn(
      async (_choices: readonly ConflictChoice[]): Promise<MergedUnitSheets> => ({
        logSheet: "Merge log",
        round: null,
        parts: [],
        conflicts: [],
        totals: { added: 0, changed: 0, unchanged: 0, conflicting: 0, refused: 0 },
        responsesSheet: "Responses",
      }),
    ),
  } satisfies WorkbookGateway;
  return gateway;
}
