// Draws the add-in icon (a 3x3 response matrix in green, amber and red on white) as PNGs in assets/.
// Run once with `node scripts/make-icons.mjs`; the PNGs are committed, so builds do not need this.

import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [16, 124, 16];
const AMBER = [234, 163, 0];
const RED = [209, 52, 56];
const WHITE = [255, 255, 255];
const BORDER = [96, 94, 92];

// Rows of the matrix, as a response matrix reads: mostly accepted, one partial, one rejected.
const CELLS = [
  [GREEN, GREEN, AMBER],
  [GREEN, AMBER, RED],
  [GREEN, GREEN, GREEN],
];

/** Colour of the point (x, y) in the unit square. */
function colourAt(x, y) {
  const frame = 0.04;
  if (x < frame || y < frame || x > 1 - frame || y > 1 - frame) return BORDER;
  const pad = 0.12;
  const gap = 0.06;
  const cell = (1 - 2 * pad - 2 * gap) / 3;
  const col = Math.floor((x - pad) / (cell + gap));
  const row = Math.floor((y - pad) / (cell + gap));
  if (col < 0 || col > 2 || row < 0 || row > 2) return WHITE;
  const inX = x - pad - col * (cell + gap) <= cell;
  const inY = y - pad - row * (cell + gap) <= cell;
  return inX && inY ? CELLS[row][col] : WHITE;
}

/** RGB pixels of the icon at `size`, 4x4 supersampled so small sizes stay crisp but smooth. */
function draw(size) {
  const n = 4;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 3); // leading 0: PNG filter "none"
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          for (let k = 0; k < 3; k++) sum[k] += c[k];
        }
      }
      for (let k = 0; k < 3; k++) row[1 + px * 3 + k] = Math.round(sum[k] / (n * n));
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(draw(size), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  const file = fileURLToPath(new URL(`../assets/icon-${size}.png`, import.meta.url));
  writeFileSync(file, png(size));
  console.log(`wrote assets/icon-${size}.png`);
}
