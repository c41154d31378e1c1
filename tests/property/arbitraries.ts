/**
 * Random workbooks for the property tests, of three kinds:
 * - `randomWorkbook`: any grid at all (sheet names with quotes, spaces and unicode; text with HTML and `#N/A`;
 *   numbers including NaN, Infinity, negative and huge; booleans; blanks; ragged rows);
 * - `nearlyCanonicalWorkbook`: the three canonical sheets with header spellings from the synonym lists in random order,
 *   and cells drawn mostly from what the rules look at (vocabulary words and their misspellings, dates, unit codes,
 *   blank numbers that inherit), so the rules run deep;
 * - `xlsxSafeWorkbook`: either kind, with sheet names Excel accepts, for writing as an .xlsx file.
 */

import fc from "fast-check";
import type { CellValue, Sheet, Workbook } from "../../src/core/grid";

/** The one seed of every property: CI runs the same cases every time (change it to explore new ones). */
export const SEED = 20250630;

/**
 * Words a message must never contain, as a sign of a value printed where text was meant. Generated text avoids
 * them (a cell may of course say "undefined", and a message would then quote it).
 */
export const LEAK = /undefined|NaN|\[object|\bnull\b/;

/** HTML, formula errors and other text that has broken spreadsheet tools before. */
export const NASTY_TEXT = [
  "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<p><b>Recommendation 1:</b> Do it.</p>", "<<b>script>x",
  "#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "=1+1", "=HYPERLINK(\"x\")", "'", "''", "\"", "O'Neil", "a & b",
  " ", "\t", "\n", "–", "—", "-", "?", "☒", "□", "é", "œ", "İ", "ß", "😀", "\u200b", "\u00a0", "Acceptée ?",
] as const;

const ACCEPTANCE_TEXT = [
  "Accepted", "accepted ", "ACCEPTED", "Acepted", "Partially accepted", "Partly accepted", "Rejected", "Not accepted",
  "No response", "Not applicable", "N/A", "NA", "-", "Yes", "No", "Y", "N", "Oui", "Non", "Acceptée", "Partiellement acceptée",
  "Rejetée", "Pas de réponse", "Sans objet", "Agreed", "Maybe", "#N/A", "#REF!",
] as const;

const STATUS_TEXT = [
  "Not started", "Planned", "Under implementation", "In progress", "Implemented", "Implemnted", "Completed", "Not implemented",
  "Ongoing", "C", "O", "Closed", "No response", "-", "Pending", "En cours", "Mis en œuvre", "Done?", "#N/A", "#REF!",
] as const;

const DATE_TEXT = [
  "2025-12-31", "31 December 2025", "31 Dec 2025", "December 31, 2025", "31 décembre 2025", "by 30 June 2025",
  "Q2 2024", "31/08/2023", "05/05/2025", "2025/13/45", "ongoing", "TBD", "N/A", "-", "To be decided by the UNCT", "#N/A", "#REF!",
] as const;

const NUMBER_TEXT = ["1", "1.", "(1)", "Recommendation 1", "2", "2)", "3", "13a", "13 a)", "Rec. 4", "x", "0", "-1", "9999"] as const;

const UNIT_TEXT = [
  "CWM", "cwm", "GCP", "PTP", "PTPU", "SCYCLE", "CITSU", "Chemicals and Waste Management Programme", "Planet", "Peace",
  "GPC", "XYZ", "O'Neil Unit", "<b>GCP</b>", "Unité Paris", "CWM (Planet)",
] as const;

const ADDRESSED_TEXT = [
  "All", "Tous", "", "CWM", "CWM, GCP", "CWM and GCP", "CWM; PTP", "Planet", "Peace and Planet", "CWM / XYZ", "GPC",
  "Chemicals and Waste Management Programme and PTP", "O'Neil Unit",
] as const;

const sometimes = <T>(arb: fc.Arbitrary<T>, other: fc.Arbitrary<T>, weight = 1) =>
  fc.oneof({ arbitrary: arb, weight: 4 * weight }, { arbitrary: other, weight: 1 });

/** Text of any characters, never one of the LEAK words. */
export const anyText: fc.Arbitrary<string> = fc
  .oneof(
    { arbitrary: fc.string({ maxLength: 12 }), weight: 4 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 3 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 8 }), weight: 1 },
    { arbitrary: fc.constantFrom(...NASTY_TEXT), weight: 3 },
    { arbitrary: fc.string({ unit: fc.constantFrom("a", " ", "<", ">", "&", "/", "b", ";", "#", "'"), maxLength: 20 }), weight: 2 },
    { arbitrary: fc.string({ minLength: 150, maxLength: 400 }), weight: 1 },
  )
  .filter((s) => !LEAK.test(s));

