/**
 * The export workers, loaded as a worker would load them: each answers its own messages and nothing else in it
 * listens. (The layout code it draws with once brought the layout worker's listener along, which answered
 * every band request with a failed layout, and every PNG was painted on the page instead.)
 */
import { afterEach, expect, it, vi } from 'vitest';

const scope = globalThis as Record<string, unknown>;
const saved = { self: scope.self, addEventListener: scope.addEventListener, postMessage: scope.postMessage, WorkerGlobalScope: scope.WorkerGlobalScope };

afterEach(() => {
  Object.assign(scope, saved);
  vi.resetModules();
});

it.each([
  ['the PNG painter', () => import('../../../src/io/export/png.worker')],
  ['the SVG and PDF exporter', () => import('../../../src/io/export/export.worker')],
])('only %s listens in its worker', async (_name, load) => {
  // A worker's global scope: `self` is the global object, which is an instance of WorkerGlobalScope.
  function WorkerGlobalScope() {}
  WorkerGlobalScope.prototype = Object.getPrototypeOf(globalThis);
  const listen = vi.fn();
  Object.assign(scope, { self: globalThis, addEventListener: listen, postMessage: vi.fn(), WorkerGlobalScope });
  vi.resetModules();
  await load();
  expect(listen.mock.calls.filter(([type]) => type === 'message')).toEqual([]);
  expect(typeof (globalThis as { onmessage?: unknown }).onmessage).toBe('function');
  delete (globalThis as { onmessage?: unknown }).onmessage;
});
