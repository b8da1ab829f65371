/**
 * 2-D convolution (cross-correlation, as in PyTorch) and its transpose, NCHW. Convolution runs as
 * im2col + a register-blocked matrix product: the receptive fields of a chunk of output pixels are
 * packed straight into GEMM panels, so memory stays small and the packed chunk stays in cache.
 */
import { EngineError, expecting } from './errors';
import { gemmPacked, packPanels, PANEL as GEMM_PANEL } from './gemm';
import { pad4, pair, type Pair, type Padding } from './params';
import { dims4, vecArg, type Tensor, type Vec } from './tensor';

/** Options of {@link conv2d}; PyTorch's `nn.Conv2d` arguments, with per-side padding allowed. */
export interface Conv2dOptions {
  /** Step between windows, n or [h, w]; default 1. */
  stride?: Pair;
  /** Zero padding: n, [h, w] or [top, bottom, left, right]; default 0. */
  padding?: Padding;
  /** Spacing between kernel taps, n or [h, w]; default 1. */
  dilation?: Pair;
  /** Channel groups; input and output channels must both be multiples of it; default 1. */
  groups?: number;
}

/** Options of {@link convTranspose2d}; PyTorch's `nn.ConvTranspose2d` arguments. */
export interface ConvTranspose2dOptions {
  /** Stride of the convolution this transposes, n or [h, w]; default 1. */
  stride?: Pair;
  /** Padding of the convolution this transposes (cropped from the output): n, [h, w] or 4 sides; default 0. */
  padding?: Padding;
  /** Extra rows/columns added at the bottom/right of the output, each < stride or < dilation; default 0. */
  outputPadding?: Pair;
  /** Spacing between kernel taps, n or [h, w]; default 1. */
  dilation?: Pair;
  /** Channel groups; default 1. */
  groups?: number;
}

/** Panel width of the GEMM, bound locally so hot loops read a module constant, not an import. */
const PANEL = GEMM_PANEL;

/** Output pixels whose receptive fields are packed at a time (a multiple of the panel width). */
const CHUNK = 256;

function groupsArg(value: unknown): number {
  const g = value === undefined ? 1 : value;
  if (typeof g !== 'number' || !Number.isInteger(g) || g < 1) {
    throw new EngineError('groups', g, expecting('whole', 'a whole number ≥ 1', { min: 1 }));
  }
  return g;
}

/** PyTorch's output size: ⌊(size + pads − d·(k − 1) − 1) / s⌋ + 1 (≤ 0 when the kernel does not fit). */
function outSize(size: number, pads: number, k: number, d: number, s: number): number {
  return Math.floor((size + pads - d * (k - 1) - 1) / s) + 1;
}

/**
 * Packs the receptive fields of output pixels `p0 … p0 + count − 1` of one image and one channel
 * group into GEMM panels (four pixels per panel, `cg·kh·kw` taps each); padding reads as zero.
 */
function packPatches(
  x: Float32Array,
  xOff: number,
  cg: number,
  h: number,
  w: number,
  kh: number,
  kw: number,
  sh: number,
  sw: number,
  dh: number,
  dw: number,
  top: number,
  left: number,
  wo: number,
  p0: number,
  count: number,
  dst: Float32Array,
): void {
  const k = cg * kh * kw;
  const hw = h * w;
  const spanH = (kh - 1) * dh;
  const spanW = (kw - 1) * dw;
  const iy = new Int32Array(PANEL);
  const ix = new Int32Array(PANEL);
  let oy = Math.floor(p0 / wo);
  let ox = p0 - oy * wo;
  for (let q = 0; q * PANEL < count; q++) {
    const base = q * k * PANEL;
    const valid = Math.min(PANEL, count - q * PANEL);
    let inside = valid === PANEL;
    for (let r = 0; r < valid; r++) {
      const y0 = oy * sh - top;
      const x0 = ox * sw - left;
      iy[r] = y0;
      ix[r] = x0;
      if (y0 < 0 || y0 + spanH >= h || x0 < 0 || x0 + spanW >= w) inside = false;
      if (++ox === wo) {
        ox = 0;
        oy++;
      }
    }
    if (inside) {
      // All four windows lie inside the image: no bounds checks.
      const o0 = iy[0]! * w + ix[0]!;
      const o1 = iy[1]! * w + ix[1]!;
      const o2 = iy[2]! * w + ix[2]!;
      const o3 = iy[3]! * w + ix[3]!;
      let d = base;
      for (let ci = 0; ci < cg; ci++) {
        for (let ky = 0; ky < kh; ky++) {
          const rowOff = xOff + ci * hw + ky * dh * w;
          for (let kx = 0; kx < kw; kx++) {
            const t = rowOff + kx * dw;
            dst[d] = x[t + o0]!;
            dst[d + 1] = x[t + o1]!;
            dst[d + 2] = x[t + o2]!;
            dst[d + 3] = x[t + o3]!;
            d += PANEL;
          }
        }
      }
      continue;
    }
    for (let r = 0; r < PANEL; r++) {
      let d = base + r;
      if (r >= valid) {
        for (let kk = 0; kk < k; kk++, d += PANEL) dst[d] = 0;
        continue;
      }
      const y0 = iy[r]!;
      const x0 = ix[r]!;
      for (let ci = 0; ci < cg; ci++) {
        for (let ky = 0; ky < kh; ky++) {
          const yy = y0 + ky * dh;
          if (yy < 0 || yy >= h) {
            for (let kx = 0; kx < kw; kx++, d += PANEL) dst[d] = 0;
            continue;
          }
          const rowOff = xOff + ci * hw + yy * w;
          for (let kx = 0; kx < kw; kx++, d += PANEL) {
            const xx = x0 + kx * dw;
            dst[d] = xx >= 0 && xx < w ? x[rowOff + xx]! : 0;
          }
        }
      }
    }
  }
}

