/** The Korean strings of the `lessonEntry` namespace (src/lesson/entryStrings.ts). */
import type { Translation } from '../core';
import type en from '../en/entryStrings';

const ko: Translation<typeof en> = {
  lesson: '강의',
  lessonTitle: '강의: 단계별 강의 안내와 나만의 보기 덱',
  lessonOpenTitle: '열려 있는 강의로 이동',
  loadFailed: '강의를 불러오지 못했습니다. 페이지를 새로 고쳐 다시 시도하세요.',
};

export default ko;
