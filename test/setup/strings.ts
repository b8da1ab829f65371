// Every Vitest file may read any dictionary synchronously (`ns.en`, `ns.ko`, `useT`): load every
// namespace in both languages first. The page loads only its own language's (test/i18n/loading.test.ts
// checks that path on fresh modules).
import { LANGS, allNamespaces } from '../../src/i18n/core';

import.meta.glob('../../src/i18n/*.ts', { eager: true });
import.meta.glob('../../src/lesson/entryStrings.ts', { eager: true });

await Promise.all(allNamespaces().flatMap((ns) => LANGS.map((lang) => ns.load(lang))));
