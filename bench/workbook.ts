/**
 * Deterministic canonical workbooks for the benchmark: a seeded PRNG and a realistic mix of answers,
 * defects (typos, placeholders, unknown units, duplicates, ambiguous dates), dates, statuses and follow-ups.
 * Same seed and size, same workbook, so runs compare.
 */

import type { CellValue, Workbook } from "../src/core/grid";
import { serialFromYmd } from "../src/core/dates";
import { RECOMMENDATIONS_COLUMNS, RESPONSES_COLUMNS, UNITS_COLUMNS } from "../src/core/template";

/** mulberry32: a small, fast, seeded PRNG returning numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from weighted choices `[value, weight]`. */
function weighted<T>(random: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((n, [, w]) => n + w, 0);
  let x = random() * total;
  for (const [value, w] of choices) {
    x -= w;
    if (x < 0) return value;
  }
  return choices[choices.length - 1][0];
}

const ACCEPTANCE: readonly (readonly [string, number])[] = [
  ["Accepted", 55], ["Partially accepted", 14], ["Rejected", 7], ["No response", 4], ["", 3], ["Acepted", 2],
  ["Acceptée", 3], ["Yes", 2], ["Partially Accepted ", 3], ["N/A", 2], ["-", 2], ["Rejetée", 1], ["maybe later", 1],
];

const STATUS_LADDER = ["Not started", "Planned", "Under implementation", "Implemented"] as const;
const STATUS_SPELLINGS: Record<string, readonly string[]> = {
  "Not started": ["Not started", "Pending"],
  Planned: ["Planned", "Prévu"],
  "Under implementation": ["Under implementation", "In progress", "Ongoing", "En cours"],
  Implemented: ["Implemented", "Completed", "<b>Implemented</b>", "Done"],
};

const VERBS = ["Revise", "Strengthen", "Document", "Train staff on", "Review", "Publish", "Monitor", "Align", "Update", "Establish"];
const OBJECTS = [
  "the data entry procedure", "the quality assurance checklist", "the results framework", "the learner survey",
  "the partnership agreements", "the knowledge management platform", "the risk register", "the gender &amp; inclusion markers",
  "the budget monitoring tool", "the evaluation follow-up plan",
];

/** Sizes the benchmark uses: recommendations x units = response rows. */
export interface BenchSize {
  recommendations: number;
  units: number;
}

/** Response rows of a size. */
export function rowsOf(size: BenchSize): number {
  return size.recommendations * size.units;
}

/** Exact sizes for the sync counts: recommendations x units = rows. */
export const SYNC_SIZES: Record<number, BenchSize> = {
  10: { recommendations: 5, units: 2 },
  1000: { recommendations: 50, units: 20 },
  10000: { recommendations: 100, units: 100 },
  100000: { recommendations: 500, units: 200 },
};

