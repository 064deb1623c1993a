// Draws the app icons from the logo (components/brand/logo.tsx, app/icon.svg) without an image
// library: app/favicon.ico (16, 32 and 48 px, for browsers that ask for /favicon.ico whatever
// the page says) and app/apple-icon.png (180 px, for home screens). Run: npx tsx scripts/icons.ts
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BRAND = [0x24, 0x66, 0x4f];

/** Coverage of the logo at a point of its 32×32 box: 0 outside, 1 = background, 2 = white line. */
function paintAt(x: number, y: number, rounded: boolean): 0 | 1 | 2 {
  const r = rounded ? 7 : 0;
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  if (x < 0 || y < 0 || x > 32 || y > 32 || (x - cx) ** 2 + (y - cy) ** 2 > r * r) return 0;
  const onFrame = x >= 6 && x <= 26 && y >= 5 && y <= 27 && !(x > 8 && x < 24 && y > 7 && y < 25);
  const onCross = (y >= 15 && y <= 17 && x >= 7 && x <= 25) || (x >= 15 && x <= 17 && y >= 6 && y <= 16);
  return onFrame || onCross ? 2 : 1;
}

/** RGBA pixels, 4×4 samples per pixel for smooth edges. */
function draw(size: number, rounded: boolean): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) {
      let bg = 0;
      let white = 0;
      for (let sj = 0; sj < n; sj++)
        for (let si = 0; si < n; si++) {
          const p = paintAt(((i + (si + 0.5) / n) * 32) / size, ((j + (sj + 0.5) / n) * 32) / size, rounded);
          if (p === 1) bg++;
          else if (p === 2) white++;
        }
      const covered = bg + white;
      const o = (j * size + i) * 4;
      if (covered === 0) continue;
      const w = white / covered;
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(BRAND[c] * (1 - w) + 255 * w);
      px[o + 3] = Math.round((255 * covered) / (n * n));
    }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
function png(size: number, rounded: boolean): Buffer {
  const rgba = draw(size, rounded);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}
/** An .ico holding PNG images (read by every current browser). */
function ico(sizes: number[]): Buffer {
  const images = sizes.map((s) => png(s, true));
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((s, k) => {
    const e = 6 + 16 * k;
    header.writeUInt8(s % 256, e);
    header.writeUInt8(s % 256, e + 1);
    header.writeUInt16LE(1, e + 4);
    header.writeUInt16LE(32, e + 6);
    header.writeUInt32LE(images[k].length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += images[k].length;
  });
  return Buffer.concat([header, ...images]);
}

writeFileSync("app/favicon.ico", ico([16, 32, 48]));
// iOS rounds the corners itself: a full square.
writeFileSync("app/apple-icon.png", png(180, false));
console.log("wrote app/favicon.ico and app/apple-icon.png");
