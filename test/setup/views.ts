// Every Vitest file may read links to any view synchronously: register every view's module, as the
// lesson code does (the page itself loads each one with its view; test/state/views-lazy.test.ts
// checks that path on a fresh registry).
import '../../src/state/allViews';
