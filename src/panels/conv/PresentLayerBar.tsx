import { memo } from 'react';
import type { ConvConfig } from '../../state/types';
import type { ConvT } from '../../i18n/conv';
import { localized } from '../../i18n/localized';
import { useAppStore, selectLang, type Rejection } from '../../state/store';
import { useT } from '../../i18n/useT';
import { common } from '../../i18n/common';
import { PresentSteppers, type Stepper } from '../../components/PresentSteppers';
import { LIMITS, type ConvActions } from './ConvControls';

/** The settings this bar changes, by the link key a refusal names. */
const FIELDS: readonly string[] = ['k', 's', 'p', 'f'];

/** `3` when both axes agree, `3×5` when they do not. */
const pairText = ([a, b]: readonly [number, number]) => (a === b ? `${a}` : `${a}×${b}`);
const add = (pair: readonly [number, number], by: number): [number, number] => [
  Math.max(1, pair[0] + by),
  Math.max(1, pair[1] + by),
];

/** A pair setting (kernel, stride) stepped on both axes at once, from 1 to `max`. */
function pairStepper(
  id: string,
  name: string,
  value: string,
  pair: readonly [number, number],
  max: number,
  set: (p: [number, number]) => void,
): Stepper {
  return {
    id,
    name,
    value,
    less: () => set(add(pair, -1)),
    more: () => set(add(pair, 1)),
    atMin: pair[0] <= 1 && pair[1] <= 1,
    atMax: pair[0] >= max && pair[1] >= max,
  };
}

/**
 * The convolution view's bar while presenting: the kernel, the stride, the padding (every side) and
 * the number of filters, through the same store actions as the settings column.
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
  const tc = useT(common);
  const [pt, pb, pl, pr] = cfg.p;
  const items: Stepper[] = [
    pairStepper('k', t.kernel, `${cfg.k[0]}×${cfg.k[1]}`, cfg.k, LIMITS.k, actions.setKernel),
    pairStepper('s', t.stride, pairText(cfg.s), cfg.s, LIMITS.s, actions.setStride),
    {
      id: 'p',
      name: t.padding,
      value: pt === pb && pt === pl && pt === pr ? `${pt}` : cfg.p.join(', '),
      less: () =>
        actions.setPadding(cfg.p.map((v) => Math.max(0, v - 1)) as [number, number, number, number]),
      more: () =>
        actions.setPadding(cfg.p.map((v) => Math.min(LIMITS.p, v + 1)) as [number, number, number, number]),
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
  const refusal = rejection !== null && FIELDS.includes(rejection.field) ? localized(rejection, lang) : null;
  return <PresentSteppers label={tc.presentSettings} items={items} refusal={refusal} />;
});
