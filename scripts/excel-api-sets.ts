/**
 * The requirement set of every member of the Excel JavaScript API, read from the `[Api set: ExcelApi 1.x]`
 * remarks of @types/office-js, and the table the in-memory host checks its calls against.
 *
 *   npx tsx scripts/excel-api-sets.ts      rewrites src/memory-excel/api-sets.ts (for the members the host has)
 *
 * tests/memory-excel/api-sets.test.ts checks that the written table is what this gives, and
 * tests/excel/office-apis.test.ts uses it to list the Office.js APIs the add-in calls.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compareVersions } from "../src/memory-excel/requirements";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Members every proxy has from OfficeExtension.ClientObject: no requirement set of their own. */
const CLIENT_OBJECT_MEMBERS = new Set(["context", "load", "toJSON", "set", "track", "untrack", "isNullObject"]);

/** A requirement set: `ExcelApi` `1.13`, or another Excel set (`ExcelApiOnline`, `ExcelApiDesktop`). */
export interface ApiSet {
  name: string;
  version: string;
}

/** Where @types/office-js is. */
export function officeTypesPath(): string {
  return createRequire(import.meta.url).resolve("@types/office-js/index.d.ts");
}

function lower(a: ApiSet, b: ApiSet | undefined): ApiSet {
  if (!b) return a;
  if (a.name !== b.name) return a.name === "ExcelApi" ? a : b;
  return compareVersions(a.version, b.version) <= 0 ? a : b;
}

/**
 * `Class.member` → its requirement set, for every class of the `Excel` namespace. A member without remarks of its
 * own takes its class's; overloads in different sets count at the lowest.
 */
export function excelApiSets(dts: string): Map<string, ApiSet> {
  const lines = dts.split("\n");
  const start = lines.findIndex((l) => l.startsWith("declare namespace Excel {"));
  const sets = new Map<string, ApiSet>();
  let comment: ApiSet | null = null;
  let inComment = false;
  let cls: { name: string; set: ApiSet | null } | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith("    namespace Interfaces {") || line.startsWith("}")) break;
    const trimmed = line.trim();
    if (trimmed.startsWith("/**")) {
      inComment = true;
      comment = null;
    }
    if (inComment) {
      const m = /\[Api set: (\w+) ([\d.]+)/.exec(line);
      if (m) comment = { name: m[1], version: m[2] };
      if (trimmed.endsWith("*/")) inComment = false;
      continue;
    }
    const classMatch = /^ {4}(?:abstract )?class (\w+)/.exec(line);
    if (classMatch) {
      cls = { name: classMatch[1], set: comment };
      comment = null;
      continue;
    }
    if (/^ {4}\S/.test(line)) {
      // Another declaration of the namespace (interface, enum, function): not a class member.
      if (!line.startsWith("    }")) cls = null;
      comment = null;
      continue;
    }
    const member = cls && /^ {8}(?:readonly |get |set )?(\w+)\??\s*[(:<]/.exec(line);
    if (cls && member) {
      const name = member[1];
      const set = comment ?? cls.set;
      if (set && !CLIENT_OBJECT_MEMBERS.has(name)) {
        const key = `${cls.name}.${name}`;
        sets.set(key, lower(set, sets.get(key)));
      }
      comment = null;
    }
  }
  return sets;
}

/** The newest numbered ExcelApi set @types/office-js knows. */
export function newestExcelApi(sets: Map<string, ApiSet>): string {
  let newest = "1.1";
  for (const s of sets.values()) if (s.name === "ExcelApi" && compareVersions(s.version, newest) > 0) newest = s.version;
  return newest;
}

/** `Class.member` for every public member of the in-memory host's Excel objects. */
export async function hostMembers(): Promise<string[]> {
  const dir = path.join(root, "src/memory-excel");
  const { ClientObject } = await import(pathToFileURL(path.join(dir, "base.ts")).href);
  const { readdirSync } = await import("node:fs");
  const members = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()) {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (typeof value !== "function" || !(value.prototype instanceof ClientObject)) continue;
      const abstract = Object.getPrototypeOf(value) === ClientObject;
      if (abstract && value.name.endsWith("Object")) continue;
      for (let proto = value.prototype; proto && proto !== ClientObject.prototype; proto = Object.getPrototypeOf(proto)) {
        // Shared bases (CollectionObject) lend their members to each collection.
        for (const name of Object.getOwnPropertyNames(proto)) {
          if (name === "constructor" || name.startsWith("_") || CLIENT_OBJECT_MEMBERS.has(name)) continue;
          const descriptor = Object.getOwnPropertyDescriptor(proto, name);
          if (descriptor && (descriptor.get || descriptor.set || typeof descriptor.value === "function")) members.add(`${value.name}.${name}`);
        }
      }
    }
  }
  return [...members].sort();
}

/** The text of src/memory-excel/api-sets.ts for these members. */
export function apiSetsModule(members: string[], sets: Map<string, ApiSet>, typesVersion: string): string {
  const entries = members.filter((m) => sets.has(m)).map((m) => {
    const s = sets.get(m)!;
    return `  "${m}": "${s.name} ${s.version}",`;
  });
  return [
    `// Written by scripts/excel-api-sets.ts from @types/office-js ${typesVersion}: do not edit by hand.`,
    "// tests/memory-excel/api-sets.test.ts fails when it no longer matches the types or the host's objects.",
    "",
    "/** The newest numbered ExcelApi requirement set the types describe. */",
    `export const NEWEST_EXCEL_API = "${newestExcelApi(sets)}";`,
    "",
    "/** The requirement set of each Excel API member the in-memory host implements (`Class.member`). */",
    "export const API_SETS: Readonly<Record<string, string>> = {",
    ...entries,
    "};",
    "",
  ].join("\n");
}

export function typesVersion(): string {
  return (JSON.parse(readFileSync(path.join(path.dirname(officeTypesPath()), "package.json"), "utf8")) as { version: string }).version;
}

async function main(): Promise<void> {
  const sets = excelApiSets(readFileSync(officeTypesPath(), "utf8"));
  const text = apiSetsModule(await hostMembers(), sets, typesVersion());
  writeFileSync(path.join(root, "src/memory-excel/api-sets.ts"), text);
  console.log(`src/memory-excel/api-sets.ts: ${text.split("\n").filter((l) => l.startsWith("  \"")).length} members.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
