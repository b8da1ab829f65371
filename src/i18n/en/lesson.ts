/** The English strings of the `lesson` namespace (src/i18n/lesson.ts). */
const en = {
  barLabel: 'Lesson',
  deckName: (title: string) => `Deck: ${title}`,
  untitledDeck: 'Untitled deck',
  prevStep: '◀ Previous',
  prevStepTitle: 'Previous lesson step (Page Up)',
  nextStep: 'Next ▶',
  nextStepTitle: 'Next lesson step (Page Down)',
  jumpLabel: 'Go to a step of the lesson',
  closeLesson: 'Close',
  closeLessonLabel: 'Close the lesson',
  hideText: 'Hide text',
  showText: 'Show text',
  keysHint: 'Page Down / Page Up: next or previous lesson step · ← / →: the view’s own steps',
  liveStep: (step: string, total: string, title: string) => `Lesson step ${step} of ${total}: ${title}`,
  stepClamped: (asked: string, total: string) =>
    `The link asks for step ${asked}, but this lesson has ${total} steps; showing step ${total}.`,
  loadingLesson: 'Loading the lesson…',
  // Chooser
  chooserTitle: 'Lessons',
  introCard: (steps: string) =>
    `A guided walk through the lecture in ${steps} steps, one idea each, from the linear classifier to group normalization. Each step opens a view and says what to look at.`,
  startIntro: 'Start the lesson',
  deckCardTitle: 'Your own deck',
  deckCard:
    'Capture views as steps, give them titles and notes, reorder them, then share the whole deck as one link or as a JSON file.',
  startDeck: 'Start a deck with this view',
  loadDeck: 'Load a deck file…',
  closeChooser: 'Close',
  // Deck editor
  editDeck: (steps: string) => `Edit the deck (${steps} ${steps === '1' ? 'step' : 'steps'})`,
  deckTitleLabel: 'Deck title',
  newDeckTitle: 'My deck',
  stepTitleLabel: (n: string) => `Title of step ${n}`,
  stepNoteLabel: (n: string) => `Note for step ${n} (shown under the title)`,
  addView: '+ Add this view',
  addViewTitle: 'Add the view on screen, as it is now, as the next step',
  replaceView: 'Use this view for this step',
  replaceViewTitle: 'Replace this step’s view by the view on screen, as it is now',
  stepsLabel: 'Steps of the deck',
  goToStep: (n: string, title: string) => `Go to step ${n}: ${title}`,
  moveUp: (n: string) => `Move step ${n} up`,
  moveDown: (n: string) => `Move step ${n} down`,
  removeStep: (n: string) => `Delete step ${n}`,
  currentStep: 'shown now',
  limits: (steps: string, title: string, note: string) =>
    `A deck holds up to ${steps} steps; titles up to ${title} characters, notes up to ${note}.`,
  shareTitle: 'Share',
  deckLink: 'Link to this deck (opens at step 1)',
  copyDeckLink: 'Copy deck link',
  download: 'Download JSON',
  downloadTitle: 'Save the deck as convscope-deck.json, to keep or to load later',
  editCopy: 'Edit a copy as a deck',
  editCopyTitle: 'Make your own deck from this lesson: reorder, cut, add views and notes',
  editRefused: 'That change was not made:',
  // Loading decks
  loadFailed: (name: string) => `The deck file “${name}” could not be loaded:`,
  linkDeckFailed: 'The deck in this link could not be opened:',
  fileUnreadable: 'The file could not be read by the browser.',
  nothingLoaded: 'Nothing from it was loaded; the page works as before.',
  validDeck: 'A valid deck file looks like this:',
  dismiss: 'Dismiss',
  // Deck problems
  fieldDeckTitle: 'The deck’s “title”',
  fieldDeckSteps: 'The deck’s “steps”',
  fieldStep: (n: string) => `Step ${n}`,
  fieldStepLink: (n: string) => `Step ${n}’s “link”`,
  fieldStepTitle: (n: string) => `Step ${n}’s “title”`,
  fieldStepNote: (n: string) => `Step ${n}’s “note”`,
  expectText: 'text in quotes',
  expectList: 'a list [ … ] of steps',
  expectObject: 'an object { "link": …, "title": …, "note": … }',
  nothing: 'nothing',
  pEmpty: 'The deck is empty: there is nothing to read.',
  pFileTooLong: (length: string, max: string) =>
    `The file has ${length} characters; a deck file has at most ${max}. Is it really a ConvScope deck?`,
  pDamagedLink:
    'The deck text in this link is damaged, probably cut off when the link was copied: it is not a whole deck as ConvScope writes it. Copy the whole link again (it ends with the deck= text).',
  pNotJson: (detail: string) =>
    `This is not JSON (${detail}). A deck file is JSON text that starts with { and ends with }.`,
  pNotObject: (found: string) => `A deck must be a JSON object { … }; this is ${found}.`,
  pFormat: (found: string) => `“format” must be "convscope-deck"; found ${found}. Is this file a ConvScope deck?`,
  pVersion: (found: string) => `“version” must be 1; found ${found}.`,
  pNewerVersion: (found: string) =>
    `This deck is version ${found}, made by a newer ConvScope; this one reads version 1. Open it with the newer version.`,
  pWrongType: (field: string, expected: string, found: string) => `${field} must be ${expected}; found ${found}.`,
  pTooLong: (field: string, length: string, max: string) =>
    `${field} has ${length} characters; at most ${max} are allowed.`,
  pEmptyLink: (n: string) => `Step ${n}’s “link” is empty: it must be a ConvScope link such as #/conv?k=3.`,
  pNoSteps: 'A deck needs at least one step.',
  pTooManySteps: (count: string, max: string) => `That makes ${count} steps; a deck holds at most ${max}.`,
  pBadLink: (n: string, messages: string) => `Step ${n}’s link has settings that cannot be used: ${messages}`,
  pLinkTextTooLong: (length: string, max: string) =>
    `This deck needs ${length} characters in a link; a link holds at most ${max}. Shorten the notes or split the deck in two.`,
  pMore: (count: string) => `…and ${count} more problems.`,
};

export default en;
