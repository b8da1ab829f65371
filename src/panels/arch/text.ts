/**
 * The architecture view's generated sentences, in the page's language: each takes the view's
 * dictionary (`t`, from src/i18n/arch.ts) and formats its numbers first, so English and Korean show
 * the same numbers. Pure: no DOM, no React, no store.
 */
import type { Translation } from '../../i18n/core';
import type { arch } from '../../i18n/arch';
import { ARCH_LIMITS, type ArchLayer, type ArchSource } from '../../state/views/arch';
import { formatCount, formatValue } from '../../viz/format';

/** The arch dictionary in one language. */
export type ArchT = Translation<typeof arch.en>;

/** The name of an input source, as in the source menu. */
export function sourceName(src: ArchSource, t: ArchT): string {
  const names: Record<ArchSource, string> = {
    seeded: t.srcSeeded,
    checker: t.srcChecker,
    digit: t.srcDigit,
    gradient: t.srcGradient,
    scene: t.srcScene,
    upload: t.srcUpload,
  };
  return names[src];
}

/** A sample's short name for the note under the maps ("checkerboard", not "Sample: checkerboard"). */
export function sampleName(src: ArchSource, t: ArchT): string {
  const full = sourceName(src, t);
  const colon = full.indexOf(': ');
  return colon < 0 ? full : full.slice(colon + 2);
}

/**
 * How a layer's multiply–accumulates are counted, with its numbers: a convolution makes F·H'·W'
 * outputs of C·k·k products each ("16·32·32 outputs × 3·3·3"), a linear layer `out` outputs of `in`
 * products each ("64 outputs × 2048"); other layers make none ("0").
 */
export function macsText(layer: ArchLayer, t: ArchT): string {
  if (layer.kind === 'conv') {
    const [F, oh, ow] = layer.outShape as [number, number, number];
    const C = layer.inShape[0]!;
    const k = layer.k!;
    return t.macsCount(`${F}·${oh}·${ow}`, `${C}·${k}·${k}`);
  }
  if (layer.kind === 'fc') return t.macsCount(String(layer.outShape[0]!), String(layer.inShape[0]!));
  return '0';
}

/**
 * The PyTorch code with its comment line in the page's language: the code itself (modules, shapes)
 * is the same in both; only the `# input: …` comment is translated.
 */
export function localizeCode(code: string, input: readonly number[], t: ArchT): string {
  return code.replace(/^# input: .*$/m, t.codeInput(input.join('×')));
}

/** The two short lines written on the arrow before a tensor: what makes it. */
export function opLines(layer: ArchLayer, t: ArchT): string[] {
  switch (layer.kind) {
    case 'conv':
      return [t.opConv(`${layer.k}×${layer.k}`), `${layer.p ? `p${layer.p} ` : ''}+ ReLU`];
    case 'pool':
      return [t.opPool, `${layer.k}×${layer.k}`];
    case 'flatten':
      return [t.opFlatten];
    default:
      return layer.name === 'out' ? [t.opLinear] : [t.opLinear, '+ ReLU'];
  }
}

/** The accessible text of a score chart: "This CNN: scores class 0 1.25, class 1 −0.5, …". */
export function scoresText(who: string, scores: ArrayLike<number>, t: ArchT): string {
  const list = Array.from(scores, (v, i) => `${t.className(String(i))} ${formatValue(Math.round(v * 1000) / 1000)}`).join(', ');
  return t.scoresLabel(who, list);
}

/** The fully connected classifier's parameters worked out: C×H×W → C·H·W inputs, k·n + k. */
export function linearWorkedText(c: number, h: number, w: number, k: number, t: ArchT): string {
  const n = c * h * w;
  return t.linearWorked(`${c}×${h}×${w}`, formatCount(n), String(k), formatCount(k * n + k));
}

/** The limits of the builder, stated under its controls. */
export function capsText(t: ArchT): string {
  const L = ARCH_LIMITS;
  return t.caps(
    `${L.c}×${L.hw}×${L.hw}`,
    String(L.blocks),
    String(L.filters),
    String(L.k),
    String(L.p),
    String(L.pool),
    String(L.fcLayers),
    String(L.fcWidth),
    String(L.classes),
    formatCount(L.macs),
    formatCount(L.params),
  );
}

/** Why an uploaded file cannot be used, judged from the file itself (size, then type, else undecodable). */
export function uploadErrorText(file: { name: string; size: number; type: string }, maxBytes: number, t: ArchT): string {
  if (file.size > maxBytes) return t.fileTooLarge(file.name, (file.size / 1048576).toFixed(1));
  if (file.type && !file.type.startsWith('image/')) return t.fileNotImage(file.name, file.type);
  return t.fileUnreadable(file.name);
}
