/**
 * The service worker: after the first visit, Asset Map opens and works with no network.
 *
 * Each build bakes in its own list of files (see offlinePlugin.ts, which prepends `__ASSET_MAP_BUILD__` to this
 * script): the app shell (index.html and everything the first visit loads) is fetched into a cache named after
 * the build when the worker installs; chunks loaded on demand (export, PDF, Excel) are kept in the same cache the
 * first time the app fetches them. The cache name changes with every build, so a new deployment installs a new
 * worker alongside the old one, and on activation the old caches are deleted — after carrying over the on-demand
 * chunks the new build still uses (their names carry a content hash, so same name means same bytes).
 *
 * The shell is served from the cache first: the files of one build always come together, and a page never mixes
 * an old index.html with new chunks. A new build reaches the user on the next visit after the worker has updated.
 *
 * Runs in the service worker scope, not the page: it imports nothing and touches no DOM. The few service worker
 * types it needs are declared here, because the project's TypeScript setup is for pages.
 */

/** What the build tells the worker (paths relative to the worker's own URL). */
interface BuildFiles {
  /** Differs whenever any built file differs. */
  version: string;
  /** Fetched on install: index.html, the JS and CSS it loads, the manifest and icons. */
  shell: string[];
  /** Every other file of the build: kept once fetched. */
  lazy: string[];
}

declare const __ASSET_MAP_BUILD__: BuildFiles;

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface WorkerScope {
  readonly location: { readonly href: string; readonly origin: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const BUILD = __ASSET_MAP_BUILD__;
/** Every cache this app makes starts so; caches of other apps on the same origin are left alone. */
const PREFIX = 'asset-map-';
const CACHE = `${PREFIX}${BUILD.version}`;

const absolute = (path: string) => new URL(path, worker.location.href).href;
const SHELL_PAGE = absolute('index.html');
/** The addresses that open the app: the folder it is served from and its index.html. */
const APP_PAGES = new Set([absolute('./'), SHELL_PAGE]);
const SHELL = new Set(BUILD.shell.map(absolute));
const LAZY = new Set(BUILD.lazy.map(absolute));

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await precacheShell();
      // Take over as soon as the shell is stored. Open pages keep the code they already run; the next visit gets the
      // new build, whole, from the new cache.
      await worker.skipWaiting();
    })(),
  );
});

/**
 * Stores every shell file, or none: a failed install leaves the previous version in charge, and a half-filled
 * cache is not left behind. Each file is checked before anything is stored (see isTheFile).
 *
 * Each body is read as soon as its response arrives. A response left unread holds its connection open, and when
 * the server sends `Cache-Control: no-store` the browser cannot park the body in its HTTP cache either: with more
 * shell files than the browser opens connections to one host, the later fetches would wait for ever and the
 * worker would stay "installing".
 */
async function precacheShell() {
  try {
    const files = await Promise.all(
      [...SHELL].map(async (url) => {
        // `reload` skips the HTTP cache: the shell must be this build's files, not what the browser kept from before.
        const response = await fetch(new Request(url, { cache: 'reload' }));
        if (!isTheFile(url, response)) throw new Error(`${url} did not arrive as itself (${response.status})`);
        return [url, await readWhole(response)] as const;
      }),
    );
    const cache = await caches.open(CACHE);
    await Promise.all(files.map(([url, response]) => cache.put(url, response)));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
}

/**
 * The response with its body read into memory. The copy also forgets a redirect: hosts that send /index.html on
 * to / would otherwise leave a response that browsers refuse to use for a page load.
 */
async function readWhole(response: Response): Promise<Response> {
  const body = await response.blob();
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      for (const name of await caches.keys()) {
        if (!name.startsWith(PREFIX) || name === CACHE) continue;
        await carryOver(await caches.open(name), cache);
        await caches.delete(name);
      }
      // Pages opened before this worker existed (the first visit) are served by it from now on.
      await worker.clients.claim();
    })(),
  );
});

/** Copies the on-demand chunks this build shares with an older one, so an update does not lose them offline. */
async function carryOver(from: Cache, to: Cache) {
  for (const request of await from.keys()) {
    if (!LAZY.has(request.url) || (await to.match(request))) continue;
    const response = await from.match(request);
    if (response) await to.put(request, response);
  }
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  const address = url.origin + url.pathname;
  if (request.mode === 'navigate' && APP_PAGES.has(address)) {
    event.respondWith(fromCache(SHELL_PAGE, request));
  } else if (SHELL.has(address)) {
    event.respondWith(fromCache(address, request));
  } else if (LAZY.has(address)) {
    event.respondWith(keepOnFetch(address, request, event));
  }
  // Anything else is not part of the app: the browser fetches it as if there were no worker.
});

/** The stored copy; the network only if the cache was cleared behind the worker's back. */
async function fromCache(key: string, request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  return (await cache.match(key)) ?? fetch(request);
}

/** The stored copy, or the network's, stored for next time. */
async function keepOnFetch(key: string, request: Request, event: FetchEvent): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(request);
  if (isTheFile(key, response)) event.waitUntil(cache.put(key, response.clone()));
  return response;
}

/**
 * Whether a response is the file asked for. A server that answers a missing file with its index page (as
 * single-page hosts do) would otherwise leave a page in the cache under a script's name — for good, as names of
 * built files never change.
 */
function isTheFile(key: string, response: Response): boolean {
  if (!response.ok || response.type !== 'basic') return false;
  return key.endsWith('.html') || !(response.headers.get('content-type') ?? '').includes('text/html');
}
