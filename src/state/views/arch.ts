/**
 * The architecture view (`#/arch`): the classic network [Conv, ReLU, Pool]×N → Flatten →
 * [Linear, ReLU]×M → Linear on an input C×H×W. This module holds the configuration type, the URL
 * parameter table, the defaults, the cross-field repair, the pure shape/parameter/MAC derivation of
 * every layer (`archLayers`) and the pure actions the panel calls:
 * `(config, arg) → { config } | { rejection }`.
 *
 * Links: `#/arch?in=3x32x32&f=16,32&k=3,3&p=1,1&pool=2&fc=64&classes=10&src=seeded&seed=1` — one
 * entry of `f` (filters), `k` (kernel) and `p` (padding) per convolution block, so N is the length
 * of `f`; one entry of `fc` per hidden fully connected layer, so M is its length (`fc=` for none).
 * Every convolution has stride 1; every pooling is a max pooling with stride = its size (`pool=1`
 * means no pooling).
 */
import { defaultsOf, type ParamTable } from '../params';
import type { UrlProblem } from '../types';
import type { ViewCodec } from '../views';

/** Where the input comes from: seeded numbers, a shipped sample image, or the user's own image (never in a link). */
export type ArchSource = 'seeded' | 'checker' | 'digit' | 'gradient' | 'scene' | 'upload';
export const ARCH_SOURCES: readonly ArchSource[] = ['seeded', 'checker', 'digit', 'gradient', 'scene', 'upload'];

/** The architecture view's whole configuration. */
export interface ArchConfig {
  /** Input channels, height, width. */
  c: number;
  h: number;
  w: number;
  /** Filters of each convolution block (N = its length). */
  f: number[];
  /** Square kernel of each block's convolution. */
  k: number[];
  /** Zero padding of each block's convolution. */
  p: number[];
  /** Max-pooling window and stride of every block (1 = no pooling). */
  pool: number;
  /** Widths of the hidden fully connected layers (M = its length). */
  fc: number[];
  /** Outputs of the last layer: one score per class. */
  classes: number;
  src: ArchSource;
  /** Seed of the weights and of the seeded input. */
  seed: number;
}

/** Bounds of the view, stated in the controls. */
export const ARCH_LIMITS = {
  c: 4,
  hw: 64,
  blocks: 5,
  filters: 64,
  k: 7,
  p: 3,
  pool: 4,
  fcLayers: 3,
  fcWidth: 512,
  classes: 100,
  /** Multiply–accumulates of one forward pass: beyond this the page would stall. */
  macs: 50_000_000,
  /** Learnable parameters: each one is drawn and kept in memory. */
  params: 3_000_000,
} as const;

/** Shown when a link names an uploaded image. */
export const ARCH_UPLOAD_REFUSED =
  "this link was made with an uploaded image, which never leaves its author's browser; showing the seeded input instead";

/** The view's URL keys, in the order they are written. */
export const ARCH_PARAMS: ParamTable<ArchConfig> = [
  {
    key: 'in',
    type: 'shape',
    fields: ['c', 'h', 'w'],
    names: ['channels', 'height', 'width'],
    default: [3, 32, 32],
    min: [1, 1, 1],
    max: [ARCH_LIMITS.c, ARCH_LIMITS.hw, ARCH_LIMITS.hw],
    label: 'the input shape', labelKo: '입력 모양',
    always: true,
  },
  {
    key: 'f',
    type: 'numberList',
    field: 'f',
    default: [16, 32],
    min: 1,
    max: ARCH_LIMITS.filters,
    minLength: 1,
    maxLength: ARCH_LIMITS.blocks,
    integer: true,
    label: 'the filters of each convolution', labelKo: '합성곱마다의 필터 개수',
    always: true,
  },
  {
    key: 'k',
    type: 'numberList',
    field: 'k',
    default: [3, 3],
    min: 1,
    max: ARCH_LIMITS.k,
    minLength: 1,
    maxLength: ARCH_LIMITS.blocks,
    integer: true,
    label: 'the kernel of each convolution', labelKo: '합성곱마다의 커널 크기',
    always: true,
  },
  {
    key: 'p',
    type: 'numberList',
    field: 'p',
    default: [1, 1],
    min: 0,
    max: ARCH_LIMITS.p,
    minLength: 1,
    maxLength: ARCH_LIMITS.blocks,
    integer: true,
    label: 'the padding of each convolution', labelKo: '합성곱마다의 패딩',
    always: true,
  },
  { key: 'pool', type: 'int', field: 'pool', default: 2, min: 1, max: ARCH_LIMITS.pool, label: 'the pool size', labelKo: '풀링 크기', always: true },
  {
    key: 'fc',
    type: 'numberList',
    field: 'fc',
    default: [64],
    min: 1,
    max: ARCH_LIMITS.fcWidth,
    minLength: 0,
    maxLength: ARCH_LIMITS.fcLayers,
    integer: true,
    label: 'the widths of the hidden fully connected layers', labelKo: '은닉 완전 연결(FC) 레이어의 너비',
    always: true,
  },
  { key: 'classes', type: 'int', field: 'classes', default: 10, min: 1, max: ARCH_LIMITS.classes, label: 'the number of classes', labelKo: '클래스 개수', always: true },
  {
    key: 'src',
    type: 'enum',
    field: 'src',
    default: 'seeded',
    allowed: ARCH_SOURCES,
    refused: { upload: ARCH_UPLOAD_REFUSED },
    label: 'the input source', labelKo: '입력 소스',
  },
  { key: 'seed', type: 'int', field: 'seed', default: 1, min: 0, max: 4294967295, label: 'the seed', labelKo: '시드', always: true },
];

