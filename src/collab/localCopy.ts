/** The browser's copy of shared maps' Yjs state, in IndexedDB (one record per room). */
import { openDB } from 'idb';
import type { LocalCopy } from './session';

const DB = 'asset-map-shared';
const STORE = 'rooms';

export function indexedDbCopy(): LocalCopy {
  const db = openDB(DB, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
  });
  return {
    async load(room) {
      const value: unknown = await (await db).get(STORE, room);
      return value instanceof Uint8Array ? value : undefined;
    },
    async save(room, state) {
      await (await db).put(STORE, state, room);
    },
  };
}
