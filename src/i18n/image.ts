/**
 * Messages about image files and samples (src/io/image.ts), shown by every view that takes an image.
 * A namespace of their own, so that such a view does not load another view's strings for them.
 */
import { defineStrings } from './core';
import type en from './en/image';

/** The image messages' namespace. */
export const image = defineStrings<typeof en>(
  'image',
  { en: () => import('./en/image'), ko: () => import('./ko/image') },
  [],
);

/** The image messages in one language (what `useT(image)` returns). */
export type ImageT = (typeof image)['en'];
