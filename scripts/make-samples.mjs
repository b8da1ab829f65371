// Draws ConvScope's sample images (made by us, no third-party pictures) and writes them as PNGs to
// public/samples/. Run once with `node scripts/make-samples.mjs`; the PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(buf) {
  let c;
  const table = crc32.table ??= Array.from({ length: 256 }, (_, n) => {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** Encodes an RGB image (w·h·3 bytes) as a PNG. */
function png(w, h, rgb) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    Buffer.from(rgb.buffer, y * w * 3, w * 3).copy(raw, y * (w * 3 + 1) + 1);
  }
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
function image(w, h, f) {
  const rgb = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const [r, g, b] = f(x + 0.5, y + 0.5);
      rgb.set([r, g, b].map((v) => Math.max(0, Math.min(255, Math.round(v)))), (y * w + x) * 3);
    }
  return png(w, h, rgb);
}
const clamp01 = (t) => Math.max(0, Math.min(1, t));
function segDist(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = clamp01(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

// A checkerboard: sharp edges in both directions, for Sobel filters and pooling.
writeFileSync('public/samples/checker.png', image(32, 32, (x, y) => {
  const v = (Math.floor(x / 8) + Math.floor(y / 8)) % 2 ? 230 : 25;
  return [v, v, v];
}));

// A handwritten-looking seven, 28×28 like MNIST: white strokes on black.
const seven = [[[7, 7], [21, 6.5]], [[21, 6.5], [14, 22]], [[10.5, 14], [18.5, 14]]];
writeFileSync('public/samples/digit.png', image(28, 28, (x, y) => {
  const d = Math.min(...seven.map(([a, b]) => segDist(x, y, a, b)));
  const v = 255 * clamp01(2.2 - d);
  return [v, v, v];
}));

// A colour gradient: red left to right, green top to bottom, blue in a ring; each channel differs.
writeFileSync('public/samples/gradient.png', image(32, 32, (x, y) => {
  const r = Math.hypot(x - 16, y - 16);
  return [(x / 32) * 255, (y / 32) * 255, 255 * clamp01(1 - Math.abs(r - 10) / 5)];
}));

// A drawn landscape: sky, sun, two hills and a house, so edges and colours have meaning.
writeFileSync('public/samples/scene.png', image(64, 64, (x, y) => {
  let c = [120 + y * 1.5, 170 + y, 235];
  if (Math.hypot(x - 48, y - 14) < 7) c = [255, 214, 90];
  const hill1 = 40 + 6 * Math.sin(x / 9);
  const hill2 = 46 + 4 * Math.sin(x / 6 + 2);
  if (y > hill1) c = [70, 140, 60];
  if (y > hill2) c = [50, 115, 45];
  if (x > 12 && x < 28 && y > 36 && y < 52) c = [200, 180, 150];
  if (y > 26 && y <= 36 && Math.abs(x - 20) < (y - 26) * 1.0) c = [170, 60, 50];
  if (x > 17 && x < 23 && y > 43 && y < 52) c = [100, 70, 40];
  return c;
}));
console.log('wrote public/samples/{checker,digit,gradient,scene}.png');
