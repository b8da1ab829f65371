import type { UrlProblem } from '../state/types';

/**
 * A dismissible message listing what could not be read from a link, each with what was used instead.
 * The page behind it keeps working.
 */
export function ProblemBanner({ problems, onDismiss }: { problems: UrlProblem[]; onDismiss: () => void }) {
  if (problems.length === 0) return null;
  return (
    <section className="problem-banner" role="alert" aria-labelledby="problem-title">
      <div>
        <h2 id="problem-title">Part of this link could not be used</h2>
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              <code>{p.key}</code> — {p.message}
            </li>
          ))}
        </ul>
        <p>Everything else in the link was applied.</p>
      </div>
      <button type="button" onClick={onDismiss} aria-label="Dismiss this message">
        Dismiss
      </button>
    </section>
  );
}
