import { maxPool2d, avgPool2d } from '../../engine/pool';
import { poolAxis, type AxisGeometry } from '../../engine/shapes';
import { createRng, randomTensor } from '../../engine/random';
import { tensor, type Tensor } from '../../engine/tensor';
import type { PoolTraceOptions } from '../../engine/trace';
import { CELL_PAD, CELL_UNUSED } from '../../components/Grid';
import { maxAbsOf, type Palette } from '../../viz/color';
import { isImageSource, type PoolConfig } from '../../state/views/pool';
import type { ImagePixels } from '../conv/model';

/** Everything the pooling walk-through draws, derived from the configuration (never stored). */
export interface PoolModel {
  kind: PoolConfig['kind'];
  /** `[1, C, H, W]`. */
  input: Tensor;
  /** `[1, C, H′, W′]`, from the engine's maxPool2d / avgPool2d. */
  output: Tensor;
  /** The options of the engine's trace (`poolStep`) for this configuration. */
  opts: PoolTraceOptions;
  rows: AxisGeometry;
  cols: AxisGeometry;
  channels: number;
  outH: number;
  outW: number;
  /** Steps of the walk-through: channels × output rows × output columns. */
  total: number;
  /**
   * The drawn input plane per channel: the padded input plus, in ceil mode, the cells by which the
   * last window hangs past the padding (drawn as padding). `kinds` marks padding and cells no window reaches.
   */
  planes: { values: Float32Array; kinds: Uint8Array }[];
  /** Drawn rows and columns (padded plus overhang). */
  drawH: number;
  drawW: number;
  inputMax: number;
  /** Grey for images (never negative), signed for seeded numbers. */
  inputPalette: Palette;
  /** The output's colour scale: the input's, so a pooled value keeps the colour it had in the input. */
  outputMax: number;
  /** Average pooling: the divisor of every output cell (one plane; it is the same on every channel). */
  divisors: Float32Array | null;
}

/** Independent seeded streams, so that the input and the filter before ReLU do not depend on each other's size. */
export const stream = (seed: number, salt: number) => createRng((seed ^ salt) >>> 0);

/**
 * The input tensor `[1, C, H, W]`: seeded whole numbers in 0…9 (like a lecture's worked example, and
 * ties happen), seeded decimals in −1…1 with two decimals (so max pooling's −∞ padding matters), or an
 * image's pixels in 0…1 (two decimals) once they are loaded; until then, the seeded whole numbers.
 */
export function buildPoolInput(cfg: PoolConfig, pixels?: ImagePixels | null): Tensor {
  const shape = [1, cfg.c, cfg.h, cfg.w];
  if (isImageSource(cfg.src) && pixels && pixels.h === cfg.h && pixels.w === cfg.w) {
    const out = tensor(shape);
    const plane = cfg.h * cfg.w;
    for (let c = 0; c < cfg.c; c++) {
      const from = Math.min(c, pixels.channels - 1);
      for (let i = 0; i < plane; i++)
        out.data[c * plane + i] = Math.round(pixels.data[from * plane + i]! * 100) / 100;
    }
    return out;
  }
  const rng = stream(cfg.seed, 0);
  return cfg.src === 'float'
    ? randomTensor(rng, shape, { kind: 'float', min: -1, max: 1, decimals: 2 })
    : randomTensor(rng, shape, { kind: 'int', min: 0, max: 9 });
}

/** The engine's trace options for a configuration. */
export function traceOptions(cfg: PoolConfig): PoolTraceOptions {
  return {
    kind: cfg.kind,
    kernel: cfg.k,
    stride: cfg.s,
    padding: cfg.p,
    dilation: cfg.kind === 'max' ? cfg.d : 1,
    ceilMode: cfg.ceil === 'true',
    countIncludePad: cfg.cip === 'true',
  };
}

/** The pooled tensor of `input` with the configuration's settings (the engine's maxPool2d or avgPool2d). */
export function poolTensor(cfg: PoolConfig, input: Tensor): Tensor {
  const common = { kernel: cfg.k, stride: cfg.s, padding: cfg.p, ceilMode: cfg.ceil === 'true' };
  return cfg.kind === 'max'
    ? maxPool2d(input, { ...common, dilation: cfg.d })
    : avgPool2d(input, { ...common, countIncludePad: cfg.cip === 'true' });
}

