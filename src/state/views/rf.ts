/**
 * The receptive-field view (`#/rf`): a stack of convolution and max-pooling layers, an input size,
 * a preset and one selected output cell. This module holds the configuration type, the URL parameter
 * table, the defaults, the cross-field repair, the compact layer notation and the pure actions the
 * panel calls: `(config, arg) → { config } | { rejection }`.
 *
 * ## The layer notation (`layers=` in the link)
 *
 * A comma-separated list of layers, each written as
 *
 *     <kind><kernel>[s<stride>][p<padding>][d<dilation>][*<repeat>]
 *
 * - kind: `c` a convolution, `p` a max pooling (long forms `conv`, `pool`, `max`, `maxpool`, `mp`
 *   are read too);
 * - kernel: the side of the square kernel, 1 to 11 (`3x3` is read as 3; non-square kernels are not
 *   offered in this view);
 * - `s`: stride, 1 to 8, default 1 for a convolution and the kernel for a pooling (PyTorch's rule);
 * - `p`: zero padding on every side, 0 to 10 for a convolution and at most ⌊kernel/2⌋ for a pooling
 *   (PyTorch's rule), default 0;
 * - `d`: dilation, 1 to 6, default 1;
 * - `*n`: the same layer n times in a row.
 *
 * Examples: `c3p1*3` (three 3×3 "same" convolutions), `c3p1,c3p1,p2` (VGG's first block),
 * `c11s4p2,p3s2,c5p2,p3s2,c3p1*3,p3s2` (AlexNet's features). Reading is tolerant: case, spaces,
 * `;` or `|` between layers, a `k` before the kernel, defaults written out (`c3s1p0d1`) and options
 * in any order are accepted, and links are written back in the canonical short form (defaults left
 * out, runs of equal layers as `*n`). A layer that cannot be read is skipped with a message naming
 * it and saying what would be valid; a stack that does not fit the input gets the smallest input
 * size that works (or, when no size up to the limit does, loses its last layers), also explained.
 *
 * The parameter table has no kind for free text, so `layers` is an `enum` row whose `allowed` list
 * admits every string (see {@link ANY_LAYER_TEXT}); the notation is read and explained by `repair`.
 */
import { defaultsOf, type ParamTable } from '../params';
import type { UrlProblem } from '../types';
import type { ViewCodec } from '../views';

/** A layer's kind: a convolution or a max pooling. */
export type RfKind = 'conv' | 'pool';

/** One layer of the stack, square in both axes. */
export interface RfLayer {
  kind: RfKind;
  /** Kernel side. */
  k: number;
  /** Stride. */
  s: number;
  /** Zero padding on every side. */
  p: number;
  /** Dilation. */
  d: number;
}

/** The presets, in menu order; `custom` is any other stack. */
export type RfPreset = 'stack' | 'lecture' | 'alexnet' | 'vgg16' | 'custom';
export const RF_PRESETS: readonly RfPreset[] = ['stack', 'lecture', 'alexnet', 'vgg16', 'custom'];

/** The receptive-field view's whole configuration. */
export interface RfConfig {
  /** Which preset the stack comes from (`custom` when edited away from every preset). */
  preset: RfPreset;
  /** The layers in the notation above, canonical form. */
  layers: string;
  /** Side of the square input. */
  size: number;
  /** The selected layer, 1 = the first layer's output. */
  at: number;
  /** The selected cell of that layer's output. */
  row: number;
  col: number;
}

/** Bounds of the view, also stated in the controls. */
export const RF_LIMITS = { layers: 30, size: 256, k: 11, s: 8, p: 10, d: 6, presetCount: 12 } as const;

/** The default stack: three 3×3 stride-1 "same" convolutions (receptive field 1 + 3·(3 − 1) = 7). */
export const DEFAULT_LAYERS = 'c3p1*3';

/**
 * An `allowed` list for the `layers` row that admits every string: the codec then hands the raw text
 * to {@link repairRf}, which reads the notation and explains each layer it cannot use. (Its one
 * element is what the codec would quote if a non-string value ever reached it.)
 */
export const ANY_LAYER_TEXT: readonly string[] = Object.assign(['a list such as c3p1,c3p1,p2s2'], {
  includes: (value: unknown) => typeof value === 'string',
});

/** The view's URL keys, in the order they are written. */
export const RF_PARAMS: ParamTable<RfConfig> = [
  {
    key: 'preset',
    type: 'enum',
    field: 'preset',
    default: 'stack',
    allowed: RF_PRESETS,
    label: 'the preset', labelKo: '프리셋',
    always: true,
  },
  {
    key: 'layers',
    type: 'enum',
    field: 'layers',
    default: DEFAULT_LAYERS,
    allowed: ANY_LAYER_TEXT,
    label: 'the layers', labelKo: '레이어',
    always: true,
  },
  { key: 'in', type: 'int', field: 'size', default: 32, min: 1, max: RF_LIMITS.size, label: 'the input size', labelKo: '입력 크기', always: true },
  { key: 'at', type: 'int', field: 'at', default: 3, min: 1, max: RF_LIMITS.layers, label: 'the selected layer', labelKo: '선택한 레이어', always: true },
  { key: 'row', type: 'int', field: 'row', default: 16, min: 0, max: RF_LIMITS.size - 1, label: 'the selected row', labelKo: '선택한 행', always: true },
  { key: 'col', type: 'int', field: 'col', default: 16, min: 0, max: RF_LIMITS.size - 1, label: 'the selected column', labelKo: '선택한 열', always: true },
];

