import { useEffect, useState } from 'react';
import { imageErrorText, imageToPixels, loadSample, type SampleName } from '../../io/image';
import { image } from '../../i18n/image';
import { useT } from '../../i18n/useT';
import type { ImagePixels } from '../conv/model';
import type { NormConfig } from '../../state/views/norm';
import { IMAGE_ORDER, convNeedsImage, convOf, type NormPixels } from './data';

/** What has to be read or loaded for a configuration: a key naming it, and how to load it (images, the convolution's code). */
function needs(cfg: Readonly<NormConfig>): { key: string; load: () => Promise<NormPixels> } | null {
  if (cfg.src === 'image') {
    const { c, h, w } = cfg;
    return {
      key: `image:${c}:${h}:${w}`,
      load: async () => {
        const images = await Promise.all(IMAGE_ORDER.map((name) => loadSample(name)));
        const samples: NonNullable<NormPixels['samples']> = {};
        IMAGE_ORDER.forEach((name, i) => (samples[name] = imageToPixels(images[i]!, c, h, w)));
        return { samples };
      },
    };
  }
  if (cfg.src === 'conv') {
    // The convolution's code loads with the source (convLayer.ts), and its image when it has one.
    const conv = convOf(cfg);
    const withImage = convNeedsImage(conv);
    return {
      key: withImage ? `conv:${conv.src}:${conv.c}:${conv.h}:${conv.w}` : 'conv',
      load: async () => {
        const [layer, img] = await Promise.all([import('./convLayer'), withImage ? loadSample(conv.src as SampleName) : null]);
        const pixels: ImagePixels | undefined = img ? imageToPixels(img, conv.c, conv.h, conv.w) : undefined;
        return { conv: pixels, convLayer: layer.convLayerSamples };
      },
    };
  }
  return null;
}

/**
 * Reads the images a configuration's data needs (the four samples at C×H×W, or the convolution's
 * input image), from this site only, and loads the convolution source's code. Returns them once read
 * (an empty set when none are needed) and a message in the page's language when reading failed.
 */
export function useNormPixels(cfg: Readonly<NormConfig>): {
  pixels: NormPixels | null;
  error: string | null;
} {
  const need = needs(cfg);
  const key = need?.key ?? 'none';
  const ti = useT(image);
  const [state, setState] = useState<{ key: string; pixels: NormPixels | null; error: unknown }>({
    key: '',
    pixels: null,
    error: null,
  });
  useEffect(() => {
    if (!need) return;
    let live = true;
    need.load().then(
      (pixels) => live && setState({ key, pixels, error: null }),
      (err: unknown) => live && setState({ key, pixels: null, error: err }),
    );
    return () => {
      live = false;
    };
    // `need` is rebuilt every render; `key` names everything it depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!need) return { pixels: EMPTY, error: null };
  if (state.key !== key) return { pixels: null, error: null };
  // The message is worded at render time, so it follows a change of language.
  return { pixels: state.pixels, error: state.error === null ? null : imageErrorText(state.error, ti) };
}

const EMPTY: NormPixels = {};
