/**
 * Reading an .xlsx file into the core's Workbook grid (src/cli/xlsx/: the zip on Node's zlib, each sheet streamed
 * through our XML tokenizer into rows, once). I/O only: file errors become one sentence (FileError); what the
 * cells mean is the core's business.
 */

import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parseAddress, type Workbook } from "../core/grid";
import { SUMMARY_MARKER_NAME } from "../core/summary/sheet-name";
import { readWorkbookGrid, type WorkbookInfo } from "./xlsx/reader";
import { XmlError } from "./xlsx/xml";
import { unpackLimit, ZipArchive, ZipError } from "./xlsx/zip";

export { cellValue, type DefinedName } from "./xlsx/reader";

/** A file that cannot be read as a workbook (or written), with one sentence saying why and what to do. */
export class FileError extends Error {
  constructor(
    message: string,
    /** True when there is no such file (a wrong path, as opposed to a file that cannot be read as a workbook). */
    readonly missing = false,
  ) {
    super(message);
    this.name = "FileError";
  }
}

/** The file read: the core's grid, and the package it came from (to copy it, part by part, when writing). */
export interface LoadedWorkbook {
  workbook: Workbook;
  /** The path it was read from. */
  path: string;
  /** The zip archive, its parts still packed. */
  archive: ZipArchive;
  /** What workbook.xml says (sheets and their parts, defined names, date system); undefined when there is none. */
  info: WorkbookInfo | undefined;
}

const ZIP = [0x50, 0x4b]; // "PK": every .xlsx is a zip archive
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // OLE compound file: encrypted .xlsx, or .xls

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** True when the first bytes look like text (a CSV or a text file renamed .xlsx). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512);
  let printable = 0;
  for (const b of head) if (b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127)) printable++;
  return head.length > 0 && printable / head.length > 0.95;
}

/** The file's bytes, or a sentence about why they cannot be read. */
async function fileBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new FileError(`The file "${path}" does not exist; check the name and the folder.`, true);
    if (code === "EISDIR") throw new FileError(`"${path}" is a folder, not an .xlsx workbook; give the path of a file.`);
    if (code === "EACCES" || code === "EPERM") throw new FileError(`The file "${path}" cannot be read: permission denied.`);
    throw new FileError(`The file "${path}" cannot be read (${code ?? "unknown error"}).`);
  }
}

/** Reads an .xlsx file. Throws FileError with one sentence when it is missing, not an .xlsx, password-protected or damaged. */
export async function readXlsxFile(path: string): Promise<LoadedWorkbook> {
  const bytes = await fileBytes(path);
  if (bytes.length === 0) throw new FileError(`The file "${path}" is empty; it is not an Excel workbook.`);
  if (startsWith(bytes, CFB)) {
    throw new FileError(
      `The file "${path}" is password-protected or an old Excel 97-2003 (.xls) workbook; open it in Excel, remove the password or save it as .xlsx, and try again.`,
    );
  }
  if (!startsWith(bytes, ZIP)) {
    throw new FileError(
      looksLikeText(bytes)
        ? `The file "${path}" is text (perhaps a CSV file renamed .xlsx), not an Excel workbook; open it in Excel and save it as .xlsx.`
        : `The file "${path}" is not an Excel .xlsx workbook; open it in Excel and save it as .xlsx.`,
    );
  }
  try {
    const archive = new ZipArchive(bytes);
    const { workbook, info } = await readWorkbookGrid(archive, basename(path));
    return { workbook, path, archive, info };
  } catch (e) {
    if (e instanceof ZipError && e.tooLarge) {
      const limit = Math.round(unpackLimit(bytes.length) / 1024 / 1024);
      throw new FileError(
        `The file "${path}" unpacks to more than ${limit} MB (100 MB plus 100 times its size): it is damaged or built to exhaust memory (a zip bomb), and was not read.`,
      );
    }
    if (e instanceof ZipError || e instanceof XmlError) {
      throw new FileError(`The file "${path}" could not be opened: it is damaged or not a complete .xlsx workbook; ask for a new copy.`);
    }
    throw e;
  }
}

/** The sheet the workbook-level name `ResponseMatrixSummary` points at: the summary we wrote earlier, or null. */
export function summaryMarkerSheet(loaded: LoadedWorkbook): string | null {
  for (const name of loaded.info?.definedNames ?? []) {
    if (name.name !== SUMMARY_MARKER_NAME || name.localSheet !== undefined) continue;
    try {
      const sheet = parseAddress(name.text.split(":")[0].trim()).sheet;
      if (loaded.workbook.sheets.some((s) => s.name === sheet)) return sheet;
    } catch {
      // a name that points at no cell marks nothing
    }
  }
  return null;
}
