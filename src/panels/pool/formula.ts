import type { AxisGeometry } from '../../engine/shapes';
import type { PoolConfig } from '../../state/views/pool';
import type { PoolText } from '../../i18n/pool';
import { formatCount } from '../../viz/format';

const M = '\u2212'; // a true minus sign

/** One axis of the pooling output-size formula, as text with the numbers substituted. */
export interface PoolAxisFormula {
  /** In symbols, e.g. `⌊(H + 2P − K)/S⌋ + 1`. */
  symbolic: string;
  /** With this configuration's numbers, worked to the result, e.g. `⌊(4 + 2·0 − 2)/2⌋ + 1 = ⌊2/2⌋ + 1 = 1 + 1 = 2`. */
  worked: string;
  result: number;
  /** A sentence about what the rounding did (cells dropped, a window kept or dropped in ceil mode), else null. */
  note: string | null;
}

/**
 * The output-size formula of one pooling axis, PyTorch's ⌊(n + 2p − d·(k − 1) − 1)/s⌋ + 1, written as the
 * lecture writes it, ⌊(W + 2P − K)/S⌋ + 1, when the dilation is 1. In ceil mode the brackets are ⌈⌉ and
 * PyTorch's extra rule applies: a last window that would start in the padding after the input is
 * dropped (the worked line then ends `→ n` and the note says why). The note is worded by `t`, the
 * pooling view's dictionary in the page's language; the formula itself is the same in every language.
 */
export function poolAxisFormula(
  g: AxisGeometry,
  axis: 'H' | 'W',
  ceil: boolean,
  t: PoolText,
): PoolAxisFormula {
  const P = g.padBefore;
  const kSym = g.dilation === 1 ? `${M} K` : `${M} D·(K ${M} 1) ${M} 1`;
  const kNum = g.dilation === 1 ? `${M} ${g.kernel}` : `${M} ${g.dilation}·(${g.kernel} ${M} 1) ${M} 1`;
  const inner = g.padded - g.effectiveKernel;
  const innerText = inner < 0 ? `${M}${-inner}` : `${inner}`;
  const S = g.stride;
  const [L, R] = ceil ? ['⌈', '⌉'] : ['⌊', '⌋'];
  const quotient = ceil ? Math.ceil(inner / S) : Math.floor(inner / S);
  const raw = quotient + 1;
  const symbolic = S === 1 ? `(${axis} + 2P ${kSym}) + 1` : `${L}(${axis} + 2P ${kSym})/S${R} + 1`;
  let worked =
    S === 1
      ? `(${g.input} + 2·${P} ${kNum}) + 1 = ${innerText} + 1 = ${raw}`
      : `${L}(${g.input} + 2·${P} ${kNum})/${S}${R} + 1 = ${L}${innerText}/${S}${R} + 1 = ${quotient} + 1 = ${raw}`;
  let note: string | null = null;
  const ratio = `${innerText}/${S}`;
  const num = formatCount;
  if (ceil && raw !== g.output) {
    const start = (raw - 1) * S;
    worked += ` → ${g.output}`;
    note = t.ceilDrops(num(raw), num(S), num(start), axis, num(g.input), num(P), num(g.input + P), num(g.output));
  } else if (S > 1 && inner % S !== 0) {
    if (ceil) {
      note = g.overhang > 0 ? t.ceilKeepsHangs(ratio, num(g.overhang)) : t.ceilKeeps(ratio);
    } else if (g.unusedInput > 0) {
      note = (axis === 'H' ? t.floorDropsRows : t.floorDropsCols)(ratio, num(g.unusedInput));
    } else {
      note = t.floorDropsPad(ratio, num(g.unused));
    }
  } else if (ceil && S > 1) {
    note = t.ceilExact(ratio);
  }
  return { symbolic, worked, result: g.output, note };
}

const pairArg = ([a, b]: readonly [number, number]) => (a === b ? `${a}` : `(${a}, ${b})`);

/**
 * The PyTorch code for the configured pooling: `nn.MaxPool2d(kernel_size=2, stride=2)` or
 * `nn.AvgPool2d(…)`, with padding, dilation, ceil_mode and count_include_pad written only when they
 * differ from PyTorch's defaults (the stride is always written, though it defaults to the kernel).
 */
export function poolPytorchLine(
  cfg: Pick<PoolConfig, 'kind' | 'k' | 's' | 'p' | 'd' | 'ceil' | 'cip'>,
): string {
  const args = [`kernel_size=${pairArg(cfg.k)}`, `stride=${pairArg(cfg.s)}`];
  if (cfg.p[0] !== 0 || cfg.p[1] !== 0) args.push(`padding=${pairArg(cfg.p)}`);
  if (cfg.kind === 'max' && (cfg.d[0] !== 1 || cfg.d[1] !== 1)) args.push(`dilation=${pairArg(cfg.d)}`);
  if (cfg.ceil === 'true') args.push('ceil_mode=True');
  if (cfg.kind === 'avg' && cfg.cip === 'false') args.push('count_include_pad=False');
  return `nn.${cfg.kind === 'max' ? 'MaxPool2d' : 'AvgPool2d'}(${args.join(', ')})`;
}
