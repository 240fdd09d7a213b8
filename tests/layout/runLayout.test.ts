import { afterEach, describe, expect, it, vi } from 'vitest';
import { SUNNYDALE, buildExample } from '../../src/model';
import { layoutMap } from '../../src/layout/layoutMap';
import { runLayout } from '../../src/layout/runLayout';
import { handleLayoutRequest } from '../../src/layout/layoutHandler';
import {
  type LayoutRequest,
  packInput,
  packResult,
  unpackInput,
  unpackResult,
} from '../../src/layout/layoutMessages';
import { generateMap } from '../support/generateMap';

const options = { direction: 'LR' as const, spacing: 60 };

/**
 * A stand-in for the browser's Worker: messages go through structuredClone, as in a browser (so a function in
 * a request fails here as it would there), and replies come back asynchronously from the real handler.
 */
class FakeWorker {
  static created = 0;
  static terminated = 0;
  static hold = false;
  private listeners: Record<string, ((e: unknown) => void)[]> = {};
  readonly received: LayoutRequest[] = [];
  private held: LayoutRequest[] = [];
  constructor(
    readonly url: URL,
    readonly opts: WorkerOptions,
  ) {
    FakeWorker.created++;
  }
  addEventListener(type: string, fn: (e: unknown) => void) {
    (this.listeners[type] ??= []).push(fn);
  }
  postMessage(message: LayoutRequest) {
    const copy = structuredClone(message);
    this.received.push(copy);
    if (FakeWorker.hold) this.held.push(copy);
    else setTimeout(() => this.reply(copy), 0);
  }
  release() {
    for (const m of this.held.splice(0)) this.reply(m);
  }
  private reply(m: LayoutRequest) {
    const data = structuredClone(handleLayoutRequest(m));
    for (const fn of this.listeners.message ?? []) fn({ data });
  }
  terminate() {
    FakeWorker.terminated++;
  }
}

describe('runLayout', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeWorker.hold = false;
  });

  it('lays out on the calling thread where there are no workers (Node)', async () => {
    expect(typeof Worker).toBe('undefined');
    const doc = buildExample(SUNNYDALE, 's');
    expect(await runLayout(doc, options)).toEqual(layoutMap(doc, options));
  });

  it('in a browser, sends the map to a module worker and gives back the same result', async () => {
    let worker: FakeWorker | undefined;
    vi.stubGlobal(
      'Worker',
      class extends FakeWorker {
        constructor(url: URL, opts: WorkerOptions) {
          super(url, opts);
          worker = this;
        }
      },
    );
    const doc = buildExample(SUNNYDALE, 's');
    const sizeOf = (n: { id: string }) => (n.id === 'school' ? { width: 300, height: 90 } : undefined);
    const result = await runLayout(doc, { ...options, sizeOf });
    expect(worker!.opts).toEqual({ type: 'module' });
    expect(worker!.url.pathname).toMatch(/layout\.worker\.ts$/);
    // sizeOf, a function, cannot cross to a worker: it arrives as numbers, NaN where the size is computed.
    const { options: received } = unpackInput(worker!.received[0]!.input);
    expect(received).not.toHaveProperty('sizeOf');
    expect(received.sizes).toEqual({ school: { width: 300, height: 90 } });
    expect(result).toEqual(layoutMap(doc, { ...options, sizeOf }));
  });

  it('packs only what the layout reads, and unpacks to the same layout', () => {
    const doc = generateMap(60, 3);
    doc.reflect.q1 = 'a long answer';
    const { doc: unpacked, options: opts } = unpackInput(packInput(doc, 'TB', 80));
    expect(unpacked.reflect).toEqual({});
    expect(Object.keys(unpacked.nodes)).toEqual(Object.keys(doc.nodes));
    expect(unpacked.nodes.a0).not.toHaveProperty('passions');
    expect(opts).toEqual({ direction: 'TB', spacing: 80 });
    const expected = layoutMap(doc, { direction: 'TB', spacing: 80 });
    expect(layoutMap(unpacked, opts)).toEqual(expected);
    expect(unpackResult(structuredClone(packResult(expected)))).toEqual(expected);
  });

  it('reuses one worker, and an aborted layout ends it and rejects', async () => {
    // A fresh copy of the module, so that no worker is left over from another test.
    vi.resetModules();
    const { runLayout } = await import('../../src/layout/runLayout');
    FakeWorker.created = 0;
    FakeWorker.terminated = 0;
    vi.stubGlobal('Worker', FakeWorker);
    const doc = buildExample(SUNNYDALE, 's');
    await runLayout(doc, options);
    await runLayout(doc, options);
    expect(FakeWorker.created).toBe(1);
    FakeWorker.hold = true;
    const controller = new AbortController();
    const pending = runLayout(doc, options, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(FakeWorker.terminated).toBe(1);
    FakeWorker.hold = false;
    // The next layout starts a new worker.
    expect(await runLayout(doc, options)).toEqual(layoutMap(doc, options));
    expect(FakeWorker.created).toBe(2);
  });

  it('lays out on this thread if the worker cannot start, and stops trying workers', async () => {
    vi.resetModules();
    const { runLayout } = await import('../../src/layout/runLayout');
    let created = 0;
    class BrokenWorker {
      private onError: ((e: unknown) => void) | undefined;
      constructor() {
        created++;
      }
      addEventListener(type: string, fn: (e: unknown) => void) {
        if (type === 'error') this.onError = fn;
      }
      postMessage() {
        // As when the script is blocked or fails to load: an error event, never a message.
        setTimeout(() => this.onError?.({ message: 'blocked', preventDefault: () => undefined }), 0);
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', BrokenWorker);
    const doc = buildExample(SUNNYDALE, 's');
    expect(await runLayout(doc, options)).toEqual(layoutMap(doc, options));
    expect(await runLayout(doc, options)).toEqual(layoutMap(doc, options));
    expect(created).toBe(1);
  });

  it('reports an error in the layout as a reply, never by throwing in the worker', () => {
    const reply = handleLayoutRequest({ id: 3, input: null as never });
    expect(reply).toMatchObject({ id: 3, error: expect.any(String) });
  });
});