/**
 * 2-D convolution of `input` [N, C, H, W] with `weight` [Cout, C/groups, Kh, Kw] plus an optional
 * per-output-channel `bias`, with PyTorch semantics (cross-correlation, zero padding, output size
 * ⌊(H + pad_top + pad_bottom − d·(Kh − 1) − 1)/s⌋ + 1 per axis). Returns [N, Cout, Ho, Wo]. Sums are
 * accumulated in float64. Throws an `EngineError` naming the field for bad shapes, options, channel
 * or group mismatches, a kernel that does not fit the padded input, or non-finite values.
 */
export function conv2d(input: Tensor, weight: Tensor, bias?: Vec | null, opts: Conv2dOptions = {}): Tensor {
  const o = opts ?? {};
  const { n, c: cin, h, w } = dims4(input, 'input');
  const wd = dims4(weight, 'weight');
  const [sh, sw] = pair(o.stride, 'stride', 1);
  const [dh, dw] = pair(o.dilation, 'dilation', 1);
  const pad = pad4(o.padding, 'padding');
  const groups = groupsArg(o.groups);
  const cout = wd.n;
  if (cin % groups !== 0) {
    throw new EngineError('groups', groups, expecting('divisor', `a divisor of the input channel count ${cin}`, { count: cin, of: 'input' }));
  }
  if (cout % groups !== 0) {
    throw new EngineError(
      'groups',
      groups,
      expecting('divisor', `a divisor of the output channel count weight.shape[0] = ${cout}`, { count: cout, of: 'output' }),
    );
  }
  const cg = cin / groups;
  if (wd.c !== cg) {
    throw new EngineError('weight.shape[1]', wd.c, expecting('channelsPerGroup', `${cg} (input channels ${cin} / groups ${groups})`, { expected: cg, cin, groups }));
  }
  const b = vecArg(bias, 'bias', [cout]);
  const kh = wd.h;
  const kw = wd.w;
  const ho = outSize(h, pad.top + pad.bottom, kh, dh, sh);
  const wo = outSize(w, pad.left + pad.right, kw, dw, sw);
  if (ho < 1) {
    throw new EngineError(
      'weight.shape[2]',
      kh,
      expecting(
        'windowFits',
        `a kernel height whose dilated extent ${dh}·(${kh} − 1) + 1 = ${dh * (kh - 1) + 1} is at most the padded input height ${h + pad.top + pad.bottom}`,
        { extent: dh * (kh - 1) + 1, padded: h + pad.top + pad.bottom },
      ),
    );
  }
  if (wo < 1) {
    throw new EngineError(
      'weight.shape[3]',
      kw,
      expecting(
        'windowFits',
        `a kernel width whose dilated extent ${dw}·(${kw} − 1) + 1 = ${dw * (kw - 1) + 1} is at most the padded input width ${w + pad.left + pad.right}`,
        { extent: dw * (kw - 1) + 1, padded: w + pad.left + pad.right },
      ),
    );
  }

  const p = ho * wo;
  const k = cg * kh * kw;
  const mg = cout / groups;
  const mPanels = Math.ceil(mg / PANEL);
  const out = new Float32Array(n * cout * p);
  const chunk = Math.min(CHUNK, Math.ceil(p / PANEL) * PANEL);
  const bp = new Float32Array(chunk * k);
  const hw = h * w;
  for (let g = 0; g < groups; g++) {
    const ap = new Float32Array(mPanels * k * PANEL);
    packPanels(weight.data, g * mg * k, k, 1, mg, k, ap);
    const bg = new Float32Array(mPanels * PANEL);
    if (b) bg.set(b.subarray(g * mg, (g + 1) * mg));
    for (let img = 0; img < n; img++) {
      const xOff = (img * cin + g * cg) * hw;
      const cOff = (img * cout + g * mg) * p;
      for (let p0 = 0; p0 < p; p0 += chunk) {
        const count = Math.min(chunk, p - p0);
        packPatches(input.data, xOff, cg, h, w, kh, kw, sh, sw, dh, dw, pad.top, pad.left, wo, p0, count, bp);
        gemmPacked(ap, mg, bp, count, k, out, cOff + p0, p, bg);
      }
    }
  }
  return { shape: [n, cout, ho, wo], data: out };
}

