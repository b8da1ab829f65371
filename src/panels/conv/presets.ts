import type { FilterPreset, InputSource } from '../../state/types';

/** The input sources and filter presets the controls offer, with their labels. */
export const SOURCES: { value: InputSource; label: string }[] = [
  { value: 'int', label: 'Random integers' },
  { value: 'float', label: 'Random decimals' },
  { value: 'checker', label: 'Checkerboard (image)' },
  { value: 'digit', label: 'Handwritten 7 (image)' },
  { value: 'gradient', label: 'Colour gradient (image)' },
  { value: 'scene', label: 'Landscape (image)' },
  { value: 'upload', label: 'Your image…' },
];

export const PRESETS: { value: FilterPreset; label: string }[] = [
  { value: 'random', label: 'Random' },
  { value: 'identity', label: 'Identity' },
  { value: 'box', label: 'Box blur' },
  { value: 'gauss', label: 'Gaussian blur' },
  { value: 'sharpen', label: 'Sharpen' },
  { value: 'sobelx', label: 'Sobel x (vertical edges)' },
  { value: 'sobely', label: 'Sobel y (horizontal edges)' },
  { value: 'laplace', label: 'Laplacian' },
];

