/**
 * The map's context menu as plain data: what applies to a node, a connection, a selection of several or the
 * empty canvas, and where the menu goes on the screen. The component (ContextMenu.tsx) only draws it and runs
 * what is chosen; every action is one of the app's own (actions.ts, the store's commands), one undo step each.
 */
import {
  ASSET_KIND_ORDER,
  type AssetKind,
  type AssetMapDoc,
  type AttachedKind,
  TIE_STRENGTHS,
  type TieStrength,
  canAttach,
  canStartLink,
  getGroupsInOrder,
  groupOf,
  isAsset,
} from '../../model';
import { groupOfFrame } from './groupFrames';

/** What the menu was opened on. */
export type MenuTarget = { type: 'node'; id: string } | { type: 'edge'; id: string } | { type: 'selection'; ids: string[] } | { type: 'canvas' };

export interface MenuItem {
  label: string;
  run?: () => void;
  /** Shown, reachable with the keys, but not for choosing now; `hint` says why. */
  disabled?: boolean;
  /** The key that does the same, shown after the label ("Ctrl+D"); not part of the item's name. */
  keys?: string;
  /** A few words on the item (why it is disabled), shown after the label and read as its description. */
  hint?: string;
  /** One of a set of choices (a kind, a tie): the current one is checked. */
  checked?: boolean;
  /** A submenu. */
  items?: MenuItem[];
  danger?: boolean;
}

export interface MenuModel {
  /** The menu's accessible name ("Actions for School Partnership"). */
  label: string;
  /** Groups of items, drawn with separators between them. */
  sections: MenuItem[][];
}

export type Arrange = 'left' | 'top' | 'across' | 'down';
export type FocusSteps = 1 | 2 | 3;

/** What the items do: the app's own actions, bound by the component. */
export interface MenuHandlers {
  editLabel: (id: string) => void;
  addItem: (kind: AttachedKind, attachedTo: string) => void;
  connectFrom: (id: string) => void;
  setKind: (ids: string[], kind: AssetKind) => void;
  duplicate: (ids: string[]) => void;
  remove: (ids: string[]) => void;
  setTie: (edgeId: string, tie: TieStrength) => void;
  arrange: (ids: string[], how: Arrange) => void;
  addAssetHere: (kind: AssetKind) => void;
  paste: () => void;
  autoLayout: () => void;
  fitView: () => void;
  /** Puts the assets (or the assets of items) in a group; `undefined` takes them out of theirs. */
  setGroup: (ids: string[], group: string | undefined) => void;
  /** Asks for a new group's name (in the side panel) for these. */
  newGroup: (ids: string[]) => void;
  collapseGroup: (group: string, collapsed: boolean) => void;
  renameGroup: (group: string) => void;
  ungroup: (group: string) => void;
  /** Focus on what lies within some steps of these nodes; absent where focus is not offered. */
  focus?: (ids: string[], steps: FocusSteps) => void;
}

export interface MenuOptions {
  readOnly: boolean;
  /** Whether something copied in this tab is waiting to be pasted. */
  canPaste: boolean;
}

const ADD_LABELS: Record<AttachedKind, string> = { strength: 'Add strength', weakness: 'Add weakness', improvement: 'Add improvement' };
const TIE_NAMES: Record<TieStrength, string> = { strong: 'Strong tie', regular: 'Regular tie', weak: 'Weak tie' };
/** How the asset kinds read in a menu (the legend's words). */
export const KIND_MENU_NAMES: Record<AssetKind, string> = {
  partner: 'Partner',
  staff: 'Colleague',
  space: 'Space',
  resource: 'Resource',
  program: 'Program',
  community: 'Community asset',
};

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text) || '(empty)';

function focusItem(ids: string[], h: MenuHandlers): MenuItem[] {
  const focus = h.focus;
  if (!focus) return [];
  return [
    {
      label: 'Focus',
      items: ([1, 2, 3] as const).map((steps) => ({ label: steps === 1 ? 'Within 1 step' : `Within ${steps} steps`, run: () => focus(ids, steps) })),
    },
  ];
}

function kindItems(ids: string[], current: AssetKind | undefined, h: MenuHandlers): MenuItem {
  return {
    label: 'Change kind',
    items: ASSET_KIND_ORDER.map((kind) => ({ label: KIND_MENU_NAMES[kind], checked: kind === current, run: () => h.setKind(ids, kind) })),
  };
}

