/**
 * The deck editor (editing controls: hidden in presentation mode): add the view on screen as a step,
 * title and note of the current step, the deck's title, the steps in order with move up / move down /
 * delete (keyboard-usable buttons; the focus follows the moved step), and sharing: the deck's link
 * (opens at step 1), copying it, downloading the deck as JSON and loading one. Every edit goes
 * through the pure functions of deck.ts and is written back into the link (`deck=`).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { getAppStore, type LessonRef } from '../state/store';
import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import { lesson as lessonStrings } from '../i18n/lesson';
import { CopyButton } from '../components/CopyButton';
import {
  DECK_FILE_NAME,
  DECK_LIMITS,
  deckFileText,
  encodeDeck,
  insertStep,
  moveStep,
  removeStep,
  setDeckTitle,
  updateStep,
  type Deck,
  type DeckEdit,
} from './deck';
import { applyStepLink, currentViewLink, deckShareLink, viewNameOf } from './navigate';
import { deckLimitsText, describeDeckProblem } from './messages';

type FocusAction = 'go' | 'up' | 'down' | 'remove';

/** Saves the deck as `convscope-deck.json` through a temporary object URL (nothing leaves the browser). */
function download(deck: Deck): void {
  const url = URL.createObjectURL(new Blob([deckFileText(deck)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = DECK_FILE_NAME;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 2000);
}

export function DeckEditor({
  deck,
  index,
  lessonRef,
  openInitially,
  file,
}: {
  deck: Deck;
  /** The step shown, from 1. */
  index: number;
  lessonRef: LessonRef;
  openInitially: boolean;
  /** The deck file picker and its messages (shared with the rest of the bar). */
  file: { picker: ReactNode; message: ReactNode };
}) {
  const t = useT(lessonStrings);
  const tc = useT(common);
  const [open, setOpen] = useState(openInitially);
  const [refusal, setRefusal] = useState<string | null>(null);
  /** The list button to focus once the edited deck is shown (after a move or a deletion). */
  const pendingFocus = useRef<{ step: number; action: FocusAction } | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const total = deck.steps.length;
  const current = deck.steps[index - 1]!;
  const n = (i: number) => String(i);

  useEffect(() => {
    const focus = pendingFocus.current;
    if (!focus) return;
    pendingFocus.current = null;
    list.current?.querySelector<HTMLElement>(`[data-focus="${focus.action}-${focus.step}"]`)?.focus();
  }, [deck]);

  /** Writes an accepted edit into the link (showing `link`'s view when given), or says why it was refused. */
  const commit = (edit: DeckEdit, step: number, link?: string): boolean => {
    if (edit.problem) {
      setRefusal(describeDeckProblem(edit.problem, t));
      return false;
    }
    setRefusal(null);
    const next: LessonRef = { ...lessonRef, step, deck: encodeDeck(edit.deck) };
    if (link) applyStepLink(getAppStore(), link, next);
    else getAppStore().getState().setLesson(next);
    return true;
  };

  const addView = () => {
    const link = currentViewLink(getAppStore().getState());
    commit(insertStep(deck, index, { link, title: viewNameOf(link, tc), note: '' }), index + 1);
  };
  const replaceView = () => commit(updateStep(deck, index - 1, { link: currentViewLink(getAppStore().getState()) }), index);

  const move = (i: number, delta: -1 | 1) => {
    const to = i + delta;
    if (to < 0 || to >= total) return;
    let shown = index - 1;
    if (shown === i) shown = to;
    else if (shown === to) shown = i;
    if (commit(moveStep(deck, i, delta), shown + 1)) {
      // Keep the focus on the moved step; at an end its button in that direction is inert, so take the other.
      const action: FocusAction = delta < 0 ? (to === 0 ? 'down' : 'up') : to === total - 1 ? 'up' : 'down';
      pendingFocus.current = { step: to, action };
    }
  };

  const remove = (i: number) => {
    const edit = removeStep(deck, i);
    if (edit.problem) return commit(edit, index);
    const shown = index - 1;
    const left = edit.deck.steps.length;
    let ok: boolean;
    if (i < shown) ok = commit(edit, index - 1);
    else if (i > shown) ok = commit(edit, index);
    else {
      const next = Math.min(i, left - 1);
      ok = commit(edit, next + 1, edit.deck.steps[next]!.link);
    }
    if (ok) pendingFocus.current = { step: Math.min(i, left - 1), action: left > 1 ? 'remove' : 'go' };
  };

  const shareLink = deckShareLink(window.location.href.split('#')[0]!, deck);

  return (
    <div className="deck-tools edit-only" data-testid="deck-tools">
      <div className="lesson-actions">
        <button type="button" className="primary" onClick={addView} title={t.addViewTitle} data-testid="deck-add">
          {t.addView}
        </button>
        <button type="button" onClick={replaceView} title={t.replaceViewTitle} data-testid="deck-replace">
          {t.replaceView}
        </button>
      </div>
      <details className="deck-editor" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="deck-editor">
        <summary>{t.editDeck(n(total))}</summary>
        <div className="deck-grid">
          <div className="deck-fields">
            <label className="deck-field">
              <span>{t.deckTitleLabel}</span>
              <input
                type="text"
                value={deck.title}
                maxLength={DECK_LIMITS.title}
                onChange={(e) => commit(setDeckTitle(deck, e.target.value), index)}
                data-testid="deck-title"
              />
            </label>
            <label className="deck-field">
              <span>{t.stepTitleLabel(n(index))}</span>
              <input
                type="text"
                value={current.title}
                maxLength={DECK_LIMITS.title}
                onChange={(e) => commit(updateStep(deck, index - 1, { title: e.target.value }), index)}
                data-testid="deck-step-title"
              />
            </label>
            <label className="deck-field">
              <span>{t.stepNoteLabel(n(index))}</span>
              <textarea
                value={current.note}
                maxLength={DECK_LIMITS.note}
                rows={3}
                onChange={(e) => commit(updateStep(deck, index - 1, { note: e.target.value }), index)}
                data-testid="deck-step-note"
              />
            </label>
            <p className="hint">{deckLimitsText(t)}</p>
          </div>
          <div className="deck-list">
            <p className="deck-list-head" id="deck-steps-label">
              {t.stepsLabel}
            </p>
            <ol className="deck-steps" ref={list} aria-labelledby="deck-steps-label" data-testid="deck-steps">
              {deck.steps.map((s, i) => {
                const title = s.title.trim() || viewNameOf(s.link, tc);
                const here = i === index - 1;
                return (
                  <li key={i} aria-current={here ? 'step' : undefined} data-testid={`deck-step-${i + 1}`}>
                    <button
                      type="button"
                      className="deck-go"
                      data-focus={`go-${i}`}
                      onClick={() => applyStepLink(getAppStore(), s.link, { ...lessonRef, step: i + 1 })}
                      title={t.goToStep(n(i + 1), title)}
                    >
                      <span className="deck-num">{i + 1}.</span> {title}
                      {here && <span className="deck-here"> · {t.currentStep}</span>}
                    </button>
                    <button
                      type="button"
                      className="small"
                      aria-label={t.moveUp(n(i + 1))}
                      title={t.moveUp(n(i + 1))}
                      aria-disabled={i === 0}
                      data-focus={`up-${i}`}
                      onClick={() => move(i, -1)}
                      data-testid={`deck-up-${i + 1}`}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="small"
                      aria-label={t.moveDown(n(i + 1))}
                      title={t.moveDown(n(i + 1))}
                      aria-disabled={i === total - 1}
                      data-focus={`down-${i}`}
                      onClick={() => move(i, 1)}
                      data-testid={`deck-down-${i + 1}`}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="small"
                      aria-label={t.removeStep(n(i + 1))}
                      title={t.removeStep(n(i + 1))}
                      aria-disabled={total <= 1}
                      data-focus={`remove-${i}`}
                      onClick={() => remove(i)}
                      data-testid={`deck-remove-${i + 1}`}
                    >
                      ✕
                    </button>
                  </li>
                );
              })}
            </ol>
          </div>
          <div className="deck-share">
            <p className="deck-list-head">{t.shareTitle}</p>
            <label className="deck-field">
              <span>{t.deckLink}</span>
              <input type="text" readOnly value={shareLink} onFocus={(e) => e.currentTarget.select()} data-testid="deck-link" />
            </label>
            <div className="lesson-actions">
              <CopyButton text={shareLink} label={t.copyDeckLink} className="deck-copy-link" />
              <button type="button" onClick={() => download(deck)} title={t.downloadTitle} data-testid="deck-download">
                {t.download}
              </button>
              {file.picker}
            </div>
          </div>
        </div>
      </details>
      {refusal && (
        <p className="rejection" role="alert" data-testid="deck-refusal">
          {refusal}
        </p>
      )}
      {file.message}
    </div>
  );
}
