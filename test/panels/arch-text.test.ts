import { describe, it, expect } from 'vitest';
import { arch } from '../../src/i18n/arch';
import { archLayers, archPytorch, defaultArch } from '../../src/state/views/arch';
import { capsText, linearWorkedText, localizeCode, macsText, opLines, sampleName, scoresText, sourceName, uploadErrorText } from '../../src/panels/arch/text';

const { en, ko } = arch;
// The default network: 3×32×32 → conv1 16 k3 p1 → pool 2 → conv2 32 k3 p1 → pool 2 → flatten 2048 → fc1 64 → out 10.
const layers = archLayers(defaultArch()).layers;
const layer = (name: string) => layers.find((l) => l.name === name)!;

describe('the architecture view’s text in English and Korean', () => {
  it('counts a convolution’s multiply–accumulates as outputs × products per output', () => {
    // conv1 makes 16·32·32 outputs, each a 3·3·3 dot product.
    expect(macsText(layer('conv1'), en)).toBe('16·32·32 outputs × 3·3·3');
    expect(macsText(layer('conv1'), ko)).toBe('출력 16·32·32개 × 3·3·3');
    expect(macsText(layer('conv2'), ko)).toBe('출력 32·16·16개 × 16·3·3');
  });

  it('counts a linear layer’s multiply–accumulates, and none for ReLU, pooling and flatten', () => {
    expect(macsText(layer('fc1'), en)).toBe('64 outputs × 2048');
    expect(macsText(layer('out'), ko)).toBe('출력 10개 × 64');
    for (const name of ['relu1', 'pool1', 'flatten']) expect(macsText(layer(name), ko)).toBe('0');
  });

  it('translates only the comment of the PyTorch code, never the code', () => {
    const code = archPytorch(layers, [3, 32, 32]);
    expect(localizeCode(code, [3, 32, 32], en)).toBe(code);
    const korean = localizeCode(code, [3, 32, 32], ko);
    expect(korean).toContain('# 입력: 3×32×32 이미지 N장으로 된 배치 (N×3×32×32)');
    expect(korean).not.toContain('# input:');
    expect(korean.replace(/^# .*$/m, '')).toBe(code.replace(/^# .*$/m, ''));
  });

  it('writes what makes each tensor on the arrow before it', () => {
    expect(opLines(layer('conv1'), en)).toEqual(['conv 3×3', 'p1 + ReLU']);
    expect(opLines(layer('conv1'), ko)).toEqual(['합성곱 3×3', 'p1 + ReLU']);
    expect(opLines(layer('pool2'), ko)).toEqual(['최대 풀링', '2×2']);
    expect(opLines(layer('flatten'), ko)).toEqual(['펼치기']);
    expect(opLines(layer('fc1'), en)).toEqual(['linear', '+ ReLU']);
    expect(opLines(layer('out'), ko)).toEqual(['선형']);
  });

  it('reads out every score with a true minus sign, rounded to three decimals', () => {
    const scores = [1.5, -0.25, 0.12345];
    expect(scoresText('This CNN', scores, en)).toBe('This CNN: scores class 0 1.5, class 1 −0.25, class 2 0.123');
    expect(scoresText('이 CNN', scores, ko)).toBe('이 CNN: 점수 클래스 0 1.5, 클래스 1 −0.25, 클래스 2 0.123');
  });

  it('works the fully connected classifier’s parameters: 10·3,072 + 10 = 30,730 for 3×32×32 and 10 classes', () => {
    expect(linearWorkedText(3, 32, 32, 10, en)).toBe(
      '3×32×32 flattened to 3,072 inputs; weights 10×3,072 plus 10 biases: 10·3,072 + 10 = 30,730 parameters',
    );
    expect(linearWorkedText(3, 32, 32, 10, ko)).toBe(
      '3×32×32 이미지를 펼치면 입력 3,072개, 가중치 10×3,072개와 편향 10개: 10·3,072 + 10 = 파라미터 30,730개',
    );
  });

  it('states the builder’s limits with the same numbers in both languages', () => {
    expect(capsText(en)).toBe(
      'Limits: input up to 4×64×64; 5 blocks of up to 64 filters, kernels 1–7, padding 0–3; pools up to 4; 3 hidden layers of up to 512; ' +
        '100 classes; at most 50,000,000 multiply–accumulates and 3,000,000 parameters, so the forward pass stays quick. Convolutions use stride 1.',
    );
    const k = capsText(ko);
    for (const n of ['4×64×64', '5개', '64개', '1–7', '0–3', '512', '100개', '50,000,000회', '3,000,000개']) expect(k).toContain(n);
  });

  it('names the input sources, and a sample by its short name', () => {
    expect(sourceName('digit', en)).toBe('Sample: handwritten digit');
    expect(sourceName('upload', ko)).toBe('내 이미지…');
    expect(sampleName('checker', en)).toBe('checkerboard');
    expect(sampleName('scene', ko)).toBe('작은 풍경');
  });

  it('says why an upload cannot be used: too large, not an image, or undecodable', () => {
    const max = 20 * 1048576;
    expect(uploadErrorText({ name: 'big.png', size: 25 * 1048576, type: 'image/png' }, max, en)).toBe('“big.png” is 25.0 MB; images up to 20 MB can be used.');
    expect(uploadErrorText({ name: 'big.png', size: 25 * 1048576, type: 'image/png' }, max, ko)).toBe(
      '“big.png”: 파일 크기가 25.0 MB입니다. 20 MB 이하의 이미지만 쓸 수 있습니다.',
    );
    expect(uploadErrorText({ name: 'notes.txt', size: 10, type: 'text/plain' }, max, ko)).toBe(
      '“notes.txt”: 이미지 파일이 아닙니다 (text/plain). PNG, JPEG, GIF, WebP, BMP 파일을 쓰세요.',
    );
    expect(uploadErrorText({ name: 'bad.png', size: 12, type: 'image/png' }, max, en)).toContain('“bad.png” could not be read as an image');
    expect(uploadErrorText({ name: 'bad.png', size: 12, type: 'image/png' }, max, ko)).toContain('“bad.png”: 이미지로 읽지 못했습니다.');
  });
});
