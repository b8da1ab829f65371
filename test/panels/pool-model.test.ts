import { describe, it, expect } from 'vitest';
import { tensor } from '../../src/engine/tensor';
import { poolStep } from '../../src/engine/trace';
import { buildPoolModel, poolTensor, traceOptions, windowsContaining } from '../../src/panels/pool/model';
import { explainStep, poolHighlights, stepAnnouncement, stepSummary } from '../../src/panels/pool/focus';
import { buildReluModel, zeroedSentence } from '../../src/panels/pool/relu';
import { CELL_PAD, CELL_UNUSED } from '../../src/components/Grid';
import { defaultPool, type PoolConfig } from '../../src/state/views/pool';
import { pool } from '../../src/i18n/pool';

const en = pool.en;
const ko = pool.ko;

const cfgOf = (patch: Partial<PoolConfig>): PoolConfig => ({ ...defaultPool(), ...patch });
const round = (xs: ArrayLike<number>) => Array.from(xs, (v) => Math.round(v * 10000) / 10000);

/** The lecture's 4×4 example, written out. */
const LECTURE = [1, 3, 2, 4, 5, 6, 1, 2, 7, 2, 9, 1, 3, 4, 0, 8];
const lecture = () => tensor([1, 1, 4, 4], Float32Array.from(LECTURE));
/** A 5×5 input holding 1…25, row by row. */
const ramp = () =>
  tensor(
    [1, 1, 5, 5],
    Float32Array.from({ length: 25 }, (_, i) => i + 1),
  );

/** A naive max pooling (no padding, no dilation) written here, independent of the engine. */
function naiveMax(x: Float32Array, c: number, h: number, w: number, k: number, s: number) {
  const oh = Math.floor((h - k) / s) + 1;
  const ow = Math.floor((w - k) / s) + 1;
  const out: number[] = [];
  for (let ch = 0; ch < c; ch++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++) {
        let m = -Infinity;
        for (let a = 0; a < k; a++)
          for (let b = 0; b < k; b++) m = Math.max(m, x[(ch * h + i * s + a) * w + j * s + b]!);
        out.push(m);
      }
  return out;
}

describe('the pooling view model', () => {
  it('max pool 2×2 stride 2 on the lecture’s 4×4 gives [[6, 4], [7, 9]]', () => {
    expect([...poolTensor(cfgOf({ c: 1 }), lecture()).data]).toEqual([6, 4, 7, 9]);
  });

  it('average pool 2×2 stride 2 on the same 4×4 gives [[3.75, 2.25], [4, 4.5]]', () => {
    expect([...poolTensor(cfgOf({ c: 1, kind: 'avg' }), lecture()).data]).toEqual([3.75, 2.25, 4, 4.5]);
  });

  it('the default input is two channels of whole numbers 0…9, pooled channel by channel as a naive loop does', () => {
    const m = buildPoolModel(defaultPool());
    expect(m.input.shape).toEqual([1, 2, 4, 4]);
    expect([...m.input.data].every((v) => Number.isInteger(v) && v >= 0 && v <= 9)).toBe(true);
    expect(m.output.shape).toEqual([1, 2, 2, 2]);
    expect([...m.output.data]).toEqual(naiveMax(m.input.data, 2, 4, 4, 2, 2));
    expect(m.total).toBe(8);
  });

  it('5×5, window 3, stride 2, padding 1: corner divisor 9 with count_include_pad, 4 without', () => {
    const base = {
      kind: 'avg' as const,
      c: 1,
      h: 5,
      w: 5,
      k: [3, 3] as [number, number],
      p: [1, 1] as [number, number],
    };
    expect([...buildPoolModel(cfgOf(base)).divisors!]).toEqual([9, 9, 9, 9, 9, 9, 9, 9, 9]);
    expect([...buildPoolModel(cfgOf({ ...base, cip: 'false' })).divisors!]).toEqual([
      4, 6, 4, 6, 9, 6, 4, 6, 4,
    ]);
    // The corner window reads 1, 2, 6, 7 (sum 16) and five padding zeros.
    const include = poolTensor(cfgOf(base), ramp());
    const exclude = poolTensor(cfgOf({ ...base, cip: 'false' }), ramp());
    expect(include.data[0]).toBeCloseTo(16 / 9, 6);
    expect(exclude.data[0]).toBe(4);
  });

  it('draws padding as its own cells and marks the input the floor leaves unused', () => {
    const m = buildPoolModel(cfgOf({ c: 1, h: 5, w: 5, kind: 'avg', k: [3, 3], p: [1, 1] }));
    expect([m.drawH, m.drawW]).toEqual([7, 7]);
    const kinds = m.planes[0]!.kinds;
    expect(kinds[0]).toBe(CELL_PAD);
    expect(kinds[1 * 7 + 1]).toBe(0);
    const floor = buildPoolModel(cfgOf({ c: 1, h: 5, w: 5 })); // 2×2 stride 2: column 4 and row 4 unused
    expect([floor.outH, floor.outW]).toEqual([2, 2]);
    expect(floor.planes[0]!.kinds[4]).toBe(CELL_UNUSED);
    expect(floor.planes[0]!.kinds[3]).toBe(0);
  });

  it('ceil mode draws the overhang past the padding, and keeps only windows that start inside', () => {
    // 5 wide, window 2, stride 2, no padding: ⌈3/2⌉ + 1 = 3 windows, the last hanging 1 cell past the input.
    const m = buildPoolModel(cfgOf({ c: 1, h: 5, w: 5, ceil: 'true' }));
    expect([m.outH, m.outW, m.drawW]).toEqual([3, 3, 6]);
    expect(m.planes[0]!.kinds[5]).toBe(CELL_PAD);
  });
});

