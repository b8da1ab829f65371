/** The English strings of the `pool` namespace (src/i18n/pool.ts). */
import names from './names';

/** "1 cell", "4 cells": an English count with its noun. */
const n = (count: string, one: string, many: string) => `${count} ${count === '1' ? one : many}`;
/** The singular after a count of one, else the plural: "counts" / "count", "row" / "rows". */
const pick = (count: string, one: string, many: string) => (count === '1' ? one : many);

const en = {
  ...names,
  // The panel
  settings: 'Settings',
  heading: 'Pooling and activation',
  parts: 'Part of the view',
  partPool: 'Pooling, step by step',
  partRelu: 'Activation (ReLU)',
  loadingImage: 'Loading the sample image…',
  imageFailed: 'The sample image could not be loaded: seeded whole numbers are shown instead.',
  stepAt: (c: string, oh: string, ow: string) => `channel ${c}, row ${oh}, column ${ow}`,
  playing: 'Playing',
  mapsTitle: 'Input → output, channel by channel',
  values: 'Values',
  padReadsMax: 'Padding reads as −∞ in max pooling.',
  padReadsAvg: 'Padding reads as 0 in average pooling.',
  largeMaps: 'Large maps: colours only; hover a cell to read its value.',
  hoverHint:
    'Hover an output cell for its window, an input cell for the windows that contain it; click an output cell to jump to its step.',

  // Controls
  form: 'Pooling settings',
  input: 'Input',
  source: 'Source',
  srcInt: 'Random integers 0–9',
  srcFloat: 'Random decimals −1…1',
  channels: 'Channels',
  height: 'Height',
  width: 'Width',
  seed: 'Seed',
  newSeed: 'New seed',
  newSeedTitle: 'A new random seed',
  sizes: (c: string, hw: string) => `Up to ${c} channels of ${hw}×${hw}.`,
  pooling: 'Pooling',
  kind: 'Kind',
  kindMax: 'Max pooling',
  kindAvg: 'Average pooling',
  window: 'Window (kernel_size)',
  stride: 'Stride',
  strideFollow: '= window',
  strideFollowTitle: 'PyTorch’s default: stride = kernel_size, so windows tile the input without overlap',
  padding: 'Padding',
  paddingHint: 'At most half the window on each axis (PyTorch’s rule).',
  paddingMax: 'Padding acts as −∞: it can never win the maximum.',
  paddingAvg: 'Padding reads as 0.',
  dilation: 'Dilation',
  noDilation: 'Average pooling has no dilation in PyTorch.',
  ceil: 'ceil_mode: round the output size up',
  cip: 'count_include_pad: padding counts in the divisor',
  reluFilter: 'Filter before ReLU',
  reluFilterHint: 'A 3×3 filter over all input channels, stride 1, padding 1, no bias.',
  presetRandom: 'Random (seeded)',

  // Summary
  summary: 'Layer summary',
  shapeIn: 'input: channels × height × width',
  shapeOut: 'output: channels × height × width',
  shapeMax: 'max pool',
  shapeAvg: 'average pool',
  oneChannel: 'one channel, pooled on its own',
  eachChannel: (c: string) => `each of the ${c} channels pooled on its own: ${c} in, ${c} out`,
  learnable: 'Learnable parameters',
  ruleMax: '(a fixed rule: take the maximum)',
  ruleAvg: '(a fixed rule: take the mean)',
  convSame: (c: string) => `A Conv2d(${c}, ${c}) over the same window`,

  // Output-size notes
  ceilDrops: (raw: string, s: string, start: string, axis: string, size: string, p: string, limit: string, out: string) =>
    `Ceil mode: the last window would start at padded position (${raw} − 1)·${s} = ${start}, which is not before ${axis} + P = ${size} + ${p} = ${limit}: it would begin in the padding after the input, so PyTorch drops it and ${axis}′ = ${out}.`,
  ceilKeeps: (ratio: string) =>
    `${ratio} is not a whole number: ceil mode keeps one more window, which starts inside the input.`,
  ceilKeepsHangs: (ratio: string, cells: string) =>
    `${ratio} is not a whole number: ceil mode keeps one more window, which starts inside the input and hangs ${n(cells, 'cell', 'cells')} past the padded input (those cells are never read).`,
  floorDropsRows: (ratio: string, rows: string) =>
    `${ratio} is not a whole number: the floor drops the last ${rows} input ${pick(rows, 'row', 'rows')}, which no window reaches (ceil mode would keep one more window).`,
  floorDropsCols: (ratio: string, cols: string) =>
    `${ratio} is not a whole number: the floor drops the last ${cols} input ${pick(cols, 'column', 'columns')}, which no window reaches (ceil mode would keep one more window).`,
  floorDropsPad: (ratio: string, cells: string) =>
    `${ratio} is not a whole number: the floor leaves out ${n(cells, 'cell', 'cells')} of padding at the end.`,
  ceilExact: (ratio: string) => `${ratio} is a whole number, so ceil mode changes nothing on this axis.`,

  // Headlines (what is focused)
  summaryMax: (size: string, result: string) => `max of its ${size} window = ${result}`,
  summaryAvg: (sum: string, divisor: string, result: string) => `sum ${sum} ÷ ${divisor} = ${result}`,
  outputHeadline: (c: string, oh: string, ow: string, what: string) =>
    `Channel ${c}, output row ${oh}, column ${ow}: ${what}`,
  hoverInput: (c: string, ih: string, iw: string) => `Input channel ${c}, row ${ih}, column ${iw}`,
  hoverPast: (c: string) => `The cell past the padding of channel ${c} (ceil mode; never read)`,
  hoverPadMax: (c: string, ih: string, iw: string) =>
    `Padding of channel ${c} at row ${ih}, column ${iw} (read as −∞ by max pooling)`,
  hoverPadAvg: (c: string, ih: string, iw: string) =>
    `Padding of channel ${c} at row ${ih}, column ${iw} (read as 0 by average pooling)`,
  inNoWindow: (what: string) => `${what} lies in no window`,
  inWindows: (what: string, count: string, cells: string, c: string) =>
    `${what} lies in ${n(count, 'window', 'windows')}: output ${cells} of channel ${c} only`,

  // The worked step
  maxAt: (result: string, kh: string, kw: string, ih: string, iw: string, index: string) =>
    `The maximum ${result} is at window row ${kh}, column ${kw}: input row ${ih}, column ${iw} (flat index ${index} in its channel).`,
  tieRule: (result: string, count: string) =>
    `${result} occurs ${count} times here. PyTorch takes the first in row-major order (row by row, left to right): that is the index return_indices=True gives, and where the gradient flows back.`,
  padNeverMax: 'Padding cells count as −∞ in max pooling, so they can never be the maximum.',
  allInside: (cells: string, size: string) =>
    `All ${cells} cells of the ${size} window lie inside the input, so the divisor is ${cells} either way.`,
  overhangOnly: (divisor: string, inputs: string, past: string) =>
    `Divisor ${divisor}: the ${n(inputs, 'input cell', 'input cells')}; the ${n(past, 'cell', 'cells')} past the input (ceil mode's overhang) never count, whatever count_include_pad says.`,
  includePad: (padded: string, inputs: string, divisor: string) =>
    `count_include_pad=True: the ${n(padded, 'padding cell', 'padding cells')} ${pick(padded, 'counts', 'count')} as zeros, next to the ${n(inputs, 'input cell', 'input cells')}: ${inputs} + ${padded} = ${divisor}.`,
  excludePad: (inputs: string, padded: string) =>
    `count_include_pad=False: only the ${n(inputs, 'input cell', 'input cells')} ${pick(inputs, 'counts', 'count')}; the ${n(padded, 'padding cell', 'padding cells')} ${pick(padded, 'is', 'are')} left out of the sum and the divisor.`,
  pastNeverCounts: (past: string) =>
    `The ${n(past, 'cell', 'cells')} past the padding (ceil mode's overhang) never count.`,
  outputIs: (index: string) => `Output ${index} =`,
  whatMax: (name: string) => `the largest value in the window on ${name}`,
  whatAvg: (name: string) => `the mean of the window on ${name}`,
  windowOf: (size: string) => `Window ${size}`,
  windowLabel: (index: string, name: string, h: string, w: string) =>
    `The window of output ${index} on ${name}, ${h} by ${w}`,
  windowCell: (r: string, c: string) => `window row ${r}, column ${c}`,
  windowPadCell: (r: string, c: string) => `window row ${r}, column ${c} (padding)`,
  divisor: 'Divisor',
  tie: (count: string, result: string) =>
    `Tie: ${count} cells hold ${result}; the first one (solid outline) is chosen, not the ${count === '2' ? 'other' : 'others'} (dashed).`,
  divisors: 'Divisor of every output cell',
  divisorsLabel: (h: string, w: string, cip: string) =>
    `Divisor of every output cell, ${h} by ${w}, count_include_pad=${cip}`,
  divisorCell: (r: string, c: string) => `divisor of output row ${r}, column ${c}`,

  // The maps
  channel: (c: string) => `channel ${c}`,
  red: 'red',
  green: 'green',
  blue: 'blue',
  mapIn: (size: string) => `in ${size}`,
  mapOut: (size: string) => `out ${size}`,
  padded: (size: string) => `padded ${size}`,
  withOverhang: (size: string) => `${size} with ceil mode's overhang`,
  inputLabel: (name: string, h: string, w: string) => `Input ${name}, ${h} by ${w}`,
  outputLabel: (name: string, h: string, w: string) =>
    `Output ${name}, ${h} by ${w}. Press Enter on a cell to jump to its step.`,
  cellPast: (r: string, c: string) => `past the padding (ceil mode's overhang, never counted; row ${r}, column ${c})`,
  cellPad: (r: string, c: string) => `padding (row ${r}, column ${c})`,
  cellAt: (r: string, c: string) => `row ${r}, column ${c}`,
  cellUnused: (r: string, c: string) => `row ${r}, column ${c} (unused: no window reaches it)`,
  outputCell: (c: string, r: string, q: string) => `output channel ${c}, row ${r}, column ${q}`,
  pending: 'not computed yet',

  // The ReLU part
  reluTitle: 'Activation: ReLU after a convolution',
  reluIntro:
    'A convolution’s output is signed. ReLU(x) = max(0, x) keeps every positive value and sets every negative one to 0; it has no parameters either.',
  filter: 'Filter',
  convOutput: 'Convolution output',
  afterRelu: 'After ReLU',
  relu: 'ReLU',
  conv: 'Conv',
  pool: 'Pool',
  reluLegend: 'Convolution output values',
  negativeMark: 'Dashed outline: was negative, now 0.',
  strip: 'The lecture’s block: Conv → ReLU → Pool',
  filterLabel: (name: string) => `Filter weights on ${name}, 3 by 3`,
  beforeLabel: (h: string, w: string, count: string) =>
    `Convolution output before ReLU, ${h} by ${w}; ${n(count, 'cell is', 'cells are')} negative`,
  afterLabel: (h: string, w: string, count: string) =>
    `After ReLU, ${h} by ${w}; ${n(count, 'cell', 'cells')} became 0`,
  stripLabel: (name: string, h: string, w: string) => `${name}: 1 by ${h} by ${w}`,
  reluAt: (r: string, c: string, x: string, y: string) => `Row ${r}, column ${c}: ReLU(${x}) = max(0, ${x}) = ${y}`,
  wasNegative: '(was negative)',
  reluHover: 'Hover a cell (or select it with the arrow keys) to see ReLU applied to it.',
  zeroedNone: (cells: string) => `None of the ${cells} cells was negative: ReLU changed nothing.`,
  zeroed: (count: string, cells: string) =>
    `${count} of ${cells} ${cells === '1' ? 'cell was' : 'cells were'} negative and became 0.`,
};

export default en;