// ---------------------------------------------------------------------------------------------
// Layers: constructors, presets
// ---------------------------------------------------------------------------------------------

/** A convolution layer (stride 1, no padding, no dilation unless given). */
export const conv = (k: number, s = 1, p = 0, d = 1): RfLayer => ({ kind: 'conv', k, s, p, d });
/** A max-pooling layer (stride = kernel unless given, as in PyTorch). */
export const pool = (k: number, s = k, p = 0, d = 1): RfLayer => ({ kind: 'pool', k, s, p, d });

/** L stacked 3×3 stride-1 convolutions with padding 1 (the map keeps its size). */
export function stackPreset(L: number): RfLayer[] {
  return Array.from({ length: L }, () => conv(3, 1, 1));
}

/** The lecture's [Conv 3×3 p1, ReLU, MaxPool 2×2/2]×N; ReLU acts on each cell alone, so it adds nothing to a field and is not a layer here. */
export function lecturePreset(N: number): RfLayer[] {
  return Array.from({ length: N }, () => [conv(3, 1, 1), pool(2)]).flat();
}

/**
 * AlexNet's feature layers. Krizhevsky, Sutskever & Hinton, "ImageNet Classification with Deep
 * Convolutional Neural Networks" (NeurIPS 2012), §3.5 and Fig. 2: conv1 11×11 stride 4, max pools
 * 3×3 stride 2 (overlapping pooling, §3.4), conv2 5×5, conv3–5 3×3, with maps of 55, 27, 27, 13, 13,
 * 13, 13 and 6 cells. The paper gives no padding; for a 224×224 input those sizes need padding 2 on
 * conv1 and 2 on conv2 and 1 on conv3–5, which is torchvision's `alexnet` (torchvision/models/
 * alexnet.py, after Krizhevsky 2014, "One weird trick…"). (Caffe's reference model reaches the same
 * sizes from a 227×227 input without padding on conv1.) Padding moves where a field starts, never
 * its size: 11, 19, 51, 67, 99, 131, 163, 195.
 */
export const ALEXNET: readonly RfLayer[] = Object.freeze([
  conv(11, 4, 2),
  pool(3, 2),
  conv(5, 1, 2),
  pool(3, 2),
  conv(3, 1, 1),
  conv(3, 1, 1),
  conv(3, 1, 1),
  pool(3, 2),
]);

/**
 * VGG-16's feature layers. Simonyan & Zisserman, "Very Deep Convolutional Networks for Large-Scale
 * Image Recognition" (ICLR 2015), Table 1, configuration D: 3×3 convolutions with stride 1 and
 * padding 1 in blocks of 2, 2, 3, 3, 3, each block followed by a 2×2 max pool with stride 2.
 * Fields: 3, 5, 6, 10, 14, 16, 24, 32, 40, 44, 60, 76, 92, 100, 132, 164, 196, 212.
 */
export const VGG16: readonly RfLayer[] = Object.freeze(
  [2, 2, 3, 3, 3].flatMap((n) => [...Array.from({ length: n }, () => conv(3, 1, 1)), pool(2)]),
);

/** The published layer names of AlexNet's and VGG-16's feature layers. */
export const ALEXNET_NAMES = ['conv1', 'pool1', 'conv2', 'pool2', 'conv3', 'conv4', 'conv5', 'pool5'];
export const VGG16_NAMES = [2, 2, 3, 3, 3].flatMap((n, b) => [
  ...Array.from({ length: n }, (_, i) => `conv${b + 1}_${i + 1}`),
  `pool${b + 1}`,
]);

/** What each preset is called in the menu. */
export const PRESET_LABELS: Readonly<Record<RfPreset, string>> = {
  stack: 'L stacked 3×3 convolutions',
  lecture: '[Conv, ReLU, Pool]×N (lecture)',
  alexnet: 'AlexNet (first layers)',
  vgg16: 'VGG-16 (feature layers)',
  custom: 'Custom stack',
};

/** The Korean of {@link PRESET_LABELS}, for messages. */
export const PRESET_LABELS_KO: Readonly<Record<RfPreset, string>> = {
  stack: '쌓은 3×3 합성곱 L개',
  lecture: '[Conv, ReLU, Pool]×N (강의)',
  alexnet: 'AlexNet (앞쪽 레이어)',
  vgg16: 'VGG-16 (특징 레이어)',
  custom: '사용자 정의 스택',
};

/** The input side each preset starts from: small stacks 32, the ImageNet networks 224. */
export const PRESET_INPUT: Readonly<Record<RfPreset, number>> = {
  stack: 32,
  lecture: 32,
  alexnet: 224,
  vgg16: 224,
  custom: 32,
};