/** A fresh default configuration: 3×32×32 → [Conv 16, ReLU, Pool] → [Conv 32, ReLU, Pool] → FC 64 → FC 10. */
export function defaultArch(): ArchConfig {
  return defaultsOf(ARCH_PARAMS);
}

// ---------------------------------------------------------------------------------------------
// Layers: shapes, parameters, multiply–accumulates
// ---------------------------------------------------------------------------------------------

export type ArchLayerKind = 'conv' | 'relu' | 'pool' | 'flatten' | 'fc';

/** One layer of the network with everything the view lists about it. */
export interface ArchLayer {
  /** Its index in the `nn.Sequential`. */
  index: number;
  /** A readable name: conv1, relu1, pool1, flatten, fc1, relu_fc1, out. */
  name: string;
  kind: ArchLayerKind;
  /** The PyTorch module: `nn.Conv2d(3, 16, kernel_size=3, padding=1)`. */
  torch: string;
  /** Shape of its input and output, [C, H, W] or [features]. */
  inShape: number[];
  outShape: number[];
  params: number;
  /** How the parameters are counted, with the numbers: `16·3·3·3 + 16`. */
  paramsText: string;
  macs: number;
  /** How the multiply–accumulates are counted: `16·32·32 outputs × 3·3·3`. */
  macsText: string;
  /** Values in its output (its activation volume). */
  activations: number;
  /** For a convolution: its block (1-based), kernel and padding; for a pooling: its block and window (`k`); for a linear layer: its position (1-based, the output layer last). */
  block: number;
  k?: number;
  p?: number;
}

/** A configuration that cannot work: the URL key at fault, the layer, and a sentence with what is valid. */
export interface ArchProblem {
  field: string;
  layer: string;
  message: string;
  /** The same in Korean. */
  ko: string;
}

const prod = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
const shapeText = (shape: readonly number[]) => shape.join('×');

/**
 * Every layer of the network with its shapes and counts, in `nn.Sequential` order, stopping at the
 * first layer that cannot work (a kernel larger than its padded map, a pooling that would make the
 * map smaller than 1×1), which is then described in `problem` with what would be valid there.
 * Convolutions have stride 1 and bias; MACs count one multiply–accumulate per weight use (the bias
 * additions are not counted, as in the engine's conv2dMacs); ReLU, pooling and flatten have no
 * parameters and no MACs.
 */
/** The largest pool size below `s` with which no block pools its map below 1×1 (1, no pooling, always can). */
function largestPoolBelow(cfg: ArchConfig, s: number): number {
  for (let t = s - 1; t >= 2; t--) if (archLayers({ ...cfg, pool: t }).problem?.field !== 'pool') return t;
  return 1;
}

