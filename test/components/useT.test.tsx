// @vitest-environment jsdom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { Suspense, createElement } from 'react';
import { render, screen, cleanup, act } from '@testing-library/react';

afterEach(() => cleanup());

describe('useT', () => {
  it('suspends until the dictionary of the page language is loaded, then shows it, and follows a switch of language', async () => {
    vi.resetModules();
    const { useT } = await import('../../src/i18n/useT');
    const { rf } = await import('../../src/i18n/rf');
    const { getAppStore } = await import('../../src/state/store');
    const { switchLanguage } = await import('../../src/shell/Settings');
    getAppStore().getState().setLang('en');
    const errors = vi.spyOn(console, 'error');
    function Heading() {
      const t = useT(rf);
      return createElement('h2', null, t.title);
    }
    // Rendered inside an awaited act, so React processes the suspension's retry (as the browser does).
    expect(rf.get('en')).toBeUndefined();
    await act(async () => {
      render(createElement(Suspense, { fallback: createElement('p', null, 'loading') }, createElement(Heading)));
    });
    expect(await screen.findByRole('heading')).toHaveProperty('textContent', rf.en.title);
    // Switching loads Korean first; the English heading stays until then, with no fallback between.
    await act(async () => {
      switchLanguage('ko');
      expect(getAppStore().getState().ui.lang).toBe('en');
    });
    await vi.waitFor(() => expect(getAppStore().getState().ui.lang).toBe('ko'));
    expect(screen.getByRole('heading').textContent).toBe(rf.ko.title);
    expect(screen.queryByText('loading')).toBeNull();
    // React complains (console.error) when `use` is called conditionally: it must not.
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
