/**
 * The layout worker: runs layoutMap off the page's main thread, so that laying out a large map never freezes
 * the page. runLayout starts it and talks to it (layoutMessages.ts).
 *
 * Only this entry listens: other workers import the layout code (the PNG painter draws with it) and must not
 * answer their own messages with layouts.
 */
import { handleLayoutRequest } from './layoutHandler';
import type { LayoutReply, LayoutRequest } from './layoutMessages';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<LayoutRequest>) => void): void;
  postMessage(message: LayoutReply, transfer: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
  const reply = handleLayoutRequest(event.data);
  const transfer = 'result' in reply ? [reply.result.xy.buffer, reply.result.start.buffer, reply.result.points.buffer] : [];
  scope.postMessage(reply, transfer);
});
