/**
 * The lesson bar (loaded on demand): the open lesson's step (title, text, "Step 3 of 15", previous /
 * next, a list to jump to any step, close), PageDown/PageUp for presentation clickers, the chooser
 * shown before any lesson is open, and, for an instructor's deck, the deck editor. The lesson and
 * its step live in the link (`lesson=intro&ls=3`, `deck=…&ls=3`); going to a step applies the step's
 * view link to the store, so the address bar always reproduces the exact lesson, step and view.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { getAppStore, useAppStore, selectUi, type LessonRef } from '../state/store';
import type { Lang } from '../state/params';
import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import { lesson as lessonStrings } from '../i18n/lesson';
import { isTypingTarget } from '../components/useShortcuts';
import { formatCount } from '../viz/format';
import { INTRO_STEPS, INTRO_TITLE } from './intro';
import {
  DECK_FORMAT,
  DECK_VERSION,
  decodeDeck,
  encodeDeck,
  newDeck,
  parseDeckText,
  validateDeck,
  type Deck,
  type DeckProblem,
} from './deck';
import { applyStepLink, currentViewLink, viewNameOf } from './navigate';
import { DECK_EXAMPLE, deckLimitsText, describeDeckProblem, type LessonT } from './messages';
import { DeckEditor } from './DeckEditor';
import { LESSON_BAR_ID } from './entry';
import './lesson.css';

/** One step as the bar shows it. */
interface ShownStep {
  link: string;
  title: string;
  text: string;
}

/** When set, the deck editor opens when it next appears (after "Start a deck", "Edit a copy"). */
let openEditorOnMount = false;
/**
 * When set, the bar takes the focus when it next appears: the control that opened it (the chooser's
 * button, "Edit a copy") is gone. Not on a page opened by a link: no focus ring on a projected page.
 */
let focusBarOnMount = false;

/** The bar: the chooser while no lesson is open, else the open lesson. */
export function LessonPanel() {
  const ui = useAppStore(selectUi);
  if (!ui.lesson) return <Chooser lang={ui.lang} />;
  return <OpenLesson key={ui.lesson.id} lessonRef={ui.lesson} lang={ui.lang} />;
}

/** A deck file picker: a button that opens the browser's file dialog, and the messages of a bad file. */
function useDeckFile(t: LessonT, onLoaded: (deck: Deck) => void) {
  const input = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<{ name: string; problems: string[] } | null>(null);
  const onChange = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch {
      setFailure({ name: file.name, problems: [t.fileUnreadable] });
      return;
    }
    const result = parseDeckText(text);
    if (result.problems) setFailure({ name: file.name, problems: result.problems.map((p) => describeDeckProblem(p, t)) });
    else {
      setFailure(null);
      onLoaded(result.deck);
    }
  };
  const picker = (
    <>
      <button type="button" onClick={() => input.current?.click()} data-testid="deck-load">
        {t.loadDeck}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={onChange}
        data-testid="deck-file"
      />
    </>
  );
  const message = failure && (
    <DeckFailure
      t={t}
      heading={t.loadFailed(failure.name)}
      problems={failure.problems}
      onDismiss={() => setFailure(null)}
      testId="deck-file-error"
    />
  );
  return { picker, message };
}

/** Why a deck could not be read, what was done (nothing), and what a valid deck looks like. */
function DeckFailure({
  t,
  heading,
  problems,
  onDismiss,
  dismissLabel,
  testId,
}: {
  t: LessonT;
  heading: string;
  problems: string[];
  onDismiss: () => void;
  dismissLabel?: string;
  testId: string;
}) {
  return (
    <div className="lesson-failure" role="alert" data-testid={testId}>
      <p className="lesson-failure-head">{heading}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
      <p>{t.nothingLoaded}</p>
      <details className="edit-only">
        <summary>{t.validDeck}</summary>
        <pre className="deck-example">{DECK_EXAMPLE}</pre>
        <p className="hint">{deckLimitsText(t)}</p>
      </details>
      <button type="button" onClick={onDismiss}>
        {dismissLabel ?? t.dismiss}
      </button>
    </div>
  );
}

/** Closes the lesson (or the chooser) and gives the focus back to the header's Lesson button. */
function closeLesson(): void {
  const state = getAppStore().getState();
  if (state.ui.lesson) state.setLesson(undefined);
  else state.setLessonMenu(false);
  document.querySelector<HTMLElement>('.lesson-toggle')?.focus();
}

/** Opens a loaded deck at its first step. */
function openDeck(deck: Deck): void {
  const store = getAppStore();
  focusBarOnMount = true;
  applyStepLink(store, deck.steps[0]!.link, { id: 'deck', step: 1, deck: encodeDeck(deck) });
}

