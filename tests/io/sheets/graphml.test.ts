import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildExample, commands, emptyDoc } from '../../../src/model';
import { EXAMPLES, SMALLVILLE } from '../../../src/model/moreExamples';
import { getDrawnEdges } from '../../../src/look';
import { writeGraphML } from '../../../src/io/sheets';

const hasNetworkx = spawnSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' }).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'assetmap-graphml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ReadBack {
  nodes: [string, Record<string, unknown>][];
  edges: [string, string, Record<string, unknown>][];
}

/** Reads a GraphML file with networkx and returns its nodes and edges with their data. */
function readWithNetworkx(xml: string, name: string): ReadBack {
  // As the PDF and SVG tests need poppler and rsvg-convert: a missing reader fails the test, it does not skip it.
  if (!hasNetworkx) throw new Error("python3's networkx is missing: run scripts/system-deps.sh");
  const file = join(dir, `${name}.graphml`);
  writeFileSync(file, xml, 'utf8');
  const script = [
    'import json, sys, networkx as nx',
    'g = nx.read_graphml(sys.argv[1])',
    'edges = g.edges(data=True)',
    'print(json.dumps({"nodes": [[n, d] for n, d in g.nodes(data=True)], "edges": [[u, v, d] for u, v, d in edges]}, ensure_ascii=False))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as ReadBack;
}

/** A map with text that XML must escape, controls it cannot hold, and a detail named like a built-in key. */
function trickyDoc() {
  const doc = emptyDoc('<Tricky> & "quoted"', 'map_t');
  commands.addAsset(doc, { id: 'a&b', kind: 'staff', label: 'Zoë <b>&amp;</b> "Ana"', x: 10, y: 20, fields: { label: 'not the label', 'Role ☕': 'Librarian\nTwo lines' } });
  commands.addAsset(doc, { id: 'p', kind: 'partner', label: 'انجمن محله ۱ 🙌', x: 300, y: 20, formality: 'informal' });
  commands.addAttachment(doc, { id: 's1', kind: 'strength', attachedTo: 'a&b', label: "it's <fine>\u0001\u000b", x: 0, y: 0, areas: ['language'] });
  commands.addAttachment(doc, { id: 'w1', kind: 'weakness', attachedTo: 'a&b', label: 'tabs\tand\r\nbreaks', x: 0, y: 0 });
  commands.addAttachment(doc, { id: 'i1', kind: 'improvement', attachedTo: 'w1', label: 'fix ]]> it', x: 0, y: 0, owner: 'a&b' });
  commands.linkAssets(doc, { id: 'r1', kind: 'relationship', source: 'a&b', target: 'p', tie: 'strong', label: 'meets <monthly>' });
  commands.linkAssets(doc, { id: 'sup', kind: 'supports', source: 's1', target: 'p' });
  return doc;
}

describe('GraphML', () => {
  it('declares its keys and escapes user text', () => {
    const xml = writeGraphML(trickyDoc());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns"')).toBe(true);
    expect(xml).toContain('<key id="kind" for="node" attr.name="kind" attr.type="string"/>');
    expect(xml).toContain('<key id="f0" for="node" attr.name="field: label" attr.type="string"/>');
    expect(xml).toContain('<node id="a&amp;b">');
    expect(xml).toContain('<data key="label">Zoë &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;Ana&quot;</data>');
    expect(xml).not.toContain('\u0001');
    expect(xml).toContain('<desc>&lt;Tricky&gt; &amp; &quot;quoted&quot;</desc>');
  });

  it('networkx reads back every node and edge of the tricky map, with their data', () => {
    const doc = trickyDoc();
    const back = readWithNetworkx(writeGraphML(doc), 'tricky');
    const nodes = new Map(back.nodes);
    expect([...nodes.keys()].sort()).toEqual(Object.keys(doc.nodes).sort());
    expect(nodes.get('a&b')).toMatchObject({ kind: 'staff', label: 'Zoë <b>&amp;</b> "Ana"', x: 10, y: 20, 'field: label': 'not the label', 'Role ☕': 'Librarian\nTwo lines' });
    expect(nodes.get('p')).toMatchObject({ kind: 'partner', label: 'انجمن محله ۱ 🙌', formality: 'informal' });
    expect(nodes.get('s1')).toMatchObject({ kind: 'strength', label: "it's <fine>", areas: 'language' });
    expect(nodes.get('w1')).toMatchObject({ kind: 'weakness', label: 'tabs\tand\r\nbreaks' });
    expect(nodes.get('i1')).toMatchObject({ kind: 'improvement', label: 'fix ]]> it', status: 'idea', owner: 'a&b' });
    const edges = back.edges.map(([u, v, d]) => [u, v, d.kind, d.tie, d.label, d.weight]);
    expect(edges.sort()).toEqual(
      [
        ['a&b', 's1', 'strength', undefined, undefined, undefined],
        ['a&b', 'w1', 'weakness', undefined, undefined, undefined],
        ['w1', 'i1', 'improvement', undefined, undefined, undefined],
        ['a&b', 'p', 'relationship', 'strong', 'meets <monthly>', 3],
        ['s1', 'p', 'supports', undefined, undefined, undefined],
      ].sort(),
    );
  });

  for (const [key, spec] of Object.entries(EXAMPLES)) {
    it(`networkx finds every node and edge of the ${key} example`, () => {
      const doc = buildExample(spec, `map_${key}`);
      const back = readWithNetworkx(writeGraphML(doc), key);
      expect(back.nodes.map(([id]) => id).sort()).toEqual(Object.keys(doc.nodes).sort());
      const expected = getDrawnEdges(doc).map((e) => `${e.source}>${e.target}:${e.kind}:${e.tie ?? ''}`);
      expect(back.edges.map(([u, v, d]) => `${u}>${v}:${d.kind}:${d.tie ?? ''}`).sort()).toEqual(expected.sort());
      for (const [id, data] of back.nodes) expect(data).toMatchObject({ kind: doc.nodes[id]!.kind, label: doc.nodes[id]!.label });
    });
  }

  it('keeps a colleague\'s passions and named details', () => {
    const back = readWithNetworkx(writeGraphML(buildExample(SMALLVILLE, 'map_s')), 'smallville-details');
    const librarian = new Map(back.nodes).get('librarian');
    expect(librarian).toMatchObject({
      passions: 'Loves to cook; Reads a lot of fantasy',
      'Community relationships': 'Meets the minister of the church across the street monthly',
    });
  });
});

describe('GraphML and the ledger', () => {
  it('carries each ledger field as a node attribute that networkx reads back', () => {
    const doc = emptyDoc('Ledger', 'map_lg');
    commands.addAsset(doc, { id: 'maria', kind: 'staff', label: 'Maria', x: 0, y: 0 });
    commands.addAsset(doc, { id: 'club', kind: 'partner', label: 'Boys & Girls Club', x: 200, y: 0 });
    commands.updateNode(doc, {
      id: 'club',
      patch: { contactOwners: ['maria'], lastContact: '2026-03-14', nextStep: 'Call about summer', nextStepDue: '2026-05-01', partnershipType: 'seasonal', partnershipStatus: 'active', seasonStart: '2026-06-01', seasonEnd: '2026-08-31' },
    });
    const { nodes } = readWithNetworkx(writeGraphML(doc), 'ledger');
    expect(Object.fromEntries(nodes)['club']).toMatchObject({
      'contact owners': 'maria',
      'last contact': '2026-03-14',
      'next step': 'Call about summer',
      'next step due': '2026-05-01',
      'partnership type': 'seasonal',
      'partnership status': 'active',
      'season starts': '2026-06-01',
      'season ends': '2026-08-31',
    });
  });
});