describe('the pooling step explained', () => {
  it('a tie takes the first maximum in row-major order, as PyTorch does', () => {
    const x = tensor([1, 1, 2, 2], Float32Array.from([1, 6, 6, 2]));
    const step = poolStep(x, traceOptions(cfgOf({ c: 1, h: 2, w: 2 })), 0);
    const why = explainStep(step, 2, true, en);
    expect(why.equation).toBe('max(1, 6, 6, 2) = 6');
    expect(why.ties).toBe(2);
    expect(why.index).toBe(1);
    expect(why.notes[0]).toBe(
      'The maximum 6 is at window row 0, column 1: input row 0, column 1 (flat index 1 in its channel).',
    );
    expect(why.notes[1]).toContain('first in row-major order');
  });

  it('max pooling reads padding as −∞', () => {
    const x = tensor([1, 1, 2, 2], Float32Array.from([-3, -1, -2, -5]));
    const step = poolStep(x, traceOptions(cfgOf({ c: 1, h: 2, w: 2, k: [3, 3], s: [1, 1], p: [1, 1] })), 0);
    const why = explainStep(step, 2, true, en);
    expect(why.equation).toBe('max(−∞, −∞, −∞, −∞, −3, −1, −∞, −2, −5) = −1');
    expect(why.notes).toContain(
      'Padding cells count as −∞ in max pooling, so they can never be the maximum.',
    );
  });

  it('the padded corner of average pooling: (0 + … + 7) / 9 with count_include_pad, (1 + 2 + 6 + 7) / 4 without', () => {
    const base = {
      kind: 'avg' as const,
      c: 1,
      h: 5,
      w: 5,
      k: [3, 3] as [number, number],
      p: [1, 1] as [number, number],
    };
    const inc = explainStep(poolStep(ramp(), traceOptions(cfgOf(base)), 0), 5, true, en);
    expect(inc.equation).toBe('(0 + 0 + 0 + 0 + 1 + 2 + 0 + 6 + 7) / 9 = 1.7778');
    expect(inc.divisor).toBe(9);
    expect(inc.notes[0]).toBe(
      'count_include_pad=True: the 5 padding cells count as zeros, next to the 4 input cells: 4 + 5 = 9.',
    );
    const exc = explainStep(poolStep(ramp(), traceOptions(cfgOf({ ...base, cip: 'false' })), 0), 5, false, en);
    expect(exc.equation).toBe('(1 + 2 + 6 + 7) / 4 = 4');
    expect(exc.divisor).toBe(4);
    expect(exc.notes[0]).toContain('only the 4 input cells count');
    const centre = explainStep(poolStep(ramp(), traceOptions(cfgOf(base)), 4), 5, true, en);
    expect(centre.equation).toBe('(7 + 8 + 9 + 12 + 13 + 14 + 17 + 18 + 19) / 9 = 13');
  });
});

