import { describe, it, expect } from 'vitest';

describe('the view registry and the codec import each other', () => {
  it('loading a view module first still gives a working registry', async () => {
    // A view module imports the codec, which imports the registry, which loads the view modules on
    // demand: whichever loads first, registering and reading an entry works.
    const pool = await import('../../src/state/views/pool');
    const { viewCodec, loadView } = await import('../../src/state/views');
    await loadView('pool');
    expect(viewCodec('pool')).toBe(pool.poolCodec);
    expect(typeof viewCodec('norm').defaults).toBe('function');
  });
});
