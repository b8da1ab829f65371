import type { NormStage, NormStep } from '../../engine/trace-norm';
import { formatTerm, formatValue } from '../../viz/format';
import type { NormText } from '../../i18n/norm';

/**
 * The words and worked arithmetic of one step of a group's statistics (pure; the words in the
 * language of the dictionary `t` passed in). Every number is substituted: "μ = Σx / m = 10 / 4 = 2.5".
 */

/** The stages in order, with their short names and the general formula (symbols only). */
export const STAGES: { stage: NormStage; name: string; formula: string }[] = [
  { stage: 'sum', name: 'Σx', formula: 'Σx = x₀ + x₁ + … + x_{m−1}' },
  { stage: 'mean', name: 'μ', formula: 'μ = Σx / m' },
  { stage: 'sqdev', name: '(x − μ)²', formula: '(x_k − μ)² → Σ(x − μ)²' },
  { stage: 'variance', name: 'σ²', formula: 'σ² = Σ(x − μ)² / m' },
  { stage: 'xhat', name: 'x̂', formula: 'x̂_k = (x_k − μ) / √(σ² + ε)' },
  { stage: 'affine', name: 'y', formula: 'y_k = γ·x̂_k + β' },
];

/** The general formula of stage `i` with its note in `t`'s language (the variance is the biased one). */
export function stageFormula(i: number, t: NormText): string {
  const f = STAGES[i]!.formula;
  return STAGES[i]!.stage === 'variance' ? `${f}   ${t.biased}` : f;
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';

/** A subscript index: 12 → ₁₂. */
export function sub(k: number): string {
  return String(k)
    .split('')
    .map((d) => SUB[Number(d)] ?? d)
    .join('');
}

/** ε as written in the arithmetic: 0.00001 rather than 1e-5 when short enough. */
export function formatEps(eps: number): string {
  if (eps >= 1e-6 && eps < 1e6) {
    const s = eps.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
    if (s.length <= 12) return s;
  }
  return formatValue(eps);
}

/** The headline of a step in `t`'s language: which stage, which member ("normalizing x₂ (3 of 4)"). */
export function stepHeadline(step: NormStep, t: NormText): string {
  const k = sub(step.k);
  const i = String(step.k + 1);
  const m = String(step.count);
  switch (step.stage) {
    case 'sum':
      return t.stepSum(k, i, m);
    case 'mean':
      return t.stepMean;
    case 'sqdev':
      return t.stepSqdev(k, i, m);
    case 'variance':
      return t.stepVariance;
    case 'xhat':
      return t.stepXhat(k, i, m);
    case 'affine':
      return t.stepAffine(k, i, m);
  }
}

/**
 * The worked arithmetic of a step, e.g. "Σx = 3 + 3 = 6", "(x₂ − μ)² = (3 − 2.5)² = 0.25",
 * "x̂₀ = (1 − 2.5) / √(1.25 + 0.00001) = −1.3416"; the few words in it in `t`'s language.
 */
export function stepArithmetic(step: NormStep, eps: number, t: NormText): string {
  const k = step.k;
  const v = formatValue(step.value);
  switch (step.stage) {
    case 'sum': {
      if (k === 0) return `Σx = x₀ = ${formatValue(step.x!)}`;
      const before = step.runningSum! - step.x!;
      return `Σx = ${formatValue(before)} + x${sub(k)} = ${formatValue(before)} + ${formatTerm(step.x!)} = ${v}`;
    }
    case 'mean':
      return `μ = Σx / m = ${formatValue(step.runningSum!)} / ${step.count} = ${v}`;
    case 'sqdev': {
      const head = `(x${sub(k)} − μ)² = (${formatValue(step.x!)} − ${formatTerm(step.mean!)})² = ${v}`;
      return `${head}; ${t.sqSoFar(formatValue(step.runningSqSum!))}`;
    }
    case 'variance':
      return `σ² = Σ(x − μ)² / m = ${formatValue(step.runningSqSum!)} / ${step.count} = ${v}`;
    case 'xhat':
      return `x̂${sub(k)} = (x${sub(k)} − μ) / √(σ² + ε) = (${formatValue(step.x!)} − ${formatTerm(step.mean!)}) / √(${formatValue(step.variance!)} + ${formatEps(eps)}) = ${v}`;
    case 'affine':
      return `y${sub(k)} = γ·x̂${sub(k)} + β = ${formatValue(step.gamma!)}·${formatTerm(step.xhat!)} + ${formatTerm(step.beta!)} = ${v}`;
  }
}

/** The index (0–5) of a stage in `STAGES`. */
export function stageIndex(stage: NormStage): number {
  return STAGES.findIndex((s) => s.stage === stage);
}
