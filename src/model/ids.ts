const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A short random id, unique enough for one map (10 base-36 characters, ~51 bits). */
export function newId(prefix = 'n'): string {
  const bytes = new Uint8Array(10);
  globalThis.crypto.getRandomValues(bytes);
  let id = prefix + '_';
  for (const b of bytes) id += ALPHABET[b % 36];
  return id;
}