/**
 * The divisor of every output cell of average pooling along one axis, written here from PyTorch's
 * rule: the window clipped to the padded input when padding counts, to the input itself when not.
 */
function axisDivisors(g: AxisGeometry, includePad: boolean): number[] {
  return Array.from({ length: g.output }, (_, o) => {
    const start = o * g.stride - g.padBefore;
    const end = Math.min(start + g.kernel, g.input + g.padAfter);
    return includePad ? end - start : Math.min(end, g.input) - Math.max(start, 0);
  });
}

/** Builds the pooling walk-through's model for a valid configuration. */
export function buildPoolModel(cfg: PoolConfig, pixels?: ImagePixels | null): PoolModel {
  const input = buildPoolInput(cfg, pixels);
  const d = cfg.kind === 'max' ? cfg.d : ([1, 1] as const);
  const ceil = cfg.ceil === 'true';
  const rows = poolAxis(cfg.h, cfg.k[0], cfg.s[0], cfg.p[0], cfg.p[0], d[0], ceil);
  const cols = poolAxis(cfg.w, cfg.k[1], cfg.s[1], cfg.p[1], cfg.p[1], d[1], ceil);
  const output = poolTensor(cfg, input);
  const C = cfg.c;
  const H = cfg.h;
  const W = cfg.w;
  const drawH = rows.padded + rows.overhang;
  const drawW = cols.padded + cols.overhang;
  const planes = [];
  for (let c = 0; c < C; c++) {
    const values = new Float32Array(drawH * drawW);
    const kinds = new Uint8Array(drawH * drawW);
    for (let r = 0; r < drawH; r++) {
      for (let q = 0; q < drawW; q++) {
        const i = r * drawW + q;
        const ih = r - rows.padBefore;
        const iw = q - cols.padBefore;
        // Cells past the padded input (ceil mode's overhang) are drawn like padding: never an input value.
        if (ih < 0 || ih >= H || iw < 0 || iw >= W) kinds[i] = CELL_PAD;
        else {
          values[i] = input.data[(c * H + ih) * W + iw]!;
          if (r >= rows.padded - rows.unused || q >= cols.padded - cols.unused) kinds[i] = CELL_UNUSED;
        }
      }
    }
    planes.push({ values, kinds });
  }
  let divisors: Float32Array | null = null;
  if (cfg.kind === 'avg') {
    const include = cfg.cip === 'true';
    const dy = axisDivisors(rows, include);
    const dx = axisDivisors(cols, include);
    divisors = new Float32Array(rows.output * cols.output);
    for (let oh = 0; oh < rows.output; oh++)
      for (let ow = 0; ow < cols.output; ow++) divisors[oh * cols.output + ow] = dy[oh]! * dx[ow]!;
  }
  return {
    kind: cfg.kind,
    input,
    output,
    opts: traceOptions(cfg),
    rows,
    cols,
    channels: C,
    outH: rows.output,
    outW: cols.output,
    total: C * rows.output * cols.output,
    planes,
    drawH,
    drawW,
    inputMax: maxAbsOf(input.data),
    inputPalette: isImageSource(cfg.src) ? 'grey' : 'signed',
    outputMax: maxAbsOf(input.data),
    divisors,
  };
}

/** Channel, output row and output column of step `index` (steps ordered by channel, row, column). */
export function stepPosition(
  index: number,
  outH: number,
  outW: number,
): { c: number; oh: number; ow: number } {
  return { c: Math.floor(index / (outH * outW)), oh: Math.floor(index / outW) % outH, ow: index % outW };
}

/**
 * The output cells whose window reads the padded cell (`ph`, `pw`) along both axes: along one axis,
 * output `o` reads padded position `o·s + t·d` for taps `t` in 0…k−1. Padding cells count too (max
 * pooling reads them as −∞, average pooling as 0).
 */
export function windowsContaining(
  rows: AxisGeometry,
  cols: AxisGeometry,
  ph: number,
  pw: number,
): { oh: number; ow: number }[] {
  const along = (g: AxisGeometry, p: number) => {
    const out: number[] = [];
    for (let o = 0; o < g.output; o++) {
      const offset = p - o * g.stride;
      if (offset >= 0 && offset % g.dilation === 0 && offset / g.dilation < g.kernel) out.push(o);
    }
    return out;
  };
  const rs = along(rows, ph);
  const cs = along(cols, pw);
  return rs.flatMap((oh) => cs.map((ow) => ({ oh, ow })));
}
