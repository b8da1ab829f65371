import { describe, it, expect } from 'vitest';
import { normStep } from '../../src/engine/trace-norm';
import { defaultNorm, type NormConfig } from '../../src/state/views/norm';
import { norm } from '../../src/i18n/norm';
import { buildBatch } from '../../src/panels/norm/data';
import {
  ONE_VALUE_ERROR,
  channelNamer,
  coincidences,
  describeGroup,
  pytorchLine,
  traceOptions,
} from '../../src/panels/norm/model';
import { stageFormula, stepArithmetic, stepHeadline } from '../../src/panels/norm/steps';

const EN = norm.en;
const KO = norm.ko;

/** One channel [1, 2, 3, 4] typed by hand, γ = 2 and β = 1. */
const ONE: NormConfig = {
  ...defaultNorm(),
  n: 1,
  c: 1,
  h: 2,
  w: 2,
  src: 'custom',
  x: [1, 2, 3, 4],
  gamma: { 0: 2 },
  beta: { 0: 1 },
};
const steps = (() => {
  const x = buildBatch(ONE, 0)!;
  const opts = traceOptions(ONE);
  return Array.from({ length: 18 }, (_, i) => normStep(x, opts, i));
})();

describe('the worked steps read the same numbers in English and Korean', () => {
  it('arithmetic without words is identical in both languages: μ = 10 / 4 = 2.5, y₃ = 2·1.3416 + 1 = 3.6833', () => {
    for (const i of [0, 2, 4, 9, 10, 17]) {
      expect(stepArithmetic(steps[i]!, 1e-5, KO)).toBe(stepArithmetic(steps[i]!, 1e-5, EN));
    }
    expect(stepArithmetic(steps[4]!, 1e-5, KO)).toBe('μ = Σx / m = 10 / 4 = 2.5');
    expect(stepArithmetic(steps[17]!, 1e-5, KO)).toBe('y₃ = γ·x̂₃ + β = 2·1.3416 + 1 = 3.6833');
  });

  it('a squared deviation says "so far" in English and "지금까지" in Korean', () => {
    expect(stepArithmetic(steps[6]!, 1e-5, EN)).toBe('(x₁ − μ)² = (2 − 2.5)² = 0.25; Σ(x − μ)² so far = 2.5');
    expect(stepArithmetic(steps[6]!, 1e-5, KO)).toBe(
      '(x₁ − μ)² = (2 − 2.5)² = 0.25; 지금까지 Σ(x − μ)² = 2.5',
    );
  });

  it('the headline of each stage, in both languages', () => {
    expect(stepHeadline(steps[1]!, EN)).toBe('adding x₁ to the sum (value 2 of 4)');
    expect(stepHeadline(steps[1]!, KO)).toBe('합에 x₁ 더하기 (4개 중 2번째 값)');
    expect(stepHeadline(steps[4]!, KO)).toBe('평균 μ');
    expect(stepHeadline(steps[7]!, KO)).toBe('x₂의 편차 제곱 (4개 중 3번째)');
    expect(stepHeadline(steps[9]!, KO)).toBe('분산 σ²');
    expect(stepHeadline(steps[12]!, KO)).toBe('x₂ 정규화 (4개 중 3번째)');
    expect(stepHeadline(steps[15]!, EN)).toBe('scaling and shifting x̂₁ (2 of 4)');
    expect(stepHeadline(steps[15]!, KO)).toBe('x̂₁ 스케일과 이동 (4개 중 2번째)');
  });

  it('the general formula of the variance notes that it is the biased one', () => {
    expect(stageFormula(3, EN)).toBe('σ² = Σ(x − μ)² / m   (biased, as in training)');
    expect(stageFormula(3, KO)).toBe('σ² = Σ(x − μ)² / m   (편향 분산, 학습 때와 같음)');
    expect(stageFormula(1, KO)).toBe('μ = Σx / m');
  });
});