describe('hovering in the pooling view', () => {
  it('an input cell lies in the windows that read it, on its own channel only', () => {
    const m = buildPoolModel(cfgOf({ c: 1, h: 5, w: 5, kind: 'avg', k: [3, 3], p: [1, 1] }));
    // Input (1, 1) is padded (2, 2): windows start at padded 0, 2, 4, so rows 0–1 and columns 0–1 read it.
    expect(windowsContaining(m.rows, m.cols, 2, 2)).toEqual([
      { oh: 0, ow: 0 },
      { oh: 0, ow: 1 },
      { oh: 1, ow: 0 },
      { oh: 1, ow: 1 },
    ]);
    const two = buildPoolModel(defaultPool());
    const hl = poolHighlights(two, 0, { kind: 'input', c: 1, ph: 3, pw: 0 }, en);
    expect(hl.output[0]).toEqual([]);
    expect(hl.output[1]).toEqual([{ r: 1, c: 0, h: 1, w: 1, kind: 'feed' }]);
    expect(hl.headline).toBe(
      'Input channel 1, row 3, column 0 lies in 1 window: output (1, 0) of channel 1 only',
    );
  });

  it('an output cell (or the current step) outlines its window on its channel and its maximum', () => {
    const m = buildPoolModel(defaultPool());
    const hl = poolHighlights(m, 5, null, en); // channel 1, row 0, column 1
    expect(hl.step.c).toBe(1);
    expect(hl.input[0]).toEqual([]);
    expect(hl.input[1]![0]).toEqual({ r: 0, c: 2, h: 2, w: 2, kind: 'window' });
    expect(hl.input[1]![1]!.kind).toBe('focus');
    expect(hl.output[1]).toEqual([{ r: 0, c: 1, h: 1, w: 1, kind: 'focus' }]);
  });
});

describe('a hovered cell the maps no longer have', () => {
  it('counts as no hover: the step leads (channel 1 of a link with two channels, then one channel)', () => {
    const one = buildPoolModel(cfgOf({ c: 1, h: 5, w: 5, kind: 'avg', k: [3, 3], p: [1, 1] }));
    const hl = poolHighlights(one, 4, { kind: 'output', c: 1, oh: 0, ow: 0 }, en);
    expect([hl.step.c, hl.step.oh, hl.step.ow]).toEqual([0, 1, 1]);
    expect(hl.headline).toContain('Channel 0, output row 1, column 1');
    const input = poolHighlights(one, 0, { kind: 'input', c: 0, ph: 9, pw: 0 }, en);
    expect(input.headline).toContain('Channel 0, output row 0, column 0');
    expect(input.output[0]).toEqual([{ r: 0, c: 0, h: 1, w: 1, kind: 'focus' }]);
  });
});

