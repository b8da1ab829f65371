/**
 * The few words of the lesson's entry point in the header, loaded with the page (the rest of the
 * lesson's strings, src/i18n/lesson.ts, load with the lesson). test/lesson/entry.test.ts checks them
 * as test/i18n/dictionaries.test.ts checks the namespaces of src/i18n/.
 */
import { defineStrings } from '../i18n/core';

const en = {
  lesson: 'Lesson',
  lessonTitle: 'Lessons: a guided walk through the lecture, and your own decks of views',
  lessonOpenTitle: 'Go to the open lesson',
  loadFailed: 'The lesson could not be loaded. Reload the page to try again.',
};

const ko: typeof en = {
  lesson: '강의',
  lessonTitle: '강의: 단계별 강의 안내와 나만의 보기 덱',
  lessonOpenTitle: '열려 있는 강의로 이동',
  loadFailed: '강의를 불러오지 못했습니다. 페이지를 새로 고쳐 다시 시도하세요.',
};

export const lessonEntry = defineStrings(en, ko);