/** Before any lesson is open: the built-in lesson, or a deck of one's own (new, or from a file). */
function Chooser({ lang }: { lang: Lang }) {
  const t = useT(lessonStrings);
  const tc = useT(common);
  const [refusal, setRefusal] = useState<string | null>(null);
  const file = useDeckFile(t, openDeck);
  const bar = useRef<HTMLElement>(null);
  useEffect(() => bar.current?.focus(), []);
  const startIntro = () => {
    focusBarOnMount = true;
    applyStepLink(getAppStore(), INTRO_STEPS[0]!.link, { id: 'intro', step: 1, deck: '' });
  };
  const startDeck = () => {
    const state = getAppStore().getState();
    const link = currentViewLink(state);
    const made = newDeck(t.newDeckTitle, { link, title: viewNameOf(link, tc), note: '' });
    if (made.problem) return setRefusal(describeDeckProblem(made.problem, t));
    openEditorOnMount = focusBarOnMount = true;
    state.setLesson({ id: 'deck', step: 1, deck: encodeDeck(made.deck) });
  };
  return (
    <section
      className="lesson-bar lesson-chooser"
      id={LESSON_BAR_ID}
      aria-labelledby="lesson-chooser-title"
      tabIndex={-1}
      ref={bar}
      data-testid="lesson-chooser"
    >
      <div className="lesson-head">
        <h2 id="lesson-chooser-title" className="lesson-name">
          {t.chooserTitle}
        </h2>
        <button type="button" className="lesson-close" onClick={closeLesson}>
          {t.closeChooser}
        </button>
      </div>
      <div className="lesson-cards">
        <div className="lesson-card">
          <h3>{INTRO_TITLE[lang]}</h3>
          <p>{t.introCard(formatCount(INTRO_STEPS.length))}</p>
          <button type="button" className="primary" onClick={startIntro} data-testid="lesson-start">
            {t.startIntro}
          </button>
        </div>
        <div className="lesson-card edit-only">
          <h3>{t.deckCardTitle}</h3>
          <p>{t.deckCard}</p>
          <div className="lesson-actions">
            <button type="button" onClick={startDeck} data-testid="deck-start">
              {t.startDeck}
            </button>
            {file.picker}
          </div>
          <p className="hint">{deckLimitsText(t)}</p>
        </div>
      </div>
      {refusal && (
        <p className="rejection" role="alert">
          {refusal}
        </p>
      )}
      {file.message}
    </section>
  );
}

/** An open lesson: the built-in one, or a deck read from the link (or why it cannot be read). */
function OpenLesson({ lessonRef, lang }: { lessonRef: LessonRef; lang: Lang }) {
  const t = useT(lessonStrings);
  const tc = useT(common);
  const decoded = useMemo(() => (lessonRef.id === 'deck' ? decodeDeck(lessonRef.deck) : null), [lessonRef.id, lessonRef.deck]);
  const shown = useMemo(() => {
    if (lessonRef.id === 'intro') {
      return {
        name: INTRO_TITLE[lang],
        steps: INTRO_STEPS.map((s): ShownStep => ({ link: s.link, title: s[lang].title, text: s[lang].text })),
        deck: null,
      };
    }
    const deck = decoded?.deck;
    if (!deck) return null;
    return {
      name: t.deckName(deck.title.trim() || t.untitledDeck),
      steps: deck.steps.map((s): ShownStep => ({ link: s.link, title: s.title.trim() || viewNameOf(s.link, tc), text: s.note })),
      deck,
    };
  }, [lessonRef.id, lang, decoded, t, tc]);
  if (!shown) {
    return (
      <section className="lesson-bar lesson-error" id={LESSON_BAR_ID} tabIndex={-1} aria-label={t.barLabel} data-testid="lesson-bar">
        <DeckFailure
          t={t}
          heading={t.linkDeckFailed}
          problems={(decoded?.problems ?? []).map((p: DeckProblem) => describeDeckProblem(p, t))}
          onDismiss={closeLesson}
          dismissLabel={t.closeLessonLabel}
          testId="deck-link-error"
        />
      </section>
    );
  }
  return <LessonSteps lessonRef={lessonRef} name={shown.name} steps={shown.steps} deck={shown.deck} lang={lang} />;
}

