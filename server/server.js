// @ts-check
/**
 * The Asset Map server: the built app and the collaboration endpoint on one port.
 *
 *   GET  /...          the app (STATIC_DIR, by default dist/)
 *   POST /api/rooms    creates a room: answers {room, edit, view} with the room id and its two secrets
 *   WS   /collab       Hocuspocus: a client authenticates with a room's edit or view secret as its token;
 *                      a view connection is read-only here, whatever the client does
 *
 * Rooms' documents are kept in SQLite; with a Redis URL, several processes share rooms through Redis.
 */
import http from 'node:http';
import { Hocuspocus } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { accessOf, isRoomId, newRoom } from './access.js';
import { Storage } from './storage.js';
import { staticFiles } from './staticFiles.js';

export const MB = 1024 * 1024;

/**
 * @typedef {object} ServerConfig
 * @property {number} port
 * @property {string} host
 * @property {string} dataDir
 * @property {string} staticDir
 * @property {string} [redisUrl]
 * @property {number} [maxMapBytes]     a room's document may not grow past this (default 20 MB)
 * @property {number} [maxUpdateBytes]  nor take a single message larger than this (default 2 MB)
 * @property {number} [debounceMs]      storing waits this long after the last change (default 2 s)
 * @property {number} [maxDebounceMs]   and never longer than this (default 10 s)
 * @property {(line: string) => void} [log]
 */

/** Close codes a client can tell apart (4000–4999 are the application's). */
export const CLOSE = {
  updateTooLarge: { code: 4413, reason: 'This change is too large for a shared map (over 2 MB in one piece).' },
  mapTooLarge: { code: 4414, reason: 'This shared map has reached its size limit (20 MB): it cannot grow further.' },
};

/**
 * Where a Redis URL points: redis://[:password@]host:port[/db], or unix:///path/to/redis.sock.
 * @param {string} url
 */
export function redisOptions(url) {
  const u = new URL(url);
  if (u.protocol === 'unix:') return { host: '', port: 0, options: { path: decodeURIComponent(u.pathname) } };
  /** @type {{ password?: string, db?: number }} */
  const options = {};
  if (u.password) options.password = decodeURIComponent(u.password);
  const db = Number(u.pathname.slice(1));
  if (Number.isInteger(db) && db > 0) options.db = db;
  return { host: u.hostname || '127.0.0.1', port: Number(u.port) || 6379, options };
}

/**
 * Starts a server and resolves once it listens.
 * @param {ServerConfig} config
 */
export async function startServer(config) {
  const log = config.log ?? ((line) => console.log(line));
  const maxMapBytes = config.maxMapBytes ?? 20 * MB;
  const maxUpdateBytes = config.maxUpdateBytes ?? 2 * MB;
  const storage = new Storage(config.dataDir);
  /** Bytes each loaded document takes, roughly: its size when loaded plus every change since (an upper bound). */
  const sizes = new WeakMap();

  /** @type {any[]} */
  const extensions = [];
  if (config.redisUrl) extensions.push(new Redis({ ...redisOptions(config.redisUrl), prefix: 'asset-map' }));
  extensions.push(
    new Database({
      fetch: async ({ documentName }) => storage.load(documentName),
      store: async ({ documentName, state }) => storage.save(documentName, state, !!config.redisUrl),
    }),
  );

  const hocuspocus = new Hocuspocus({
    quiet: true,
    debounce: config.debounceMs ?? 2000,
    maxDebounce: config.maxDebounceMs ?? 10000,
    extensions,
    async onAuthenticate({ documentName, token, connectionConfig }) {
      const access = isRoomId(documentName) ? accessOf(storage.room(documentName), token) : undefined;
      // The reason goes to the client and to the log: it names no secret.
      if (!access) throw new Error('Not allowed: unknown room or wrong secret');
      if (access === 'view') connectionConfig.readOnly = true;
      return { access };
    },
    async afterLoadDocument({ document }) {
      sizes.set(document, Y.encodeStateAsUpdate(document).byteLength);
    },
    async onChange({ document, update }) {
      sizes.set(document, (sizes.get(document) ?? 0) + update.byteLength);
    },
    async beforeHandleMessage({ document, update }) {
      if (update.byteLength > maxUpdateBytes) throw CLOSE.updateTooLarge;
      let size = sizes.get(document) ?? 0;
      if (size + update.byteLength > maxMapBytes) {
        // The running sum overcounts (edits replace one another): measure before refusing.
        size = Y.encodeStateAsUpdate(document).byteLength;
        sizes.set(document, size);
        if (size + update.byteLength > maxMapBytes) throw CLOSE.mapTooLarge;
      }
    },
  });

  const serveApp = staticFiles(config.staticDir);
  const httpServer = http.createServer((req, res) => {
    if (req.url === '/api/rooms' || req.url?.startsWith('/api/')) {
      handleApi(req, res);
      return;
    }
    serveApp(req, res);
  });

  /** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
  function handleApi(req, res) {
    const json = (/** @type {number} */ status, /** @type {unknown} */ body) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
    };
    if (req.url !== '/api/rooms') return json(404, { error: 'Not found' });
    if (req.method !== 'POST') return json(405, { error: 'Use POST to create a room' });
    // A JSON request cannot be sent from another site's page without the browser asking first (a preflight,
    // which this server does not answer): other sites cannot make their visitors create rooms here.
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return json(415, { error: 'Send the request as application/json' });
    // No body is read: a room starts empty and the creator puts the map in over the collaboration endpoint.
    req.resume();
    const room = newRoom();
    try {
      storage.addRoom(room);
    } catch (e) {
      log(`could not create a room: ${e instanceof Error ? e.message : e}`);
      return json(500, { error: 'The server could not create a room' });
    }
    log(`room ${room.id.slice(0, 4)}… created`);
    return json(201, { room: room.id, edit: room.edit, view: room.view });
  }

  // Frames up to twice the update limit still reach beforeHandleMessage, which refuses them in words; larger
  // ones are cut off by ws itself (close code 1009, "Max payload size exceeded") before they fill memory.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * maxUpdateBytes });
  wss.on('connection', (ws, request) => {
    ws.on('error', (e) => log(`connection error: ${e.message}`));
    hocuspocus.handleConnection(ws, request);
  });
  httpServer.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (pathname !== '/collab') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  await new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (httpServer.address());

  let stopping = false;
  return {
    port: address.port,
    host: address.address,
    hocuspocus,
    /** Stores every open room now, then closes all connections and the storage. */
    async stop() {
      if (stopping) return;
      stopping = true;
      httpServer.close();
      for (const [name, document] of hocuspocus.documents) {
        try {
          storage.save(name, Y.encodeStateAsUpdate(document), !!config.redisUrl);
        } catch (e) {
          log(`could not store room ${name.slice(0, 4)}…: ${e instanceof Error ? e.message : e}`);
        }
      }
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      for (const extension of extensions) await extension.onDestroy?.({ instance: hocuspocus });
      storage.close();
    },
  };
}
