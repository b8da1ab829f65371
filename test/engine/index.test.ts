import { describe, it, expect } from 'vitest';
import * as engine from '../../src/engine';

describe('the engine’s public face, src/engine/index.ts', () => {
  it('exports every operation the issue names, as functions', () => {
    for (const name of ['conv2d', 'convTranspose2d', 'maxPool2d', 'avgPool2d', 'relu', 'batchNorm', 'layerNorm', 'instanceNorm', 'groupNorm'] as const) {
      expect(typeof engine[name], name).toBe('function');
    }
  });
  it('exports shape arithmetic, receptive fields, traces and the seeded generator', () => {
    for (const name of ['conv2dShape', 'pool2dShape', 'convTranspose2dShape', 'checkConv2d', 'conv2dParams', 'conv2dMacs', 'receptiveFields', 'receptiveRegion', 'convStep', 'poolStep', 'normStep', 'normGroupTrace', 'createRng', 'randomTensor'] as const) {
      expect(typeof engine[name], name).toBe('function');
    }
  });
  it('accepts any { shape, data } object as a tensor and rejects a wrong rank with a named field', () => {
    const out = engine.relu({ shape: [1, 1, 1, 2], data: Float32Array.from([-1, 2]) });
    expect([...out.data]).toEqual([0, 2]);
    const bad = { shape: [2, 2], data: new Float32Array(4) };
    expect(() => engine.conv2d(bad, bad)).toThrow(engine.EngineError);
    try {
      engine.conv2d(bad, bad);
    } catch (e) {
      expect((e as engine.EngineError).field).toMatch(/^input/);
    }
  });
});