/** The bar of an open lesson with readable steps. */
function LessonSteps({
  lessonRef,
  name,
  steps,
  deck,
  lang,
}: {
  lessonRef: LessonRef;
  name: string;
  steps: ShownStep[];
  deck: Deck | null;
  lang: Lang;
}) {
  const t = useT(lessonStrings);
  const tc = useT(common);
  const total = steps.length;
  const index = Math.min(Math.max(1, lessonRef.step), total);
  const step = steps[index - 1]!;
  const [folded, setFolded] = useState(false);
  const [editorOpen] = useState(takeOpenEditor);
  /** A step the link asked for that the lesson does not have (the last step is shown instead). */
  const [clamped, setClamped] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  // A link may ask for a step the lesson does not have: show the last one, correct the link, say so.
  if (lessonRef.step > total && clamped !== lessonRef.step) setClamped(lessonRef.step);
  useEffect(() => {
    if (lessonRef.step > total) getAppStore().getState().setLesson({ ...lessonRef, step: total });
  }, [lessonRef, total]);
  const notice = clamped === null ? null : t.stepClamped(formatCount(clamped), formatCount(total));

  const go = (n: number) => {
    if (n < 1 || n > total) return;
    setClamped(null);
    applyStepLink(getAppStore(), steps[n - 1]!.link, { ...lessonRef, step: n });
  };
  const latest = useRef({ go, index });
  const bar = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusBarOnMount) bar.current?.focus({ preventScroll: true });
    focusBarOnMount = false;
  }, []);
  useEffect(() => {
    latest.current = { go, index };
  });

  // Presentation clickers send PageDown / PageUp: while a lesson is open they move the lesson (taken
  // in the capture phase, before the view's own shortcut, which skips prevented events).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'PageDown' && e.key !== 'PageUp') return;
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      e.preventDefault();
      const { go: goTo, index: at } = latest.current;
      goTo(e.key === 'PageDown' ? at + 1 : at - 1);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  const editCopy = () => {
    const result = validateDeck({
      format: DECK_FORMAT,
      version: DECK_VERSION,
      title: INTRO_TITLE[lang],
      steps: INTRO_STEPS.map((s) => ({ link: s.link, title: s[lang].title, note: s[lang].text })),
    });
    if (result.problems) return setRefusal(result.problems.map((p) => describeDeckProblem(p, t)).join(' '));
    openEditorOnMount = focusBarOnMount = true;
    getAppStore().getState().setLesson({ id: 'deck', step: index, deck: encodeDeck(result.deck) });
  };
  const file = useDeckFile(t, openDeck);
  const count = tc.stepOf(formatCount(index), formatCount(total));

  return (
    <section
      className="lesson-bar"
      id={LESSON_BAR_ID}
      ref={bar}
      tabIndex={-1}
      aria-labelledby="lesson-name"
      data-testid="lesson-bar"
      data-lesson={lessonRef.id}
    >
      <div className="lesson-head">
        <p className="lesson-name" id="lesson-name">
          <span className="lesson-kind">{t.barLabel}</span> <span className="lesson-name-text">{name}</span>
        </p>
        <div className="lesson-nav" role="group" aria-label={t.barLabel}>
          <button
            type="button"
            className="lesson-prev"
            aria-disabled={index <= 1}
            title={t.prevStepTitle}
            onClick={() => go(index - 1)}
            data-testid="lesson-prev"
          >
            {t.prevStep}
          </button>
          <span className="lesson-count" data-testid="lesson-count">
            {count}
          </span>
          <button
            type="button"
            className="lesson-next primary"
            aria-disabled={index >= total}
            title={t.nextStepTitle}
            onClick={() => go(index + 1)}
            data-testid="lesson-next"
          >
            {t.nextStep}
          </button>
          <label className="lesson-jump">
            <span className="visually-hidden">{t.jumpLabel}</span>
            <select value={index} onChange={(e) => go(Number(e.target.value))} data-testid="lesson-jump" title={t.jumpLabel}>
              {steps.map((s, i) => (
                <option key={i} value={i + 1}>
                  {i + 1}. {s.title}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="lesson-head-end">
          <button type="button" className="lesson-fold" aria-expanded={!folded} aria-controls="lesson-body" onClick={() => setFolded(!folded)}>
            {folded ? t.showText : t.hideText}
          </button>
          <button
            type="button"
            className="lesson-close"
            aria-label={t.closeLessonLabel}
            title={t.closeLessonLabel}
            onClick={closeLesson}
            data-testid="lesson-close"
          >
            ✕ {t.closeLesson}
          </button>
        </div>
      </div>
      <div id="lesson-body" className="lesson-body" hidden={folded}>
        <h2 className="lesson-title" data-testid="lesson-title">
          {step.title}
        </h2>
        {step.text.trim() !== '' && (
          <p className="lesson-text" data-testid="lesson-text">
            {step.text}
          </p>
        )}
        <p className="hint lesson-keys edit-only">{t.keysHint}</p>
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="lesson-live">
        {t.liveStep(formatCount(index), formatCount(total), step.title)}
      </p>
      {notice && (
        <p className="lesson-notice" role="status">
          {notice}
        </p>
      )}
      {deck ? (
        <DeckEditor deck={deck} index={index} lessonRef={lessonRef} openInitially={editorOpen} file={file} />
      ) : (
        <div className="lesson-tools edit-only">
          <button type="button" onClick={editCopy} title={t.editCopyTitle} data-testid="deck-copy">
            {t.editCopy}
          </button>
          {file.picker}
        </div>
      )}
      {refusal && (
        <p className="rejection" role="alert">
          {refusal}
        </p>
      )}
      {!deck && file.message}
    </section>
  );
}

/** Reads and clears the "open the editor" flag. */
function takeOpenEditor(): boolean {
  const open = openEditorOnMount;
  openEditorOnMount = false;
  return open;
}
