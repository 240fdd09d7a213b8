/** Shared by the spreadsheet tests: fixtures, and a document reduced to what a worksheet holds. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type AssetMapDoc, getAssets, getAttachmentIndex } from '../../../src/model';

export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))));

const sorted = (list: string[]) => [...list].sort();

export interface AssetSummary {
  kind: string;
  name: string;
  strengths: string[];
  weaknesses: string[];
  improvements: string[];
}

/** Each asset with its items as sorted lists (improvements wherever they hang), the assets sorted too. */
export function summarize(doc: AssetMapDoc): AssetSummary[] {
  const index = getAttachmentIndex(doc);
  return getAssets(doc)
    .map((a) => {
      const attached = index.get(a.id) ?? [];
      const of = (kind: string) => attached.filter((n) => n.kind === kind).map((n) => n.label);
      const onWeaknesses = attached.filter((n) => n.kind === 'weakness').flatMap((w) => (index.get(w.id) ?? []).map((n) => n.label));
      return {
        kind: a.kind,
        name: a.label,
        strengths: sorted(of('strength')),
        weaknesses: sorted(of('weakness')),
        improvements: sorted([...of('improvement'), ...onWeaknesses]),
      };
    })
    .sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
}

/** A counter for node ids, so documents built in tests are the same on every run. */
export function counterIds(prefix = 'id') {
  let n = 0;
  return () => `${prefix}${n++}`;
}
