import type { AxisGeometry } from '../../engine/shapes';
import type { ConvConfig } from '../../state/types';
import type { ConvT } from '../../i18n/conv';

const M = '\u2212'; // a true minus sign

/** One axis of the output-size formula, as text with the numbers substituted. */
export interface AxisFormula {
  /** The formula in symbols, e.g. `⌊(H + 2P − K)/S⌋ + 1`. */
  symbolic: string;
  /** With this configuration's numbers, worked to the result, e.g. `⌊(5 + 2·1 − 3)/2⌋ + 1 = ⌊4/2⌋ + 1 = 3`. */
  worked: string;
  result: number;
  /** A sentence when the floor drops rows or columns, else null. */
  note: string | null;
}

/** The sentences a formula note is made of (the convolution namespace's dictionary has them). */
export type FormulaTexts = Pick<ConvT, 'floorDropsRows' | 'floorDropsCols' | 'floorDropsPad'>;

/**
 * The output-size formula for one axis, PyTorch's floor((n + p₁ + p₂ − d·(k − 1) − 1)/s) + 1, written
 * the way the lecture writes it, (W − K + 2P)/S + 1, whenever dilation is 1 and the padding symmetric.
 * The formulas are the same in every language; the note is written in the language of `t`.
 */
export function axisFormula(g: AxisGeometry, axis: 'H' | 'W', t: FormulaTexts): AxisFormula {
  const sym = g.padBefore === g.padAfter;
  const padSym = sym ? '2P' : 'P₁ + P₂';
  const padNum = sym ? `2·${g.padBefore}` : `${g.padBefore} + ${g.padAfter}`;
  const kSym = g.dilation === 1 ? `${M} K` : `${M} D·(K ${M} 1) ${M} 1`;
  const kNum = g.dilation === 1 ? `${M} ${g.kernel}` : `${M} ${g.dilation}·(${g.kernel} ${M} 1) ${M} 1`;
  const inner = g.padded - g.effectiveKernel;
  const innerText = inner < 0 ? `${M}${-inner}` : `${inner}`;
  const divided = g.stride === 1;
  const symbolic = divided ? `(${axis} + ${padSym} ${kSym}) + 1` : `⌊(${axis} + ${padSym} ${kSym})/S⌋ + 1`;
  const worked = divided
    ? `(${g.input} + ${padNum} ${kNum}) + 1 = ${innerText} + 1 = ${g.output}`
    : `⌊(${g.input} + ${padNum} ${kNum})/${g.stride}⌋ + 1 = ⌊${innerText}/${g.stride}⌋ + 1 = ${Math.floor(inner / g.stride)} + 1 = ${g.output}`;
  let note: string | null = null;
  if (g.output >= 1 && !g.exact) {
    const ratio = `${innerText}/${g.stride}`;
    note =
      g.unusedInput > 0
        ? (axis === 'H' ? t.floorDropsRows : t.floorDropsCols)(ratio, `${g.unusedInput}`)
        : t.floorDropsPad(ratio, `${g.unused}`);
  }
  return { symbolic, worked, result: g.output, note };
}

const pairArg = ([a, b]: readonly [number, number]) => (a === b ? `${a}` : `(${a}, ${b})`);

/** The PyTorch code for the current layer: `nn.Conv2d(…)`, with a ZeroPad2d first when the padding is uneven. */
export function pytorchLine(cfg: Pick<ConvConfig, 'c' | 'f' | 'k' | 's' | 'p' | 'd'>): string {
  const [t, b, l, r] = cfg.p;
  const even = t === b && l === r;
  const args = [`${cfg.c}`, `${cfg.f}`, `kernel_size=${pairArg(cfg.k)}`];
  if (cfg.s[0] !== 1 || cfg.s[1] !== 1) args.push(`stride=${pairArg(cfg.s)}`);
  if (even && (t !== 0 || l !== 0)) args.push(`padding=${pairArg([t, l])}`);
  if (cfg.d[0] !== 1 || cfg.d[1] !== 1) args.push(`dilation=${pairArg(cfg.d)}`);
  const conv = `nn.Conv2d(${args.join(', ')})`;
  return even ? conv : `nn.Sequential(nn.ZeroPad2d((${l}, ${r}, ${t}, ${b})), ${conv})`;
}
