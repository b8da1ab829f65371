/** The Korean strings of the `exporting` namespace (src/i18n/exporting.ts). */
import type { Translation } from '../core';
import type en from '../en/exporting';

const ko: Translation<typeof en> = {
  menuLabel: '현재 보기 내보내기',
  png: 'PNG 이미지',
  pngHint: '너비 1920픽셀, 슬라이드용',
  webm: 'WebM 애니메이션…',
  webmHint: '몇 단계를 동영상으로',
  noRecorder: '사용할 수 없음: 이 브라우저는 동영상을 녹화할 수 없습니다(MediaRecorder 없음).',
  noWebm: '사용할 수 없음: 이 브라우저는 WebM 동영상을 녹화할 수 없습니다.',
  noSteps: '사용할 수 없음: 이 보기에는 재생할 단계가 없습니다.',
  busy: '내보내는 중…',
  renderingPng: 'PNG를 그리는 중…',
  savedPng: (name, width, height) => `${name} 저장됨 (${width} × ${height} 픽셀).`,
  failed: (why) => `내보내기에 실패했습니다: ${why}`,
  noView: '내보낼 보기가 없습니다.',
  dialogTitle: 'WebM 애니메이션 녹화',
  dialogIntro: '화면의 단계부터 한 프레임에 한 단계씩 진행하고, 끝나면 그 단계로 돌아갑니다.',
  fps: '초당 프레임 수',
  steps: '단계 수 (단계마다 한 프레임)',
  area: '영역',
  areaVisible: '화면에 보이는 부분',
  areaWhole: '보기 전체를 맞춰 축소',
  invalid: (min, max) => `${min}부터 ${max}까지의 정수를 입력하세요.`,
  summary: (frames, fps, seconds, width, height) =>
    `초당 ${fps}프레임으로 ${frames}프레임: ${seconds}초 길이의 동영상, ${width} × ${height} 픽셀.`,
  record: '녹화',
  cancel: '취소',
  close: '닫기',
  progressLabel: '녹화 진행 상황',
  capturing: (done, total) => `${total}단계 중 ${done}단계를 그리는 중…`,
  encoding: (done, total) => `${total}프레임 중 ${done}프레임을 녹화하는 중…`,
  savedWebm: (name, frames, seconds, width, height, size) =>
    `${name} 저장됨: ${frames}프레임, ${seconds}초, ${width} × ${height} 픽셀, ${size}.`,
  stoppedEarly: (frames) => `${frames}프레임 뒤에 보기가 마지막 단계에 도달했습니다.`,
  tooShort: '보기가 화면의 단계에서 더 나아가지 않아 재생할 것이 없습니다. 몇 단계 뒤로 가서 다시 녹화하세요.',
  cancelled: '녹화를 취소했습니다. 보기는 원래 단계로 돌아왔습니다.',
};

export default ko;
