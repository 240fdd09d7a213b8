/**
 * A comparison of two states of a map as a change list: Markdown for a report, CSV for a spreadsheet. Grouped
 * Added, Removed, Changed (and Moved, items that only changed place), each item named with its kind and what it
 * belongs to, each change in words. User text is data: escaped for Markdown, guarded in CSV.
 */
import { type ChangeStatus, type ItemChange, type MapDiff, describeChange, describeItem, partsWords } from '../../model';
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

/** The diff's changes with a given status, items before connections (those part of an asset's change left out). */
export function changesOf(diff: MapDiff, status: ChangeStatus): ItemChange[] {
  return [...diff.nodes, ...diff.edges].filter((c) => c.status === status && !c.partOf);
}

/** What happened to an item, in words, with what went along with an asset added or removed. */
function changeWords(c: ItemChange, parts: Map<string, string>, nameOf: (id: string) => string | undefined): string {
  if (c.status === 'added' || c.status === 'removed') return parts.get(c.id) ?? '';
  return describeChange(c, nameOf);
}

export function writeChangeListMarkdown(diff: MapDiff, info: ChangeListInfo): string {
  const parts = partsWords(diff);
  const out = [`# ${escapeLine(info.title)}`, '', `Changes from ${escapeInline(info.before)} to ${escapeInline(info.after)}.`, ''];
  for (const { status, heading } of CHANGE_GROUPS) {
    const list = changesOf(diff, status);
    out.push(`## ${heading} (${list.length})`, '');
    if (!list.length) out.push('Nothing.', '');
    for (const c of list) {
      const what = escapeInline(describeItem(c, info.nameOf));
      const words = changeWords(c, parts, info.nameOf);
      out.push(words ? `- ${what}: ${escapeInline(words)}` : `- ${what}`);
    }
    if (list.length) out.push('');
  }
  return out.join('\n');
}

export function writeChangeListCsv(diff: MapDiff, info: Pick<ChangeListInfo, 'nameOf'>): string {
  const parts = partsWords(diff);
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
      rows.push([heading, name, kind, owner, changeWords(c, parts, info.nameOf)]);
    }
  }
  return writeTableCsv(rows);
}
