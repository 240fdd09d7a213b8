/**
 * The native file's envelope, `{format, version, map}`, and what writing one takes: the part of mapFile.ts that
 * saving needs, small enough for the first view. Reading one back (`restore`, with its checks, repairs and
 * migrations) stays in mapFile.ts, loaded when a stored map or a file is first read.
 */
import type { AssetMapDoc } from '../model';
import { CURRENT_VERSION } from './migrations';

export const FORMAT = 'asset-map';
export { CURRENT_VERSION };

/** What every saved copy of a map is: a file, an image's payload, a browser record, the journal. */
export interface Envelope {
  format: typeof FORMAT;
  version: number;
  map: AssetMapDoc;
}

export const toEnvelope = (doc: AssetMapDoc): Envelope => ({ format: FORMAT, version: CURRENT_VERSION, map: doc });

export function serializeMap(doc: AssetMapDoc, space?: number): string {
  return JSON.stringify(toEnvelope(doc), null, space);
}

/** A file name from a map title: characters unsafe in file names replaced. */
export function fileNameFor(title: string, extension: string): string {
  const safe = title
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120);
  return `${safe || 'Asset map'}.assetmap.${extension}`;
}
