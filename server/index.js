// @ts-check
/**
 * `npm run server`: serves the built app (run `npm run build` first) and shared maps on one port.
 *
 *   PORT        default 8080
 *   HOST        default 0.0.0.0 (every interface); 127.0.0.1 to serve this machine only
 *   DATA_DIR    where the SQLite file goes, default ./data
 *   STATIC_DIR  the built app, default ./dist
 *   REDIS_URL   redis://host:port or unix:///path/redis.sock: several server processes share rooms through it;
 *               unset, one process serves alone
 *
 * SIGTERM and SIGINT store every open room before the process ends.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const port = Number(env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not “${env.PORT}”.`);
  process.exit(2);
}

const server = await startServer({
  port,
  host: env.HOST || '0.0.0.0',
  dataDir: path.resolve(env.DATA_DIR || path.join(root, 'data')),
  staticDir: path.resolve(env.STATIC_DIR || path.join(root, 'dist')),
  redisUrl: env.REDIS_URL || undefined,
});
console.log(`Asset Map server listening on http://${server.host}:${server.port}${env.REDIS_URL ? ' (rooms shared through Redis)' : ''}`);

let stopping = false;
const stop = async (/** @type {string} */ signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: storing open maps, then stopping`);
  await server.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
