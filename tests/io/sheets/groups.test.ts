import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AssetMapDoc, commands, getAssets, getGroupMembers, groupOf } from '../../../src/model';
import { readCsv, readXlsx, rowsToContent, rowsToNewMap, writeCsv, writeGraphML, writeMarkdown, writeXlsx } from '../../../src/io/sheets';
import { renderMapSvg } from '../../../src/io/export/renderSvg';
import { groupedSunnydale } from '../../support/groupedMap';

/** Each asset's name with its group's name ('' for none). */
const groupsByName = (doc: AssetMapDoc) =>
  Object.fromEntries(getAssets(doc).map((a) => [a.label, groupOf(doc, a)?.name ?? '']));

describe('the Group column', () => {
  it('CSV: written after the worksheet’s columns, read back into the same groups (one group per name)', () => {
    const doc = groupedSunnydale();
    const csv = writeCsv(doc);
    expect(csv.split('\r\n')[0]).toMatch(/,Group(,|$)/);
    const read = readCsv(csv);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.rows.find((r) => r.name === 'School Partnership')!.group).toBe('Neighbourhood partners');
    const back = rowsToNewMap(read.value.rows, 'Back');
    expect(groupsByName(back)).toEqual(groupsByName(doc));
    expect(Object.values(back.groups!).map((g) => g.name).sort()).toEqual(["Children's services", 'Neighbourhood partners']);
  });

  it('XLSX: the same round trip through a workbook', async () => {
    const doc = groupedSunnydale();
    const read = await readXlsx(await writeXlsx(doc));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(groupsByName(rowsToNewMap(read.value.rows, 'Back'))).toEqual(groupsByName(doc));
  });

  it('a column headed “Groups” in any case is read too; names are joined to the map’s groups, case and spacing forgiven', () => {
    const read = readCsv('Name,Category,GROUPS\nTeen lounge,Space,  children\'s   SERVICES \nBookmobile,Material resource,Outreach\nAttic,Space,\n');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const doc = groupedSunnydale();
    const content = rowsToContent(doc, read.value.rows, 'merge');
    // "Outreach" is new; the children's services group is the map's own.
    expect(Object.values(content.groups!).map((g) => g.name)).toEqual(['Outreach']);
    commands.insertContent(doc, content);
    const byName = groupsByName(doc);
    expect(byName['Teen lounge']).toBe("Children's services");
    expect(byName.Bookmobile).toBe('Outreach');
    expect(byName.Attic).toBe('');
    expect(getGroupMembers(doc).get('g2')!.map((a) => a.label).sort()).toEqual(["Children's Services staff", 'Teen lounge'].sort());
  });

  it('a map without groups writes no Group column', () => {
    const doc = groupedSunnydale();
    delete doc.groups;
    for (const a of getAssets(doc)) delete (a as { group?: string }).group;
    expect(writeCsv(doc).split('\r\n')[0]).not.toMatch(/Group/);
  });
});

const hasNetworkx = spawnSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0;

describe('groups in GraphML, Markdown and images', () => {
  it('GraphML: a "group" attribute on each asset in one, which networkx reads', () => {
    if (!hasNetworkx) throw new Error("python3's networkx is missing: run scripts/system-deps.sh");
    const doc = groupedSunnydale();
    doc.groups!.g2!.name = 'Kids & <teens>';
    const file = join(mkdtempSync(join(tmpdir(), 'am-groups-')), 'g.graphml');
    writeFileSync(file, writeGraphML(doc), 'utf8');
    const script = 'import json, sys, networkx as nx\ng = nx.read_graphml(sys.argv[1])\nprint(json.dumps({n: d.get("group") for n, d in g.nodes(data=True)}))';
    const groups = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as Record<string, string | null>;
    expect(groups.children).toBe('Kids & <teens>');
    expect(groups.na1).toBe('Neighbourhood partners');
    expect(groups.friends).toBeNull();
    expect(groups['school.s0']).toBeNull();
  });

  it('Markdown: a Groups section listing each group’s assets, its text escaped', () => {
    const doc = groupedSunnydale();
    doc.groups!.g2!.name = '*Kids* <b>';
    const md = writeMarkdown(doc, { date: new Date(2026, 0, 2) });
    expect(md).toContain('## Groups');
    expect(md).toContain('- **\\*Kids\\* &lt;b&gt;** (1 asset): Children\'s Services staff');
    expect(md).toMatch(/- \*\*Neighbourhood partners\*\* \(3 assets, collapsed\): /);
  });

  it('SVG: an open group drawn as a frame with its name; a collapsed one as a card, its members not drawn', () => {
    const doc = groupedSunnydale();
    doc.groups!.g2!.name = '<Children & teens>';
    const svg = renderMapSvg(doc, { background: 'white', title: false, legend: false, embed: false });
    expect(svg).toContain('&lt;Children &amp; teens&gt;');
    expect(svg).not.toContain('<Children');
    expect(svg).toContain('Neighbourhood partners');
    expect(svg).toContain('GROUP · 3 ASSETS');
    // The collapsed group's members (and what hangs off them) are not drawn.
    expect(svg).not.toContain('School Partnership');
    expect(svg).not.toContain('Gym and Auditorium spaces');
    doc.groups!.g1!.collapsed = false;
    expect(renderMapSvg(doc, { background: 'white', title: false, legend: false, embed: false })).toContain('School Partnership');
  });
});