describe('groups, channels and notes in words', () => {
  const cfg: NormConfig = { ...defaultNorm(), n: 2, c: 4, h: 3, w: 3 };

  it('which values a group gathers, in Korean', () => {
    expect(describeGroup(cfg, 2, KO)).toBe('모든 샘플의 채널 2');
    expect(describeGroup({ ...cfg, kind: 'layer' }, 1, KO)).toBe('샘플 1의 모든 채널');
    expect(describeGroup({ ...cfg, kind: 'instance' }, 5, KO)).toBe('샘플 1의 채널 1');
    expect(describeGroup({ ...cfg, kind: 'group', g: 2 }, 3, KO)).toBe('샘플 1의 채널 2–3');
    expect(describeGroup({ ...cfg, layout: 'nd' }, 3, KO)).toBe('모든 샘플의 특징 3');
    expect(describeGroup({ ...cfg, layout: 'nd', kind: 'layer' }, 0, EN)).toBe('every feature of sample 0');
  });

  it('the channels of a colour image are red, green and blue (빨강, 초록, 파랑); one channel is grey (회색)', () => {
    const image: NormConfig = { ...cfg, src: 'image', c: 3 };
    expect([0, 1, 2].map(channelNamer(image, EN))).toEqual(['red', 'green', 'blue']);
    expect([0, 1, 2].map(channelNamer(image, KO))).toEqual(['빨강', '초록', '파랑']);
    expect(channelNamer({ ...image, c: 1 }, KO)(0)).toBe('회색');
    expect(describeGroup(image, 1, KO, channelNamer(image, KO))).toBe('모든 샘플의 초록');
  });

  it('group norm with G = 1 is layer norm, and one value per group quotes PyTorch’s error as code', () => {
    const g1 = coincidences({ ...cfg, kind: 'group', g: 1 }, KO);
    expect(g1).toEqual([
      {
        text: 'G = 1이면 그룹 정규화는 레이어 정규화입니다: 한 그룹이 샘플의 채널 4개를 모두 담으므로 그룹과 통계가 같습니다.',
      },
    ]);
    const gc = coincidences({ ...cfg, kind: 'group', g: 4 }, KO);
    expect(gc[0]!.text).toBe(
      'G = C = 4일 때 그룹 정규화는 인스턴스 정규화입니다: 각 그룹이 한 샘플의 한 채널입니다.',
    );
    const single = coincidences({ ...cfg, kind: 'instance', h: 1, w: 1 }, EN);
    expect(single).toHaveLength(1);
    expect(single[0]!.text).toContain('Each group holds a single value');
    expect(single[0]!.code).toBe(ONE_VALUE_ERROR);
    expect(ONE_VALUE_ERROR).toBe('Expected more than 1 value per channel when training');
    expect(coincidences({ ...cfg, kind: 'instance', h: 1, w: 1 }, KO)[0]!.code).toBe(ONE_VALUE_ERROR);
  });

  it('the PyTorch line is the same in both languages; its note is translated', () => {
    const layer = { ...cfg, kind: 'layer' as const };
    expect(pytorchLine(layer, KO).code).toBe(pytorchLine(layer, EN).code);
    expect(pytorchLine(layer, KO).code).toBe('nn.GroupNorm(1, 4)');
    expect(pytorchLine(layer, EN).note).toBe(
      'nn.LayerNorm([4, 3, 3]) has the same statistics but learns γ and β per element (4×3×3); here they are per channel.',
    );
    expect(pytorchLine(layer, KO).note).toBe(
      'nn.LayerNorm([4, 3, 3])도 통계는 같지만 γ와 β를 원소마다 학습합니다(4×3×3). 여기서는 채널마다 하나입니다.',
    );
    expect(pytorchLine({ ...cfg, kind: 'instance' }, KO).note).toBe(
      'PyTorch의 InstanceNorm2d는 affine=True일 때만 γ, β가 있습니다.',
    );
  });

  it('sentences with numbers put the numbers where each language wants them', () => {
    expect(EN.groupStats('0', 'channel 0 of every sample', '4', '2.5', '1.25')).toBe(
      'group 0 (channel 0 of every sample): 4 values, mean μ = 2.5, variance σ² = 1.25',
    );
    expect(KO.groupStats('0', '모든 샘플의 채널 0', '4', '2.5', '1.25')).toBe(
      '그룹 0 (모든 샘플의 채널 0): 값 4개, 평균 μ = 2.5, 분산 σ² = 1.25',
    );
    expect(EN.groupsHint('1', 'H·W = 3·3 = 9')).toContain('1 group of H·W = 3·3 = 9 values');
    expect(EN.groupsHint('3', 'N = 2')).toContain('3 groups of N = 2 values');
    expect(KO.runningProblem('1')).toContain('값이 k = 1개뿐이므로');
    expect(KO.testIntroBatch('3')).toContain('미니배치 3개 뒤');
  });
});
