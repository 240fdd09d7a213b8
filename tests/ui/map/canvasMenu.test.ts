import { describe, expect, it, vi } from 'vitest';
import { type AssetMapDoc, commands, emptyDoc } from '../../../src/model';
import { type MenuHandlers, type MenuItem, type MenuModel, buildMenu, placeMenu, placeSubmenu } from '../../../src/ui/map/canvasMenu';

function sample(): AssetMapDoc {
  const doc = emptyDoc('m', 'm');
  commands.addAsset(doc, { id: 'p', kind: 'partner', label: 'School Partnership', x: 0, y: 0 });
  commands.addAsset(doc, { id: 'c', kind: 'staff', label: 'Children’s staff', x: 300, y: 0 });
  commands.addAttachment(doc, { id: 's', kind: 'strength', attachedTo: 'p', label: 'Teachers', x: 0, y: 80 });
  commands.addAttachment(doc, { id: 'w', kind: 'weakness', attachedTo: 'p', label: 'Busy', x: 0, y: 140 });
  commands.addAttachment(doc, { id: 'i', kind: 'improvement', attachedTo: 'w', label: 'Calendar', x: 0, y: 200 });
  commands.linkAssets(doc, { id: 'r', kind: 'relationship', source: 'c', target: 'p', tie: 'weak' });
  commands.linkAssets(doc, { id: 'sup', kind: 'supports', source: 's', target: 'c' });
  return doc;
}

function handlers(): MenuHandlers & Record<string, ReturnType<typeof vi.fn>> {
  const names = ['editLabel', 'addItem', 'connectFrom', 'setKind', 'duplicate', 'remove', 'setTie', 'arrange', 'addAssetHere', 'paste', 'autoLayout', 'fitView', 'setGroup', 'newGroup', 'collapseGroup', 'renameGroup', 'ungroup'];
  return Object.fromEntries(names.map((n) => [n, vi.fn()])) as never;
}

const labels = (m: MenuModel | undefined) => m!.sections.map((s) => s.map((i) => i.label));
const item = (m: MenuModel | undefined, label: string): MenuItem => {
  const found = m!.sections.flat().find((i) => i.label === label);
  if (!found) throw new Error(`no item “${label}” in ${JSON.stringify(labels(m))}`);
  return found;
};
const open = { readOnly: false, canPaste: true };

