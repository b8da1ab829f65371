import { useCallback } from 'react';
import { getAppStore, useAppStore, selectRejection } from '../state/store';
import { serializeHash } from '../state/codec';
import { defaultConv } from '../state/params';
import { IDEAS_DEMOS, type IdeasDemo, type IdeasResult } from '../state/views/ideas';
import { DepthDemo } from './ideas/DepthDemo';
import { PointDemo } from './ideas/PointDemo';
import { TemplateDemo } from './ideas/TemplateDemo';
import { LinearDemo } from './ideas/LinearDemo';
import './ideas/ideas.css';

/** The demonstrations' tab labels, in one place. */
const TABS: Record<IdeasDemo, { label: string; hint: string }> = {
  depth: { label: 'A filter is as deep as its input', hint: 'C channels in, one 3-D filter, one channel out' },
  '1x1': { label: '1×1 convolution', hint: 'mixes channels, keeps the map size' },
  template: { label: 'Image-sized filter = template', hint: 'convolution score = linear classifier score' },
  linear: { label: 'Stacked linear convolutions = one', hint: 'the composed kernel, and what a ReLU breaks' },
};

const DEMOS = { depth: DepthDemo, '1x1': PointDemo, template: TemplateDemo, linear: LinearDemo } as const;

const selectIdeas = (s: ReturnType<ReturnType<typeof getAppStore>['getState']>) => s.views.ideas;

/**
 * The lecture-ideas view: four small demonstrations, one at a time, chosen by `demo=` in the link
 * (the tabs are plain links, so each opens in a new tab too). Every demonstration keeps its own
 * settings in the link; actions are pure functions of the state module, refusals are shown next to
 * the control concerned.
 */
export function IdeasPanel() {
  const cfg = useAppStore(selectIdeas);
  const rejection = useAppStore(selectRejection);
  const act = useCallback((result: IdeasResult) => {
    const s = getAppStore().getState();
    if ('config' in result) s.setView('ideas', result.config);
    else s.reject(result.rejection.field, result.rejection.message);
  }, []);
  const Demo = DEMOS[cfg.demo];
  return (
    <div className="ideas-view">
      <h2 className="visually-hidden">Lecture ideas</h2>
      <nav className="ideas-tabs" aria-label="Lecture ideas">
        {IDEAS_DEMOS.map((demo, i) => (
          <a
            key={demo}
            href={serializeHash('ideas', defaultConv(), { ideas: { ...cfg, demo } })}
            aria-current={demo === cfg.demo ? 'page' : undefined}
            data-testid={`tab-${demo}`}
          >
            <span className="tab-number">{i + 1}</span>
            <span className="tab-text">
              <span className="tab-label">{TABS[demo].label}</span>
              <span className="tab-hint">{TABS[demo].hint}</span>
            </span>
          </a>
        ))}
      </nav>
      <Demo cfg={cfg} act={act} rejection={rejection} />
    </div>
  );
}