/** Any finite number: negative, -0, huge, tiny, Excel date serials. */
export const finiteNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -5, max: 50 }),
  fc.integer({ min: 36_000, max: 55_000 }),
  fc.constantFrom(-0, 1e308, -1e308, 5e-324, 2_958_466, 1_048_576),
);

/** Any number at all, NaN and ±Infinity included. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof({ arbitrary: finiteNumber, weight: 3 }, { arbitrary: fc.constantFrom(NaN, Infinity, -Infinity), weight: 1 });

const cellOf = (number: fc.Arbitrary<number>): fc.Arbitrary<CellValue> =>
  fc.oneof(
    { arbitrary: anyText, weight: 5 },
    { arbitrary: number, weight: 2 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constantFrom<CellValue>("", "", " "), weight: 3 },
    { arbitrary: fc.constantFrom(null, undefined) as unknown as fc.Arbitrary<CellValue>, weight: 1 },
  );

/** Any cell a shell might hand over: text, number (NaN and Infinity too), boolean, blank (also null and undefined, read as blank). */
export const anyCell: fc.Arbitrary<CellValue> = cellOf(anyNumber);

/**
 * The same with finite numbers only. A NaN or an Infinity anywhere makes the core refuse the whole workbook
 * (LayoutError), so the nearly canonical workbooks, meant to reach the rules, leave them to the random grids.
 */
export const finiteCell: fc.Arbitrary<CellValue> = cellOf(finiteNumber);

/** A sheet name of any characters (the core must not care whether Excel would allow it). */
export const anySheetName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("Responses", "Units", "Recommendations", "Réponses", "Management responses", "O'Neil's sheet", "My sheet", "A1", "R1C1", "'", "Sheet1"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 31 }).filter((s) => !LEAK.test(s)),
);

/** A ragged grid of up to `maxRows` rows (any number up to it: fast-check's default size would keep grids under ten rows). */
export const anyRows = (maxRows: number, maxCols = 12, cell = anyCell): fc.Arbitrary<CellValue[][]> =>
  fc.array(fc.array(cell, { maxLength: maxCols }), { maxLength: maxRows, size: "max" });

/** A workbook of random sheets; one of them is often called Responses so reading gets past the first check. */
export const randomWorkbook = (maxRows = 60): fc.Arbitrary<Workbook> =>
  fc.record({
    name: fc.option(anyText, { nil: undefined }),
    sheets: fc.array(
      fc.record({ name: anySheetName, rows: anyRows(maxRows), hidden: fc.option(fc.boolean(), { nil: undefined }) }) as fc.Arbitrary<Sheet>,
      { maxLength: 4 },
    ),
  });

// --- nearly canonical workbooks -------------------------------------------------------------------------------

/** Header spellings per column, from the synonym lists, with case and punctuation variants; the rest of the row random. */
const UNITS_HEADERS = {
  code: ["Code", "code", "Unit code", "CODE ", "Code unité"],
  name: ["Name", "Unit name", "Nom"],
  division: ["Division", "Department", "Group", "Direction", "DIVISION"],
  aliases: ["Aliases", "Other spellings", "Alias"],
};
const RECOMMENDATIONS_HEADERS = {
  number: ["No.", "No", "#", "Rec. no.", "N°", "Recommendation no."],
  recommendation: ["Recommendation", "Recommendation text", "Texte"],
  addressedTo: ["Addressed to", "Responsible units", "For action by", "Destinataires", "Adressée à"],
  priority: ["Priority", "Critical/Important"],
  category: ["Category", "Theme"],
};
const RESPONSES_HEADERS = {
  number: ["No.", "No", "#", "N°", "Rec. no."],
  unit: ["Unit", "Programme unit", "Office", "Entity", "Unité"],
  acceptance: ["Acceptance", "Accepted?", "Accepted? (Yes/No)", "Management response", "Acceptation"],
  action: ["Planned action", "Proposed action", "Key actions", "Action plan", "Action prévue"],
  responsible: ["Responsible", "Title of responsible individual", "Focal point"],
  budget: ["Budget", "Budget allocated"],
  targetDate: ["Target date", "Implementation date", "Due date", "Deadline", "Échéance"],
  status: ["Status", "Implementation status", "C/O", "Statut"],
  followUp6: ["Status at 6 months", "Implementation status at 6 months", "Statut à 6 mois"],
  followUp12: ["Status at 1 year", "Update on status in 2025 – one year", "Statut à 1 an"],
  followUp24: ["Status at 2 years", "Statut à 2 ans"],
  comments: ["Comments", "Client comments", "Remarks", "Commentaires"],
  evidence: ["Evidence", "Means of verification"],
  responseDate: ["Response date", "Date of response"],
};