export function archLayers(cfg: ArchConfig): { layers: ArchLayer[]; problem: ArchProblem | null } {
  const layers: ArchLayer[] = [];
  let shape: number[] = [cfg.c, cfg.h, cfg.w];
  const push = (l: Omit<ArchLayer, 'index' | 'activations'>) => {
    layers.push({ ...l, index: layers.length, activations: prod(l.outShape) });
    shape = l.outShape;
  };
  const N = cfg.f.length;
  for (let b = 0; b < N; b++) {
    const [C, H, W] = shape as [number, number, number];
    const F = cfg.f[b]!;
    const k = cfg.k[b]!;
    const p = cfg.p[b]!;
    const oh = H + 2 * p - k + 1;
    const ow = W + 2 * p - k + 1;
    const torch = `nn.Conv2d(${C}, ${F}, kernel_size=${k}${p ? `, padding=${p}` : ''})`;
    if (oh < 1 || ow < 1) {
      const side = Math.min(H, W) + 2 * p;
      const maxK = Math.min(ARCH_LIMITS.k, side);
      const needP = Math.ceil((k - Math.min(H, W)) / 2);
      return {
        layers,
        problem: {
          field: 'k',
          layer: `conv${b + 1}`,
          message:
            `conv${b + 1} (${torch}) gets a ${shapeText(shape)} map: a ${k}×${k} kernel does not fit in ` +
            `${Math.min(H, W)} + 2·${p} = ${side} padded cells, so it would have no output. ` +
            `Valid here: a kernel from 1 to ${maxK}` +
            (needP <= ARCH_LIMITS.p ? `, or padding of at least ${needP}` : '') +
            (b > 0 ? `, or at most ${b} ${b === 1 ? 'block' : 'blocks'}` : '') +
            '.',
          ko:
            `conv${b + 1}(${torch})은(는) ${shapeText(shape)} 맵을 받습니다. ${k}×${k} 커널은 패딩을 더한 ` +
            `${Math.min(H, W)} + 2·${p} = ${side}칸에 맞지 않아 출력이 없습니다. ` +
            `여기서 가능한 것: 1부터 ${maxK}까지의 커널` +
            (needP <= ARCH_LIMITS.p ? `, 또는 ${needP} 이상의 패딩` : '') +
            (b > 0 ? `, 또는 블록 최대 ${b}개` : '') +
            '.',
        },
      };
    }
    const kk = `${k}·${k}`;
    push({
      name: `conv${b + 1}`,
      kind: 'conv',
      torch,
      inShape: shape,
      outShape: [F, oh, ow],
      params: F * C * k * k + F,
      paramsText: `${F}·${C}·${kk} + ${F}`,
      macs: F * oh * ow * C * k * k,
      macsText: `${F}·${oh}·${ow} outputs × ${C}·${kk}`,
      block: b + 1,
      k,
      p,
    });
    push({
      name: `relu${b + 1}`,
      kind: 'relu',
      torch: 'nn.ReLU()',
      inShape: shape,
      outShape: shape,
      params: 0,
      paramsText: '0',
      macs: 0,
      macsText: '0',
      block: b + 1,
    });
    if (cfg.pool > 1) {
      const s = cfg.pool;
      const ph = Math.floor(oh / s);
      const pw = Math.floor(ow / s);
      const torchPool = `nn.MaxPool2d(${s})`;
      if (ph < 1 || pw < 1) {
        // The largest pool size that every block can take (the map here has already been pooled by
        // `s` in the earlier blocks, so its own size would understate it).
        const maxPool = largestPoolBelow(cfg, s);
        return {
          layers,
          problem: {
            field: 'pool',
            layer: `pool${b + 1}`,
            message:
              `pool${b + 1} (${torchPool}) would pool a ${shapeText(shape)} map below 1×1: a ${s}×${s} window needs ` +
              `at least ${s}×${s} cells. Valid here: ` +
              (maxPool === 1 ? 'no pooling (pool size 1)' : `pool size 1 (no pooling) to ${maxPool}`) +
              (b > 0 ? `, or at most ${b} ${b === 1 ? 'block' : 'blocks'}` : '') +
              ', or a larger input.',
            ko:
              `pool${b + 1}(${torchPool})은(는) ${shapeText(shape)} 맵을 1×1보다 작게 만듭니다. ${s}×${s} 윈도우에는 ` +
              `최소 ${s}×${s}칸이 필요합니다. 여기서 가능한 것: ` +
              (maxPool === 1 ? '풀링 없음(풀링 크기 1)' : `풀링 크기 1(풀링 없음)부터 ${maxPool}까지`) +
              (b > 0 ? `, 또는 블록 최대 ${b}개` : '') +
              ', 또는 더 큰 입력.',
          },
        };
      }
      push({
        name: `pool${b + 1}`,
        kind: 'pool',
        torch: torchPool,
        inShape: shape,
        outShape: [F, ph, pw],
        params: 0,
        paramsText: '0',
        macs: 0,
        macsText: '0',
        block: b + 1,
        k: s,
      });
    }
  }
  const features = prod(shape);
  push({
    name: 'flatten',
    kind: 'flatten',
    torch: 'nn.Flatten()',
    inShape: shape,
    outShape: [features],
    params: 0,
    paramsText: '0',
    macs: 0,
    macsText: '0',
    block: 0,
  });
  const widths = [...cfg.fc, cfg.classes];
  widths.forEach((out, i) => {
    const inF = shape[0]!;
    const last = i === widths.length - 1;
    push({
      name: last ? 'out' : `fc${i + 1}`,
      kind: 'fc',
      torch: `nn.Linear(${inF}, ${out})`,
      inShape: shape,
      outShape: [out],
      params: inF * out + out,
      paramsText: `${out}·${inF} + ${out}`,
      macs: inF * out,
      macsText: `${out} outputs × ${inF}`,
      block: i + 1,
    });
    if (!last) {
      push({
        name: `relu_fc${i + 1}`,
        kind: 'relu',
        torch: 'nn.ReLU()',
        inShape: shape,
        outShape: shape,
        params: 0,
        paramsText: '0',
        macs: 0,
        macsText: '0',
        block: i + 1,
      });
    }
  });
  const params = layers.reduce((a, l) => a + l.params, 0);
  const macs = layers.reduce((a, l) => a + l.macs, 0);
  const fmt = (n: number) => n.toLocaleString('en-US');
  if (macs > ARCH_LIMITS.macs) {
    return {
      layers,
      problem: {
        field: 'f',
        layer: 'the whole network',
        message:
          `This network needs ${fmt(macs)} multiply–accumulates per image; at most ${fmt(ARCH_LIMITS.macs)} run smoothly ` +
          'in the browser. Use fewer filters, smaller kernels, more pooling or a smaller input.',
        ko:
          `이 네트워크는 이미지 하나에 곱셈-누산(MAC)이 ${fmt(macs)}번 필요합니다. 브라우저에서 부드럽게 실행되는 것은 최대 ${fmt(ARCH_LIMITS.macs)}번입니다. ` +
          '필터를 줄이거나, 커널을 작게 하거나, 풀링을 늘리거나, 입력을 작게 하세요.',
      },
    };
  }
  if (params > ARCH_LIMITS.params) {
    return {
      layers,
      problem: {
        field: 'fc',
        layer: 'the whole network',
        message:
          `This network has ${fmt(params)} parameters; at most ${fmt(ARCH_LIMITS.params)} are drawn in the browser. ` +
          'Narrow the fully connected layers, pool more or use fewer filters in the last block.',
        ko:
          `이 네트워크의 파라미터는 ${fmt(params)}개입니다. 브라우저에서 그릴 수 있는 것은 최대 ${fmt(ARCH_LIMITS.params)}개입니다. ` +
          '완전 연결(FC) 레이어를 좁히거나, 풀링을 늘리거나, 마지막 블록의 필터를 줄이세요.',
      },
    };
  }
  return { layers, problem: null };
}

