/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { serviceWorker } from './scripts/sw-plugin.mjs';

/**
 * The built site may load nothing but its own files: a Content-Security-Policy in the page enforces
 * the promise that ConvScope makes no network request elsewhere. Build only, because the dev server
 * injects an inline script for React Refresh.
 */
function contentSecurityPolicy(): Plugin {
  const policy = [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    "font-src 'self'",
    "worker-src 'self' blob:",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
  return {
    name: 'convscope-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

// `base: './'` makes every URL in the built site relative, so `dist/` works from any path.
// The service worker (scripts/sw-plugin.mjs) precaches the whole build, so it keeps working offline.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), serviceWorker()],
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // What every view's first render needs (React, the store, the URL codec, the i18n core) in
              // one chunk: one request instead of six, and one gzip context for all of it.
              name: 'shell',
              test: /node_modules[\\/](react|react-dom|scheduler|zustand)[\\/]|src[\\/]state[\\/](codec|params|store|views|urlSync|types)\.ts|src[\\/]engine[\\/](errors|params)\.ts|src[\\/]i18n[\\/](core|useT|localized|common)\.ts|src[\\/]viz[\\/]format\.ts/,
            },
          ],
        },
      },
    },
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    environment: 'node',
    setupFiles: ['test/setup/views.ts', 'test/setup/strings.ts'],
    // Property tests run hundreds of cases; on a loaded 2-core machine 5 s is too tight.
    testTimeout: 30_000,
    benchmark: {
      include: ['test/bench/**/*.bench.ts'],
    },
  },
});