type Pools = Record<string, fc.Arbitrary<CellValue>>;

const pick = <T extends CellValue>(list: readonly T[]) => fc.constantFrom<CellValue>(...list);
const serial = fc.integer({ min: 43_000, max: 48_000 });

const RESPONSE_CELLS: Pools = {
  number: sometimes(fc.oneof(pick(NUMBER_TEXT), pick(["", "", ""]), fc.integer({ min: 1, max: 4 })), finiteCell),
  unit: sometimes(fc.oneof(pick(UNIT_TEXT), pick([""])), finiteCell),
  acceptance: sometimes(fc.oneof(pick(ACCEPTANCE_TEXT), pick(["", true, false])), finiteCell),
  action: sometimes(pick(["Train all staff.", "<p>Revise the <b>policy</b>.</p>", "-", "N/A", "TBD", "", "none"]), finiteCell),
  responsible: sometimes(pick(["Head of unit", "", "Director"]), finiteCell),
  budget: sometimes(pick(["Staff time", "", 5000]), finiteCell),
  targetDate: sometimes(fc.oneof(pick(DATE_TEXT), serial, pick([""])), finiteCell),
  status: sometimes(fc.oneof(pick(STATUS_TEXT), pick([""])), finiteCell),
  followUp6: sometimes(fc.oneof(pick(STATUS_TEXT), pick(["", ""])), finiteCell),
  followUp12: sometimes(fc.oneof(pick(STATUS_TEXT), pick(["", ""])), finiteCell),
  followUp24: sometimes(fc.oneof(pick(STATUS_TEXT), pick(["", ""])), finiteCell),
  comments: sometimes(pick(["Only part is feasible.", "", "", "Because of budget."]), finiteCell),
  evidence: sometimes(pick(["Report 2025", "", ""]), finiteCell),
  responseDate: sometimes(fc.oneof(serial, pick(DATE_TEXT), pick([""])), finiteCell),
};

const UNIT_CELLS: Pools = {
  code: sometimes(fc.oneof(pick(["CWM", "GCP", "PTP", "SCYCLE", "CITSU", "O'Neil Unit", "cwm", ""])), finiteCell),
  name: sometimes(pick(["Chemicals and Waste Management Programme", "Green Development", "", "Peace and Security"]), finiteCell),
  division: sometimes(pick(["Planet", "Peace", "People", "", "Prosperity and Partnerships"]), finiteCell),
  aliases: sometimes(pick(["", "PTPU", "PTPU; Peace unit", ";;"]), finiteCell),
};

const RECOMMENDATION_CELLS: Pools = {
  number: sometimes(fc.oneof(pick(NUMBER_TEXT), fc.integer({ min: 1, max: 4 }), pick([""])), finiteCell),
  recommendation: sometimes(pick(["Strengthen data entry.", "<p><b>Recommendation 2:</b> Improve.</p>", ""]), anyText),
  addressedTo: sometimes(pick(ADDRESSED_TEXT), finiteCell),
  priority: sometimes(pick(["High", "Critical", ""]), finiteCell),
  category: sometimes(pick(["Data", ""]), finiteCell),
};

/**
 * A table: a header row naming some of the columns (the `required` ones nearly always) in random order and
 * spelling, a few random columns, label rows above it now and then, and rows drawn from the pools.
 */
