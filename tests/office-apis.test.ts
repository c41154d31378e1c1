/**
 * Every Office.js API the add-in's code calls, with its requirement set (from @types/office-js), found by the
 * TypeScript checker in src/ (all but the core, the command line, the in-memory host and the playground, which never
 * touch Office). The list below is the one place that says what the add-in needs of Excel; a call of an API above the
 * manifest's ExcelApi set must sit behind `supportsExcelApi("1.x")` or `Office.context.requirements.isSetSupported`
 * (in an if, a ?: or &&, after an early return, or through a const holding the check), with a fallback.
 */

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { excelApiSets, officeTypesPath, type ApiSet } from "../scripts/excel-api-sets";
import { compareVersions } from "../src/memory-excel/requirements";

const root = path.resolve(import.meta.dirname, "..");
const MINIMUM = /<Set Name="ExcelApi" MinVersion="([\d.]+)"/.exec(readFileSync(path.join(root, "manifest.xml"), "utf8"))![1];
const SETS = excelApiSets(readFileSync(officeTypesPath(), "utf8"));
const SCANNED = ["src"];
const NOT_OFFICE = ["src/core", "src/cli", "src/memory-excel", "src/playground"];

/** Every Office.js API the add-in calls, with its requirement set ("common": Office's own, not an ExcelApi set). */
const LISTED = [
  "Chart.axes: ExcelApi 1.1",
  "Chart.legend: ExcelApi 1.1",
  "Chart.series: ExcelApi 1.1",
  "Chart.setPosition: ExcelApi 1.1",
  "Chart.title: ExcelApi 1.1",
  "ChartAxes.categoryAxis: ExcelApi 1.1",
  "ChartAxis.position: ExcelApi 1.8",
  "ChartAxis.reversePlotOrder: ExcelApi 1.7",
  "ChartCollection.add: ExcelApi 1.1",
  "ChartFill.setSolidColor: ExcelApi 1.1",
  "ChartLegend.position: ExcelApi 1.1",
  "ChartSeries.format: ExcelApi 1.1",
  "ChartSeries.name: ExcelApi 1.1",
  "ChartSeries.setValues: ExcelApi 1.7",
  "ChartSeries.setXAxisValues: ExcelApi 1.7",
  "ChartSeriesCollection.add: ExcelApi 1.7",
  "ChartSeriesCollection.getItemAt: ExcelApi 1.1",
  "ChartSeriesFormat.fill: ExcelApi 1.1",
  "ChartTitle.text: ExcelApi 1.1",
  "ClientObject.isNullObject: common",
  "ClientRequestContext.sync: common",
  "Context.requirements: common",
  "DataValidation.errorAlert: ExcelApi 1.8",
  "DataValidation.rule: ExcelApi 1.8",
  "Excel.run: common",
  "FormatProtection.locked: ExcelApi 1.2",
  "HostType.Excel: common",
  "NamedItem.delete: ExcelApi 1.4",
  "NamedItem.getRangeOrNullObject: ExcelApi 1.4",
  "NamedItem.name: ExcelApi 1.1",
  "NamedItemCollection.add: ExcelApi 1.4",
  "NamedItemCollection.getItem: ExcelApi 1.1",
  "NamedItemCollection.getItemOrNullObject: ExcelApi 1.4",
  "NamedItemCollection.items: ExcelApi 1.1",
  "NamedItemCollection.load: common",
  "Office.HostType: common",
  "Office.onReady: common",
  "PageBreakCollection.add: ExcelApi 1.9",
  "PageLayout.bottomMargin: ExcelApi 1.9",
  "PageLayout.footerMargin: ExcelApi 1.9",
  "PageLayout.headerMargin: ExcelApi 1.9",
  "PageLayout.leftMargin: ExcelApi 1.9",
  "PageLayout.orientation: ExcelApi 1.9",
  "PageLayout.paperSize: ExcelApi 1.9",
  "PageLayout.rightMargin: ExcelApi 1.9",
  "PageLayout.setPrintArea: ExcelApi 1.9",
  "PageLayout.setPrintTitleColumns: ExcelApi 1.9",
  "PageLayout.setPrintTitleRows: ExcelApi 1.9",
  "PageLayout.topMargin: ExcelApi 1.9",
  "PageLayout.zoom: ExcelApi 1.9",
  "Range.address: ExcelApi 1.1",
  "Range.clear: ExcelApi 1.1",
  "Range.columnHidden: ExcelApi 1.2",
  "Range.copyFrom: ExcelApi 1.9",
  "Range.dataValidation: ExcelApi 1.8",
  "Range.format: ExcelApi 1.1",
  "Range.formulas: ExcelApi 1.1",
  "Range.getIntersectionOrNullObject: ExcelApi 1.4",
  "Range.getMergedAreasOrNullObject: ExcelApi 1.13",
  "Range.getTables: ExcelApi 1.9",
  "Range.getUsedRangeOrNullObject: ExcelApi 1.4",
  "Range.load: common",
  "Range.merge: ExcelApi 1.2",
  "Range.numberFormat: ExcelApi 1.1",
  "Range.rowCount: ExcelApi 1.1",
  "Range.rowIndex: ExcelApi 1.1",
  "Range.select: ExcelApi 1.1",
  "Range.values: ExcelApi 1.1",
  "RangeAreas.address: ExcelApi 1.9",
  "RangeAreas.load: common",
  "RangeBorder.style: ExcelApi 1.1",
  "RangeBorderCollection.getItem: ExcelApi 1.1",
  "RangeFill.color: ExcelApi 1.1",
  "RangeFont.bold: ExcelApi 1.1",
  "RangeFont.color: ExcelApi 1.1",
  "RangeFont.italic: ExcelApi 1.1",
  "RangeFont.name: ExcelApi 1.1",
  "RangeFont.size: ExcelApi 1.1",
  "RangeFormat.borders: ExcelApi 1.1",
  "RangeFormat.columnWidth: ExcelApi 1.2",
  "RangeFormat.fill: ExcelApi 1.1",
  "RangeFormat.font: ExcelApi 1.1",
  "RangeFormat.horizontalAlignment: ExcelApi 1.1",
  "RangeFormat.protection: ExcelApi 1.2",
  "RangeFormat.rowHeight: ExcelApi 1.2",
  "RangeFormat.verticalAlignment: ExcelApi 1.1",
  "RangeFormat.wrapText: ExcelApi 1.1",
  "RequestContext.workbook: common",
  "RequirementSetSupport.isSetSupported: common",
  "Setting.load: common",
  "Setting.value: ExcelApi 1.4",
  "SettingCollection.add: ExcelApi 1.4",
  "SettingCollection.getItemOrNullObject: ExcelApi 1.4",
  "Table.getRange: ExcelApi 1.1",
  "Table.name: ExcelApi 1.1",
  "Table.rows: ExcelApi 1.1",
  "Table.showTotals: ExcelApi 1.1",
  "Table.style: ExcelApi 1.1",
  "TableCollection.add: ExcelApi 1.1",
  "TableCollection.getItem: ExcelApi 1.1",
  "TableCollection.items: ExcelApi 1.1",
  "TableCollection.load: common",
  "TableRow.delete: ExcelApi 1.1",
  "TableRowCollection.add: ExcelApi 1.1",
  "TableRowCollection.getItemAt: ExcelApi 1.1",
  "TableScopedCollection.items: ExcelApi 1.9",
  "TableScopedCollection.load: common",
  "Workbook.getSelectedRange: ExcelApi 1.1",
  "Workbook.getSelectedRanges: ExcelApi 1.9",
  "Workbook.load: common",
  "Workbook.name: ExcelApi 1.7",
  "Workbook.names: ExcelApi 1.1",
  "Workbook.protection: ExcelApi 1.7",
  "Workbook.settings: ExcelApi 1.4",
  "Workbook.tables: ExcelApi 1.1",
  "Workbook.worksheets: ExcelApi 1.1",
  "WorkbookProtection.load: common",
  "WorkbookProtection.protected: ExcelApi 1.7",
  "Worksheet.activate: ExcelApi 1.1",
  "Worksheet.charts: ExcelApi 1.1",
  "Worksheet.delete: ExcelApi 1.1",
  "Worksheet.freezePanes: ExcelApi 1.7",
  "Worksheet.getRange: ExcelApi 1.1",
  "Worksheet.getRangeByIndexes: ExcelApi 1.7",
  "Worksheet.getUsedRangeOrNullObject: ExcelApi 1.4",
  "Worksheet.horizontalPageBreaks: ExcelApi 1.9",
  "Worksheet.id: ExcelApi 1.1",
  "Worksheet.load: common",
  "Worksheet.name: ExcelApi 1.1",
  "Worksheet.pageLayout: ExcelApi 1.9",
  "Worksheet.position: ExcelApi 1.1",
  "Worksheet.protection: ExcelApi 1.2",
  "Worksheet.tables: ExcelApi 1.1",
  "Worksheet.visibility: ExcelApi 1.1",
  "WorksheetCollection.add: ExcelApi 1.1",
  "WorksheetCollection.getItem: ExcelApi 1.1",
  "WorksheetCollection.getItemOrNullObject: ExcelApi 1.4",
  "WorksheetCollection.items: ExcelApi 1.1",
  "WorksheetCollection.load: common",
  "WorksheetFreezePanes.freezeRows: ExcelApi 1.7",
  "WorksheetProtection.protect: ExcelApi 1.2",
];

