/**
 * Worker thread for capped runs: imports a bundled suite module, calls one of its exports with the given
 * arguments and posts the result back. The runner ends the thread when the cap passes.
 */
import { parentPort, workerData } from 'node:worker_threads';

const { url, exportName, args } = workerData;
try {
  const mod = await import(url);
  const value = await mod[exportName](...args);
  parentPort.postMessage({ ok: true, value });
} catch (e) {
  parentPort.postMessage({ ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) });
}
