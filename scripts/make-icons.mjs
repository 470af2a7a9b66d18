#!/usr/bin/env node
// Draws the Hash Workbench app icon procedurally and writes every file electron-builder needs:
//   build/icon.png        1024x1024 (source for electron-builder; macOS and Linux fallback)
//   build/icons/NxN.png   16, 32, 48, 64, 128, 256, 512 (Linux takes the folder)
//   build/icon.ico        PNG-compressed 16, 32, 48, 64, 128, 256 (Windows exe and NSIS installer)
//   build/icon.icns       PNG entries icp4 16, icp5 32, icp6 64, ic07 128, ic08 256, ic09 512, ic10 1024 (macOS)
// No dependencies: shapes are signed distance functions rendered per pixel with 4x4 supersampling,
// and the PNG, ICO and ICNS containers are written by hand (PNG: RGBA 8-bit, filter 0, zlib, CRC-32).
// Run with `npm run icons`; the outputs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

const buildDir = fileURLToPath(new URL('../build/', import.meta.url));

// ---------------------------------------------------------------- drawing

/** Colours, sRGB 0..255. */
const BG_TOP = [74, 108, 247];
const BG_BOTTOM = [33, 45, 140];
const GLYPH = [244, 247, 255];
const BADGE = [34, 197, 120];
const CHECK = [255, 255, 255];
const SHADOW = [10, 14, 40];

const clamp01 = (v) => (v < 0 ? 0 : v > 1 ? 1 : v);
const mix = (a, b, t) => a + (b - a) * t;

/** Signed distance to a rounded box centred at (cx, cy) with half sizes (hx, hy) and corner radius r. */
function sdRoundBox(x, y, cx, cy, hx, hy, r) {
  const qx = Math.abs(x - cx) - hx + r;
  const qy = Math.abs(y - cy) - hy + r;
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Signed distance to a capsule (segment a-b with radius r). */
function sdCapsule(x, y, ax, ay, bx, by, r) {
  const pax = x - ax;
  const pay = y - ay;
  const bax = bx - ax;
  const bay = by - ay;
  const h = clamp01((pax * bax + pay * bay) / (bax * bax + bay * bay));
  return Math.hypot(pax - bax * h, pay - bay * h) - r;
}

const sdCircle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;

/**
 * The design in unit coordinates (0..1, y down). Small sizes get a fuller body and bolder strokes
 * so the motif stays readable at 16 px.
 */
function design(size) {
  const small = size <= 32;
  const margin = small ? 0.03 : size <= 64 ? 0.06 : 0.09;
  const half = 0.5 - margin;
  const stroke = small ? 0.06 : 0.044; // capsule radius of the "#" bars
  // "#": two slanted uprights and two horizontal bars, a little up and left of centre.
  const gx = 0.47;
  const gy = 0.47;
  const span = small ? 0.15 : 0.135; // distance of each bar from the glyph centre
  const len = small ? 0.3 : 0.265; // half length of each bar
  const slant = 0.05;
  const bars = [
    [gx - span + slant, gy - len, gx - span - slant, gy + len],
    [gx + span + slant, gy - len, gx + span - slant, gy + len],
    [gx - len - 0.01, gy - span, gx + len + 0.01, gy - span],
    [gx - len - 0.03, gy + span, gx + len - 0.01, gy + span],
  ];
  // Check badge at the lower right, cut out of the glyph by a ring of background.
  const badge = { cx: 0.715, cy: 0.715, r: small ? 0.2 : 0.18 };
  const gap = small ? 0.035 : 0.032;
  const check = [
    [badge.cx - badge.r * 0.46, badge.cy + badge.r * 0.02],
    [badge.cx - badge.r * 0.12, badge.cy + badge.r * 0.36],
    [badge.cx + badge.r * 0.48, badge.cy - badge.r * 0.32],
  ];
  const checkStroke = badge.r * (size <= 16 ? 0.2 : small ? 0.16 : 0.13);
  return { margin, half, radius: half * 0.45, stroke, bars, badge, gap, check, checkStroke, small };
}

/** Source-over of colour c with coverage a onto the premultiplied accumulator px. */
function over(px, c, a) {
  if (a <= 0) return;
  px[0] = c[0] * a + px[0] * (1 - a);
  px[1] = c[1] * a + px[1] * (1 - a);
  px[2] = c[2] * a + px[2] * (1 - a);
  px[3] = a + px[3] * (1 - a);
}

/** Renders the icon at size x size; returns RGBA bytes (straight alpha). */
export function renderIcon(size) {
  const d = design(size);
  const SS = 4; // 4x4 samples per pixel: each sample is inside or outside, the average antialiases
  const out = Buffer.alloc(size * size * 4);
  const px = [0, 0, 0, 0];
  const acc = [0, 0, 0, 0];
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      acc[0] = acc[1] = acc[2] = acc[3] = 0;
      for (let sj = 0; sj < SS; sj++) {
        for (let si = 0; si < SS; si++) {
          const x = (i + (si + 0.5) / SS) / size;
          const y = (j + (sj + 0.5) / SS) / size;
          px[0] = px[1] = px[2] = px[3] = 0;

          // Soft shadow under the body (large sizes only).
          if (!d.small) {
            const sd = sdRoundBox(x, y, 0.5, 0.5 + 0.012, d.half, d.half, d.radius);
            const soft = 0.022;
            const a = 0.32 * clamp01(1 - (sd + soft * 0.2) / soft) ** 2;
            over(px, SHADOW, a);
          }

          // Body: rounded square with a vertical gradient and a faint top sheen.
          const body = sdRoundBox(x, y, 0.5, 0.5, d.half, d.half, d.radius);
          if (body <= 0) {
            const t = clamp01((y - d.margin) / (2 * d.half));
            const g = [mix(BG_TOP[0], BG_BOTTOM[0], t), mix(BG_TOP[1], BG_BOTTOM[1], t), mix(BG_TOP[2], BG_BOTTOM[2], t)];
            // Sheen: a slightly lighter band along the top edge.
            const sheen = 0.1 * clamp01(1 - t * 3);
            g[0] = mix(g[0], 255, sheen);
            g[1] = mix(g[1], 255, sheen);
            g[2] = mix(g[2], 255, sheen);
            over(px, g, 1);

            // "#" glyph, cut away around the badge.
            let glyph = Infinity;
            for (const [ax, ay, bx, by] of d.bars) glyph = Math.min(glyph, sdCapsule(x, y, ax, ay, bx, by, d.stroke));
            const cut = sdCircle(x, y, d.badge.cx, d.badge.cy, d.badge.r + d.gap);
            const glyphIn = glyph <= 0 && cut > 0 ? 1 : 0;
            over(px, GLYPH, glyphIn);

            // Badge and check.
            if (sdCircle(x, y, d.badge.cx, d.badge.cy, d.badge.r) <= 0) {
              // Slight radial shading on the badge.
              const r = clamp01(Math.hypot(x - d.badge.cx, y - (d.badge.cy - d.badge.r * 0.5)) / (d.badge.r * 1.6));
              over(
                px,
                [mix(BADGE[0] + 20, BADGE[0] - 12, r), mix(BADGE[1] + 20, BADGE[1] - 12, r), mix(BADGE[2] + 12, BADGE[2] - 12, r)],
                1,
              );
              const [p0, p1, p2] = d.check;
              const c = Math.min(
                sdCapsule(x, y, p0[0], p0[1], p1[0], p1[1], d.checkStroke),
                sdCapsule(x, y, p1[0], p1[1], p2[0], p2[1], d.checkStroke),
              );
              if (c <= 0) over(px, CHECK, 1);
            }
          }
          acc[0] += px[0];
          acc[1] += px[1];
          acc[2] += px[2];
          acc[3] += px[3];
        }
      }
      const n = SS * SS;
      const a = acc[3] / n;
      const o = (j * size + i) * 4;
      if (a > 0) {
        out[o] = Math.round(acc[0] / n / a);
        out[o + 1] = Math.round(acc[1] / n / a);
        out[o + 2] = Math.round(acc[2] / n / a);
      }
      out[o + 3] = Math.round(a * 255);
    }
  }
  return out;
}

