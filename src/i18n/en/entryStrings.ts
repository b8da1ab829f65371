/** The English strings of the `lessonEntry` namespace (src/lesson/entryStrings.ts). */
const en = {
  lesson: 'Lesson',
  lessonTitle: 'Lessons: a guided walk through the lecture, and your own decks of views',
  lessonOpenTitle: 'Go to the open lesson',
  loadFailed: 'The lesson could not be loaded. Reload the page to try again.',
};

export default en;
