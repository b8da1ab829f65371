/**
 * Strings of the pooling view (`#/pool`): the controls, the summary, the maps, the worked step, the
 * output-size notes and the ReLU part. Numbers come in already formatted (src/viz/format.ts), so they
 * read the same in both languages; English plurals are decided from those strings ('1' is singular).
 */
import { defineStrings } from './core';

/** "1 cell", "4 cells": an English count with its noun. */
const n = (count: string, one: string, many: string) => `${count} ${count === '1' ? one : many}`;
/** The singular after a count of one, else the plural: "counts" / "count", "row" / "rows". */
const pick = (count: string, one: string, many: string) => (count === '1' ? one : many);

const en = {
  // The panel
  settings: 'Settings',
  heading: 'Pooling and activation',
  parts: 'Part of the view',
  partPool: 'Pooling, step by step',
  partRelu: 'Activation (ReLU)',
  loadingImage: 'Loading the sample image…',
  imageFailed: 'The sample image could not be loaded: seeded whole numbers are shown instead.',
  stepAt: (c: string, oh: string, ow: string) => `channel ${c}, row ${oh}, column ${ow}`,
  stepHeadline: (step: string, headline: string) => `Step ${step}: ${headline}`,
  shortcutsHint: 'press ? for keyboard shortcuts',
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
  srcChecker: 'Checkerboard (image)',
  srcDigit: 'Handwritten 7 (image)',
  srcGradient: 'Colour gradient (image)',
  srcScene: 'Landscape (image)',
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
  presetIdentity: 'Identity',
  presetBox: 'Box blur',
  presetGauss: 'Gaussian blur',
  presetSharpen: 'Sharpen',
  presetSobelx: 'Sobel x (vertical edges)',
  presetSobely: 'Sobel y (horizontal edges)',
  presetLaplace: 'Laplacian',

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

const ko: typeof en = {
  settings: '설정',
  heading: '풀링과 활성화 함수',
  parts: '보기의 부분',
  partPool: '풀링, 단계별로',
  partRelu: '활성화 함수 (ReLU)',
  loadingImage: '예시 이미지를 불러오는 중…',
  imageFailed: '예시 이미지를 불러오지 못했습니다. 대신 시드로 만든 정수를 보여 줍니다.',
  stepAt: (c, oh, ow) => `채널 ${c}, 행 ${oh}, 열 ${ow}`,
  stepHeadline: (step, headline) => `${step}단계: ${headline}`,
  shortcutsHint: '? 키를 누르면 키보드 단축키를 볼 수 있습니다',
  playing: '재생 중',
  mapsTitle: '입력 → 출력, 채널별로',
  values: '값',
  padReadsMax: '최대 풀링에서 패딩은 −∞로 읽습니다.',
  padReadsAvg: '평균 풀링에서 패딩은 0으로 읽습니다.',
  largeMaps: '큰 맵은 색으로만 나타냅니다. 칸 위에 마우스를 올리면 값을 읽을 수 있습니다.',
  hoverHint:
    '출력 칸에 마우스를 올리면 그 칸의 윈도우가, 입력 칸에 올리면 그 칸을 포함하는 윈도우들이 보입니다. 출력 칸을 클릭하면 그 단계로 이동합니다.',

  form: '풀링 설정',
  input: '입력',
  source: '입력 데이터',
  srcInt: '무작위 정수 0–9',
  srcFloat: '무작위 소수 −1…1',
  srcChecker: '체커보드 (이미지)',
  srcDigit: '손글씨 7 (이미지)',
  srcGradient: '색 그라데이션 (이미지)',
  srcScene: '풍경 (이미지)',
  channels: '채널',
  height: '높이',
  width: '너비',
  seed: '시드',
  newSeed: '새 시드',
  newSeedTitle: '무작위로 새 시드 고르기',
  sizes: (c, hw) => `최대 ${c}채널, ${hw}×${hw}까지.`,
  pooling: '풀링',
  kind: '종류',
  kindMax: '최대 풀링',
  kindAvg: '평균 풀링',
  window: '윈도우 (kernel_size)',
  stride: '스트라이드',
  strideFollow: '= 윈도우',
  strideFollowTitle: 'PyTorch 기본값: stride = kernel_size이므로 윈도우가 겹치지 않고 입력을 덮습니다',
  padding: '패딩',
  paddingHint: '축마다 윈도우의 절반까지 (PyTorch 규칙).',
  paddingMax: '패딩은 −∞로 작용하므로 최댓값이 될 수 없습니다.',
  paddingAvg: '패딩은 0으로 읽습니다.',
  dilation: '팽창(dilation)',
  noDilation: 'PyTorch의 평균 풀링에는 팽창(dilation)이 없습니다.',
  ceil: 'ceil_mode: 출력 크기를 올림',
  cip: 'count_include_pad: 패딩을 나누는 수에 포함',
  reluFilter: 'ReLU 앞의 필터',
  reluFilterHint: '모든 입력 채널에 걸친 3×3 필터, 스트라이드 1, 패딩 1, 편향 없음.',
  presetRandom: '무작위 (시드)',
  presetIdentity: '항등',
  presetBox: '박스 블러',
  presetGauss: '가우시안 블러',
  presetSharpen: '선명하게',
  presetSobelx: 'Sobel x (세로 경계)',
  presetSobely: 'Sobel y (가로 경계)',
  presetLaplace: '라플라시안',

  summary: '레이어 요약',
  shapeIn: '입력: 채널 × 높이 × 너비',
  shapeOut: '출력: 채널 × 높이 × 너비',
  shapeMax: '최대 풀링',
  shapeAvg: '평균 풀링',
  oneChannel: '채널 하나를 따로 풀링합니다',
  eachChannel: (c) => `채널 ${c}개를 각각 따로 풀링합니다: 입력 ${c}개, 출력 ${c}개`,
  learnable: '학습 가능한 파라미터',
  ruleMax: '(고정된 규칙: 최댓값을 고름)',
  ruleAvg: '(고정된 규칙: 평균을 냄)',
  convSame: (c) => `같은 윈도우를 쓰는 Conv2d(${c}, ${c})`,

  ceilDrops: (raw, s, start, axis, size, p, limit, out) =>
    `ceil 모드: 마지막 윈도우는 패딩 포함 위치 (${raw} − 1)·${s} = ${start}에서 시작하는데, 이는 ${axis} + P = ${size} + ${p} = ${limit}보다 앞이 아닙니다. 입력 뒤의 패딩에서 시작하게 되므로 PyTorch는 이 윈도우를 버리고 ${axis}′ = ${out}입니다.`,
  ceilKeeps: (ratio) => `${ratio}은(는) 정수가 아닙니다. ceil 모드는 입력 안에서 시작하는 윈도우를 하나 더 둡니다.`,
  ceilKeepsHangs: (ratio, cells) =>
    `${ratio}은(는) 정수가 아닙니다. ceil 모드는 입력 안에서 시작하는 윈도우를 하나 더 두며, 이 윈도우는 패딩한 입력 밖으로 ${cells}칸 걸칩니다 (그 칸은 읽지 않습니다).`,
  floorDropsRows: (ratio, rows) =>
    `${ratio}은(는) 정수가 아닙니다. 내림 때문에 어떤 윈도우도 닿지 않는 마지막 입력 ${rows}행이 버려집니다 (ceil 모드라면 윈도우를 하나 더 둡니다).`,
  floorDropsCols: (ratio, cols) =>
    `${ratio}은(는) 정수가 아닙니다. 내림 때문에 어떤 윈도우도 닿지 않는 마지막 입력 ${cols}열이 버려집니다 (ceil 모드라면 윈도우를 하나 더 둡니다).`,
  floorDropsPad: (ratio, cells) => `${ratio}은(는) 정수가 아닙니다. 내림 때문에 끝의 패딩 ${cells}칸은 쓰이지 않습니다.`,
  ceilExact: (ratio) => `${ratio}은(는) 정수이므로 ceil 모드는 이 축에서 아무것도 바꾸지 않습니다.`,

  summaryMax: (size, result) => `${size} 윈도우의 최댓값 = ${result}`,
  summaryAvg: (sum, divisor, result) => `합 ${sum} ÷ ${divisor} = ${result}`,
  outputHeadline: (c, oh, ow, what) => `채널 ${c}, 출력 행 ${oh}, 열 ${ow}: ${what}`,
  hoverInput: (c, ih, iw) => `입력 채널 ${c}, 행 ${ih}, 열 ${iw}`,
  hoverPast: (c) => `채널 ${c}의 패딩 바깥 칸 (ceil 모드, 읽지 않음)`,
  hoverPadMax: (c, ih, iw) => `채널 ${c}의 패딩, 행 ${ih}, 열 ${iw} (최대 풀링에서는 −∞로 읽음)`,
  hoverPadAvg: (c, ih, iw) => `채널 ${c}의 패딩, 행 ${ih}, 열 ${iw} (평균 풀링에서는 0으로 읽음)`,
  inNoWindow: (what) => `${what}: 어떤 윈도우에도 속하지 않습니다`,
  inWindows: (what, count, cells, c) => `${what}: 윈도우 ${count}개에 속합니다. 채널 ${c}의 출력 ${cells}만 해당합니다`,

  maxAt: (result, kh, kw, ih, iw, index) =>
    `최댓값 ${result}은(는) 윈도우의 행 ${kh}, 열 ${kw}, 곧 입력의 행 ${ih}, 열 ${iw}에 있습니다 (채널을 펼친 인덱스 ${index}).`,
  tieRule: (result, count) =>
    `여기서 ${result}이(가) ${count}번 나옵니다. PyTorch는 행 우선 순서(한 행씩, 왼쪽에서 오른쪽으로)에서 첫 번째 것을 고릅니다. return_indices=True가 돌려주는 인덱스이며, 기울기(gradient)도 그 칸으로 전달됩니다.`,
  padNeverMax: '최대 풀링에서 패딩 칸은 −∞로 계산하므로 결코 최댓값이 될 수 없습니다.',
  allInside: (cells, size) =>
    `${size} 윈도우의 칸 ${cells}개가 모두 입력 안에 있으므로, 나누는 수는 어느 쪽이든 ${cells}입니다.`,
  overhangOnly: (divisor, inputs, past) =>
    `나누는 수 ${divisor}: 입력 칸 ${inputs}개입니다. 입력 밖으로 걸친 칸 ${past}개(ceil 모드)는 count_include_pad와 상관없이 세지 않습니다.`,
  includePad: (padded, inputs, divisor) =>
    `count_include_pad=True: 패딩 칸 ${padded}개를 0으로 세어 입력 칸 ${inputs}개에 더합니다: ${inputs} + ${padded} = ${divisor}.`,
  excludePad: (inputs, padded) =>
    `count_include_pad=False: 입력 칸 ${inputs}개만 셉니다. 패딩 칸 ${padded}개는 합에서도 나누는 수에서도 빠집니다.`,
  pastNeverCounts: (past) => `패딩 밖으로 걸친 칸 ${past}개(ceil 모드)는 세지 않습니다.`,
  outputIs: (index) => `출력 ${index} =`,
  whatMax: (name) => `${name}에서 윈도우의 가장 큰 값`,
  whatAvg: (name) => `${name}에서 윈도우의 평균`,
  windowOf: (size) => `윈도우 ${size}`,
  windowLabel: (index, name, h, w) => `${name}에서 출력 ${index}의 윈도우, ${h}×${w}`,
  windowCell: (r, c) => `윈도우 행 ${r}, 열 ${c}`,
  windowPadCell: (r, c) => `윈도우 행 ${r}, 열 ${c} (패딩)`,
  divisor: '나누는 수',
  tie: (count, result) =>
    `동점: 칸 ${count}개가 ${result}입니다. 첫 번째 칸(실선 테두리)을 고르고, 나머지(점선)는 고르지 않습니다.`,
  divisors: '출력 칸마다의 나누는 수',
  divisorsLabel: (h, w, cip) => `출력 칸마다의 나누는 수, ${h}×${w}, count_include_pad=${cip}`,
  divisorCell: (r, c) => `출력 행 ${r}, 열 ${c}의 나누는 수`,

  channel: (c) => `채널 ${c}`,
  red: '빨강',
  green: '초록',
  blue: '파랑',
  mapIn: (size) => `입력 ${size}`,
  mapOut: (size) => `출력 ${size}`,
  padded: (size) => `패딩 포함 ${size}`,
  withOverhang: (size) => `ceil 모드로 걸친 칸 포함 ${size}`,
  inputLabel: (name, h, w) => `입력 ${name}, ${h}×${w}`,
  outputLabel: (name, h, w) => `출력 ${name}, ${h}×${w}. 칸에서 Enter를 누르면 그 단계로 이동합니다.`,
  cellPast: (r, c) => `패딩 밖 (ceil 모드로 걸친 칸, 세지 않음; 행 ${r}, 열 ${c})`,
  cellPad: (r, c) => `패딩 (행 ${r}, 열 ${c})`,
  cellAt: (r, c) => `행 ${r}, 열 ${c}`,
  cellUnused: (r, c) => `행 ${r}, 열 ${c} (쓰이지 않음: 어떤 윈도우도 닿지 않음)`,
  outputCell: (c, r, q) => `출력 채널 ${c}, 행 ${r}, 열 ${q}`,
  pending: '아직 계산하지 않음',

  reluTitle: '활성화 함수: 합성곱 뒤의 ReLU',
  reluIntro:
    '합성곱의 출력에는 부호가 있습니다. ReLU(x) = max(0, x)는 양수는 그대로 두고 음수는 모두 0으로 만듭니다. ReLU에도 파라미터가 없습니다.',
  filter: '필터',
  convOutput: '합성곱 출력',
  afterRelu: 'ReLU 적용 후',
  relu: 'ReLU',
  conv: 'Conv',
  pool: 'Pool',
  reluLegend: '합성곱 출력 값',
  negativeMark: '점선 테두리: 음수였다가 0이 된 칸.',
  strip: '강의의 블록: Conv → ReLU → Pool',
  filterLabel: (name) => `${name}의 필터 가중치, 3×3`,
  beforeLabel: (h, w, count) => `ReLU 적용 전의 합성곱 출력, ${h}×${w}; 음수인 칸 ${count}개`,
  afterLabel: (h, w, count) => `ReLU 적용 후, ${h}×${w}; 0이 된 칸 ${count}개`,
  stripLabel: (name, h, w) => `${name} 맵: 1×${h}×${w}`,
  reluAt: (r, c, x, y) => `행 ${r}, 열 ${c}: ReLU(${x}) = max(0, ${x}) = ${y}`,
  wasNegative: '(음수였음)',
  reluHover: '칸 위에 마우스를 올리거나 방향키로 칸을 고르면 그 칸에 ReLU를 적용한 결과를 볼 수 있습니다.',
  zeroedNone: (cells) => `칸 ${cells}개 중 음수는 없었습니다. ReLU가 아무것도 바꾸지 않았습니다.`,
  zeroed: (count, cells) => `칸 ${cells}개 중 ${count}개가 음수여서 0이 되었습니다.`,
};

export const pool = defineStrings(en, ko, ['relu', 'conv', 'pool']);

/** The pooling view's dictionary in one language, as the view's text builders take it. */
export type PoolText = (typeof pool)['en'];