function table(
  headers: Record<string, string[]>,
  cells: Pools,
  required: string[],
  maxRows: number,
  minRows = 0,
): fc.Arbitrary<CellValue[][]> {
  const roles = Object.keys(headers);
  const optional = roles.filter((r) => !required.includes(r));
  return fc
    .record({
      dropRequired: fc.oneof({ arbitrary: fc.constant(null), weight: 19 }, { arbitrary: fc.constantFrom<string | null>(...required), weight: 1 }),
      chosen: fc.subarray(optional),
      extra: fc.array(anyText, { maxLength: 2 }),
      order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: roles.length + 2, maxLength: roles.length + 2 }),
      spellings: fc.array(fc.nat(), { minLength: roles.length, maxLength: roles.length }),
      above: fc.array(fc.array(fc.oneof(pick(["Title", "Date of response", "Date", "Evaluation"]), serial, anyText), { maxLength: 3 }), { maxLength: 3 }),
    })
    .chain(({ dropRequired, chosen, extra, order, spellings, above }) => {
      const columns: { header: CellValue; cell: fc.Arbitrary<CellValue> }[] = [
        ...[...required.filter((r) => r !== dropRequired), ...chosen].map((role) => {
          const names = headers[role];
          return { header: names[spellings[roles.indexOf(role)] % names.length] as CellValue, cell: cells[role] };
        }),
        ...extra.map((header) => ({ header: header as CellValue, cell: finiteCell })),
      ];
      const shuffled = columns.map((c, i) => ({ c, k: order[i] ?? 0 })).sort((a, b) => a.k - b.k).map((x) => x.c);
      const row = fc.tuple(...shuffled.map((c) => c.cell)) as fc.Arbitrary<CellValue[]>;
      return fc
        .array(fc.oneof({ arbitrary: row, weight: 9 }, { arbitrary: fc.constant<CellValue[]>([]), weight: 1 }), { minLength: minRows, maxLength: maxRows, size: "max" })
        .map((rows) => [...above, shuffled.map((c) => c.header), ...rows]);
    });
}

/** Canonical sheets (Units and Recommendations now and then left out) with random content, as described at the top. */
export const nearlyCanonicalWorkbook = (maxRows = 40, minRows = 0): fc.Arbitrary<Workbook> =>
  fc
    .record({
      units: fc.option(table(UNITS_HEADERS, UNIT_CELLS, ["code", "division"], 8), { freq: 3, nil: null }),
      recommendations: fc.option(table(RECOMMENDATIONS_HEADERS, RECOMMENDATION_CELLS, ["number", "recommendation", "addressedTo"], 6), { freq: 3, nil: null }),
      responses: table(RESPONSES_HEADERS, RESPONSE_CELLS, ["number", "unit", "acceptance"], maxRows, minRows),
      responsesName: fc.constantFrom("Responses", "Responses", "Réponses", "Management responses"),
      extra: fc.option(fc.record({ name: anySheetName, rows: anyRows(5, 12, finiteCell) }), { freq: 4, nil: null }),
      hidden: fc.boolean(),
    })
    .map(({ units, recommendations, responses, responsesName, extra, hidden }) => {
      const sheets: Sheet[] = [];
      if (units) sheets.push({ name: "Units", rows: units, ...(hidden ? { hidden: true } : {}) });
      if (recommendations) sheets.push({ name: "Recommendations", rows: recommendations });
      sheets.push({ name: responsesName, rows: responses });
      if (extra && !sheets.some((s) => s.name === extra.name)) sheets.push(extra);
      return { name: "property.xlsx", sheets };
    });

/** Either kind of workbook. */
export const anyWorkbook = (maxRows = 40): fc.Arbitrary<Workbook> =>
  fc.oneof({ arbitrary: nearlyCanonicalWorkbook(maxRows), weight: 3 }, { arbitrary: randomWorkbook(maxRows), weight: 1 });

/** Excel's rules for sheet names: 1–31 characters, none of `[]:*?/\`, no apostrophe first or last, unique ignoring case. */
export function excelSheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name, i) => {
    const chars = [...name.replace(/[[\]:*?/\\]|\p{Cc}/gu, "")];
    while (chars.join("").length > 31) chars.pop();
    let n = chars.join("").replace(/^[\s']+|[\s']+$/g, "");
    for (let k = 0; !n || used.has(n.toLowerCase()) || n.toLowerCase() === "history"; k++) n = `Sheet ${i + 1}${k ? `-${k}` : ""}`;
    used.add(n.toLowerCase());
    return n;
  });
}

/** A workbook whose sheets can be written to .xlsx (Excel-valid names); cells stay as random as they were. */
export const xlsxSafeWorkbook = (maxRows = 30): fc.Arbitrary<Workbook> =>
  anyWorkbook(maxRows)
    .filter((wb) => wb.sheets.length > 0)
    .map((wb) => {
      const names = excelSheetNames(wb.sheets.map((s) => s.name));
      return { ...wb, sheets: wb.sheets.map((s, i) => ({ ...s, name: names[i] })) };
    });
