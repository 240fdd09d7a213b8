import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getGroupMembers } from '../../src/model';
import { groupedSunnydale } from '../support/groupedMap';
import { parseMapFile, serializeMap } from '../../src/io/mapFile';

describe('groups in the map file', () => {
  it('round-trip exactly: groups, their collapsed state and each asset’s group', () => {
    const doc = groupedSunnydale();
    const r = parseMapFile(serializeMap(doc));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.doc).toEqual(doc);
    expect(r.value.repairs).toEqual([]);
  });

  it('an old file, written before groups, opens unchanged and with none', () => {
    const text = fs.readFileSync(path.join(import.meta.dirname, 'fixtures', 'v1-sunnydale.assetmap.json'), 'utf8');
    const r = parseMapFile(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.doc.groups).toBeUndefined();
    expect(Object.values(r.value.doc.nodes).some((n) => 'group' in n)).toBe(false);
    expect(r.value.doc).toEqual(JSON.parse(text).map);
    expect(r.value.repairs).toEqual([]);
  });

  it('repairs what cannot be right: a group with no name, an asset in a group the map has not got, an item in a group', () => {
    const doc = groupedSunnydale() as unknown as { groups: Record<string, unknown>; nodes: Record<string, Record<string, unknown>> };
    doc.groups.nameless = { id: 'nameless', name: '   ' };
    doc.groups.empty = { id: 'empty', name: 'Nobody here' };
    doc.groups.g2 = { id: 'g2', name: '  Children’s\n services ', collapsed: 'yes' };
    doc.nodes.room!.group = 'missing';
    doc.nodes.friends!.group = 'nameless';
    doc.nodes['school.s0']!.group = 'g1';
    const r = parseMapFile(JSON.stringify({ format: 'asset-map', version: 1, map: doc }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const out = r.value.doc;
    expect(Object.keys(out.groups!).sort()).toEqual(['g1', 'g2']);
    expect(out.groups!.g2).toEqual({ id: 'g2', name: 'Children’s services' });
    expect(out.nodes.room).not.toHaveProperty('group');
    expect(out.nodes.friends).not.toHaveProperty('group');
    expect(out.nodes['school.s0']).not.toHaveProperty('group');
    expect([...getGroupMembers(out).get('g1')!].map((a) => a.id).sort()).toEqual(['na1', 'na2', 'school']);
    expect(r.value.repairs.join(' ')).toMatch(/4 damaged details were cleared/);
  });

  it('user text is data: a group named like markup or a prototype key is kept as text, or left out', () => {
    const doc = groupedSunnydale();
    doc.groups!.g2!.name = '<img src=x onerror=alert(1)>';
    const raw = JSON.parse(serializeMap(doc));
    raw.map.groups = { ...raw.map.groups, ['__proto__']: { id: '__proto__', name: 'x' } };
    const text = JSON.stringify(raw).replace('"__proto__":', '"__proto__":');
    const r = parseMapFile(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.doc.groups!.g2!.name).toBe('<img src=x onerror=alert(1)>');
    expect(Object.keys(r.value.doc.groups!).sort()).toEqual(['g1', 'g2']);
  });
});
