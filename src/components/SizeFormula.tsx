import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import { CopyButton } from './CopyButton';

/** One axis of an output-size formula: the symbols, the same with the numbers worked out, and a note. */
export interface AxisText {
  symbolic: string;
  worked: string;
  note: string | null;
}

/**
 * The output-size formula of a sliding-window layer for both axes, written once as H′ = W′ when the
 * two axes work out the same, with the notes on what the floor (or ceil) did.
 */
export function SizeFormula({ h, w }: { h: AxisText; w: AxisText }) {
  const same = h.worked === w.worked;
  const notes = [...new Set([h.note, same ? null : w.note])].filter((n): n is string => !!n);
  return (
    <div className="formula" data-testid="formula">
      {same ? (
        <p>
          <span className="formula-symbolic">H′ = W′ = {h.symbolic}</span>
          <br />= {h.worked}
        </p>
      ) : (
        <>
          <p>
            <span className="formula-symbolic">H′ = {h.symbolic}</span> = {h.worked}
          </p>
          <p>
            <span className="formula-symbolic">W′ = {w.symbolic}</span> = {w.worked}
          </p>
        </>
      )}
      {notes.map((n) => (
        <p className="note" key={n}>
          {n}
        </p>
      ))}
    </div>
  );
}

/** A line of PyTorch code with a button that copies it. */
export function CodeLine({ code }: { code: string }) {
  const t = useT(common);
  return (
    <div className="code-line">
      <code data-testid="pytorch">{code}</code>
      <CopyButton text={code} label={t.copyPytorch} />
    </div>
  );
}