/** The stack of a preset; `count` is L for `stack` and N for `lecture` (default 3), ignored otherwise. */
export function presetLayers(preset: Exclude<RfPreset, 'custom'>, count = 3): RfLayer[] {
  switch (preset) {
    case 'stack':
      return stackPreset(count);
    case 'lecture':
      return lecturePreset(count);
    case 'alexnet':
      return ALEXNET.map((l) => ({ ...l }));
    case 'vgg16':
      return VGG16.map((l) => ({ ...l }));
  }
}

const sameLayer = (a: RfLayer, b: RfLayer) => a.kind === b.kind && a.k === b.k && a.s === b.s && a.p === b.p && a.d === b.d;
const sameStack = (a: readonly RfLayer[], b: readonly RfLayer[]) => a.length === b.length && a.every((l, i) => sameLayer(l, b[i]!));

/**
 * Which preset a stack is, with its L or N: `stack` for any number of 3×3 p1 convolutions, `lecture`
 * for repeated [3×3 p1 convolution, 2×2 pool], `alexnet`, `vgg16`, else `custom`.
 */
export function detectPreset(layers: readonly RfLayer[]): { preset: RfPreset; count: number } {
  const n = layers.length;
  if (n > 0 && sameStack(layers, stackPreset(n))) return { preset: 'stack', count: n };
  if (n > 0 && n % 2 === 0 && sameStack(layers, lecturePreset(n / 2))) return { preset: 'lecture', count: n / 2 };
  if (sameStack(layers, ALEXNET)) return { preset: 'alexnet', count: 0 };
  if (sameStack(layers, VGG16)) return { preset: 'vgg16', count: 0 };
  return { preset: 'custom', count: 0 };
}

/** Whether `layers` is what `preset` makes (for any L or N). */
export function matchesPreset(preset: RfPreset, layers: readonly RfLayer[]): boolean {
  return preset === 'custom' || detectPreset(layers).preset === preset;
}

// ---------------------------------------------------------------------------------------------
// The notation
// ---------------------------------------------------------------------------------------------

/** One layer in the canonical notation: `c3p1`, `p2`, `p3s2`, `c3d2`. */
export function formatLayer(l: RfLayer): string {
  const defaultStride = l.kind === 'pool' ? l.k : 1;
  return (
    (l.kind === 'conv' ? 'c' : 'p') +
    l.k +
    (l.s !== defaultStride ? `s${l.s}` : '') +
    (l.p !== 0 ? `p${l.p}` : '') +
    (l.d !== 1 ? `d${l.d}` : '')
  );
}

/** A stack in the canonical notation, runs of equal layers written once with `*n`. */
export function formatLayers(layers: readonly RfLayer[]): string {
  const parts: string[] = [];
  for (let i = 0; i < layers.length; ) {
    let j = i + 1;
    while (j < layers.length && sameLayer(layers[j]!, layers[i]!)) j++;
    const token = formatLayer(layers[i]!);
    parts.push(j - i > 1 ? `${token}*${j - i}` : token);
    i = j;
  }
  return parts.join(',');
}

/** A layer as words, for messages and tables: "3×3 convolution, stride 2, padding 1". */
export function describeLayer(l: RfLayer): string {
  const what = l.kind === 'conv' ? 'convolution' : 'max pooling';
  const extra = [l.s !== 1 ? `stride ${l.s}` : 'stride 1', l.p ? `padding ${l.p}` : '', l.d !== 1 ? `dilation ${l.d}` : '']
    .filter(Boolean)
    .join(', ');
  return `${l.k}×${l.k} ${what}, ${extra}`;
}

/** The largest padding a layer may have: PyTorch allows a pooling at most half its kernel. */
export function maxPadding(l: Pick<RfLayer, 'kind' | 'k'>): number {
  return l.kind === 'pool' ? Math.floor(l.k / 2) : RF_LIMITS.p;
}

/**
 * What is wrong with one layer on its own (a value out of its range), as a sentence saying what is
 * valid, or null when it is fine. Whether it fits its input is {@link stackProblem}'s business.
 */
export function layerProblem(l: RfLayer): string | null {
  const whole = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
  if (l.kind !== 'conv' && l.kind !== 'pool') return 'a layer is a convolution (c) or a max pooling (p)';
  if (!whole(l.k, 1, RF_LIMITS.k)) return `the kernel must be from 1 to ${RF_LIMITS.k}, not ${l.k}`;
  if (!whole(l.s, 1, RF_LIMITS.s)) return `the stride must be from 1 to ${RF_LIMITS.s}, not ${l.s}`;
  if (!whole(l.d, 1, RF_LIMITS.d)) return `the dilation must be from 1 to ${RF_LIMITS.d}, not ${l.d}`;
  const maxP = maxPadding(l);
  if (!whole(l.p, 0, maxP)) {
    return l.kind === 'pool'
      ? `a ${l.k}×${l.k} pooling may be padded by at most ${maxP} (PyTorch allows at most half the kernel), not ${l.p}`
      : `the padding must be from 0 to ${RF_LIMITS.p}, not ${l.p}`;
  }
  return null;
}

