/**
 * Internal helpers shared by the tensor operations: a register-blocked matrix product on packed
 * panels (the work horse of conv2d and convTranspose2d) and a tensor validator for any rank.
 * Nothing here is part of the public engine API.
 */
import { EngineError, expecting } from './errors';
import { assertFinite, type Tensor } from './tensor';

/** Rows of A and columns of B handled together by the 4×4 micro-kernel. */
export const PANEL = 4;

/**
 * Packs `count` vectors of length `k` into panels of four for the micro-kernel:
 * `dst[(q·k + kk)·4 + r] = src[off + (4q + r)·strideMajor + kk·strideK]`, zero-filled past `count`.
 * With `strideMajor = k, strideK = 1` this packs the rows of a row-major matrix (the A operand); with
 * `strideMajor = 1, strideK = ld` it packs the columns of a row-major matrix whose rows are `ld` apart.
 */
export function packPanels(
  src: Float32Array,
  off: number,
  strideMajor: number,
  strideK: number,
  count: number,
  k: number,
  dst: Float32Array,
): void {
  const panels = Math.ceil(count / PANEL);
  for (let q = 0; q < panels; q++) {
    const base = q * k * PANEL;
    for (let r = 0; r < PANEL; r++) {
      const v = q * PANEL + r;
      if (v >= count) {
        for (let kk = 0; kk < k; kk++) dst[base + kk * PANEL + r] = 0;
        continue;
      }
      let s = off + v * strideMajor;
      for (let kk = 0; kk < k; kk++) {
        dst[base + kk * PANEL + r] = src[s]!;
        s += strideK;
      }
    }
  }
}

/**
 * Writes `C = A·B + bias` for packed operands: `ap` holds ⌈m/4⌉ panels of A (m×k), `bp` holds ⌈n/4⌉
 * panels of B (k×n), and row i, column j of the product goes to `c[cOff + i·ldc + j]`. `bias` holds
 * one value per row (at least ⌈m/4⌉·4 entries, zeros for none). Sums accumulate in float64 registers,
 * sixteen at a time, and are rounded to float32 once when stored.
 */
// prettier-ignore
export function gemmPacked(
  ap: Float32Array,
  m: number,
  bp: Float32Array,
  n: number,
  k: number,
  c: Float32Array,
  cOff: number,
  ldc: number,
  bias: Float32Array,
): void {
  const mPanels = Math.ceil(m / PANEL);
  const nPanels = Math.ceil(n / PANEL);
  const stride = k * PANEL;
  for (let jp = 0; jp < nPanels; jp++) {
    const bStart = jp * stride;
    const col = jp * PANEL;
    const cols = Math.min(PANEL, n - col);
    for (let ip = 0; ip < mPanels; ip++) {
      let a = ip * stride;
      let b = bStart;
      const row = ip * PANEL;
      const r0 = bias[row]!;
      const r1 = bias[row + 1]!;
      const r2 = bias[row + 2]!;
      const r3 = bias[row + 3]!;
      let c00 = r0, c01 = r0, c02 = r0, c03 = r0;
      let c10 = r1, c11 = r1, c12 = r1, c13 = r1;
      let c20 = r2, c21 = r2, c22 = r2, c23 = r2;
      let c30 = r3, c31 = r3, c32 = r3, c33 = r3;
      for (let kk = 0; kk < k; kk++) {
        const b0 = bp[b]!, b1 = bp[b + 1]!, b2 = bp[b + 2]!, b3 = bp[b + 3]!;
        let x = ap[a]!;
        c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
        x = ap[a + 1]!;
        c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
        x = ap[a + 2]!;
        c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
        x = ap[a + 3]!;
        c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
        a += PANEL;
        b += PANEL;
      }
      let o = cOff + row * ldc + col;
      const rows = Math.min(PANEL, m - row);
      if (rows === PANEL && cols === PANEL) {
        c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03;
        o += ldc;
        c[o] = c10; c[o + 1] = c11; c[o + 2] = c12; c[o + 3] = c13;
        o += ldc;
        c[o] = c20; c[o + 1] = c21; c[o + 2] = c22; c[o + 3] = c23;
        o += ldc;
        c[o] = c30; c[o + 1] = c31; c[o + 2] = c32; c[o + 3] = c33;
      } else {
        const tile = [c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33];
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) c[o + i * ldc + j] = tile[i * PANEL + j]!;
        }
      }
    }
  }
}

/**
 * Checks that `t` is a well-formed tensor whose rank is one of `ranks` (any rank ≥ 1 when omitted),
 * with whole-number dimensions ≥ 1, matching data length and finite values; returns its shape.
 */
export function checkTensor(t: Tensor, field: string, ranks?: number[]): number[] {
  if (!t || !Array.isArray(t.shape) || !(t.data instanceof Float32Array)) {
    throw new EngineError(field, t, 'a tensor { shape: number[], data: Float32Array }');
  }
  if (ranks ? !ranks.includes(t.shape.length) : t.shape.length < 1) {
    const expected = ranks
      ? `a shape of rank ${ranks.join(' or ')}${ranks.includes(4) ? ' ([N, C, H, W]' + (ranks.includes(2) ? ' or [N, D])' : ')') : ''}`
      : 'a shape of rank ≥ 1';
    throw new EngineError(`${field}.shape`, t.shape, expected);
  }
  let size = 1;
  t.shape.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1) throw new EngineError(`${field}.shape[${i}]`, d, expecting('whole', 'a whole number ≥ 1', { min: 1 }));
    size *= d;
  });
  if (t.data.length !== size) {
    throw new EngineError(
      `${field}.data.length`,
      t.data.length,
      expecting('valueCount', `${size} values for shape [${t.shape.join(', ')}]`, { count: size }),
    );
  }
  assertFinite(t.data, field);
  return t.shape;
}
