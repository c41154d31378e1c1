/**
 * The zip container of an .xlsx file, on Node's zlib: the central directory read once, each part inflated only
 * when asked for (whole, or streamed in chunks), under a limit on the bytes unpacked so that a small file cannot
 * unpack to gigabytes (a zip bomb); and a writer that copies unchanged parts byte for byte, still compressed.
 *
 * Handles what real producers write: data descriptors, ZIP64 sizes and offsets, stored and deflated parts,
 * `\` in part names. Refuses (ZipError, one sentence) encrypted parts and other compression methods.
 */

import { createInflateRaw, deflateRawSync, inflateRawSync } from "node:zlib";

/** A zip that cannot be read; `reason` completes a sentence about the file. */
export class ZipError extends Error {
  constructor(
    readonly reason: string,
    /** True when the archive unpacks past its limit (a zip bomb or a damaged file). */
    readonly tooLarge = false,
  ) {
    super(reason);
    this.name = "ZipError";
  }
}

/** One part of the archive, as its central directory describes it. */
export interface ZipEntry {
  /** The part name as stored (with `/`). */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const MB = 1024 * 1024;

/**
 * How many bytes the parts of one file may unpack to, in all: 100 MB, plus 100 times the file's size (workbook
 * XML packs 5 to 20 times; deflate cannot pass about 1,000).
 */
export function unpackLimit(fileBytes: number): number {
  return 100 * MB + 100 * fileBytes;
}

/** The archive's parts, read lazily from its bytes. */
export class ZipArchive {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  /** Bytes that may still be unpacked (shared by every part read). */
  private budget: number;

  constructor(
    readonly bytes: Buffer,
    limit = unpackLimit(bytes.length),
  ) {
    this.budget = limit;
    this.entries = centralDirectory(bytes);
    for (const e of this.entries) this.byName.set(partKey(e.name), e);
  }

  /** The entry of a part (names compare without case, with `/` or `\`, with or without a leading `/`). */
  entry(name: string): ZipEntry | undefined {
    return this.byName.get(partKey(name));
  }

  /** The part's bytes, inflated; undefined when there is no such part. */
  read(name: string): Buffer | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    const data = this.compressed(e);
    this.declared(e);
    if (e.method === STORED) return this.spend(data.length, () => data);
    try {
      const out = inflateRawSync(data, { maxOutputLength: Math.max(1, this.budget + 1) });
      return this.spend(out.length, () => out);
    } catch (error) {
      throw this.inflateError(error, e);
    }
  }

  /** The part as UTF-8 text (a byte-order mark dropped); undefined when there is no such part. */
  text(name: string): string | undefined {
    const b = this.read(name);
    return b === undefined ? undefined : decodeUtf8(b);
  }

  /**
   * Streams a part through `onChunk` in pieces of about `chunkBytes` (64 KB: pieces that stay in the processor's cache
   * are the fastest to inflate, decode and scan), so that a large sheet is never whole in memory.
   * Returns false when there is no such part.
   */
  async stream(name: string, onChunk: (chunk: Buffer) => void, chunkBytes = 64 * 1024): Promise<boolean> {
    const e = this.entry(name);
    if (!e) return false;
    const data = this.compressed(e);
    this.declared(e);
    if (e.method === STORED) {
      this.spend(data.length, () => undefined);
      for (let i = 0; i < data.length; i += chunkBytes) onChunk(data.subarray(i, i + chunkBytes));
      return true;
    }
    const inflate = createInflateRaw({ chunkSize: chunkBytes });
    inflate.end(data);
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        this.spend(chunk.length, () => undefined);
        onChunk(chunk);
      }
    } catch (error) {
      inflate.destroy();
      throw this.inflateError(error, e);
    }
    return true;
  }

  /** The stored (compressed) bytes of a part, to copy it unchanged. */
  compressed(e: ZipEntry): Buffer {
    const b = this.bytes;
    if (e.offset + 30 > b.length || b.readUInt32LE(e.offset) !== LOCAL) throw new ZipError(`its part "${e.name}" is missing`);
    const start = e.offset + 30 + b.readUInt16LE(e.offset + 26) + b.readUInt16LE(e.offset + 28);
    if (start + e.compressedSize > b.length) throw new ZipError(`its part "${e.name}" is cut off`);
    if (e.flags & 1) throw new ZipError(`its part "${e.name}" is encrypted`);
    if (e.method !== STORED && e.method !== DEFLATED) throw new ZipError(`its part "${e.name}" uses a compression Excel does not write (method ${e.method})`);
    return b.subarray(start, start + e.compressedSize);
  }

  /** A part that says it unpacks past what is left is refused before it is inflated (one that lies is stopped while it is). */
  private declared(e: ZipEntry): void {
    if (e.size > this.budget) throw new ZipError("", true);
  }

  private spend<T>(n: number, value: () => T): T {
    this.budget -= n;
    if (this.budget < 0) throw new ZipError("", true);
    return value();
  }

  private inflateError(error: unknown, e: ZipEntry): ZipError {
    if (error instanceof ZipError) return error;
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return new ZipError("", true);
    return new ZipError(`its part "${e.name}" is damaged`);
  }
}

/** The key a part name is looked up by. */
function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\//, "").toLowerCase();
}

const utf8 = new TextDecoder("utf-8");

/** UTF-8 bytes as text; a byte-order mark is dropped. */
export function decodeUtf8(b: Uint8Array): string {
  return utf8.decode(b); // TextDecoder drops a leading BOM itself
}