/** A canonical workbook (Units, Recommendations, Responses) of recommendations x units response rows. */
export function generateWorkbook(size: BenchSize, seed = 20250630): Workbook {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const divisions = Math.max(1, Math.ceil(size.units / 10));

  const unitCodes = Array.from({ length: size.units }, (_, i) => `U${String(i + 1).padStart(3, "0")}`);
  const units: CellValue[][] = unitCodes.map((code, i) => [
    code,
    `Programme unit ${i + 1}`,
    `Division ${(i % divisions) + 1}`,
    i % 7 === 0 ? `PU${i + 1}; Unit ${i + 1}` : "",
  ]);

  // Most recommendations go to everyone; some to one division or a short list (with the odd misspelt name).
  const addressed: Set<string>[] = [];
  const recommendations: CellValue[][] = [];
  for (let r = 0; r < size.recommendations; r++) {
    const kind = weighted(random, [["all", 70], ["division", 15], ["list", 15]] as const);
    let text = "All";
    let set = new Set(unitCodes);
    if (kind === "division") {
      const d = Math.floor(random() * divisions);
      text = `Division ${d + 1}`;
      set = new Set(unitCodes.filter((_, i) => i % divisions === d));
    } else if (kind === "list") {
      const list = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(unitCodes));
      set = new Set(list);
      text = list.join(", ") + (random() < 0.1 ? ", XYZ" : "");
    }
    addressed.push(set);
    const recText = `Recommendation ${r + 1}: ${pick(VERBS)} ${pick(OBJECTS)}. The unit should report on progress every six months.`;
    recommendations.push([String(r + 1), recText, pick(["High", "Medium", "Low"]), pick(["Data", "Learning", "Partnerships"]), text]);
  }

  const responseDate = serialFromYmd(2024, 1, 15);
  const responses: CellValue[][] = [];
  for (let r = 0; r < size.recommendations; r++) {
    const shared = `${pick(VERBS)} ${pick(OBJECTS)} by the end of the biennium.`;
    for (let u = 0; u < size.units; u++) {
      const code = unitCodes[u];
      const no = u === 0 || random() < 0.7 ? String(r + 1) : ""; // a blank No. inherits the number above
      let unit: CellValue = random() < 0.003 ? code.replace("U", "V") : random() < 0.05 ? `Programme unit ${u + 1}` : code;
      if (random() < 0.001) unit = unitCodes[(u + 1) % size.units]; // a duplicate answer (and a missing one)
      let acceptance = addressed[r].has(code) ? weighted(random, ACCEPTANCE) : pick(["Not applicable", "-", "NA", ""]);
      if (typeof acceptance === "string" && random() < 0.002) acceptance = `<p>${acceptance}</p>`;
      const accepting = /accept|yes/i.test(acceptance) && !/not/i.test(acceptance);
      const action = accepting
        ? weighted(random, [[shared, 50], [`${pick(VERBS)} ${pick(OBJECTS)} (unit ${code}, item ${r + 1}).`, 40], ["-", 4], ["TBD", 3], ["", 3]] as const)
        : acceptance.startsWith("Rej") ? weighted(random, [["Outside the unit's mandate.", 60], ["", 40]] as const) : "";
      const date: CellValue = accepting
        ? weighted<CellValue>(random, [
            [responseDate + 180 + Math.floor(random() * 900), 75], ["2025-12-31", 8], ["Q2 2025", 4], ["31/08/2025", 3],
            ["ongoing", 3], ["", 4], ["31 December 2025", 3],
          ])
        : "";
      // Statuses climb the ladder over the follow-ups, now and then stepping back or left blank
      const statuses: CellValue[] = ["", "", "", ""];
      if (accepting || random() < 0.05) {
        let step = Math.floor(random() * 2);
        // Status, 6 months and 1 year are due by the "as of" date; most trackers are kept up to date
        const filled = weighted(random, [[0, 6], [1, 6], [2, 10], [3, 70], [4, 8]] as const);
        for (let s = 0; s < Math.min(filled, 4); s++) {
          if (random() < 0.05) step = Math.max(0, step - 1);
          else if (random() < 0.45) step = Math.min(3, step + 1);
          statuses[s] = random() < 0.01 ? "Implemnted" : pick(STATUS_SPELLINGS[STATUS_LADDER[step]]);
        }
      }
      const comments = acceptance.startsWith("Partial") && random() < 0.7 ? "The second part depends on extra-budgetary funding." : random() < 0.1 ? "See the annual report." : "";
      const done = statuses.some((s) => /Implemented|Completed|Done/.test(String(s)));
      const evidence = done && random() < 0.6 ? `Report ${r + 1}-${u + 1}, https://example.org/evidence/${r + 1}/${u + 1}` : "";
      responses.push([
        no, unit, acceptance, action, accepting ? pick(["Head of unit", "Programme officer", "Director"]) : "",
        accepting ? pick(["Staff time", "USD 10,000", "Within existing resources", ""]) : "", date, ...statuses, comments,
        evidence, random() < 0.9 ? responseDate : "",
      ]);
    }
  }

  return {
    name: `bench-${rowsOf(size)}.xlsx`,
    sheets: [
      { name: "Units", rows: [UNITS_COLUMNS.map((c) => c.header), ...units] },
      { name: "Recommendations", rows: [["Title", "Benchmark evaluation"], [], RECOMMENDATIONS_COLUMNS.map((c) => c.header), ...recommendations] },
      { name: "Responses", rows: [RESPONSES_COLUMNS.map((c) => c.header), ...responses] },
    ],
  };
}
