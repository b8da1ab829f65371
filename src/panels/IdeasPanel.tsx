import { lazy, Suspense, useCallback, useMemo } from 'react';
import { localized } from '../i18n/localized';
import { getAppStore, useAppStore, selectRejection, selectLang, selectUi, sharedOf } from '../state/store';
import { serializeHash } from '../state/codec';
import { defaultConv } from '../state/params';
import { IDEAS_DEMOS, type IdeasDemo, type IdeasResult } from '../state/views/ideas';
import { useT } from '../i18n/useT';
import { ideas } from '../i18n/ideas';
import { common } from '../i18n/common';
import './ideas/ideas.css';

// One demonstration shows at a time: each is its own chunk, loaded when first shown, so that a
// page opens with the code of its demonstration only.
const DEMOS = {
  depth: lazy(() => import('./ideas/DepthDemo').then((m) => ({ default: m.DepthDemo }))),
  '1x1': lazy(() => import('./ideas/PointDemo').then((m) => ({ default: m.PointDemo }))),
  template: lazy(() => import('./ideas/TemplateDemo').then((m) => ({ default: m.TemplateDemo }))),
  linear: lazy(() => import('./ideas/LinearDemo').then((m) => ({ default: m.LinearDemo }))),
} as const;

const selectIdeas = (s: ReturnType<ReturnType<typeof getAppStore>['getState']>) => s.views.ideas;

/**
 * The lecture-ideas view: four small demonstrations, one at a time, chosen by `demo=` in the link
 * (the tabs are plain links, so each opens in a new tab too). Every demonstration keeps its own
 * settings in the link; actions are pure functions of the state module, refusals are shown next to
 * the control concerned.
 */
export function IdeasPanel() {
  const t = useT(ideas);
  const tc = useT(common);
  const ui = useAppStore(selectUi);
  const cfg = useAppStore(selectIdeas);
  const tabs: Record<IdeasDemo, { label: string; hint: string }> = {
    depth: { label: t.tabDepth, hint: t.tabDepthHint },
    '1x1': { label: t.tabPoint, hint: t.tabPointHint },
    template: { label: t.tabTemplate, hint: t.tabTemplateHint },
    linear: { label: t.tabLinear, hint: t.tabLinearHint },
  };
  const storedRejection = useAppStore(selectRejection);
  const lang = useAppStore(selectLang);
  // A refusal is shown in the page's language (its Korean when the action wrote one).
  const rejection = useMemo(
    () => (storedRejection ? { ...storedRejection, message: localized(storedRejection, lang) } : null),
    [storedRejection, lang],
  );
  const act = useCallback((result: IdeasResult) => {
    const s = getAppStore().getState();
    if ('config' in result) s.setView('ideas', result.config);
    else s.reject(result.rejection.field, result.rejection.message, result.rejection.ko);
  }, []);
  const Demo = DEMOS[cfg.demo];
  return (
    <div className="ideas-view">
      <h2 className="visually-hidden">{tc.navIdeas}</h2>
      <nav className="ideas-tabs" aria-label={t.tabsLabel}>
        {IDEAS_DEMOS.map((demo, i) => (
          <a
            key={demo}
            href={serializeHash('ideas', defaultConv(), { ideas: { ...cfg, demo } }, sharedOf(ui))}
            aria-current={demo === cfg.demo ? 'page' : undefined}
            data-testid={`tab-${demo}`}
          >
            <span className="tab-number">{i + 1}</span>
            <span className="tab-text">
              <span className="tab-label">{tabs[demo].label}</span>
              <span className="tab-hint">{tabs[demo].hint}</span>
            </span>
          </a>
        ))}
      </nav>
      <Suspense
        fallback={
          <p className="loading" role="status">
            {tc.loading}
          </p>
        }
      >
        <Demo cfg={cfg} act={act} rejection={rejection} />
      </Suspense>
    </div>
  );
}