interface Use {
  api: string;
  set: ApiSet | null;
  file: string;
  line: number;
  guarded: string | null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return NOT_OFFICE.includes(rel) ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
  });
}

/** The ExcelApi version a condition proves supported, or null: a supportsExcelApi / isSetSupported call, or a const holding one. */
function provenVersion(checker: ts.TypeChecker, expr: ts.Expression, depth = 0): string | null {
  let best: string | null = null;
  const consider = (v: string | null) => {
    if (v && (!best || compareVersions(v, best) > 0)) best = v;
  };
  const literal = (arg: ts.Expression | undefined) => {
    if (!arg) return null;
    const type = checker.getTypeAtLocation(arg);
    return type.isStringLiteral() ? type.value : null;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return; // !check proves nothing here
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText();
      if (/(^|\.)supportsExcelApi$/.test(callee)) consider(literal(node.arguments[0]));
      if (/\.isSetSupported$/.test(callee) && literal(node.arguments[0]) === "ExcelApi") consider(literal(node.arguments[1]));
    }
    if (ts.isIdentifier(node) && depth < 2) {
      const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) {
        consider(provenVersion(checker, declaration.initializer, depth + 1));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(expr);
  return best;
}

/** The version `node` is guarded by, looking at the code around it: if/?:/&& branches and early returns. */
function guardOf(checker: ts.TypeChecker, node: ts.Node): string | null {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && parent.thenStatement === child) return provenVersion(checker, parent.expression) ?? guardOf(checker, parent);
    if (ts.isConditionalExpression(parent) && parent.whenTrue === child) return provenVersion(checker, parent.condition) ?? guardOf(checker, parent);
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && parent.right === child) {
      return provenVersion(checker, parent.left) ?? guardOf(checker, parent);
    }
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      for (const statement of parent.statements) {
        if (statement === child) break;
        // if (!supportsExcelApi("1.x")) return ...; (or throw)
        if (ts.isIfStatement(statement) && ts.isPrefixUnaryExpression(statement.expression) && statement.expression.operator === ts.SyntaxKind.ExclamationToken) {
          const exits = ts.isBlock(statement.thenStatement) ? statement.thenStatement.statements.at(-1) : statement.thenStatement;
          if (exits && (ts.isReturnStatement(exits) || ts.isThrowStatement(exits))) {
            const v = provenVersion(checker, statement.expression.operand);
            if (v) return v;
          }
        }
      }
    }
    if (ts.isFunctionLike(parent)) return null;
  }
  return null;
}

