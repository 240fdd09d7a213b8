/**
 * The words in a node's header line, the same on the canvas and in exported images: the kind, then for a
 * strength or weakness the areas it is about (at most two, then "+N"), for an improvement its status.
 */
import { AREA_NAMES, type MapNode } from '../model';
import { KIND_STYLES } from '../look/theme';
import { areasOf } from './areas';

const STATUS_WORDS = { idea: 'idea', planned: 'planned', doing: 'in progress', done: 'done' } as const;
const SHOWN_AREAS = 2;

export function headerWords(node: MapNode): string {
  const name = KIND_STYLES[node.kind].name;
  if (node.kind === 'improvement') return `${name} · ${STATUS_WORDS[node.status] ?? String(node.status)}`;
  if (node.kind === 'strength' || node.kind === 'weakness') {
    const { areas } = areasOf(node);
    if (!areas.length) return name;
    const shown = areas.slice(0, SHOWN_AREAS).map((a) => AREA_NAMES[a].split('/')[0]);
    return `${name} · ${shown.join(', ')}${areas.length > SHOWN_AREAS ? ` +${areas.length - SHOWN_AREAS}` : ''}`;
  }
  return name;
}