/** The totals of a network: parameters (all and the convolutional part's), MACs and activation values. */
export function archTotals(layers: readonly ArchLayer[]) {
  const sum = (pick: (l: ArchLayer) => number, only?: (l: ArchLayer) => boolean) =>
    layers.filter(only ?? (() => true)).reduce((a, l) => a + pick(l), 0);
  return {
    params: sum((l) => l.params),
    convParams: sum((l) => l.params, (l) => l.kind === 'conv'),
    fcParams: sum((l) => l.params, (l) => l.kind === 'fc'),
    macs: sum((l) => l.macs),
    activations: sum((l) => l.activations),
  };
}

/** The fully connected classifier on the same input: C·H·W inputs → `classes` scores, weights and biases. */
export function linearClassifierParams(cfg: Pick<ArchConfig, 'c' | 'h' | 'w' | 'classes'>): number {
  return cfg.c * cfg.h * cfg.w * cfg.classes + cfg.classes;
}

/**
 * The PyTorch code of the network: `model = nn.Sequential(…)` with one module per line and its
 * output shape (without the batch axis) in a comment, e.g.
 * `nn.Conv2d(3, 16, kernel_size=3, padding=1),  # → 16×32×32`, after the import it needs and a
 * comment giving the input shape.
 */
export function archPytorch(layers: readonly ArchLayer[], input: readonly [number, number, number]): string {
  const width = Math.max(...layers.map((l) => l.torch.length)) + 1;
  const lines = layers.map((l) => `    ${(l.torch + ',').padEnd(width)}  # → ${shapeText(l.outShape)}`);
  return [
    'import torch.nn as nn',
    '',
    `# input: a batch of N images of ${shapeText(input)} (N×${shapeText(input)})`,
    'model = nn.Sequential(',
    ...lines,
    ')',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Repair
// ---------------------------------------------------------------------------------------------

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Makes a configuration whose keys are each valid also valid as a whole, saying what changed:
 * `k` and `p` get one entry per block (a list left at its default follows `f` quietly; a list given
 * with another length is cut or filled with 3 / 1, and said so); a block whose kernel or pooling
 * cannot work loses that block and the ones after it (for the first block, the kernel or the pool
 * size shrinks to the largest that works); a network beyond the size caps falls back to the
 * default network.
 */
export function repairArch(input: ArchConfig): { config: ArchConfig; problems: UrlProblem[] } {
  const config: ArchConfig = { ...input, f: [...input.f], k: [...input.k], p: [...input.p], fc: [...input.fc] };
  const problems: UrlProblem[] = [];
  const defaults = defaultArch();
  const N = config.f.length;
  for (const [key, fill, what, whatKo] of [
    ['k', 3, 'kernel', '커널'],
    ['p', 1, 'padding', '패딩'],
  ] as const) {
    const list = config[key];
    if (list.length === N) continue;
    const quiet = sameList(list, defaults[key]);
    const next = list.slice(0, N);
    while (next.length < N) next.push(fill);
    if (!quiet) {
      problems.push({
        key,
        message:
          list.length > N
            ? `${key}=${list.join(',')}: ${list.length} ${what} values for ${N} ${N === 1 ? 'block' : 'blocks'} (f has ${N}); ignoring the last ${list.length - N}.`
            : `${key}=${list.join(',')}: ${list.length} ${what} values for ${N} blocks (f has ${N}); using ${fill} for the rest.`,
        ko:
          list.length > N
            ? `${key}=${list.join(',')}: 블록은 ${N}개(f의 개수)인데 ${whatKo} 값이 ${list.length}개이므로 마지막 ${list.length - N}개를 무시합니다.`
            : `${key}=${list.join(',')}: 블록은 ${N}개(f의 개수)인데 ${whatKo} 값이 ${list.length}개이므로 나머지에는 ${fill}을(를) 사용합니다.`,
      });
    }
    config[key] = next;
  }
  for (let guard = 0; guard < 4 * ARCH_LIMITS.blocks + 4; guard++) {
    const { problem } = archLayers(config);
    if (!problem) break;
    const block = Number(/^(?:conv|pool)(\d+)$/.exec(problem.layer)?.[1] ?? 0);
    if (block > 1) {
      problems.push({
        key: problem.field,
        message: `${problem.message} Keeping the first ${block - 1} ${block === 2 ? 'block' : 'blocks'}.`,
        ko: `${problem.ko} 처음 ${block - 1}개 블록만 남깁니다.`,
      });
      config.f = config.f.slice(0, block - 1);
      config.k = config.k.slice(0, block - 1);
      config.p = config.p.slice(0, block - 1);
    } else if (block === 1 && problem.field === 'k') {
      const side = Math.min(config.h, config.w) + 2 * config.p[0]!;
      const k = Math.min(ARCH_LIMITS.k, side);
      problems.push({ key: 'k', message: `${problem.message} Using a ${k}×${k} kernel.`, ko: `${problem.ko} ${k}×${k} 커널을 사용합니다.` });
      config.k[0] = k;
    } else if (block === 1 && problem.field === 'pool') {
      const side = Math.min(config.h, config.w) + 2 * config.p[0]! - config.k[0]! + 1;
      const s = Math.max(1, Math.min(ARCH_LIMITS.pool, side));
      problems.push({ key: 'pool', message: `${problem.message} Using pool=${s}.`, ko: `${problem.ko} pool=${s}을(를) 사용합니다.` });
      config.pool = s;
    } else {
      problems.push({
        key: problem.field,
        message: `${problem.message} Showing the default network.`,
        ko: `${problem.ko} 기본 네트워크를 보여 줍니다.`,
      });
      return { config: { ...defaults, src: config.src, seed: config.seed }, problems };
    }
  }
  return { config, problems };
}

/** The architecture view's entry in the registry. */
export const ARCH_CODEC: ViewCodec<ArchConfig> = { table: ARCH_PARAMS, defaults: defaultArch, repair: repairArch };

// ---------------------------------------------------------------------------------------------
// Actions: (config, arg) → { config } | { rejection }
// ---------------------------------------------------------------------------------------------

export interface ArchRejection {
  field: string;
  message: string;
  /** The same in Korean. */
  ko: string;
}
export type ArchResult = { config: ArchConfig } | { rejection: ArchRejection };

const refuse = (field: string, message: string, ko: string): ArchResult => ({ rejection: { field, message, ko } });
const whole = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;

/** Accepts a candidate whose values are each in range when the network works as a whole; else refuses with the layer at fault. */
function commit(next: ArchConfig): ArchResult {
  const { problem } = archLayers(next);
  // Messages start with the layer's name (conv2, pool3), kept as the table writes it.
  if (problem) return refuse(problem.field, problem.message, problem.ko);
  return { config: next };
}

const copy = (cfg: ArchConfig): ArchConfig => ({ ...cfg, f: [...cfg.f], k: [...cfg.k], p: [...cfg.p], fc: [...cfg.fc] });

/** Changes the input shape (channels 1 to 4, height and width 1 to 64). */
export function setArchInput(cfg: ArchConfig, c: number, h: number, w: number): ArchResult {
  if (!whole(c, 1, ARCH_LIMITS.c)) return refuse('in', `The input has 1 to ${ARCH_LIMITS.c} channels.`, `입력의 채널은 1개부터 ${ARCH_LIMITS.c}개까지입니다.`);
  if (!whole(h, 1, ARCH_LIMITS.hw) || !whole(w, 1, ARCH_LIMITS.hw)) {
    return refuse('in', `The input's height and width must be whole numbers from 1 to ${ARCH_LIMITS.hw}.`, `입력의 높이와 너비는 1부터 ${ARCH_LIMITS.hw}까지의 정수여야 합니다.`);
  }
  return commit({ ...copy(cfg), c, h, w });
}

/** Sets the number of convolution blocks N (1 to 5); a new block copies the last one with twice its filters (at most 64). */
export function setArchBlocks(cfg: ArchConfig, n: number): ArchResult {
  if (!whole(n, 1, ARCH_LIMITS.blocks)) return refuse('f', `N, the number of [Conv, ReLU, Pool] blocks, must be from 1 to ${ARCH_LIMITS.blocks}.`, `[Conv, ReLU, Pool] 블록의 개수 N은 1부터 ${ARCH_LIMITS.blocks}까지여야 합니다.`);
  const next = copy(cfg);
  while (next.f.length > n) {
    next.f.pop();
    next.k.pop();
    next.p.pop();
  }
  while (next.f.length < n) {
    next.f.push(Math.min(ARCH_LIMITS.filters, 2 * next.f[next.f.length - 1]!));
    next.k.push(next.k[next.k.length - 1]!);
    next.p.push(next.p[next.p.length - 1]!);
  }
  return commit(next);
}

/** Changes block `i`'s (0-based) filters, kernel or padding. */
export function setArchBlock(cfg: ArchConfig, i: number, patch: { f?: number; k?: number; p?: number }): ArchResult {
  if (!whole(i, 0, cfg.f.length - 1)) return refuse('f', `There is no block ${i + 1}; N = ${cfg.f.length}.`, `블록 ${i + 1}은(는) 없습니다. N = ${cfg.f.length}입니다.`);
  const next = copy(cfg);
  if (patch.f !== undefined) {
    if (!whole(patch.f, 1, ARCH_LIMITS.filters)) return refuse('f', `conv${i + 1} has 1 to ${ARCH_LIMITS.filters} filters.`, `conv${i + 1}의 필터는 1개부터 ${ARCH_LIMITS.filters}개까지입니다.`);
    next.f[i] = patch.f;
  }
  if (patch.k !== undefined) {
    if (!whole(patch.k, 1, ARCH_LIMITS.k)) return refuse('k', `conv${i + 1}'s kernel must be from 1 to ${ARCH_LIMITS.k}.`, `conv${i + 1}의 커널은 1부터 ${ARCH_LIMITS.k}까지여야 합니다.`);
    next.k[i] = patch.k;
  }
  if (patch.p !== undefined) {
    if (!whole(patch.p, 0, ARCH_LIMITS.p)) return refuse('p', `conv${i + 1}'s padding must be from 0 to ${ARCH_LIMITS.p}.`, `conv${i + 1}의 패딩은 0부터 ${ARCH_LIMITS.p}까지여야 합니다.`);
    next.p[i] = patch.p;
  }
  return commit(next);
}

/** Changes the pool size of every block (1 = no pooling, up to 4). */
export function setArchPool(cfg: ArchConfig, pool: number): ArchResult {
  if (!whole(pool, 1, ARCH_LIMITS.pool)) return refuse('pool', `The pool size must be from 1 (no pooling) to ${ARCH_LIMITS.pool}.`, `풀링 크기는 1(풀링 없음)부터 ${ARCH_LIMITS.pool}까지여야 합니다.`);
  return commit({ ...copy(cfg), pool });
}

/** Sets the number of hidden fully connected layers M (0 to 3); a new one copies the last width (or 64). */
export function setArchFcCount(cfg: ArchConfig, m: number): ArchResult {
  if (!whole(m, 0, ARCH_LIMITS.fcLayers)) return refuse('fc', `M, the number of hidden [FC, ReLU] layers, must be from 0 to ${ARCH_LIMITS.fcLayers}.`, `은닉 [FC, ReLU] 레이어의 개수 M은 0부터 ${ARCH_LIMITS.fcLayers}까지여야 합니다.`);
  const next = copy(cfg);
  next.fc = next.fc.slice(0, m);
  while (next.fc.length < m) next.fc.push(next.fc[next.fc.length - 1] ?? 64);
  return commit(next);
}

/** Changes the width of hidden fully connected layer `i` (0-based). */
export function setArchFcWidth(cfg: ArchConfig, i: number, width: number): ArchResult {
  if (!whole(i, 0, cfg.fc.length - 1)) return refuse('fc', `There is no hidden layer fc${i + 1}; M = ${cfg.fc.length}.`, `은닉 레이어 fc${i + 1}은(는) 없습니다. M = ${cfg.fc.length}입니다.`);
  if (!whole(width, 1, ARCH_LIMITS.fcWidth)) return refuse('fc', `fc${i + 1} has 1 to ${ARCH_LIMITS.fcWidth} outputs.`, `fc${i + 1}의 출력은 1개부터 ${ARCH_LIMITS.fcWidth}개까지입니다.`);
  const next = copy(cfg);
  next.fc[i] = width;
  return commit(next);
}

/** Changes the number of classes (1 to 100). */
export function setArchClasses(cfg: ArchConfig, classes: number): ArchResult {
  if (!whole(classes, 1, ARCH_LIMITS.classes)) return refuse('classes', `The number of classes must be from 1 to ${ARCH_LIMITS.classes}.`, `클래스 개수는 1부터 ${ARCH_LIMITS.classes}까지여야 합니다.`);
  return commit({ ...copy(cfg), classes });
}

/** Changes the input source. */
export function setArchSource(cfg: ArchConfig, src: ArchSource): ArchResult {
  if (!ARCH_SOURCES.includes(src)) return refuse('src', `The input sources are ${ARCH_SOURCES.join(', ')}.`, `입력 소스는 ${ARCH_SOURCES.join(', ')}입니다.`);
  return commit({ ...copy(cfg), src });
}

/** Changes the seed (0 to 2³² − 1). */
export function setArchSeed(cfg: ArchConfig, seed: number): ArchResult {
  if (!whole(seed, 0, 4294967295)) return refuse('seed', 'The seed must be a whole number from 0 to 4294967295.', '시드는 0부터 4294967295까지의 정수여야 합니다.');
  return commit({ ...copy(cfg), seed });
}