/** The Korean of {@link layerProblem}. */
export function layerProblemKo(l: RfLayer): string | null {
  const whole = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
  if (l.kind !== 'conv' && l.kind !== 'pool') return '레이어는 합성곱(c) 또는 최대 풀링(p)입니다';
  if (!whole(l.k, 1, RF_LIMITS.k)) return `커널은 1부터 ${RF_LIMITS.k}까지여야 합니다(${l.k}은(는) 안 됩니다)`;
  if (!whole(l.s, 1, RF_LIMITS.s)) return `스트라이드는 1부터 ${RF_LIMITS.s}까지여야 합니다(${l.s}은(는) 안 됩니다)`;
  if (!whole(l.d, 1, RF_LIMITS.d)) return `팽창(dilation)은 1부터 ${RF_LIMITS.d}까지여야 합니다(${l.d}은(는) 안 됩니다)`;
  const maxP = maxPadding(l);
  if (!whole(l.p, 0, maxP)) {
    return l.kind === 'pool'
      ? `${l.k}×${l.k} 풀링의 패딩은 최대 ${maxP}입니다(PyTorch는 커널의 절반까지만 허용합니다). ${l.p}은(는) 안 됩니다`
      : `패딩은 0부터 ${RF_LIMITS.p}까지여야 합니다(${l.p}은(는) 안 됩니다)`;
  }
  return null;
}

const TOKEN = /^(maxpool|conv|pool|max|mp|c|p)k?(\d+)(?:[x×](\d+))?((?:[spd]\d+)*)(?:\*(\d+))?$/;

/** What a layer looks like, for messages. */
export const NOTATION_HELP =
  'a layer is c (convolution) or p (max pooling), its kernel size, then optionally s<stride>, p<padding>, ' +
  'd<dilation> and *<count> to repeat it, e.g. c3p1, p2s2, c3d2*2';

/** The Korean of {@link NOTATION_HELP}. */
export const NOTATION_HELP_KO =
  '레이어는 c(합성곱) 또는 p(최대 풀링)와 커널 크기로 쓰고, 필요하면 s<스트라이드>, p<패딩>, ' +
  'd<팽창>, 반복하려면 *<개수>를 붙입니다. 예: c3p1, p2s2, c3d2*2';

function clip(text: string, max = 24): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/**
 * Reads the layer notation (see the module comment). Never throws: every token it cannot use is
 * skipped and named in `problems` with what would be valid; at most {@link RF_LIMITS}.layers layers
 * are kept. The text may be empty (no layers, no problem).
 */
export function parseLayers(text: string): { layers: RfLayer[]; problems: string[]; problemsKo: string[] } {
  const layers: RfLayer[] = [];
  const problems: string[] = [];
  /** The Korean of each of `problems`, in the same order. */
  const problemsKo: string[] = [];
  const tokens = text
    .toLowerCase()
    .split(/[,;|\s+]+/)
    .filter((t) => t !== '');
  let dropped = 0;
  tokens.forEach((raw, i) => {
    const where = `layer ${i + 1} '${clip(raw)}'`;
    const whereKo = `레이어 ${i + 1} '${clip(raw)}'`;
    const m = TOKEN.exec(raw);
    if (!m) {
      problems.push(`${where} not understood: ${NOTATION_HELP}; skipped.`);
      problemsKo.push(`${whereKo}을(를) 이해할 수 없어 건너뜁니다. ${NOTATION_HELP_KO}.`);
      return;
    }
    const kind: RfKind = m[1]!.startsWith('c') ? 'conv' : 'pool';
    const k = Number(m[2]);
    if (m[3] !== undefined && Number(m[3]) !== k) {
      problems.push(`${where}: this view uses square kernels only (${m[2]}×${m[3]} is not square); skipped.`);
      problemsKo.push(`${whereKo}: 이 화면은 정사각형 커널만 사용합니다(${m[2]}×${m[3]}은(는) 정사각형이 아닙니다). 건너뜁니다.`);
      return;
    }
    const opts: Record<string, number> = {};
    let twice: string | null = null;
    for (const [, key, value] of (m[4] ?? '').matchAll(/([spd])(\d+)/g)) {
      if (key! in opts) twice = key!;
      opts[key!] = Number(value);
    }
    if (twice) {
      const name = { s: 'stride', p: 'padding', d: 'dilation' }[twice];
      problems.push(`${where}: the ${name} (${twice}) is given twice; skipped.`);
      const nameKo = { s: '스트라이드', p: '패딩', d: '팽창(dilation)' }[twice];
      problemsKo.push(`${whereKo}: ${nameKo}(${twice})이(가) 두 번 주어졌습니다. 건너뜁니다.`);
      return;
    }
    const layer: RfLayer = { kind, k, s: opts.s ?? (kind === 'pool' ? k : 1), p: opts.p ?? 0, d: opts.d ?? 1 };
    const why = layerProblem(layer);
    if (why) {
      problems.push(`${where}: ${why}; skipped.`);
      problemsKo.push(`${whereKo}: ${layerProblemKo(layer)}. 건너뜁니다.`);
      return;
    }
    const repeat = m[5] === undefined ? 1 : Number(m[5]);
    if (repeat < 1) {
      problems.push(`${where}: *${m[5]} repeats it no times; a count from 1 to ${RF_LIMITS.layers} is valid; skipped.`);
      problemsKo.push(`${whereKo}: *${m[5]}은(는) 한 번도 반복하지 않습니다. 반복 횟수는 1부터 ${RF_LIMITS.layers}까지입니다. 건너뜁니다.`);
      return;
    }
    const room = RF_LIMITS.layers - layers.length;
    for (let r = 0; r < Math.min(repeat, room); r++) layers.push({ ...layer });
    dropped += Math.max(0, repeat - room);
  });
  if (dropped > 0) {
    problems.push(
      `the stack has ${layers.length + dropped} layers; this view shows at most ${RF_LIMITS.layers}, so the last ${dropped} ${dropped === 1 ? 'was' : 'were'} left out.`,
    );
    problemsKo.push(
      `스택의 레이어는 ${layers.length + dropped}개이지만 이 화면은 최대 ${RF_LIMITS.layers}개까지 보여 주므로 마지막 ${dropped}개를 뺐습니다.`,
    );
  }
  return { layers, problems, problemsKo };
}

