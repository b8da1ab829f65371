import { localized } from '../i18n/localized';
import { useAppStore, selectLang } from '../state/store';
import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import type { UrlProblem } from '../state/types';

/**
 * A dismissible message listing what could not be read from a link, each with what was used instead.
 * The page behind it keeps working.
 */
export function ProblemBanner({ problems, onDismiss }: { problems: UrlProblem[]; onDismiss: () => void }) {
  const t = useT(common);
  const lang = useAppStore(selectLang);
  if (problems.length === 0) return null;
  return (
    <section className="problem-banner" role="alert" aria-labelledby="problem-title">
      <div>
        <h2 id="problem-title">{t.problemTitle}</h2>
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              <code>{p.key}</code> — {localized(p, lang)}
            </li>
          ))}
        </ul>
        <p>{t.problemRest}</p>
      </div>
      <button type="button" onClick={onDismiss} aria-label={t.dismissLabel}>
        {t.dismiss}
      </button>
    </section>
  );
}
