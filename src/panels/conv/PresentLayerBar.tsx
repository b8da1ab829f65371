import { memo } from 'react';
import type { ConvConfig } from '../../state/types';
import type { ConvT } from '../../i18n/conv';
import { localized } from '../../i18n/localized';
import { useAppStore, selectLang, type Rejection } from '../../state/store';
import { LIMITS, type ConvActions } from './ConvControls';

/** The settings this bar changes, by the link key a refusal names. */
const FIELDS = ['k', 's', 'p', 'f'] as const;

/** `3` when both axes agree, `3×5` when they do not. */
const pairText = ([a, b]: readonly [number, number]) => (a === b ? `${a}` : `${a}×${b}`);

/**
 * Presenting hides the settings column, yet the lecture changes the layer as it goes ("set the padding
 * to 0, then to 2"): this bar gives the kernel, stride, padding and number of filters a − and a + each,
 * large enough for a lecture hall. A change goes through the same store actions as the settings, so an
 * impossible one is refused with the same message, shown here.
 */
export const PresentLayerBar = memo(function PresentLayerBar({
  cfg,
  actions,
  rejection,
  t,
}: {
  cfg: ConvConfig;
  actions: ConvActions;
  rejection: Rejection | null;
  t: ConvT;
}) {
  const lang = useAppStore(selectLang);
  const add = (pair: readonly [number, number], by: number, min: number): [number, number] => [
    Math.max(min, pair[0] + by),
    Math.max(min, pair[1] + by),
  ];
  const [pt, pb, pl, pr] = cfg.p;
  const samePad = pt === pb && pt === pl && pt === pr;
  const items: {
    id: (typeof FIELDS)[number];
    name: string;
    value: string;
    less: () => void;
    more: () => void;
    atMin: boolean;
    atMax: boolean;
  }[] = [
    {
      id: 'k',
      name: t.kernel,
      value: `${cfg.k[0]}×${cfg.k[1]}`,
      less: () => actions.setKernel(add(cfg.k, -1, 1)),
      more: () => actions.setKernel(add(cfg.k, 1, 1)),
      atMin: cfg.k[0] <= 1 && cfg.k[1] <= 1,
      atMax: cfg.k[0] >= LIMITS.k && cfg.k[1] >= LIMITS.k,
    },
    {
      id: 's',
      name: t.stride,
      value: pairText(cfg.s),
      less: () => actions.setStride(add(cfg.s, -1, 1)),
      more: () => actions.setStride(add(cfg.s, 1, 1)),
      atMin: cfg.s[0] <= 1 && cfg.s[1] <= 1,
      atMax: cfg.s[0] >= LIMITS.s && cfg.s[1] >= LIMITS.s,
    },
    {
      id: 'p',
      name: t.padding,
      value: samePad ? `${pt}` : cfg.p.join(', '),
      less: () =>
        actions.setPadding(cfg.p.map((v) => Math.max(0, v - 1)) as [number, number, number, number]),
      more: () => actions.setPadding(cfg.p.map((v) => v + 1) as [number, number, number, number]),
      atMin: cfg.p.every((v) => v <= 0),
      atMax: cfg.p.every((v) => v >= LIMITS.p),
    },
    {
      id: 'f',
      name: t.filtersCount,
      value: `${cfg.f}`,
      less: () => actions.setFilters(cfg.f - 1),
      more: () => actions.setFilters(cfg.f + 1),
      atMin: cfg.f <= 1,
      atMax: cfg.f >= LIMITS.f,
    },
  ];
  const refused =
    rejection !== null && (FIELDS as readonly string[]).includes(rejection.field) ? rejection : null;
  return (
    <div className="present-layer" role="group" aria-label={t.presentLayerLabel} data-testid="present-layer">
      <div className="present-layer-items">
        {items.map((it) => (
          <div key={it.id} className="present-layer-item" role="group" aria-label={it.name}>
            <span className="present-layer-name">{it.name}</span>
            <button
              type="button"
              onClick={it.less}
              disabled={it.atMin}
              aria-label={t.decrease(it.name)}
              data-testid={`present-${it.id}-less`}
            >
              −
            </button>
            <output className="present-layer-value" data-testid={`present-${it.id}`}>
              {it.value}
            </output>
            <button
              type="button"
              onClick={it.more}
              disabled={it.atMax}
              aria-label={t.increase(it.name)}
              data-testid={`present-${it.id}-more`}
            >
              +
            </button>
          </div>
        ))}
      </div>
      {refused && (
        <p className="rejection" role="alert" data-testid="present-rejection">
          {localized(refused, lang)}
        </p>
      )}
    </div>
  );
});
