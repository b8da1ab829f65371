import { conv2d } from '../../engine/conv';
import { tensor, type Tensor } from '../../engine/tensor';
import { buildFilters, buildInput, type ImagePixels } from '../conv/model';
import type { ConvConfig } from '../../state/types';

/**
 * The normalization lab's `conv` source: the convolution view's layer applied to its inputs. Its own
 * module, loaded (with the source's image, if any) when that source is chosen, so that the lab's
 * first load does not carry the convolution code (src/panels/norm/usePixels.ts loads it).
 */

/**
 * Samples `first … first + n − 1` of the convolution source, [n, Cout, Hout, Wout]: the layer of
 * `conv` applied to inputs seeded `seed + index` (sample 0 is exactly the convolution view's output)
 * or, when `pixelsOf` is given, to the image pixels it returns for each sample index.
 */
export function convLayerSamples(
  conv: Readonly<ConvConfig>,
  n: number,
  first: number,
  pixelsOf: ((index: number) => ImagePixels) | null,
): Tensor {
  const { weight, bias } = buildFilters(conv);
  const per = conv.c * conv.h * conv.w;
  const input = tensor([n, conv.c, conv.h, conv.w]);
  for (let i = 0; i < n; i++) {
    const index = first + i;
    const one = pixelsOf ? buildInput(conv, pixelsOf(index)) : buildInput({ ...conv, seed: (conv.seed + index) >>> 0 });
    input.data.set(one.data, i * per);
  }
  return conv2d(input, weight, bias, { stride: conv.s, padding: conv.p, dilation: conv.d });
}

/** The type of `convLayerSamples`, for the data code that receives it once loaded. */
export type ConvLayerSamples = typeof convLayerSamples;
