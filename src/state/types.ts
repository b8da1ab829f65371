/**
 * The serialisable configuration of every view: what the URL holds and the store keeps. Nothing
 * derived (outputs, traces) and nothing from the DOM lives here.
 */

/** The views ConvScope has; each is a route in the location hash (`#/conv`, …). */
export type Route = 'conv' | 'pool' | 'rf' | 'arch' | 'norm' | 'ideas';

/** Where the convolution view's input comes from. */
export type InputSource =
  | 'int' // seeded random integers, like a lecture example
  | 'float' // seeded uniform floats
  | 'checker' | 'digit' | 'gradient' | 'scene' // small sample images shipped in public/samples
  | 'upload'; // the user's own image: never in a link (it never leaves the browser)

/** Filter presets: a 2-D kernel applied to every input channel of a filter. */
export type FilterPreset =
  | 'random'
  | 'identity'
  | 'box'
  | 'gauss'
  | 'sharpen'
  | 'sobelx'
  | 'sobely'
  | 'laplace';

/** The convolution view's whole configuration. */
export interface ConvConfig {
  /** Input channels, height, width. */
  c: number;
  h: number;
  w: number;
  src: InputSource;
  /** Seed of the random input and random filters. */
  seed: number;
  /** Kernel [kh, kw], stride [sh, sw], dilation [dh, dw]. */
  k: [number, number];
  s: [number, number];
  d: [number, number];
  /** Padding [top, bottom, left, right]. */
  p: [number, number, number, number];
  /** Number of filters, i.e. output channels. */
  f: number;
  /** Preset of each filter (length f). */
  fp: FilterPreset[];
  /**
   * Weights the user edited, by flat index into [f, c, kh, kw], over the generated ones (URL key `w`;
   * the field is `we` because `w` is the input width).
   */
  we: Record<number, number>;
  /** Biases the user edited, by filter index, over the generated ones. */
  b: Record<number, number>;
  /** Current step of the walk-through (ordered output channel, row, column). */
  step: number;
  /** Playback speed in steps per second. */
  speed: number;
}

/** A problem found while reading a link: which key, what was wrong, what was used instead. */
export interface UrlProblem {
  key: string;
  /** The message in English. */
  message: string;
  /** The same message in Korean, when the code that found the problem has written one. */
  ko?: string;
}
