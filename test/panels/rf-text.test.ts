import { describe, it, expect } from 'vitest';
import { rf } from '../../src/i18n/rf';
import { buildRfModel, fieldFormula, recurrenceText, selectionRegions } from '../../src/panels/rf/model';
import { describeLayer, mapNote, summaryText } from '../../src/panels/rf/text';
import { conv, pool } from '../../src/state/views/rf';

const { en, ko } = rf;

/** The summary of cell (row, col) of layer `at` of a stack on an input of side `size`. */
function summary(layers: string, size: number, at: number, row: number, col: number, lang: 'en' | 'ko', preview = false) {
  const m = buildRfModel({ layers, size });
  return summaryText(m, { at, row, col }, preview, selectionRegions(m, at, row, col), rf[lang]);
}

describe('the summary of the selected cell, in English and Korean', () => {
  // c3p1, c3p1, p2, c3p1 on 16×16: fields 3, 5, 6, 10; jumps 1, 1, 2, 2; starts −1, −2, −2, −4.
  // Layer 4 cell (2, 5): rows −4 + 2·2 = 0 … 9, columns −4 + 5·2 = 6 … 15, all inside the 16×16 input.
  it('a cell after a pooling: 10×10 field at rows 0–9, columns 6–15, worked with its jump 2 and start −4', () => {
    const s = summary('c3p1*2,p2,c3p1', 16, 4, 2, 5, 'en');
    expect(s.heading).toBe('Selected: layer 4 (conv3), cell (2, 5)');
    expect(s.size).toBe('Receptive field: 10×10 input cells');
    expect(s.where).toBe('In input coordinates: rows 0–9, columns 6–15');
    expect(s.detail).toBe('All 100 of these input cells feed the selected cell (violet in the input map).');
    expect(s.formula).toBe('r = 1 + Σ (k_l − 1)·Π_{i<l} s_i = 1 + (3 − 1)·1 + (3 − 1)·1 + (2 − 1)·1 + (3 − 1)·2 = 10');
    expect(s.recurrence).toBe('r₄ = r₃ + (k − 1)·j₃ = 6 + (3 − 1)·2 = 10');
    expect(s.jumpStart).toBe(
      'Neighbouring cells of layer 4 are j = 2 input cells apart; the field of its cell 0 starts at u = −4, so cell (2, 5) starts at (−4 + 2·2, −4 + 5·2) = (0, 6).',
    );
    expect(s.live).toBe(
      'Layer 4 (conv3), cell (2, 5): receptive field 10×10 input cells, rows 0–9, columns 6–15. r₄ = r₃ + (k − 1)·j₃ = 6 + (3 − 1)·2 = 10.',
    );
  });

  it('the same cell in Korean: the same numbers, Korean words', () => {
    const s = summary('c3p1*2,p2,c3p1', 16, 4, 2, 5, 'ko');
    expect(s.heading).toBe('선택: 레이어 4 (conv3), 칸 (2, 5)');
    expect(s.size).toBe('수용 영역: 입력 10×10 칸');
    expect(s.where).toBe('입력 좌표: 행 0–9, 열 6–15');
    expect(s.detail).toBe('이 입력 칸 100개가 모두 선택한 칸의 계산에 쓰입니다(입력 맵의 보라색).');
    expect(s.formula).toBe('r = 1 + Σ (k_l − 1)·Π_{i<l} s_i = 1 + (3 − 1)·1 + (3 − 1)·1 + (2 − 1)·1 + (3 − 1)·2 = 10');
    expect(s.recurrence).toBe('r₄ = r₃ + (k − 1)·j₃ = 6 + (3 − 1)·2 = 10');
    expect(s.jumpStart).toBe(
      '레이어 4의 이웃한 칸은 입력에서 j = 2칸 떨어져 있습니다. 칸 0의 수용 영역은 u = −4에서 시작하므로, 칸 (2, 5)은 (−4 + 2·2, −4 + 5·2) = (0, 6)에서 시작합니다.',
    );
    expect(s.live).toBe('레이어 4 (conv3), 칸 (2, 5): 수용 영역은 입력 10×10 칸, 행 0–9, 열 6–15. r₄ = r₃ + (k − 1)·j₃ = 6 + (3 − 1)·2 = 10.');
    expect(s.why).toBe(ko.generalWhy);
  });

  it('a corner cell of three 3×3 layers reaches 3 cells into the padding: only 4×4 = 16 real cells feed it', () => {
    // Field 7 centred on (0, 0): rows and columns −3 … 3, of which 0 … 3 exist.
    const s = summary('c3p1*3', 32, 3, 0, 0, 'en', true);
    expect(s.heading).toBe('Previewing: layer 3 (conv3), cell (0, 0)');
    expect(s.where).toBe('In input coordinates: rows −3–3, columns −3–3');
    expect(s.detail).toBe(
      'The field reaches into the zero padding: only 4×4 = 16 real input cells (rows 0–3, columns 0–3) feed the selected cell; the outline shows the whole field.',
    );
    expect(s.why).toBe('Every layer so far has stride 1, dilation 1 and the same 3×3 kernel, so each adds K − 1 = 2 cells:');
    expect(s.formula).toBe('1 + L·(K − 1) = 1 + 3·(3 − 1) = 7');
    expect(s.jumpStart).toBe(
      'Neighbouring cells of layer 3 are j = 1 input cell apart; the field of its cell 0 starts at u = −3, so cell (0, 0) starts at (−3 + 0·1, −3 + 0·1) = (−3, −3).',
    );
    const k = summary('c3p1*3', 32, 3, 0, 0, 'ko', true);
    expect(k.heading).toBe('미리 보기: 레이어 3 (conv3), 칸 (0, 0)');
    expect(k.detail).toBe(
      '수용 영역이 0 패딩까지 뻗어 있습니다. 실제 입력 칸은 4×4 = 16개(행 0–3, 열 0–3)만 선택한 칸의 계산에 쓰이고, 테두리는 수용 영역 전체를 보여 줍니다.',
    );
    expect(k.why).toBe('지금까지의 모든 레이어가 스트라이드 1, 팽창 1, 같은 3×3 커널이므로 레이어마다 K − 1 = 2칸씩 커집니다:');
  });

  it('dilation 2 leaves gaps: 9 of the 5×5 box, said in both languages, with the effective kernel worked', () => {
    const s = summary('c3d2', 16, 1, 5, 5, 'en');
    expect(s.detail).toBe('Dilated kernels leave gaps: the outline is a bounding box of 5×5 cells, of which only 9 feed the selected cell (violet).');
    expect(s.recurrence).toBe('r₁ = r₀ + (k − 1)·j₀ = 1 + (5 − 1)·1 = 5 (dilated: k = 2·(3 − 1) + 1 = 5)');
    expect(s.formula).toBe('r = 1 + Σ (k_l − 1)·Π_{i<l} s_i = 1 + (5 − 1)·1 = 5 (k_l is the effective kernel d·(k − 1) + 1)');
    const k = summary('c3d2', 16, 1, 5, 5, 'ko');
    expect(k.detail).toBe(
      '팽창(dilation)된 커널 때문에 빈틈이 생깁니다. 테두리는 5×5 칸을 감싸는 경계 상자이고, 그중 9칸만 선택한 칸의 계산에 쓰입니다(보라색).',
    );
    expect(k.recurrence).toBe('r₁ = r₀ + (k − 1)·j₀ = 1 + (5 − 1)·1 = 5 (팽창: k = 2·(3 − 1) + 1 = 5)');
    expect(k.formula).toBe('r = 1 + Σ (k_l − 1)·Π_{i<l} s_i = 1 + (5 − 1)·1 = 5 (k_l은 유효 커널 크기 d·(k − 1) + 1)');
  });

  it('a stride larger than the kernel leaves gaps: c1s2 then c3, cell 1 reads input rows 2, 4, 6', () => {
    expect(summary('c1s2,c3', 10, 2, 1, 1, 'en').detail).toBe(
      'Strides larger than the kernel leave gaps: the outline is a bounding box of 5×5 cells, of which only 9 feed the selected cell (violet).',
    );
    expect(summary('c1s2,c3d2', 16, 2, 1, 1, 'ko').detail).toMatch(/^팽창\(dilation\)과 커널보다 큰 스트라이드 때문에 빈틈이 생깁니다\./);
  });

  it('counts with thousands separators, the same in both languages: AlexNet pool5 cell (3, 3) is fed by 194×194 = 37,636 cells', () => {
    // pool5: field 195, jump 32, start −66: rows −66 + 3·32 = 30 … 224, of which 30 … 223 exist (194).
    const alex = 'c11s4p2,p3s2,c5p2,p3s2,c3p1*3,p3s2';
    expect(summary(alex, 224, 8, 3, 3, 'en').detail).toContain('only 194×194 = 37,636 real input cells (rows 30–223, columns 30–223)');
    expect(summary(alex, 224, 8, 3, 3, 'ko').detail).toContain('194×194 = 37,636개(행 30–223, 열 30–223)');
  });
});