// ---------------------------------------------------------------------------------------------
// Geometry
// ---------------------------------------------------------------------------------------------

/** The output side of one layer for an input side `n` (PyTorch's floor rule); below 1 when it does not fit. */
export function layerOutput(l: RfLayer, n: number): number {
  return Math.floor((n + 2 * l.p - l.d * (l.k - 1) - 1) / l.s) + 1;
}

/** The output side of every layer for an input side `n`, stopping at (and including) the first that does not fit. */
export function stackSizes(layers: readonly RfLayer[], n: number): number[] {
  const out: number[] = [];
  let cur = n;
  for (const l of layers) {
    cur = layerOutput(l, cur);
    out.push(cur);
    if (cur < 1) break;
  }
  return out;
}

/** The smallest input side (up to the view's limit) on which every layer has an output, or null. */
export function minInputSize(layers: readonly RfLayer[]): number | null {
  for (let n = 1; n <= RF_LIMITS.size; n++) {
    const sizes = stackSizes(layers, n);
    if (sizes.length === layers.length && sizes.every((s) => s >= 1)) return n;
  }
  return null;
}

/**
 * Why a stack does not fit an input of side `n` (the first layer whose map would be empty, with its
 * arithmetic and what would be valid), or null when every layer has an output.
 */
export function stackProblem(
  layers: readonly RfLayer[],
  n: number,
): { index: number; message: string; ko: string; needKo: string } | null {
  let cur = n;
  for (let i = 0; i < layers.length; i++) {
    const l = layers[i]!;
    const next = layerOutput(l, cur);
    if (next < 1) {
      const span = l.d * (l.k - 1) + 1;
      const min = minInputSize(layers);
      const what = l.kind === 'conv' ? 'convolution' : 'pooling';
      const whatKo = l.kind === 'conv' ? '합성곱' : '풀링';
      const spanKo = l.d > 1 ? `${span}칸(팽창 ${l.d})에 걸치는데` : `${span}칸에 걸치는데`;
      const koHead =
        `레이어 ${i + 1}(${formatLayer(l)})은(는) ${cur}×${cur} 맵을 받습니다. ${l.k}×${l.k} ${whatKo} 윈도우가 ${spanKo}, ` +
        `패딩을 더한 ${cur} + 2·${l.p} = ${cur + 2 * l.p}칸보다 많아 출력이 없습니다.`;
      const needKo =
        min !== null
          ? `이 스택에는 최소 ${min}×${min} 입력이 필요합니다.`
          : `${RF_LIMITS.size}×${RF_LIMITS.size}까지의 어떤 입력도 충분히 크지 않습니다.`;
      const spanText = l.d > 1 ? `spans ${span} cells (dilation ${l.d})` : `spans ${span} ${span === 1 ? 'cell' : 'cells'}`;
      return {
        index: i,
        message:
          `Layer ${i + 1} (${formatLayer(l)}) gets a ${cur}×${cur} map: its ${l.k}×${l.k} ${what} window ${spanText}, ` +
          `more than the ${cur} + 2·${l.p} = ${cur + 2 * l.p} padded cells, so it would have no output. ` +
          (min !== null ? `This stack needs an input of at least ${min}×${min}.` : `No input up to ${RF_LIMITS.size}×${RF_LIMITS.size} is large enough for it.`),
        ko: `${koHead} ${needKo}`,
        needKo,
      };
    }
    cur = next;
  }
  return null;
}

/** The layers of a configuration (its `layers` text is canonical after repair, so this is exact). */
export function rfLayersOf(config: Pick<RfConfig, 'layers'>): RfLayer[] {
  return parseLayers(config.layers).layers;
}

// ---------------------------------------------------------------------------------------------
// Defaults and repair
// ---------------------------------------------------------------------------------------------

