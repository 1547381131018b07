// Draws the workbench icon and writes every size electron-builder needs:
//   icon.png            512×512, the master (macOS .icns and the Linux set can be derived from it)
//   icons/NxN.png       the Linux icon set (16 … 512)
//   icon.ico            Windows: 16 … 256, each entry a PNG (valid since Windows Vista)
// Run `node build/make-icons.mjs` after changing the drawing; the outputs are committed so a
// build needs nothing but this folder. Plain Node (zlib), no image libraries, deterministic bytes.
//
// The picture: a rounded square in the workbench's brand blue (--brand-2 → --brand in
// renderer/src/styles/app.css) with three rising white bars on a gold baseline — spending that
// never decreases. Drawn with signed distance fields, so edges are anti-aliased at every size.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const out = new URL('.', import.meta.url);

const TOP = [0x1d, 0x4e, 0x89];
const BOTTOM = [0x12, 0x35, 0x5b];
const WHITE = [0xff, 0xff, 0xff];
const GOLD = [0xe0, 0xa8, 0x2e];

/** Signed distance from p to a rounded box (centre c, half-size b, corner radius r); < 0 inside. */
function roundedBox(px, py, cx, cy, bx, by, r) {
  const qx = Math.abs(px - cx) - bx + r;
  const qy = Math.abs(py - cy) - by + r;
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** Box from its edges (unit coordinates, y down). */
function box(left, top, right, bottom, radius) {
  return (x, y) => roundedBox(x, y, (left + right) / 2, (top + bottom) / 2, (right - left) / 2, (bottom - top) / 2, radius);
}

const margin = 0.0625;
const background = box(margin, margin, 1 - margin, 1 - margin, 0.19);
const baselineY = 0.735;
const barWidth = 0.125;
const gap = 0.06;
const firstBar = 0.5 - (3 * barWidth + 2 * gap) / 2;
const barTops = [0.53, 0.42, 0.285];
const bars = barTops.map((top, i) => {
  const left = firstBar + i * (barWidth + gap);
  return box(left, top, left + barWidth, baselineY, 0.018);
});
const baseline = box(firstBar - 0.035, baselineY + 0.03, 1 - firstBar + 0.035, baselineY + 0.07, 0.02);

const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
/** Pixel coverage of a shape from its distance, one pixel wide edge. */
const coverage = (d, size) => Math.min(1, Math.max(0, 0.5 - d * size));

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      const alpha = coverage(background(x, y), size);
      let colour = mix(TOP, BOTTOM, Math.min(1, Math.max(0, (y - margin) / (1 - 2 * margin))));
      colour = mix(colour, GOLD, coverage(baseline(x, y), size));
      for (const bar of bars) colour = mix(colour, WHITE, coverage(bar(x, y), size));
      const o = (py * size + px) * 4;
      rgba[o] = Math.round(colour[0]);
      rgba[o + 1] = Math.round(colour[1]);
      rgba[o + 2] = Math.round(colour[2]);
      rgba[o + 3] = Math.round(alpha * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
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
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const rgba = render(size);
  // Each scanline starts with filter type 0 (None); zlib does the compressing.
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO file whose entries are PNG images (width/height byte 0 means 256). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt8(0, 2); // no palette
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const pngs = new Map([16, 24, 32, 48, 64, 128, 256, 512].map((size) => [size, png(size)]));
writeFileSync(new URL('icon.png', out), pngs.get(512));
mkdirSync(new URL('icons/', out), { recursive: true });
for (const size of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(new URL(`icons/${size}x${size}.png`, out), pngs.get(size));
writeFileSync(new URL('icon.ico', out), ico([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, data: pngs.get(size) }))));
console.log('build/icon.png, build/icons/*.png, build/icon.ico');