describe('the formula and recurrence builders take the dictionary', () => {
  it('leave a plain stack\'s formula as the engine writes it in both languages', () => {
    const m = buildRfModel({ layers: 'c3p1*3', size: 32 });
    expect(fieldFormula(m, 2, en).text).toBe('1 + L·(K − 1) = 1 + 2·(3 − 1) = 5');
    expect(fieldFormula(m, 2, ko).text).toBe('1 + L·(K − 1) = 1 + 2·(3 − 1) = 5');
    expect(recurrenceText(m.rows[1]!, 3, ko)).toBe('r₂ = r₁ + (k − 1)·j₁ = 3 + (3 − 1)·1 = 5');
  });
});

describe('layers and map notes in words', () => {
  it('describes a layer: kernel, kind, stride always, padding and dilation when present', () => {
    expect(describeLayer(conv(3, 2, 1), en)).toBe('3×3 convolution, stride 2, padding 1');
    expect(describeLayer(conv(3, 2, 1), ko)).toBe('3×3 합성곱, 스트라이드 2, 패딩 1');
    expect(describeLayer(pool(2), en)).toBe('2×2 max pooling, stride 2');
    expect(describeLayer(pool(2), ko)).toBe('2×2 최대 풀링, 스트라이드 2');
    expect(describeLayer(conv(3, 1, 0, 2), en)).toBe('3×3 convolution, stride 1, dilation 2');
    expect(describeLayer(conv(3, 1, 0, 2), ko)).toBe('3×3 합성곱, 스트라이드 1, 팽창 2');
  });

  it('notes under each map: what feeds the selected cell, the cell itself, or nothing after it', () => {
    const m = buildRfModel({ layers: 'c3p1*3', size: 32 });
    const regions = selectionRegions(m, 2, 16, 16);
    expect(mapNote(regions[0]!, false, en)).toBe('5×5 cells feed the selected cell');
    expect(mapNote(regions[0]!, false, ko)).toBe('선택한 칸의 계산에 5×5 칸이 쓰임');
    expect(mapNote(regions[2]!, true, en)).toBe('the selected cell');
    expect(mapNote(regions[2]!, true, ko)).toBe('선택한 칸');
    expect(mapNote(null, false, en)).toBe('after the selected layer');
    expect(mapNote(null, false, ko)).toBe('선택한 레이어 다음');
    const [gappy] = selectionRegions(buildRfModel({ layers: 'c3d2', size: 16 }), 1, 5, 5);
    expect(mapNote(gappy!, false, en)).toBe('9 cells feed it (box 5×5)');
    expect(mapNote(gappy!, false, ko)).toBe('9칸이 쓰임 (경계 상자 5×5)');
  });
});
