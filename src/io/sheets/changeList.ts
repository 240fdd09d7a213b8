/**
 * A comparison of two states of a map as a change list: Markdown for a report, CSV for a spreadsheet. Grouped
 * Added, Removed, Changed (and Moved, items that only changed place), each item named with its kind and what it
 * belongs to, each change in words. User text is data: escaped for Markdown, guarded in CSV.
 */
import { type ChangeStatus, type ItemChange, type MapDiff, describeChange, describeItem } from '../../model';
import { writeTableCsv } from './csv';
import { escapeInline, escapeLine } from './markdown';

export interface ChangeListInfo {
  title: string;
  /** What each side is, in words ("Spring 2026 review", "the map now"). */
  before: string;
  after: string;
  nameOf: (id: string) => string | undefined;
}

export const CHANGE_GROUPS: { status: ChangeStatus; heading: string }[] = [
  { status: 'added', heading: 'Added' },
  { status: 'removed', heading: 'Removed' },
  { status: 'changed', heading: 'Changed' },
  { status: 'moved', heading: 'Moved' },
];

/** The diff's changes with a given status, items before connections, in a stable order. */
export function changesOf(diff: MapDiff, status: ChangeStatus): ItemChange[] {
  return [...diff.nodes.filter((c) => c.status === status), ...diff.edges.filter((c) => c.status === status)];
}

export function writeChangeListMarkdown(diff: MapDiff, info: ChangeListInfo): string {
  const out = [`# ${escapeLine(info.title)}`, '', `Changes from ${escapeInline(info.before)} to ${escapeInline(info.after)}.`, ''];
  for (const { status, heading } of CHANGE_GROUPS) {
    const list = changesOf(diff, status);
    out.push(`## ${heading} (${list.length})`, '');
    if (!list.length) out.push('Nothing.', '');
    for (const c of list) {
      const what = escapeInline(describeItem(c, info.nameOf));
      out.push(status === 'added' || status === 'removed' ? `- ${what}` : `- ${what}: ${escapeInline(describeChange(c, info.nameOf))}`);
    }
    if (list.length) out.push('');
  }
  return out.join('\n');
}

export function writeChangeListCsv(diff: MapDiff, info: Pick<ChangeListInfo, 'nameOf'>): string {
  const rows: string[][] = [['Change', 'Item', 'Kind', 'Belongs to', 'What changed']];
  for (const { status, heading } of CHANGE_GROUPS) {
    for (const c of changesOf(diff, status)) {
      let name: string;
      let kind: string;
      let owner = '';
      if (c.item === 'node') {
        const n = (c.after ?? c.before)!;
        name = n.label;
        kind = n.kind;
        if ('attachedTo' in n) owner = info.nameOf(n.attachedTo) ?? '';
      } else {
        const e = (c.after ?? c.before)!;
        name = `${info.nameOf(e.source) ?? e.source} – ${info.nameOf(e.target) ?? e.target}`;
        kind = e.kind;
      }
      rows.push([heading, name, kind, owner, status === 'added' || status === 'removed' ? '' : describeChange(c, info.nameOf)]);
    }
  }
  return writeTableCsv(rows);
}
