import { useEffect } from 'react';
import { LANG_NAMES, LANGS, ensureLanguage, type Lang } from '../i18n/core';
import { common } from '../i18n/common';
import { useT } from '../i18n/useT';
import { getAppStore, useAppStore, selectUi } from '../state/store';
import { isTypingTarget } from '../components/useShortcuts';
import { THEMES, useTheme, type Theme } from './theme';

/** Enters or leaves full screen; refusals (no user gesture, an iframe without permission) are ignored. */
function setFullScreen(on: boolean): void {
  try {
    if (on && !document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => {});
    if (!on && document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
  } catch {
    // Not allowed here: the page still presents, just not full screen.
  }
}

/**
 * Switches the page's language once the new language's strings of everything on screen are loaded
 * (each language's dictionaries are their own chunks), so the page never shows a moment without text.
 * If they cannot be loaded (offline before they were cached), the language stays.
 */
export function switchLanguage(lang: Lang): void {
  const apply = () => getAppStore().getState().setLang(lang);
  const wait = ensureLanguage(lang);
  if (wait) wait.then(apply, () => {});
  else apply();
}

/** Turns presentation mode on or off, with full screen when the browser allows it. */
export function togglePresent(): void {
  const { ui, setPresent } = getAppStore().getState();
  setPresent(!ui.present);
  setFullScreen(!ui.present);
}

/** The page settings in the header: language, theme and presentation mode (key P). */
export function Settings() {
  const t = useT(common);
  const ui = useAppStore(selectUi);
  const [theme, setTheme] = useTheme();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isTypingTarget(e.target)) return;
      if (e.key === 'p' || e.key === 'P') {
        e.preventDefault();
        togglePresent();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const themeName: Record<Theme, string> = { auto: t.themeAuto, light: t.themeLight, dark: t.themeDark };
  return (
    <div className="settings" role="group" aria-label={t.settingsLabel}>
      <label>
        <span className="visually-hidden">{t.language}</span>
        <select
          value={ui.lang}
          onChange={(e) => switchLanguage(e.target.value as Lang)}
          data-testid="lang"
          title={t.language}
        >
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t.theme}</span>
        <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)} data-testid="theme" title={t.theme}>
          {THEMES.map((th) => (
            <option key={th} value={th}>
              {themeName[th]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="present-toggle"
        aria-pressed={ui.present}
        onClick={togglePresent}
        title={t.presentTitle}
        data-testid="present"
      >
        {ui.present ? t.exitPresent : t.present}
      </button>
    </div>
  );
}
