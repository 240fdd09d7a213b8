/** Documents for the export tests: the laid-out Sunnydale example and hostile labels (generated maps: tests/support). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AssetMapDoc, SUNNYDALE, buildExample } from '../../../src/model';
import { layOutInPlace } from '../../../src/layout';

export const laidOut = layOutInPlace;

export const sunnydale = (): AssetMapDoc => laidOut(buildExample(SUNNYDALE, 'map_sunnydale'));

export const HOSTILE_LABELS = [
  '<img src=x onerror=alert(1)>',
  '</text><script>alert(1)</script>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  ']]><!-- &amp; &lt; <![CDATA[ x ]]>',
  'abc \u202Eevil\u202C def \u202E unclosed',
  'family \u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466} and flag \u{1F3F3}\uFE0F\u200D\u{1F308}',
  'nul\u0000 bell\u0007 vt\u000B ff\u000C esc\u001B c1\u0085 fffe\uFFFE end',
  'lone high \uD800 and lone low \uDC00 and pair \u{1F600}',
  'שלום עולם <b>bold</b>',
  'مرحبا بالعالم',
  'x'.repeat(100 * 1024),
  'word '.repeat(20 * 1024),
];

/** The PDF's fonts as the built app serves them, read from the packages (the URLs are paths under the project). */
export const fontsFromDisk = async (url: string): Promise<Uint8Array> => readFileSync(join(process.cwd(), url.replace(/^\//, '')));