// ---------------------------------------------------------------- PNG

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Encodes RGBA bytes as a PNG (colour type 6, bit depth 8, filter 0 on every row). */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- ICO and ICNS

/** ICO: ICONDIR (6 bytes), one 16-byte ICONDIRENTRY per image, then the PNG streams. */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size; // width, 0 means 256
    e[1] = size >= 256 ? 0 : size; // height
    e[2] = 0; // no palette
    e[3] = 0; // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    entries.push(e);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** ICNS: 'icns' + total length (big-endian), then entries of OSType + length (header included) + data. */
export function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([h, png]);
  });
  const body = Buffer.concat(parts);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}

// ---------------------------------------------------------------- main

function main() {
  const sizes = [16, 32, 48, 64, 128, 256, 512, 1024];
  const png = new Map();
  for (const s of sizes) png.set(s, encodePng(s, s, renderIcon(s)));

  mkdirSync(`${buildDir}icons`, { recursive: true });
  writeFileSync(`${buildDir}icon.png`, png.get(1024));
  for (const s of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(`${buildDir}icons/${s}x${s}.png`, png.get(s));
  writeFileSync(`${buildDir}icon.ico`, encodeIco([16, 32, 48, 64, 128, 256].map((size) => ({ size, png: png.get(size) }))));
  writeFileSync(
    `${buildDir}icon.icns`,
    encodeIcns([
      { type: 'icp4', png: png.get(16) },
      { type: 'icp5', png: png.get(32) },
      { type: 'icp6', png: png.get(64) },
      { type: 'ic07', png: png.get(128) },
      { type: 'ic08', png: png.get(256) },
      { type: 'ic09', png: png.get(512) },
      { type: 'ic10', png: png.get(1024) },
    ]),
  );
  process.stdout.write(`icons written to ${buildDir}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
