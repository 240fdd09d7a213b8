// @ts-check
/**
 * What the server keeps on disk, in one SQLite file (DATA_DIR/maps.sqlite): the rooms, each with the hashes of
 * its two secrets, and each room's shared document as one Yjs update. Several server processes on one machine
 * may share the file (WAL mode; writes wait for each other).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

/** @typedef {{ id: string, editHash: string, viewHash: string, created: string }} Room */

export class Storage {
  /** @param {string} dataDir */
  constructor(dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'maps.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS rooms (id TEXT PRIMARY KEY, edit_hash TEXT NOT NULL, view_hash TEXT NOT NULL, created TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS documents (room TEXT PRIMARY KEY, data BLOB NOT NULL, updated TEXT NOT NULL);
    `);
    this.insertRoom = this.db.prepare('INSERT INTO rooms (id, edit_hash, view_hash, created) VALUES (?, ?, ?, ?)');
    this.selectRoom = this.db.prepare('SELECT id, edit_hash AS editHash, view_hash AS viewHash, created FROM rooms WHERE id = ?');
    this.selectDoc = this.db.prepare('SELECT data FROM documents WHERE room = ?');
    this.upsertDoc = this.db.prepare(
      'INSERT INTO documents (room, data, updated) VALUES (?, ?, ?) ON CONFLICT(room) DO UPDATE SET data = excluded.data, updated = excluded.updated',
    );
  }

  /** @param {Room} room */
  addRoom(room) {
    this.insertRoom.run(room.id, room.editHash, room.viewHash, room.created);
  }

  /** @param {string} id @returns {Room | undefined} */
  room(id) {
    return /** @type {Room | undefined} */ (this.selectRoom.get(id));
  }

  /** @param {string} room @returns {Uint8Array | null} */
  load(room) {
    const row = /** @type {{ data: Buffer } | undefined} */ (this.selectDoc.get(room));
    return row ? new Uint8Array(row.data) : null;
  }

  /**
   * Stores a room's document. With `merge` (several processes), merged with what is stored already: a process
   * whose copy is behind (it has just loaded the room, another holds newer edits) can add to the stored state
   * but never take from it. One process alone holds everything it stored, and skips the cost of the merge.
   * @param {string} room
   * @param {Uint8Array} state
   * @param {boolean} [merge]
   */
  save(room, state, merge = false) {
    this.db.transaction(() => {
      const stored = merge ? this.load(room) : null;
      let data = state;
      if (stored) {
        const merged = new Y.Doc();
        Y.applyUpdate(merged, stored);
        Y.applyUpdate(merged, state);
        data = Y.encodeStateAsUpdate(merged);
        merged.destroy();
      }
      this.upsertDoc.run(room, Buffer.from(data), new Date().toISOString());
    })();
  }

  close() {
    this.db.close();
  }
}
