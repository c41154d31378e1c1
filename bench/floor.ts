/**
 * The floor of reading a workbook's cells, against which `npm run bench` measures the command line: a process
 * that unzips the sheets and the shared strings with zlib and scans their XML once (every tag found, cells
 * counted), and does nothing else. Self-contained on purpose: none of the product's code.
 *
 *   node floor.mjs <file.xlsx>    prints {"parts": n, "bytes": n, "tags": n, "cells": n}
 */

import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";

/** The zip's parts under xl/worksheets/ and the shared strings, inflated. */
function sheetParts(b: Buffer): Buffer[] {
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const method = b.readUInt16LE(p + 10);
    const size = b.readUInt32LE(p + 20);
    const nameLength = b.readUInt16LE(p + 28);
    const name = b.toString("utf8", p + 46, p + 46 + nameLength);
    const local = b.readUInt32LE(p + 42);
    if (/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) {
      const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
      const data = b.subarray(start, start + size);
      parts.push(method === 8 ? inflateRawSync(data) : data);
    }
    p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return parts;
}

const parts = sheetParts(readFileSync(process.argv[2]));
let bytes = 0;
let tags = 0;
let cells = 0;
for (const part of parts) {
  const xml = part.toString("utf8");
  bytes += part.length;
  for (let i = xml.indexOf("<"); i >= 0; i = xml.indexOf("<", i + 1)) {
    tags++;
    if (xml.charCodeAt(i + 1) === 99 && xml.charCodeAt(i + 2) === 32) cells++; // "<c "
  }
}
process.stdout.write(`${JSON.stringify({ parts: parts.length, bytes, tags, cells })}\n`);
