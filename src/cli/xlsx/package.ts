/**
 * The Open Packaging Conventions an .xlsx file is built on: relationships between parts (`_rels/*.rels`) and
 * part names resolved against the part that names them. Shared by the reader and the writer.
 */

import { XmlScanner } from "./xml";
import type { ZipArchive } from "./zip";

/** One relationship of a part: its id, type (a URI ending in e.g. `/worksheet`), and target part (resolved). */
export interface Relationship {
  id: string;
  type: string;
  /** The target part's name without a leading `/` (e.g. `xl/worksheets/sheet1.xml`), or the URI when external. */
  target: string;
  external: boolean;
}

/** The relationships part of a part: `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`; "" (the package) -> `_rels/.rels`. */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The folder of a part, with its trailing `/` ("" at the root). */
export function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf("/") + 1);
}

/** A target resolved against the folder of the part that names it: `worksheets/sheet1.xml` from `xl/workbook.xml`. */
export function resolvePart(from: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : folderOf(from) + target;
  const out: string[] = [];
  for (const piece of path.replace(/\\/g, "/").split("/")) {
    if (piece === "..") out.pop();
    else if (piece !== "." && piece !== "") out.push(unescapeUri(piece));
  }
  return out.join("/");
}

/** `%20` and the like decoded, as part names are URIs; a malformed escape stays as it is. */
function unescapeUri(piece: string): string {
  if (!piece.includes("%")) return piece;
  try {
    return decodeURIComponent(piece);
  } catch {
    return piece;
  }
}

/** The target of `to` written relative to the folder of `from`, as a relationship names it. */
export function relativeTarget(from: string, to: string): string {
  const base = folderOf(from).split("/").filter(Boolean);
  const parts = to.split("/");
  let common = 0;
  while (common < base.length && common < parts.length - 1 && base[common] === parts[common]) common++;
  return [...Array(base.length - common).fill(".."), ...parts.slice(common)].join("/");
}

/** The relationships of a part ([] when it has none, or the relationships part is not XML), in a package or one being changed. */
export function relationshipsOf(archive: Pick<ZipArchive, "text">, part: string): Relationship[] {
  const text = archive.text(relationshipsPart(part));
  if (text === undefined) return [];
  const out: Relationship[] = [];
  XmlScanner.scan(text, {
    open(name, attributes) {
      if (name !== "Relationship") return;
      const a = attributes.all();
      if (a.Id === undefined || a.Target === undefined) return;
      const external = a.TargetMode === "External";
      out.push({ id: a.Id, type: a.Type ?? "", target: external ? a.Target : resolvePart(part, a.Target), external });
    },
    close() {},
  });
  return out;
}

/** The relationship type's last word (`.../relationships/worksheet` -> `worksheet`), the same in transitional and strict files. */
export function relationshipKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

/** The workbook part named by the package's relationships (`xl/workbook.xml` in nearly every file), or undefined. */
export function workbookPart(archive: ZipArchive): string | undefined {
  const main = relationshipsOf(archive, "").find((r) => relationshipKind(r.type) === "officeDocument" && !r.external);
  if (main && archive.entry(main.target)) return archive.entry(main.target)!.name;
  return archive.entry("xl/workbook.xml")?.name;
}
