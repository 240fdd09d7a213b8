/**
 * The map as GraphML, which Gephi, yEd, Cytoscape and networkx read. Every node of the map is a node here,
 * strengths, weaknesses and improvements included, and each of those is joined to what it belongs to by an edge
 * of kind strength, weakness or improvement; relationship and "supports" edges keep their kind, tie and label.
 * Tie strength is also given as a numeric weight (strong 3, regular 2, weak 1) for tools that weigh edges.
 */
import { type AssetMapDoc, LEDGER_FIELDS, type MapNode, type TieStrength, groupOf, isAsset, isImprovement, isTrait } from '../../model';
import { getDrawnEdges } from '../../look/edges';
import { getNodesInOrder } from './order';
import { xmlEscape } from './xml';

const TIE_WEIGHTS: Record<TieStrength, number> = { strong: 3, regular: 2, weak: 1 };

interface Key {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: 'string' | 'double' | 'int';
}

const NODE_KEYS: Key[] = [
  { id: 'kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'label', for: 'node', name: 'label', type: 'string' },
  { id: 'details', for: 'node', name: 'details', type: 'string' },
  { id: 'x', for: 'node', name: 'x', type: 'double' },
  { id: 'y', for: 'node', name: 'y', type: 'double' },
  { id: 'tags', for: 'node', name: 'tags', type: 'string' },
  { id: 'areas', for: 'node', name: 'areas', type: 'string' },
  { id: 'passions', for: 'node', name: 'passions', type: 'string' },
  { id: 'formality', for: 'node', name: 'formality', type: 'string' },
  // The group an asset is in, by name (a branch, a department, a programme).
  { id: 'group', for: 'node', name: 'group', type: 'string' },
  { id: 'status', for: 'node', name: 'status', type: 'string' },
  { id: 'owner', for: 'node', name: 'owner', type: 'string' },
  // The ledger: contact owners by node id (space-separated), dates as ISO dates.
  { id: 'contactOwners', for: 'node', name: 'contact owners', type: 'string' },
  { id: 'lastContact', for: 'node', name: 'last contact', type: 'string' },
  { id: 'nextStep', for: 'node', name: 'next step', type: 'string' },
  { id: 'nextStepDue', for: 'node', name: 'next step due', type: 'string' },
  { id: 'partnershipType', for: 'node', name: 'partnership type', type: 'string' },
  { id: 'partnershipStatus', for: 'node', name: 'partnership status', type: 'string' },
  { id: 'seasonStart', for: 'node', name: 'season starts', type: 'string' },
  { id: 'seasonEnd', for: 'node', name: 'season ends', type: 'string' },
];

const EDGE_KEYS: Key[] = [
  { id: 'ekind', for: 'edge', name: 'kind', type: 'string' },
  { id: 'tie', for: 'edge', name: 'tie', type: 'string' },
  { id: 'weight', for: 'edge', name: 'weight', type: 'double' },
  { id: 'elabel', for: 'edge', name: 'label', type: 'string' },
];

/** The named details of nodes (a colleague's role, extra spreadsheet columns), one key each. */
function fieldKeys(nodes: MapNode[]): Map<string, Key> {
  const taken = new Set(NODE_KEYS.map((k) => k.name));
  const keys = new Map<string, Key>();
  for (const node of nodes) {
    if (!isAsset(node)) continue;
    for (const name of Object.keys(node.fields ?? {})) {
      if (keys.has(name)) continue;
      // A detail called "label" must not pass for the node's label.
      let attr = !name.trim() || taken.has(name) ? `field: ${name}` : name;
      while (taken.has(attr)) attr = `field: ${attr}`;
      taken.add(attr);
      keys.set(name, { id: `f${keys.size}`, for: 'node', name: attr, type: 'string' });
    }
  }
  return keys;
}

const data = (key: string, value: string | number | undefined) =>
  value === undefined || value === '' ? '' : `\n      <data key="${key}">${typeof value === 'number' ? value : xmlEscape(value)}</data>`;

export function writeGraphML(doc: AssetMapDoc): string {
  const nodes = getNodesInOrder(doc);
  const fields = fieldKeys(nodes);
  const keys = [...NODE_KEYS, ...fields.values(), ...EDGE_KEYS];
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${xmlEscape(k.name)}" attr.type="${k.type}"/>`),
    `  <graph id="${xmlEscape(doc.id)}" edgedefault="directed">`,
    `    <desc>${xmlEscape(doc.title)}</desc>`,
  ];
  for (const node of nodes) {
    let body = data('kind', node.kind) + data('label', node.label) + data('details', node.details);
    body += data('x', node.x) + data('y', node.y);
    if (node.tags?.length) body += data('tags', node.tags.join(', '));
    if (isTrait(node) && node.areas?.length) body += data('areas', node.areas.join(', '));
    if (isImprovement(node)) body += data('status', node.status) + data('owner', node.owner);
    if (isAsset(node)) {
      if (node.passions?.length) body += data('passions', node.passions.map((p) => p.text).join('; '));
      body += data('formality', node.formality);
      body += data('group', groupOf(doc, node)?.name);
      for (const field of LEDGER_FIELDS) {
        const v = node[field];
        body += data(field, Array.isArray(v) ? v.join(' ') : v);
      }
      for (const [name, value] of Object.entries(node.fields ?? {})) body += data(fields.get(name)!.id, value);
    }
    out.push(`    <node id="${xmlEscape(node.id)}">${body}\n    </node>`);
  }
  for (const edge of getDrawnEdges(doc)) {
    let body = data('ekind', edge.kind) + data('tie', edge.tie) + data('elabel', edge.label);
    if (edge.kind === 'relationship') body += data('weight', TIE_WEIGHTS[edge.tie ?? 'regular']);
    const ends = `source="${xmlEscape(edge.source)}" target="${xmlEscape(edge.target)}"`;
    out.push(`    <edge id="${xmlEscape(edge.id)}" ${ends}>${body}\n    </edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