/**
 * Transposed 2-D convolution ("deconvolution") of `input` [N, Cin, H, W] with `weight`
 * [Cin, Cout/groups, Kh, Kw] plus an optional `bias` of length Cout, with PyTorch semantics: the
 * adjoint of `conv2d` with the same weight, stride, padding, dilation and groups. Output size per
 * axis: (H − 1)·s − pad_top − pad_bottom + d·(Kh − 1) + outputPadding + 1. Every input pixel scatters
 * its weighted kernel into the output; sums are accumulated in float64. Throws an `EngineError`
 * naming the field for bad shapes or options, or an output size below 1.
 */
export function convTranspose2d(
  input: Tensor,
  weight: Tensor,
  bias?: Vec | null,
  opts: ConvTranspose2dOptions = {},
): Tensor {
  const o = opts ?? {};
  const { n, c: cin, h, w } = dims4(input, 'input');
  const wd = dims4(weight, 'weight');
  const [sh, sw] = pair(o.stride, 'stride', 1);
  const [dh, dw] = pair(o.dilation, 'dilation', 1);
  const pad = pad4(o.padding, 'padding');
  const [oph, opw] = pair(o.outputPadding, 'outputPadding', 0, 0);
  const groups = groupsArg(o.groups);
  if ((oph >= sh && oph >= dh) || (opw >= sw && opw >= dw)) {
    throw new EngineError(
      'outputPadding',
      o.outputPadding,
      `values smaller than the stride [${sh}, ${sw}] or the dilation [${dh}, ${dw}] on each axis`,
    );
  }
  if (wd.n !== cin) {
    throw new EngineError(
      'weight.shape[0]',
      wd.n,
      `${cin} (the input channel count; weight is [Cin, Cout/groups, Kh, Kw])`,
    );
  }
  if (cin % groups !== 0) {
    throw new EngineError('groups', groups, expecting('divisor', `a divisor of the input channel count ${cin}`, { count: cin, of: 'input' }));
  }
  const cg = cin / groups;
  const og = wd.c;
  const cout = og * groups;
  const b = vecArg(bias, 'bias', [cout]);
  const kh = wd.h;
  const kw = wd.w;
  const ho = (h - 1) * sh - pad.top - pad.bottom + dh * (kh - 1) + oph + 1;
  const wo = (w - 1) * sw - pad.left - pad.right + dw * (kw - 1) + opw + 1;
  if (ho < 1 || wo < 1) {
    throw new EngineError(
      'padding',
      o.padding,
      `padding that leaves an output of at least 1×1 (it gives ${ho}×${wo} for input ${h}×${w})`,
    );
  }

  // Per group: cols[M = og·kh·kw][H·W] = Wgᵀ · Xg, then each column scatters into the output.
  const m = og * kh * kw;
  const mPanels = Math.ceil(m / PANEL);
  const hw = h * w;
  const pOut = ho * wo;
  const chunk = Math.min(CHUNK, Math.ceil(hw / PANEL) * PANEL);
  const bp = new Float32Array(chunk * cg);
  const cols = new Float32Array(m * chunk);
  const zeroBias = new Float32Array(mPanels * PANEL);
  const acc = new Float64Array(cout * pOut);
  const out = new Float32Array(n * cout * pOut);
  const packedW: Float32Array[] = [];
  for (let g = 0; g < groups; g++) {
    const ap = new Float32Array(mPanels * cg * PANEL);
    packPanels(weight.data, g * cg * m, 1, m, m, cg, ap);
    packedW.push(ap);
  }
  for (let img = 0; img < n; img++) {
    acc.fill(0);
    for (let g = 0; g < groups; g++) {
      for (let p0 = 0; p0 < hw; p0 += chunk) {
        const count = Math.min(chunk, hw - p0);
        packPanels(input.data, (img * cin + g * cg) * hw + p0, 1, hw, count, cg, bp);
        gemmPacked(packedW[g]!, m, bp, count, cg, cols, 0, count, zeroBias);
        for (let row = 0; row < m; row++) {
          const co = g * og + Math.floor(row / (kh * kw));
          const tap = row % (kh * kw);
          const ky = Math.floor(tap / kw);
          const kx = tap - ky * kw;
          const accOff = co * pOut;
          const colOff = row * count;
          let iy = Math.floor(p0 / w);
          let ix = p0 - iy * w;
          for (let j = 0; j < count; j++) {
            const yy = iy * sh - pad.top + ky * dh;
            const xx = ix * sw - pad.left + kx * dw;
            if (yy >= 0 && yy < ho && xx >= 0 && xx < wo) acc[accOff + yy * wo + xx] += cols[colOff + j]!;
            if (++ix === w) {
              ix = 0;
              iy++;
            }
          }
        }
      }
    }
    const base = img * cout * pOut;
    for (let co = 0; co < cout; co++) {
      const bv = b ? b[co]! : 0;
      for (let i = 0; i < pOut; i++) out[base + co * pOut + i] = acc[co * pOut + i]! + bv;
    }
  }
  return { shape: [n, cout, ho, wo], data: out };
}