/** "Add to group": the map's groups (theirs checked), a new one, and out of the one they are in. */
function groupItems(doc: AssetMapDoc, ids: string[], h: MenuHandlers): MenuItem[] {
  const assets = ids.map((id) => doc.nodes[id]).filter(isAsset);
  if (!assets.length) return [];
  const assetIds = assets.map((a) => a.id);
  const current = assets.every((a) => a.group === assets[0]!.group) ? groupOf(doc, assets[0]) : undefined;
  const inAny = assets.some((a) => groupOf(doc, a));
  return [
    {
      label: 'Add to group',
      items: [
        ...getGroupsInOrder(doc).map((g) => ({ label: short(g.name), checked: g.id === current?.id, run: () => h.setGroup(assetIds, g.id) })),
        { label: 'New group…', run: () => h.newGroup(assetIds) },
        ...(inAny ? [{ label: 'Remove from group', run: () => h.setGroup(assetIds, undefined) }] : []),
      ],
    },
  ];
}

/** The menu of a group's frame or card. */
function groupMenu(doc: AssetMapDoc, gid: string, h: MenuHandlers, readOnly: boolean): MenuModel | undefined {
  const group = doc.groups?.[gid];
  if (!group) return undefined;
  const sections: MenuItem[][] = [];
  if (!readOnly) {
    sections.push([
      { label: group.collapsed ? 'Expand group' : 'Collapse group', run: () => h.collapseGroup(gid, !group.collapsed) },
      { label: 'Rename group…', run: () => h.renameGroup(gid) },
    ]);
    sections.push([{ label: 'Ungroup', run: () => h.ungroup(gid) }]);
  }
  sections.push([{ label: 'Fit the map in view', keys: '0', run: h.fitView }]);
  return { label: `Actions for group ${short(group.name)}`, sections };
}

