/**
 * The Korean names of the sample images and filter presets that the convolution and pooling views both
 * offer, written once so that a filter has the same name in both views (spread into each view's strings).
 */
const names = {
  srcChecker: '체커보드 (이미지)',
  srcDigit: '손글씨 7 (이미지)',
  srcGradient: '색 그라데이션 (이미지)',
  srcScene: '풍경 (이미지)',
  presetIdentity: '항등',
  presetBox: '박스 블러',
  presetGauss: '가우시안 블러',
  presetSharpen: '샤프닝',
  presetSobelx: '소벨 x (세로 경계)',
  presetSobely: '소벨 y (가로 경계)',
  presetLaplace: '라플라시안',
};

export default names;
