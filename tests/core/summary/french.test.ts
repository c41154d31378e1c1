import { describe, expect, it } from "vitest";
import type { CellValue, Workbook } from "../../../src/core/grid";
import { serialFromIso } from "../../../src/core/dates";
import { readWorkbook } from "../../../src/core/read";
import { headerLanguage, section0Layout, section0Summary, valueAt } from "../../../src/core/summary/index";
import { templateSheets } from "../../../src/core/template";

/** The example workbook (seed 002) as the reader gets it. */
function exampleWorkbook(): Workbook {
  return { name: "example.xlsx", sheets: templateSheets({ example: true }).map((s) => ({ name: s.name, rows: s.cells })) };
}

describe("the French summary of the example, cell by cell", () => {
  const matrix = readWorkbook(exampleWorkbook(), { asOf: "2025-06-30" });
  const sheet = section0Summary(matrix, [], { by: "division", generated: "2025-07-01T09:30", language: "fr" });
  const at = section0Layout(5);
  const row = (r: number, width: number): CellValue[] => sheet.cells[r].slice(0, width);

  it("writes the title block in French", () => {
    expect(row(0, 1)).toEqual(["Section 0 – Résumé de la réponse"]);
    expect(row(1, 2)).toEqual(["Évaluation", "Evaluation of UNITAR's learning-related events certifications"]);
    expect(row(2, 2)).toEqual(["Généré le", serialFromIso("2025-07-01")! + 9.5 / 24]);
    expect(row(3, 2)).toEqual(["Situation au", serialFromIso("2025-06-30")]);
    expect(valueAt(sheet, "L1")).toBe("Contrôles à la génération (hors de la zone d'impression : non imprimés)");
    expect([valueAt(sheet, "L2"), valueAt(sheet, "L3"), valueAt(sheet, "L4")]).toEqual(["Erreurs", "Avertissements", "Remarques"]);
  });

  it("writes the matrix header and every acceptance word in French, units joined with 'et'", () => {
    expect(row(at.header, 10)).toEqual([
      "Recommandation", "CITSU", "Peace", "People", "Planet", "New York Office", "Multilateral Diplomacy Programme",
      "Satellite Analysis and Applied Research", "Prosperity", "NCD",
    ]);
    expect(row(at.firstRec, 10).slice(1)).toEqual([
      "Sans objet", "Acceptée", "Partiellement acceptée (SDP); Pas de réponse (A2030)", "Acceptée (CWM et GCP); Partiellement acceptée (SCYCLE)",
      "Acceptée", "Partiellement acceptée", "Acceptée", "Acceptée (PFTP); Partiellement acceptée (HO)", "Acceptée",
    ]);
    expect(row(at.firstRec + 1, 10).slice(1)).toEqual([
      "Sans objet", "Acceptée", "Partiellement acceptée (SDP); Pas de réponse (A2030)",
      "Acceptée (GCP); Partiellement acceptée (CWM); Rejetée (SCYCLE)", "Acceptée", "Partiellement acceptée", "Acceptée",
      "Partiellement acceptée", "Partiellement acceptée",
    ]);
    expect(row(at.firstRec + 2, 3).slice(1)).toEqual(["Acceptée", "Sans objet"]);
  });

  it("labels the column totals as counts of units, and the rate, in French", () => {
    expect(row(at.firstFooter, 10)).toEqual(["Unités ayant accepté", 1, 8, 0, 9, 4, 2, 3, 5, 1]);
    expect(row(at.firstFooter + 1, 10)).toEqual(["Unités ayant partiellement accepté", 0, 0, 4, 2, 0, 2, 1, 3, 3]);
    expect(row(at.firstFooter + 2, 10)).toEqual(["Unités ayant rejeté", 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(row(at.firstFooter + 3, 10)).toEqual(["Unités sans réponse", 0, 0, 4, 0, 0, 0, 0, 0, 0]);
    expect(row(at.rateRow, 5)).toEqual(["Taux d'acceptation", 1, 1, 0.5, 11 / 12]);
  });

  it("writes the legend in French", () => {
    expect(sheet.cells.slice(at.legendTitle, at.legendTitle + 6).map((r) => r[0])).toEqual([
      "Couleurs : la réponse la moins favorable donnée dans la case (les mots disent la même chose)",
      "Rejetée : au moins une unité l'a rejetée",
      "Partiellement acceptée : au moins une unité l'a partiellement acceptée, aucune ne l'a rejetée",
      "Acceptée : toutes les unités qui ont répondu l'ont acceptée",
      "Pas de réponse : aucune unité de la colonne n'a répondu",
      "Sans objet : adressée à aucune unité de la colonne",
    ]);
  });

  it("writes the counts per recommendation in French", () => {
    expect(row(at.countsTitle, 1)).toEqual(["Unités par réponse, pour chaque recommandation"]);
    expect(row(at.countsHeader, 6)).toEqual([
      "Recommandation", "Unités ayant accepté", "Unités ayant partiellement accepté", "Unités ayant rejeté", "Unités sans réponse",
      "Taux d'acceptation",
    ]);
    expect(row(at.countsFirst, 5)).toEqual(["Recommandation 1", 8, 4, 0, 1]);
    expect(row(at.countsTotal, 5)).toEqual(["Toutes les recommandations", 33, 15, 1, 4]);
  });

  it("writes the implementation block's title, statuses and total in French", () => {
    const top = sheet.chart!.anchor.bottom + 2;
    expect(row(top, 1)).toEqual(["État de mise en œuvre des recommandations acceptées et partiellement acceptées (dernier statut)"]);
    expect(row(top + 1, 9)).toEqual([
      "Recommandation", "Non commencé", "Prévu", "En cours de mise en œuvre", "Mis en œuvre", "Non mis en œuvre", "Ouvert / autre",
      "Sans statut", "% mis en œuvre",
    ]);
    expect(row(top + 7, 8)).toEqual(["Total", 0, 2, 27, 11, 0, 1, 7]);
  });

  it("names the chart and its series in French", () => {
    expect(sheet.chart?.title).toBe("Acceptation par recommandation (nombre d'unités)");
    expect(sheet.chart?.series.map((s) => s.name)).toEqual(["Acceptée", "Partiellement acceptée", "Rejetée", "Pas de réponse"]);
  });

  it("leaves no English word of the sheet's own in the French summary", () => {
    const ours = sheet.cells.flat().filter((v): v is string => typeof v === "string");
    for (const english of ["Accepted", "Rejected", "No response", "Units that", "Recommendation 1", "Total accepted", "NA", "Generated", "As of"]) {
      expect(ours.filter((v) => v === english || v.startsWith(`${english} `)), english).toEqual([]);
    }
  });
});

describe("the summary's default language: the workbook's own headers", () => {
  const sheetOf = (name: string, rows: CellValue[][]) => ({ name, rows });

  it("is English for the example, whose headers are English", () => {
    expect(headerLanguage(exampleWorkbook())).toBe("en");
  });

  it("is French for a workbook whose headers are French, wherever the table sits", () => {
    const french: Workbook = {
      sheets: [
        sheetOf("Unités", [["Code", "Nom", "Division"], ["CWM", "Programme produits chimiques", "Planète"]]),
        sheetOf("Réponses", [[], ["Rapport d'évaluation"], [], ["N°", "Unité", "Acceptation", "Action prévue", "Date cible", "Statut"], ["1", "CWM", "Acceptée", "Former", "", ""]]),
      ],
    };
    expect(headerLanguage(french)).toBe("fr");
  });

  it("is not swayed by words both languages share, nor by long text in cells", () => {
    const shared: Workbook = { sheets: [sheetOf("S", [["Division", "Budget", "Code", "Commentaires sur l'ensemble des recommandations du rapport qui sont longues"]])] };
    expect(headerLanguage(shared)).toBe("en");
  });
});
