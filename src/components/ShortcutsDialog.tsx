import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from './useShortcuts';

/** The `?` dialog: every keyboard shortcut, in a native modal <dialog> (Escape closes it). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT(common);
  const keyName = (k: string) => (k === 'keySpace' || k === 'keyArrows' ? t[k] : k);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal?.();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t.shortcutsTitle}</h2>
      <p>{t.shortcutsIntro}</p>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' '}
                    <kbd>{keyName(k)}</kbd>
                  </span>
                ))}
              </th>
              <td>{t[s.action]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" autoFocus>
          {t.close}
        </button>
      </form>
    </dialog>
  );
}