/** A fresh default configuration: three stacked 3×3 convolutions on 32×32, the last layer's centre cell selected. */
export function defaultRf(): RfConfig {
  return defaultsOf(RF_PARAMS);
}

const centre = (n: number) => Math.floor(n / 2);

/**
 * Makes a configuration whose keys are each valid also valid as a whole, saying what changed:
 * the layer text is read (bad layers skipped, each explained; none left → the default stack); a link
 * that names a preset but leaves the layers at their default gets the preset's layers (and, when the
 * input and selection are also at their defaults, the preset's input size and its last layer's
 * centre cell); a preset the layers do not match becomes the one they do match (else `custom`); a
 * stack that does not fit the input gets the smallest input size that works, or loses its last layers
 * when none does; the selected layer and cell are brought inside the stack and its map (a cell
 * outside becomes the centre). The layer text is rewritten in canonical form without a message.
 */
export function repairRf(input: RfConfig): { config: RfConfig; problems: UrlProblem[] } {
  const config: RfConfig = { ...input };
  const problems: UrlProblem[] = [];
  const defaults = defaultRf();
  const say = (key: string, message: string, ko: string) => problems.push({ key, message, ko });

  const parsed = parseLayers(config.layers);
  parsed.problems.forEach((p, i) => say('layers', p, parsed.problemsKo[i]!));
  let layers = parsed.layers;
  if (layers.length === 0) {
    say('layers', `layers=${clip(config.layers, 40) || '(empty)'}: no layer could be used; using the default stack ${DEFAULT_LAYERS}.`,
      `layers=${clip(config.layers, 40) || '(비어 있음)'}: 쓸 수 있는 레이어가 없어 기본 스택 ${DEFAULT_LAYERS}을(를) 사용합니다.`);
    layers = parseLayers(DEFAULT_LAYERS).layers;
  }

  // A link may name just a preset: `#/rf?preset=alexnet`.
  const untouched = config.layers === DEFAULT_LAYERS;
  if (untouched && config.preset !== 'custom' && !matchesPreset(config.preset, layers)) {
    layers = presetLayers(config.preset);
    if (config.size === defaults.size) config.size = PRESET_INPUT[config.preset];
    if (config.at === defaults.at && config.row === defaults.row && config.col === defaults.col) config.at = 0; // → the last layer, centre
  } else if (!matchesPreset(config.preset, layers)) {
    const found = detectPreset(layers).preset;
    say(
      'preset',
      `preset=${config.preset}: the layers are not ${PRESET_LABELS[config.preset]}; ${found === 'custom' ? 'showing them as a custom stack' : `they are ${PRESET_LABELS[found]}`}.`,
      `preset=${config.preset}: 레이어가 ${PRESET_LABELS_KO[config.preset]}이(가) 아닙니다. ${found === 'custom' ? '사용자 정의 스택으로 보여 줍니다' : `${PRESET_LABELS_KO[found]}입니다`}.`,
    );
    config.preset = found;
  }

  // The stack must fit the input.
  const misfit = stackProblem(layers, config.size);
  if (misfit) {
    const min = minInputSize(layers);
    if (min !== null) {
      say('in', `in=${config.size}: ${misfit.message.replace(/ This stack needs.*$/, '')} Using in=${min}, the smallest input this stack works on.`,
        `in=${config.size}: ${misfit.ko.replace(` ${misfit.needKo}`, '')} 이 스택이 동작하는 가장 작은 입력 in=${min}을(를) 사용합니다.`);
      config.size = min;
    } else {
      const kept = layers.slice(0, misfit.index);
      say(
        'layers',
        `${misfit.message} Leaving out layers ${misfit.index + 1} to ${layers.length}.`,
        `${misfit.ko} 레이어 ${misfit.index + 1}부터 ${layers.length}까지를 뺍니다.`,
      );
      layers = kept.length > 0 ? kept : parseLayers(DEFAULT_LAYERS).layers;
      if (kept.length === 0) config.size = defaults.size;
      if (!matchesPreset(config.preset, layers)) config.preset = detectPreset(layers).preset;
    }
  }
  config.layers = formatLayers(layers);

  // The selection.
  const sizes = stackSizes(layers, config.size);
  if (config.at === 0) {
    config.at = layers.length;
    config.row = config.col = centre(sizes[layers.length - 1]!);
  }
  if (config.at > layers.length) {
    say('at', `at=${config.at}: the stack has ${layers.length} ${layers.length === 1 ? 'layer' : 'layers'}; selecting the last one.`,
      `at=${config.at}: 스택의 레이어는 ${layers.length}개이므로 마지막 레이어를 선택합니다.`);
    config.at = layers.length;
  }
  const side = sizes[config.at - 1]!;
  for (const axis of ['row', 'col'] as const) {
    if (config[axis] >= side) {
      say(
        axis,
        `${axis}=${config[axis]}: layer ${config.at}'s map is ${side}×${side} (${axis === 'row' ? 'rows' : 'columns'} 0 to ${side - 1}); using the centre, ${centre(side)}.`,
        `${axis}=${config[axis]}: 레이어 ${config.at}의 맵은 ${side}×${side}(${axis === 'row' ? '행' : '열'} 0부터 ${side - 1}까지)이므로 가운데 ${centre(side)}을(를) 사용합니다.`,
      );
      config[axis] = centre(side);
    }
  }
  return { config, problems };
}

