import { describe, it, expect } from 'vitest';

describe('the view registry and the codec import each other', () => {
  it('loading a view module first still gives a working registry', async () => {
    // A view module imports the codec, which imports the registry, which names the view module:
    // whichever loads first, no entry may be read before its module has run.
    const pool = await import('../../src/state/views/pool');
    const { VIEW_CODECS } = await import('../../src/state/views');
    expect(VIEW_CODECS.pool).toBe(pool.poolCodec);
    expect(typeof VIEW_CODECS.norm.defaults).toBe('function');
  });
});