/** The central directory's entries; a ZipError when there is none (a cut-off or damaged file). */
function centralDirectory(b: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("it is damaged or not a complete .xlsx workbook");
  let count = b.readUInt16LE(eocd + 10);
  let offset = b.readUInt32LE(eocd + 16);
  const locator = eocd - 20;
  if (locator >= 0 && b.readUInt32LE(locator) === ZIP64_LOCATOR) {
    const record = Number(b.readBigUInt64LE(locator + 8));
    if (record + 56 <= b.length && b.readUInt32LE(record) === ZIP64_EOCD) {
      count = Number(b.readBigUInt64LE(record + 32));
      offset = Number(b.readBigUInt64LE(record + 48));
    }
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) throw new ZipError("it is damaged or not a complete .xlsx workbook");
    const flags = b.readUInt16LE(p + 8);
    const nameLength = b.readUInt16LE(p + 28);
    const extraLength = b.readUInt16LE(p + 30);
    const commentLength = b.readUInt16LE(p + 32);
    const rawName = b.subarray(p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name: (flags & 0x800 ? rawName.toString("utf8") : rawName.toString("latin1")).replace(/\\/g, "/"),
      method: b.readUInt16LE(p + 10),
      flags,
      crc: b.readUInt32LE(p + 16),
      compressedSize: b.readUInt32LE(p + 20),
      size: b.readUInt32LE(p + 24),
      offset: b.readUInt32LE(p + 42),
    };
    zip64Extra(b.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Reads the ZIP64 extra field: the 64-bit values of the fields that hold 0xFFFFFFFF, in this order. */
function zip64Extra(extra: Buffer, e: ZipEntry): void {
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === 1) {
      let q = i + 4;
      const next = () => {
        const v = q + 8 <= i + 4 + size ? Number(extra.readBigUInt64LE(q)) : undefined;
        q += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = next() ?? e.size;
      if (e.compressedSize === 0xffffffff) e.compressedSize = next() ?? e.compressedSize;
      if (e.offset === 0xffffffff) e.offset = next() ?? e.offset;
      return;
    }
    i += 4 + size;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** A part of the archive to write: copied from an archive as it was, new bytes (deflated here), or bytes deflated already. */
export type OutputPart =
  | { name: string; from: ZipArchive; entry: ZipEntry }
  | { name: string; data: Uint8Array }
  | { name: string; deflated: Uint8Array; crc: number; size: number };

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** CRC-32 of the bytes, as zip stores it; `previous` continues the CRC of the bytes before them. */
export function crc32(data: Uint8Array, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** DOS date and time of now, as zip headers hold it. */
function dosTime(d = new Date()): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * A zip archive of the parts, in order. Copied parts keep their compressed bytes, CRC and sizes; new parts are
 * deflated. ZIP64 records are written when the archive passes 4 GB or 65,535 parts.
 */
export function writeZip(parts: readonly OutputPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const { time, date } = dosTime();
  for (const part of parts) {
    let method: number, crc: number, size: number, data: Buffer;
    if ("data" in part) {
      crc = crc32(part.data);
      size = part.data.length;
      const deflated = deflateRawSync(part.data);
      [method, data] = deflated.length < size ? [DEFLATED, deflated] : [STORED, Buffer.from(part.data)];
    } else if ("deflated" in part) {
      ({ crc, size } = part);
      [method, data] = [DEFLATED, Buffer.from(part.deflated)];
    } else {
      ({ method, crc, size } = part.entry);
      data = part.from.compressed(part.entry);
    }
    const name = Buffer.from(part.name, "utf8");
    const big = size >= 0xffffffff || data.length >= 0xffffffff || offset >= 0xffffffff;
    const extra = big ? zip64Field([size, data.length]) : Buffer.alloc(0);
    const centralExtra = big ? zip64Field([size, data.length, offset]) : Buffer.alloc(0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(big ? 45 : 20, 4);
    local.writeUInt16LE(0x800, 6); // names in UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(big ? 0xffffffff : data.length, 18);
    local.writeUInt32LE(big ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    chunks.push(local, name, extra, data);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL, 0);
    header.writeUInt16LE(big ? 45 : 20, 4);
    header.writeUInt16LE(big ? 45 : 20, 6);
    local.copy(header, 8, 6, 28); // flags, method, time, date, crc, sizes, name length
    header.writeUInt16LE(centralExtra.length, 30);
    header.writeUInt32LE(big ? 0xffffffff : offset, 42);
    central.push(header, name, centralExtra);
    offset += 30 + name.length + extra.length + data.length;
  }
  const centralBytes = Buffer.concat(central);
  const big = parts.length >= 0xffff || offset >= 0xffffffff;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(big ? 0xffff : parts.length, 8);
  end.writeUInt16LE(big ? 0xffff : parts.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(big ? 0xffffffff : offset, 16);
  return Buffer.concat([...chunks, centralBytes, ...(big ? zip64End(parts.length, centralBytes.length, offset) : []), end]);
}

function zip64Field(values: number[]): Buffer {
  const b = Buffer.alloc(4 + 8 * values.length);
  b.writeUInt16LE(1, 0);
  b.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return b;
}

/** The ZIP64 end record and its locator, which follow the central directory. */
function zip64End(count: number, centralSize: number, centralOffset: number): Buffer[] {
  const record = Buffer.alloc(56);
  record.writeUInt32LE(ZIP64_EOCD, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(centralSize), 40);
  record.writeBigUInt64LE(BigInt(centralOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(ZIP64_LOCATOR, 0);
  locator.writeBigUInt64LE(BigInt(centralOffset + centralSize), 8);
  locator.writeUInt32LE(1, 16);
  return [record, locator];
}
