import type { Page } from '@playwright/test';

/**
 * Runs of three or more English words left in the view: every text node of `main` (visually hidden
 * ones included, since a screen reader reads them) and every aria-label, outside code (PyTorch lines,
 * layer modules). A token counts as an English word when it is letters only (optionally with a
 * trailing punctuation mark), so shapes, numbers, symbols and names such as conv1 break a run.
 */
export async function englishRuns(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const word = /^[A-Za-z]{2,}[,.:;!?)]?$|^[(][A-Za-z]{2,}$/;
    const runs: string[] = [];
    const check = (text: string) => {
      let run: string[] = [];
      for (const token of text.split(/\s+/).filter(Boolean)) {
        if (word.test(token)) run.push(token);
        else {
          if (run.length >= 3) runs.push(run.join(' '));
          run = [];
        }
      }
      if (run.length >= 3) runs.push(run.join(' '));
    };
    const main = document.querySelector('main')!;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      if (parent.closest('code, pre, [hidden]') || !parent.checkVisibility()) continue;
      check(node.textContent ?? '');
    }
    for (const el of main.querySelectorAll('[aria-label]')) if (!el.closest('code, pre')) check(el.getAttribute('aria-label')!);
    return runs;
  });
}

/** The numbers in a text, in order (true minus signs and thousands separators read). */
export const numbers = (text: string | null) => (text ?? '').replace(/−/g, '-').replace(/,/g, '').match(/-?\d+(\.\d+)?/g) ?? [];