/** The menu for a target, or undefined when the target is gone (deleted meanwhile). */
export function buildMenu(doc: AssetMapDoc, target: MenuTarget, h: MenuHandlers, { readOnly, canPaste }: MenuOptions): MenuModel | undefined {
  const sections: MenuItem[][] = [];
  const keep = (items: MenuItem[]) => {
    if (items.length) sections.push(items);
  };
  let label: string;
  if (target.type === 'node') {
    const gid = groupOfFrame(target.id);
    if (gid) return groupMenu(doc, gid, h, readOnly);
    const node = doc.nodes[target.id];
    if (!node) return undefined;
    const ids = [node.id];
    label = `Actions for ${short(node.label)}`;
    if (!readOnly) {
      keep([{ label: 'Edit name', keys: 'F2', run: () => h.editLabel(node.id) }]);
      keep(
        (['strength', 'weakness', 'improvement'] as const)
          .filter((kind) => canAttach(kind, node))
          .map((kind) => ({ label: ADD_LABELS[kind], run: () => h.addItem(kind, node.id) })),
      );
      keep([
        ...(canStartLink(node) ? [{ label: 'Connect to…', run: () => h.connectFrom(node.id) }] : []),
        ...(isAsset(node) ? [kindItems(ids, node.kind, h)] : []),
        ...groupItems(doc, ids, h),
      ]);
    }
    keep([...focusItem(ids, h)]);
    if (!readOnly) {
      keep([
        { label: 'Duplicate', keys: isAsset(node) ? 'Ctrl+D' : undefined, run: () => h.duplicate(ids) },
        { label: 'Delete', keys: 'Delete', danger: true, run: () => h.remove(ids) },
      ]);
    }
  } else if (target.type === 'edge') {
    const edge = doc.edges[target.id];
    if (!edge) return undefined;
    const a = doc.nodes[edge.source];
    const b = doc.nodes[edge.target];
    label = `Actions for the connection between ${short(a?.label ?? '')} and ${short(b?.label ?? '')}`;
    if (!readOnly) {
      if (edge.kind === 'relationship') {
        const tie = edge.tie ?? 'regular';
        keep(TIE_STRENGTHS.map((t) => ({ label: TIE_NAMES[t], checked: t === tie, run: () => h.setTie(edge.id, t) })));
      }
      keep([{ label: 'Delete', keys: 'Delete', danger: true, run: () => h.remove([edge.id]) }]);
    }
  } else if (target.type === 'selection') {
    const nodes = target.ids.map((id) => doc.nodes[id]).filter((n) => !!n);
    const edges = target.ids.filter((id) => doc.edges[id]);
    if (!nodes.length && !edges.length) return undefined;
    const ids = nodes.map((n) => n.id);
    label = `Actions for ${target.ids.length} selected items`;
    if (!readOnly && nodes.length) {
      const assets = nodes.filter(isAsset);
      if (assets.length) {
        const kind = assets.every((n) => n.kind === assets[0]!.kind) ? assets[0]!.kind : undefined;
        keep([kindItems(assets.map((n) => n.id), kind, h), ...groupItems(doc, ids, h)]);
      }
      keep([
        { label: 'Align left', disabled: nodes.length < 2, run: () => h.arrange(ids, 'left') },
        { label: 'Align top', disabled: nodes.length < 2, run: () => h.arrange(ids, 'top') },
        { label: 'Distribute across', disabled: nodes.length < 3, hint: nodes.length < 3 ? 'needs three' : undefined, run: () => h.arrange(ids, 'across') },
        { label: 'Distribute down', disabled: nodes.length < 3, hint: nodes.length < 3 ? 'needs three' : undefined, run: () => h.arrange(ids, 'down') },
      ]);
    }
    if (nodes.length) keep([...focusItem(ids, h)]);
    if (!readOnly) {
      keep([
        ...(nodes.length ? [{ label: 'Duplicate', keys: 'Ctrl+D', run: () => h.duplicate(ids) }] : []),
        { label: 'Delete', keys: 'Delete', danger: true, run: () => h.remove(target.ids) },
      ]);
    }
  } else {
    label = 'Map actions';
    if (!readOnly) {
      keep([
        { label: 'Add asset here', items: ASSET_KIND_ORDER.map((kind) => ({ label: KIND_MENU_NAMES[kind], run: () => h.addAssetHere(kind) })) },
        canPaste
          ? { label: 'Paste', keys: 'Ctrl+V', run: h.paste }
          : { label: 'Paste', disabled: true, hint: 'nothing copied in this tab; Ctrl+V pastes from others' },
        { label: 'Auto layout', run: h.autoLayout },
      ]);
    }
    keep([{ label: 'Fit the map in view', keys: '0', run: h.fitView }]);
  }
  if (!sections.length) sections.push([{ label: 'Nothing to change: this map is read-only', disabled: true }]);
  return { label, sections };
}

interface Size {
  width: number;
  height: number;
}

/** A gap kept between a menu and the window's edges. */
const MARGIN = 8;

/**
 * Where a menu opened at a point goes: below and right of it, flipped to the other side of the point where it
 * would leave the window, and never outside it (on a small screen it may then cover the point).
 */
export function placeMenu(at: { x: number; y: number }, menu: Size, view: Size): { left: number; top: number } {
  let left = at.x + menu.width + MARGIN > view.width ? at.x - menu.width : at.x;
  let top = at.y + menu.height + MARGIN > view.height ? at.y - menu.height : at.y;
  left = Math.max(MARGIN, Math.min(left, view.width - menu.width - MARGIN));
  top = Math.max(MARGIN, Math.min(top, view.height - menu.height - MARGIN));
  return { left, top };
}

/** Where a submenu goes: beside its item, on the side with room, its top level with the item's; inside the window. */
export function placeSubmenu(item: { left: number; right: number; top: number; bottom: number }, menu: Size, view: Size): { left: number; top: number } {
  let left = item.right + menu.width + MARGIN <= view.width ? item.right : item.left - menu.width;
  // No room on either side (a phone): over the parent menu, a little in, so that the item stays in sight.
  if (left < MARGIN) left = Math.min(item.left + 24, view.width - menu.width - MARGIN);
  let top = item.top + menu.height + MARGIN <= view.height ? item.top : item.bottom - menu.height;
  left = Math.max(MARGIN, Math.min(left, view.width - menu.width - MARGIN));
  top = Math.max(MARGIN, Math.min(top, view.height - menu.height - MARGIN));
  return { left, top };
}