describe('ReLU after a convolution', () => {
  it('a Laplacian of 1…9 gives [2, 1, −4, −3, 0, −7, −16, −11, −22]: 6 of 9 cells become 0', () => {
    const x = tensor([1, 1, 3, 3], Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const r = buildReluModel(cfgOf({ c: 1, h: 3, w: 3, rf: 'laplace' }), x);
    expect([...r.before.data]).toEqual([2, 1, -4, -3, 0, -7, -16, -11, -22]);
    expect([...r.after.data]).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect([...r.negative]).toEqual([0, 0, 1, 1, 0, 1, 1, 1, 1]);
    expect(r.negatives).toBe(6);
    expect(zeroedSentence(r.negatives, r.cells, en)).toBe('6 of 9 cells were negative and became 0.');
    // Then max pool 2×2 stride 2 (floor): one window over [2, 1, 0, 0].
    expect([...r.pooled.data]).toEqual([2]);
  });

  it('counts the negatives of the seeded example the same way a loop here does', () => {
    const m = buildPoolModel(defaultPool());
    const r = buildReluModel(defaultPool(), m.input);
    expect(r.before.shape).toEqual([1, 1, 4, 4]);
    expect(r.negatives).toBe([...r.before.data].filter((v) => v < 0).length);
    expect(round(r.after.data)).toEqual(round(Array.from(r.before.data, (v) => Math.max(0, v))));
    expect(zeroedSentence(0, 16, en)).toBe('None of the 16 cells was negative: ReLU changed nothing.');
  });
});

describe('ceil mode’s overhang in average pooling', () => {
  it('the cells past the input never count, whatever count_include_pad says', () => {
    // 5×5 of 1…25, window 2, stride 2, ceil mode: the last window holds only input (4, 4) = 25.
    const cfg = cfgOf({ kind: 'avg', c: 1, h: 5, w: 5, ceil: 'true' });
    const why = explainStep(poolStep(ramp(), traceOptions(cfg), 8), 5, true, en);
    expect(why.equation).toBe('(25) / 1 = 25');
    expect(why.notes[0]).toBe(
      "Divisor 1: the 1 input cell; the 3 cells past the input (ceil mode's overhang) never count, whatever count_include_pad says.",
    );
    expect([...buildPoolModel(cfg).divisors!]).toEqual([4, 4, 2, 4, 4, 2, 2, 2, 1]);
  });
});

describe('the pooling view’s sentences in Korean (the same numbers as in English)', () => {
  it('a tie: the maximum’s position and PyTorch’s rule', () => {
    const x = tensor([1, 1, 2, 2], Float32Array.from([1, 6, 6, 2]));
    const step = poolStep(x, traceOptions(cfgOf({ c: 1, h: 2, w: 2 })), 0);
    const why = explainStep(step, 2, true, ko);
    expect(why.equation).toBe('max(1, 6, 6, 2) = 6');
    expect(why.notes[0]).toBe(
      '최댓값 6은(는) 윈도우의 행 0, 열 1, 곧 입력의 행 0, 열 1에 있습니다 (채널을 펼친 인덱스 1).',
    );
    expect(why.notes[1]).toBe(
      '여기서 6이(가) 2번 나옵니다. PyTorch는 행 우선 순서(한 행씩, 왼쪽에서 오른쪽으로)에서 첫 번째 것을 고릅니다. ' +
        'return_indices=True가 돌려주는 인덱스이며, 기울기(gradient)도 그 칸으로 전달됩니다.',
    );
  });

  it('the padded corner of average pooling, with and without count_include_pad', () => {
    const base = { kind: 'avg' as const, c: 1, h: 5, w: 5, k: [3, 3] as [number, number], p: [1, 1] as [number, number] };
    const inc = explainStep(poolStep(ramp(), traceOptions(cfgOf(base)), 0), 5, true, ko);
    expect(inc.equation).toBe('(0 + 0 + 0 + 0 + 1 + 2 + 0 + 6 + 7) / 9 = 1.7778');
    expect(inc.notes[0]).toBe(
      'count_include_pad=True: 패딩 칸 5개를 0으로 세어 입력 칸 4개에 더합니다: 4 + 5 = 9.',
    );
    const exc = explainStep(poolStep(ramp(), traceOptions(cfgOf({ ...base, cip: 'false' })), 0), 5, false, ko);
    expect(exc.notes[0]).toBe(
      'count_include_pad=False: 입력 칸 4개만 셉니다. 패딩 칸 5개는 합에서도 나누는 수에서도 빠집니다.',
    );
    const centre = explainStep(poolStep(ramp(), traceOptions(cfgOf(base)), 4), 5, true, ko);
    expect(centre.notes[0]).toBe('3×3 윈도우의 칸 9개가 모두 입력 안에 있으므로, 나누는 수는 어느 쪽이든 9입니다.');
  });

  it('ceil mode’s overhang: never counted (English singular and plural, Korean)', () => {
    const cfg = cfgOf({ kind: 'avg', c: 1, h: 5, w: 5, ceil: 'true' });
    expect(explainStep(poolStep(ramp(), traceOptions(cfg), 8), 5, true, ko).notes[0]).toBe(
      '나누는 수 1: 입력 칸 1개입니다. 입력 밖으로 걸친 칸 3개(ceil 모드)는 count_include_pad와 상관없이 세지 않습니다.',
    );
    // 4×4 of 1…16, window 3, stride 2, padding 1, ceil mode: ⌈3/2⌉ + 1 = 3 windows per axis, the last
    // starting at padded 4 (input row 3, then a padding row, then one row past the padding). Its window
    // reads 16, three padding zeros and five overhang cells; the divisor counts 1 + 3 = 4.
    const padded = cfgOf({ kind: 'avg', c: 1, h: 4, w: 4, k: [3, 3], s: [2, 2], p: [1, 1], ceil: 'true' });
    const x = tensor([1, 1, 4, 4], Float32Array.from({ length: 16 }, (_, i) => i + 1));
    const last = poolStep(x, traceOptions(padded), 8);
    const why = explainStep(last, 4, true, en);
    expect(why.equation).toBe('(16 + 0 + 0 + 0) / 4 = 4');
    expect(why.notes[0]).toBe(
      'count_include_pad=True: the 3 padding cells count as zeros, next to the 1 input cell: 1 + 3 = 4. ' +
        "The 5 cells past the padding (ceil mode's overhang) never count.",
    );
    expect(explainStep(last, 4, true, ko).notes[0]).toBe(
      'count_include_pad=True: 패딩 칸 3개를 0으로 세어 입력 칸 1개에 더합니다: 1 + 3 = 4. 패딩 밖으로 걸친 칸 5개(ceil 모드)는 세지 않습니다.',
    );
    expect(explainStep(last, 4, false, en).notes[0]).toBe(
      'count_include_pad=False: only the 1 input cell counts; the 3 padding cells are left out of the sum and the divisor. ' +
        "The 5 cells past the padding (ceil mode's overhang) never count.",
    );
  });

  it('the headlines of a step and of a hovered input cell', () => {
    const m = buildPoolModel(defaultPool());
    const step = poolStep(m.input, m.opts, 1); // channel 0, row 0, column 1 of seed 9: max(1, 8, 2, 9) = 9
    expect(stepSummary(step, [2, 2], en)).toBe('max of its 2×2 window = 9');
    expect(stepSummary(step, [2, 2], ko)).toBe('2×2 윈도우의 최댓값 = 9');
    expect(poolHighlights(m, 1, null, ko).headline).toBe('채널 0, 출력 행 0, 열 1: 2×2 윈도우의 최댓값 = 9');
    expect(poolHighlights(m, 0, { kind: 'input', c: 1, ph: 3, pw: 0 }, ko).headline).toBe(
      '입력 채널 1, 행 3, 열 0: 윈도우 1개에 속합니다. 채널 1의 출력 (1, 0)만 해당합니다',
    );
    const avg = buildPoolModel(cfgOf({ kind: 'avg', c: 1, h: 5, w: 5, k: [3, 3], p: [1, 1] }));
    expect(poolHighlights(avg, 0, { kind: 'input', c: 0, ph: 0, pw: 0 }, en).headline).toBe(
      'Padding of channel 0 at row −1, column −1 (read as 0 by average pooling) lies in 1 window: output (0, 0) of channel 0 only',
    );
  });

  it('the live announcement: where the step is and its worked arithmetic', () => {
    const m = buildPoolModel(defaultPool());
    const step = poolStep(m.input, m.opts, 1);
    expect(stepAnnouncement(step, 4, true, en)).toBe('Channel 0, output row 0, column 1: max(1, 8, 2, 9) = 9');
    expect(stepAnnouncement(step, 4, true, ko)).toBe('채널 0, 출력 행 0, 열 1: max(1, 8, 2, 9) = 9');
  });

  it('ReLU’s count of zeroed cells', () => {
    expect(zeroedSentence(6, 9, ko)).toBe('칸 9개 중 6개가 음수여서 0이 되었습니다.');
    expect(zeroedSentence(0, 16, ko)).toBe('칸 16개 중 음수는 없었습니다. ReLU가 아무것도 바꾸지 않았습니다.');
    expect(zeroedSentence(1, 1, en)).toBe('1 of 1 cell was negative and became 0.');
  });
});
