/**
 * Direction controls in user text: the invisible characters that embed, override or isolate a direction
 * (U+202A–U+202E, U+2066–U+2069). A stray one can make a name read differently from how it was typed ("evil" shown
 * as "live"), so the app shows them and offers to remove them. Marks (U+200E, U+200F) only nudge neutral
 * characters and are left alone.
 */
const CONTROLS: Record<string, string> = {
  '\u202a': 'left-to-right embedding',
  '\u202b': 'right-to-left embedding',
  '\u202c': 'pop directional formatting',
  '\u202d': 'left-to-right override',
  '\u202e': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
};

const PATTERN = /[\u202a-\u202e\u2066-\u2069]/g;

const code = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The direction controls a text holds, each once, in the order first met. */
export function directionControls(text: string): { code: string; name: string }[] {
  const seen = new Map<string, { code: string; name: string }>();
  for (const ch of text.match(PATTERN) ?? []) if (!seen.has(ch)) seen.set(ch, { code: code(ch), name: CONTROLS[ch]! });
  return [...seen.values()];
}

/** The text with each direction control written out as ⟨U+202E⟩, so that it can be seen. */
export const showDirectionControls = (text: string): string => text.replace(PATTERN, (ch) => `⟨${code(ch)}⟩`);

export const withoutDirectionControls = (text: string): string => text.replace(PATTERN, '');
