/**
 * The bytes of a text file to a string, the way spreadsheet programs save them: UTF-8 with or without a
 * byte-order mark (Google Sheets, LibreOffice, Excel's "CSV UTF-8"), UTF-16 with a mark (Excel's "Unicode text"),
 * and Windows-1252 (Excel's plain "CSV" on Windows). Anything else is not text, and is said so rather than read
 * as garbage.
 */
import { type Result, err, ok } from '../result';

export interface DecodedText {
  text: string;
  /** Set when the bytes were not UTF-8 and were read as Windows-1252. */
  legacy?: boolean;
}

/**
 * Control characters that never occur in a spreadsheet's text (tab, line feed and carriage return do). Bytes that
 * are not text, read as Windows-1252, give about one in nine of them. Replacement marks and C1 controls are not
 * counted: they are rare but legitimate in text that came from elsewhere.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Whether a string looks like text: no NUL, and hardly any control characters. */
export function isText(text: string): boolean {
  if (text.includes('\u0000')) return false;
  const controls = text.match(CONTROL)?.length ?? 0;
  return controls <= Math.max(2, text.length / 200);
}

function decode(bytes: Uint8Array, encoding: string, fatal = false): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-16 without a mark shows as a zero byte in every other place of ASCII text. */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.9 && evenZero === 0) return 'utf-16le';
  if (evenZero > half * 0.9 && oddZero === 0) return 'utf-16be';
  return undefined;
}

export function decodeText(input: string | ArrayBuffer | Uint8Array): Result<DecodedText, 'not-text'> {
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    return isText(text) ? ok({ text }) : err('not-text');
  }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  let text: string | undefined;
  let legacy = false;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decode(bytes, 'utf-16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decode(bytes, 'utf-16be');
  else {
    const wide = utf16Guess(bytes);
    if (wide) text = decode(bytes, wide);
    else {
      text = decode(bytes, 'utf-8', true);
      if (text === undefined) {
        text = decode(bytes, 'windows-1252');
        legacy = true;
      }
    }
  }
  if (text === undefined) return err('not-text');
  // TextDecoder drops a UTF-8 or UTF-16 byte-order mark itself; this catches one left by a double encoding.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!isText(text)) return err('not-text');
  return ok(legacy ? { text, legacy } : { text });
}