/** The Office.js API a property access names: `Range.values`, `Excel.run`, `Office.onReady` ... or null. */
function apiOf(checker: ts.TypeChecker, node: ts.PropertyAccessExpression, typesFile: string): string | null {
  const symbol = checker.getSymbolAtLocation(node.name);
  const declaration = symbol?.declarations?.find((d) => path.resolve(d.getSourceFile().fileName) === typesFile);
  if (!declaration || !symbol) return null;
  const owner = declaration.parent;
  if (owner && (ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) && owner.name) return `${owner.name.text}.${symbol.name}`;
  if (owner && ts.isModuleBlock(owner)) return `${(owner.parent as ts.ModuleDeclaration).name.getText()}.${symbol.name}`;
  if (owner && ts.isEnumDeclaration(owner)) return `${owner.name.text}.${symbol.name}`;
  return null;
}

function findUses(): Use[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const files = SCANNED.flatMap(sourceFiles).map((f) => path.join(root, f));
  const program = ts.createProgram(files, config.options);
  const checker = program.getTypeChecker();
  const typesFile = path.resolve(officeTypesPath());
  const uses: Use[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const api = apiOf(checker, node, typesFile);
        if (api) {
          const set = SETS.get(api) ?? null;
          const line = source.getLineAndCharacterOfPosition(node.name.getStart()).line + 1;
          uses.push({ api, set, file: path.relative(root, file), line, guarded: set ? guardOf(checker, node) : null });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** True when the manifest's minimum already gives `set`. */
function withinMinimum(set: ApiSet | null): boolean {
  return set === null || (set.name === "ExcelApi" && compareVersions(set.version, MINIMUM) <= 0);
}

const uses = findUses();

describe(`Office.js APIs the add-in calls (the manifest requires ExcelApi ${MINIMUM})`, () => {
  test("are the ones listed here, each with its requirement set", () => {
    const found = [...new Set(uses.map((u) => `${u.api}: ${u.set ? `${u.set.name} ${u.set.version}` : "common"}`))].sort();
    expect(found).toEqual(LISTED);
  });

  test("above the manifest's set, each call is behind an isSetSupported check of that set, with a fallback", () => {
    const unguarded = uses
      .filter((u) => !withinMinimum(u.set))
      .filter((u) => u.set!.name !== "ExcelApi" || u.guarded === null || compareVersions(u.guarded, u.set!.version) < 0)
      .map((u) => `${u.file}:${u.line} ${u.api} (${u.set!.name} ${u.set!.version})`);
    expect(unguarded).toEqual([]);
  });

  test("the check finds calls above the manifest's set (the add-in reads merged areas where ExcelApi 1.13 gives them)", () => {
    expect(uses.filter((u) => !withinMinimum(u.set)).map((u) => [u.api, u.guarded])).toContainEqual(["Range.getMergedAreasOrNullObject", "1.13"]);
  });
});
