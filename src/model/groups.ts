/**
 * Groups of assets (a branch, a department, a programme): who is in which, by name and by id, and what a
 * collapsed group hides. A member is an asset; what hangs off it (strengths, weaknesses, improvements) goes
 * where it goes.
 */
import { getAssets, getAttachmentIndex } from './doc';
import type { AssetMapDoc, AssetNode, MapGroup } from './types';

/** The longest group name kept. */
export const GROUP_NAME_MAX = 120;

/** A group name as stored: one line, spaces collapsed, trimmed, not too long; '' when nothing is left. */
export function cleanGroupName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().slice(0, GROUP_NAME_MAX);
}

/** Names compare without regard to case or spacing: "Children's services" and " children's  Services". */
export const groupNameKey = (name: string) => cleanGroupName(name).toLocaleLowerCase();

/** The map's groups, by name. */
export function getGroupsInOrder(doc: AssetMapDoc): MapGroup[] {
  return Object.values(doc.groups ?? {}).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The group of this name, if the map has one. */
export function findGroupByName(doc: AssetMapDoc, name: string): MapGroup | undefined {
  const key = groupNameKey(name);
  if (!key) return undefined;
  return getGroupsInOrder(doc).find((g) => groupNameKey(g.name) === key);
}

const membersCache = new WeakMap<AssetMapDoc, Map<string, AssetNode[]>>();

/** Group id -> its members in worksheet order; only groups the map has, and only those with members. */
export function getGroupMembers(doc: AssetMapDoc): Map<string, AssetNode[]> {
  const frozen = Object.isFrozen(doc);
  const cached = frozen ? membersCache.get(doc) : undefined;
  if (cached) return cached;
  const out = new Map<string, AssetNode[]>();
  const groups = doc.groups;
  if (groups) {
    for (const a of getAssets(doc)) {
      if (!a.group || !Object.hasOwn(groups, a.group)) continue;
      let list = out.get(a.group);
      if (!list) out.set(a.group, (list = []));
      list.push(a);
    }
  }
  if (frozen) membersCache.set(doc, out);
  return out;
}

/** Whether the map has a group with members. */
export const hasGroups = (doc: AssetMapDoc) => !!doc.groups && getGroupMembers(doc).size > 0;

/** The group an asset is in (undefined when none, or when its group is not on the map). */
export function groupOf(doc: AssetMapDoc, asset: AssetNode | undefined): MapGroup | undefined {
  const id = asset?.group;
  return id && doc.groups && Object.hasOwn(doc.groups, id) ? doc.groups[id] : undefined;
}

/** A group's members and everything that hangs off them: what its frame holds, and what collapsing it hides. */
export function getGroupContents(doc: AssetMapDoc, members: readonly AssetNode[]): string[] {
  const index = getAttachmentIndex(doc);
  const out: string[] = [];
  const stack = members.map((m) => m.id);
  const seen = new Set<string>();
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    for (const child of index.get(id) ?? []) stack.push(child.id);
  }
  return out;
}

const hiddenCache = new WeakMap<AssetMapDoc, ReadonlyMap<string, string>>();
const NONE: ReadonlyMap<string, string> = new Map();

/** Node id -> the collapsed group that hides it (its members and what hangs off them). */
export function getCollapsedContents(doc: AssetMapDoc): ReadonlyMap<string, string> {
  if (!doc.groups) return NONE;
  const frozen = Object.isFrozen(doc);
  const cached = frozen ? hiddenCache.get(doc) : undefined;
  if (cached) return cached;
  const out = new Map<string, string>();
  for (const [gid, members] of getGroupMembers(doc)) {
    if (!doc.groups[gid]?.collapsed) continue;
    for (const id of getGroupContents(doc, members)) out.set(id, gid);
  }
  if (frozen) hiddenCache.set(doc, out);
  return out;
}
