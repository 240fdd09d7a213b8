// @ts-check
/**
 * Who may open a room. A room id is 128 random bits; each room has two secrets of 256 random bits, one for
 * editing and one for viewing, handed out once to whoever creates the room. The server keeps only their
 * SHA-256 hashes. A link carries the room id and one secret in its fragment (after `#`), which browsers never
 * send to a server, and the app sends the secret as the connection's token: secrets appear in no URL the server
 * sees, and the server writes them nowhere.
 */
import crypto from 'node:crypto';

const ROOM_ID = /^[A-Za-z0-9_-]{22}$/;

/** @param {number} bytes */
const random = (bytes) => crypto.randomBytes(bytes).toString('base64url');

/** @param {string} secret */
export const hashSecret = (secret) => crypto.createHash('sha256').update(secret, 'utf8').digest('hex');

/** @param {string} id */
export const isRoomId = (id) => ROOM_ID.test(id);

/** A new room: its id, its two secrets (to hand out) and their hashes (to keep). */
export function newRoom() {
  const edit = random(32);
  const view = random(32);
  return {
    id: random(16),
    edit,
    view,
    editHash: hashSecret(edit),
    viewHash: hashSecret(view),
    created: new Date().toISOString(),
  };
}

/**
 * What a token opens in a room: 'edit', 'view' or nothing.
 * @param {{ editHash: string, viewHash: string } | undefined} room
 * @param {unknown} token
 * @returns {'edit' | 'view' | undefined}
 */
export function accessOf(room, token) {
  if (!room || typeof token !== 'string' || token.length === 0 || token.length > 200) return undefined;
  const hash = Buffer.from(hashSecret(token), 'hex');
  if (crypto.timingSafeEqual(hash, Buffer.from(room.editHash, 'hex'))) return 'edit';
  if (crypto.timingSafeEqual(hash, Buffer.from(room.viewHash, 'hex'))) return 'view';
  return undefined;
}
