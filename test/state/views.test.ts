import { describe, it, expect } from 'vitest';
import { parseHash, serializeHash } from '../../src/state/codec';
import { defaultConv } from '../../src/state/params';
import { VIEW_KEYS, VIEW_ROUTES, defaultViews, viewCodec } from '../../src/state/views';

describe('every registered view', () => {
  for (const route of VIEW_ROUTES) {
    it(`#/${route}: its default configuration round-trips through a link with no problems`, () => {
      const views = defaultViews();
      const hash = serializeHash(route, defaultConv(), views);
      expect(hash.startsWith(`#/${route}?v=1`)).toBe(true);
      const back = parseHash(hash);
      expect(back.route).toBe(route);
      expect(back.problems).toEqual([]);
      expect(back.views[route]).toEqual(views[route]);
    });
    it(`#/${route}: an empty link gives the defaults, and repairing them changes nothing`, () => {
      expect(parseHash(`#/${route}`).views[route]).toEqual(viewCodec(route).defaults());
      const codec = viewCodec(route) as unknown as { defaults: () => unknown; repair: (c: unknown) => { problems: unknown[] } };
      expect(codec.repair(codec.defaults()).problems).toEqual([]);
    });
    it(`#/${route}: the key names known before its module loads are its table's keys`, () => {
      expect([...VIEW_KEYS[route]].sort()).toEqual(viewCodec(route).table.map((spec) => spec.key).sort());
    });
  }
});