/** The receptive-field view's entry in the registry. */
export const RF_CODEC: ViewCodec<RfConfig> = { table: RF_PARAMS, defaults: defaultRf, repair: repairRf };

// ---------------------------------------------------------------------------------------------
// Actions: (config, arg) → { config } | { rejection }
// ---------------------------------------------------------------------------------------------

/** A refused change: the URL key concerned and a sentence saying what is wrong and what is valid. */
export interface RfRejection {
  field: string;
  message: string;
  /** The same in Korean. */
  ko: string;
}
export type RfResult = { config: RfConfig } | { rejection: RfRejection };

const refuse = (field: string, message: string, ko: string): RfResult => ({ rejection: { field, message, ko } });

/**
 * Accepts a new stack and input size when every layer is valid and has an output: the preset follows
 * the layers (kept when they still match it), the selected layer stays when it still exists (else the
 * last), and the selected cell stays when it is still inside its map (else the centre).
 */
function withStack(config: RfConfig, layers: RfLayer[], size: number, field: string, preset?: RfPreset): RfResult {
  if (layers.length === 0) return refuse(field, 'The stack needs at least one layer.', '스택에는 레이어가 하나 이상 있어야 합니다.');
  if (layers.length > RF_LIMITS.layers) return refuse(field, `This view shows at most ${RF_LIMITS.layers} layers.`, `이 화면은 레이어를 최대 ${RF_LIMITS.layers}개까지 보여 줍니다.`);
  for (let i = 0; i < layers.length; i++) {
    const why = layerProblem(layers[i]!);
    if (why) return refuse(field, `Layer ${i + 1}: ${why.charAt(0).toUpperCase() + why.slice(1)}.`, `레이어 ${i + 1}: ${layerProblemKo(layers[i]!)}.`);
  }
  if (!Number.isInteger(size) || size < 1 || size > RF_LIMITS.size) {
    return refuse('in', `The input size must be a whole number from 1 to ${RF_LIMITS.size}.`, `입력 크기는 1부터 ${RF_LIMITS.size}까지의 정수여야 합니다.`);
  }
  const misfit = stackProblem(layers, size);
  if (misfit) return refuse(field, misfit.message, misfit.ko);
  const next: RfConfig = { ...config, layers: formatLayers(layers), size };
  next.preset = preset ?? (matchesPreset(config.preset, layers) && config.preset !== 'custom' ? config.preset : detectPreset(layers).preset);
  const sizes = stackSizes(layers, size);
  if (next.at > layers.length) next.at = layers.length;
  const side = sizes[next.at - 1]!;
  if (next.row >= side || next.col >= side) next.row = next.col = centre(side);
  return { config: next };
}

/** Changes the input side (1 to the limit), refused when some layer would have no output. */
export function setRfInput(config: RfConfig, size: number): RfResult {
  return withStack(config, rfLayersOf(config), size, 'in');
}

/** Replaces the whole stack (e.g. typed in the notation); refused when a layer is invalid or does not fit. */
export function setRfLayers(config: RfConfig, layers: RfLayer[]): RfResult {
  return withStack(config, layers, config.size, 'layers');
}

/**
 * Reads a stack typed in the notation and applies it; refused with the notation's own messages
 * when some layer cannot be read (nothing is applied then).
 */
export function setRfLayersText(config: RfConfig, text: string): RfResult {
  const { layers, problems, problemsKo } = parseLayers(text);
  if (problems.length > 0) {
    const first = problems[0]!;
    return refuse('layers', first.charAt(0).toUpperCase() + first.slice(1), problemsKo[0]!);
  }
  return setRfLayers(config, layers);
}

/** Changes some fields of layer `index` (0-based); refused with the layer's number and the valid range. */
export function updateRfLayer(config: RfConfig, index: number, patch: Partial<RfLayer>): RfResult {
  const layers = rfLayersOf(config);
  const old = layers[index];
  if (!old) return refuse('layers', `There is no layer ${index + 1}; the stack has ${layers.length}.`, `레이어 ${index + 1}은(는) 없습니다. 스택의 레이어는 ${layers.length}개입니다.`);
  const next: RfLayer = { ...old, ...patch };
  // Switching kind keeps the geometry PyTorch-valid: a pooling's stride follows its kernel by default.
  // Switching kind starts from the new kind's defaults: a pooling's stride is its kernel, no padding.
  if (patch.kind && patch.kind !== old.kind) {
    if (patch.s === undefined) next.s = patch.kind === 'pool' ? next.k : 1;
    if (patch.p === undefined) next.p = 0;
  }
  if (next.kind === 'pool' && next.p > maxPadding(next) && patch.p === undefined) next.p = maxPadding(next);
  layers[index] = next;
  return withStack(config, layers, config.size, 'layers');
}

