import { useT } from '../i18n/useT';
import { common } from '../i18n/common';
import { useState } from 'react';

/** Copies `text` to the clipboard and says so for two seconds; falls back to selecting a hidden field. */
export function CopyButton({ text, label, className }: { text: string | (() => string); label: string; className?: string }) {
  const t = useT(common);
  const [state, setState] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = async () => {
    const value = typeof text === 'function' ? text() : text;
    try {
      await navigator.clipboard.writeText(value);
      setState('done');
    } catch {
      // Clipboard access can be refused (no focus, insecure origin): fall back to execCommand.
      const field = document.createElement('textarea');
      field.value = value;
      field.setAttribute('readonly', '');
      field.style.position = 'fixed';
      field.style.opacity = '0';
      document.body.appendChild(field);
      field.select();
      const ok = document.execCommand?.('copy') ?? false;
      field.remove();
      setState(ok ? 'done' : 'failed');
    }
    window.setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button type="button" className={className ?? 'copy'} onClick={copy} aria-live="polite">
      {state === 'done' ? t.copied : state === 'failed' ? t.copyFailed : label}
    </button>
  );
}
