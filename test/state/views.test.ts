import { describe, it, expect } from 'vitest';
import { parseHash, serializeHash } from '../../src/state/codec';
import { defaultConv } from '../../src/state/params';
import { VIEW_CODECS, VIEW_ROUTES, defaultViews } from '../../src/state/views';

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
      expect(parseHash(`#/${route}`).views[route]).toEqual(VIEW_CODECS[route].defaults());
      const codec = VIEW_CODECS[route] as unknown as { defaults: () => unknown; repair: (c: unknown) => { problems: unknown[] } };
      expect(codec.repair(codec.defaults()).problems).toEqual([]);
    });
  }
});
