/**
 * The English names of the sample images and filter presets that the convolution and pooling views both
 * offer, written once so that a filter has the same name in both views (spread into each view's strings).
 */
const names = {
  srcChecker: 'Checkerboard (image)',
  srcDigit: 'Handwritten 7 (image)',
  srcGradient: 'Colour gradient (image)',
  srcScene: 'Landscape (image)',
  presetIdentity: 'Identity',
  presetBox: 'Box blur',
  presetGauss: 'Gaussian blur',
  presetSharpen: 'Sharpen',
  presetSobelx: 'Sobel x (vertical edges)',
  presetSobely: 'Sobel y (horizontal edges)',
  presetLaplace: 'Laplacian',
};

export default names;