/** Inserts a copy of layer `index` after it (or a 3×3 p1 convolution into an empty stack). */
export function addRfLayer(config: RfConfig, index: number): RfResult {
  const layers = rfLayersOf(config);
  if (layers.length >= RF_LIMITS.layers) return refuse('layers', `This view shows at most ${RF_LIMITS.layers} layers.`, `이 화면은 레이어를 최대 ${RF_LIMITS.layers}개까지 보여 줍니다.`);
  const at = Math.max(0, Math.min(layers.length - 1, index));
  const copy = layers[at] ? { ...layers[at] } : conv(3, 1, 1);
  layers.splice(at + 1, 0, copy);
  return withStack(config, layers, config.size, 'layers');
}

/** Removes layer `index`; refused for the last remaining layer. */
export function removeRfLayer(config: RfConfig, index: number): RfResult {
  const layers = rfLayersOf(config);
  if (layers.length <= 1) return refuse('layers', 'The stack needs at least one layer.', '스택에는 레이어가 하나 이상 있어야 합니다.');
  if (!layers[index]) return refuse('layers', `There is no layer ${index + 1}; the stack has ${layers.length}.`, `레이어 ${index + 1}은(는) 없습니다. 스택의 레이어는 ${layers.length}개입니다.`);
  layers.splice(index, 1);
  const result = withStack(config, layers, config.size, 'layers');
  // The selection follows its layer when a layer below it goes.
  if ('config' in result && index + 1 < config.at) {
    const at = config.at - 1;
    const side = stackSizes(layers, config.size)[at - 1]!;
    const keep = config.row < side && config.col < side;
    return { config: { ...result.config, at, row: keep ? config.row : centre(side), col: keep ? config.col : centre(side) } };
  }
  return result;
}

/** Moves layer `index` up (−1) or down (+1) in the stack. */
export function moveRfLayer(config: RfConfig, index: number, delta: -1 | 1): RfResult {
  const layers = rfLayersOf(config);
  const to = index + delta;
  if (!layers[index] || to < 0 || to >= layers.length) {
    return refuse('layers', `Layer ${index + 1} cannot move ${delta < 0 ? 'up' : 'down'}: the stack has ${layers.length} layers.`,
      `레이어 ${index + 1}은(는) ${delta < 0 ? '위로' : '아래로'} 옮길 수 없습니다. 스택의 레이어는 ${layers.length}개입니다.`);
  }
  [layers[index], layers[to]] = [layers[to]!, layers[index]!];
  return withStack(config, layers, config.size, 'layers');
}

/**
 * Loads a preset (`count` = L or N for `stack` and `lecture`, 1 to 12) on its own input size (32
 * for the small stacks, 224 for AlexNet and VGG-16, or the current size for `custom`, which keeps the
 * layers), selecting the last layer's centre cell.
 */
export function applyRfPreset(config: RfConfig, preset: RfPreset, count?: number): RfResult {
  if (!RF_PRESETS.includes(preset)) return refuse('preset', `The presets are ${RF_PRESETS.join(', ')}.`, `프리셋은 ${RF_PRESETS.join(', ')}입니다.`);
  if (preset === 'custom') return { config: { ...config, preset: 'custom' } };
  const n = count ?? 3;
  if ((preset === 'stack' || preset === 'lecture') && (!Number.isInteger(n) || n < 1 || n > RF_LIMITS.presetCount)) {
    return refuse('preset', `${preset === 'stack' ? 'L' : 'N'} must be a whole number from 1 to ${RF_LIMITS.presetCount}.`,
      `${preset === 'stack' ? 'L' : 'N'}은(는) 1부터 ${RF_LIMITS.presetCount}까지의 정수여야 합니다.`);
  }
  const layers = presetLayers(preset, n);
  // Keep a larger input the user chose for a small stack; the ImageNet networks start at 224.
  const size = preset === 'alexnet' || preset === 'vgg16' ? PRESET_INPUT[preset] : count === undefined ? PRESET_INPUT[preset] : config.size;
  const result = withStack({ ...config, at: 1, row: 0, col: 0 }, layers, size, 'preset', preset);
  if (!('config' in result)) return result;
  const last = stackSizes(layers, size)[layers.length - 1]!;
  return { config: { ...result.config, at: layers.length, row: centre(last), col: centre(last) } };
}

/** Selects output cell (row, col) of layer `at` (1-based). */
export function selectRfCell(config: RfConfig, at: number, row: number, col: number): RfResult {
  const layers = rfLayersOf(config);
  if (!Number.isInteger(at) || at < 1 || at > layers.length) {
    return refuse('at', `The layers are numbered 1 to ${layers.length}.`, `레이어 번호는 1부터 ${layers.length}까지입니다.`);
  }
  const side = stackSizes(layers, config.size)[at - 1]!;
  if (![row, col].every((v) => Number.isInteger(v) && v >= 0 && v < side)) {
    return refuse('at', `Layer ${at}'s map is ${side}×${side}: rows and columns 0 to ${side - 1}.`, `레이어 ${at}의 맵은 ${side}×${side}입니다. 행과 열은 0부터 ${side - 1}까지입니다.`);
  }
  return { config: { ...config, at, row, col } };
}