describe('the map’s context menu', () => {
  it('offers on an asset what the rules allow, Duplicate among them, and each item runs its action', () => {
    const doc = sample();
    const h = handlers();
    const m = buildMenu(doc, { type: 'node', id: 'p' }, h, open);
    expect(m!.label).toBe('Actions for School Partnership');
    expect(labels(m)).toEqual([['Edit name'], ['Add strength', 'Add weakness', 'Add improvement'], ['Connect to…', 'Change kind', 'Add to group'], ['Duplicate', 'Delete']]);
    item(m, 'Add weakness').run!();
    expect(h.addItem).toHaveBeenCalledWith('weakness', 'p');
    item(m, 'Duplicate').run!();
    expect(h.duplicate).toHaveBeenCalledWith(['p']);
    const kinds = item(m, 'Change kind').items!;
    expect(kinds.filter((k) => k.checked).map((k) => k.label)).toEqual(['Partner']);
    kinds.find((k) => k.label === 'Colleague')!.run!();
    expect(h.setKind).toHaveBeenCalledWith(['p'], 'staff');
  });

  it('offers only what applies to a strength, a weakness and an improvement', () => {
    const doc = sample();
    expect(labels(buildMenu(doc, { type: 'node', id: 's' }, handlers(), open))).toEqual([['Edit name'], ['Connect to…'], ['Duplicate', 'Delete']]);
    expect(labels(buildMenu(doc, { type: 'node', id: 'w' }, handlers(), open))).toEqual([['Edit name'], ['Add improvement'], ['Duplicate', 'Delete']]);
    expect(labels(buildMenu(doc, { type: 'node', id: 'i' }, handlers(), open))).toEqual([['Edit name'], ['Duplicate', 'Delete']]);
  });

  it('adds assets to a group: the map’s groups (theirs checked), a new one, and out of it; a group’s frame has a menu of its own', () => {
    const doc = sample();
    commands.groupAssets(doc, { ids: ['p'], group: 'g', newGroup: { id: 'g', name: 'Partnerships team' } });
    const h = handlers();
    const m = buildMenu(doc, { type: 'node', id: 'p' }, h, open);
    const groups = item(m, 'Add to group').items!;
    expect(groups.map((g) => g.label)).toEqual(['Partnerships team', 'New group…', 'Remove from group']);
    expect(groups[0]!.checked).toBe(true);
    groups[1]!.run!();
    expect(h.newGroup).toHaveBeenCalledWith(['p']);
    const several = buildMenu(doc, { type: 'selection', ids: ['p', 'c', 's'] }, h, open);
    item(several, 'Add to group').items!.find((g) => g.label === 'Partnerships team')!.run!();
    expect(h.setGroup).toHaveBeenCalledWith(['p', 'c'], 'g');
    const frame = buildMenu(doc, { type: 'node', id: 'am-group:g' }, h, open);
    expect(frame!.label).toBe('Actions for group Partnerships team');
    expect(labels(frame)).toEqual([['Collapse group', 'Rename group…'], ['Ungroup'], ['Fit the map in view']]);
    item(frame, 'Collapse group').run!();
    expect(h.collapseGroup).toHaveBeenCalledWith('g', true);
  });

  it('offers Focus with 1, 2 or 3 steps where focus is available', () => {
    const h = { ...handlers(), focus: vi.fn() };
    const m = buildMenu(sample(), { type: 'node', id: 'p' }, h, open);
    const steps = item(m, 'Focus').items!;
    expect(steps.map((s) => s.label)).toEqual(['Within 1 step', 'Within 2 steps', 'Within 3 steps']);
    steps[1]!.run!();
    expect(h.focus).toHaveBeenCalledWith(['p'], 2);
  });

  it('on a relationship changes its tie; on "supports" there is no tie to change', () => {
    const doc = sample();
    const h = handlers();
    const m = buildMenu(doc, { type: 'edge', id: 'r' }, h, open);
    expect(labels(m)).toEqual([['Strong tie', 'Regular tie', 'Weak tie'], ['Delete']]);
    expect(item(m, 'Weak tie').checked).toBe(true);
    item(m, 'Strong tie').run!();
    expect(h.setTie).toHaveBeenCalledWith('r', 'strong');
    expect(labels(buildMenu(doc, { type: 'edge', id: 'sup' }, h, open))).toEqual([['Delete']]);
  });

  it('on a selection of several offers the multi-select commands, with those that need more items disabled', () => {
    const doc = sample();
    const h = handlers();
    const m = buildMenu(doc, { type: 'selection', ids: ['p', 'c'] }, h, open);
    expect(labels(m)).toEqual([['Change kind', 'Add to group'], ['Align left', 'Align top', 'Distribute across', 'Distribute down'], ['Duplicate', 'Delete']]);
    expect(item(m, 'Change kind').items!.some((k) => k.checked)).toBe(false);
    expect(item(m, 'Distribute across').disabled).toBe(true);
    expect(item(m, 'Align left').disabled).toBeFalsy();
    item(m, 'Align top').run!();
    expect(h.arrange).toHaveBeenCalledWith(['p', 'c'], 'top');
  });

  it('on the empty map adds an asset there, pastes what was copied and lays out', () => {
    const h = handlers();
    const m = buildMenu(sample(), { type: 'canvas' }, h, open);
    expect(labels(m)).toEqual([['Add asset here', 'Paste', 'Auto layout'], ['Fit the map in view']]);
    item(m, 'Add asset here').items!.find((k) => k.label === 'Space')!.run!();
    expect(h.addAssetHere).toHaveBeenCalledWith('space');
    const nothing = buildMenu(sample(), { type: 'canvas' }, h, { readOnly: false, canPaste: false });
    expect(item(nothing, 'Paste').disabled).toBe(true);
    expect(item(nothing, 'Paste').hint).toBeTruthy();
  });

  it('changes nothing on a read-only map, and says so when nothing is left', () => {
    const doc = sample();
    const ro = { readOnly: true, canPaste: true };
    expect(labels(buildMenu(doc, { type: 'node', id: 'p' }, handlers(), ro))).toEqual([['Nothing to change: this map is read-only']]);
    expect(labels(buildMenu(doc, { type: 'canvas' }, handlers(), ro))).toEqual([['Fit the map in view']]);
  });

  it('has no menu for something deleted meanwhile; a name is data, kept as typed', () => {
    const doc = sample();
    expect(buildMenu(doc, { type: 'node', id: 'gone' }, handlers(), open)).toBeUndefined();
    doc.nodes.p!.label = '<img src=x onerror=alert(1)>';
    expect(buildMenu(doc, { type: 'node', id: 'p' }, handlers(), open)!.label).toBe('Actions for <img src=x onerror=alert(1)>');
  });
});

describe('placing the menu', () => {
  const view = { width: 390, height: 844 };
  const menu = { width: 220, height: 300 };
  it('opens below and right of the point when there is room', () => {
    expect(placeMenu({ x: 50, y: 100 }, menu, view)).toEqual({ left: 50, top: 100 });
  });
  it('flips to the other side of the point near the right and bottom edges', () => {
    expect(placeMenu({ x: 300, y: 700 }, menu, view)).toEqual({ left: 80, top: 400 });
  });
  it('never leaves the window, even when it fits on neither side', () => {
    const p = placeMenu({ x: 200, y: 100 }, { width: 380, height: 900 }, view);
    expect(p.left).toBeGreaterThanOrEqual(0);
    expect(p.left + 380).toBeLessThanOrEqual(view.width);
    expect(p.top).toBeGreaterThanOrEqual(0);
  });
  it('puts a submenu beside its item, on the left when the right has no room, and inside the window on a phone', () => {
    const item = { left: 100, right: 300, top: 200, bottom: 234 };
    expect(placeSubmenu(item, { width: 180, height: 200 }, { width: 1440, height: 900 })).toEqual({ left: 300, top: 200 });
    expect(placeSubmenu({ left: 1100, right: 1300, top: 200, bottom: 234 }, { width: 180, height: 200 }, { width: 1440, height: 900 })).toEqual({ left: 920, top: 200 });
    const phone = placeSubmenu({ left: 40, right: 300, top: 700, bottom: 742 }, { width: 200, height: 240 }, view);
    expect(phone.left + 200).toBeLessThanOrEqual(view.width - 8);
    expect(phone.left).toBeGreaterThanOrEqual(8);
    expect(phone.top + 240).toBeLessThanOrEqual(view.height - 8);
  });
});
