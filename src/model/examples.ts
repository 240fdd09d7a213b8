/**
 * The built-in example maps, from the fictional libraries of the ConnectedLib capacity toolkit.
 * Positions are all zero here; the store lays an example out when it creates a map from it.
 */
import type { AssetKind, AssetMapDoc, ImprovementStatus, Passion, TieStrength } from './types';
import { emptyDoc } from './doc';

export interface ExampleRow {
  key: string;
  kind: AssetKind;
  label: string;
  strengths?: string[];
  weaknesses?: string[];
  /** Improvements of the asset; one given as [weakness index, text] improves that weakness. */
  improvements?: (string | [number, string])[];
  details?: string;
  fields?: Record<string, string>;
  passions?: string[];
  formality?: 'formal' | 'informal';
}

export interface ExampleSpec {
  title: string;
  rows: ExampleRow[];
  relationships?: [string, string, TieStrength][];
  /** [asset key, strength index, asset key]: that strength supports that asset. */
  supports?: [string, number, string][];
  improvementStatus?: ImprovementStatus;
}

export const SUNNYDALE: ExampleSpec = {
  title: 'Sunnydale Public Library',
  rows: [
    {
      key: 'na1',
      kind: 'partner',
      label: 'Neighborhood Association 1',
      formality: 'formal',
      strengths: ['Many bilingual - English/Farsi Speakers'],
      weaknesses: ['Distance from library makes it difficult to volunteer'],
      improvements: [[0, 'Work with the association to organize a carpool for volunteers']],
    },
    {
      key: 'school',
      kind: 'partner',
      label: 'School Partnership',
      formality: 'formal',
      strengths: ['Teachers', 'PTA', 'Gym and Auditorium spaces'],
      weaknesses: ['Busy schedule makes coordination difficult'],
      improvements: [[0, 'Work with the teachers and PTA to make a shared calendar that is updated weekly']],
    },
    {
      key: 'na2',
      kind: 'partner',
      label: 'Neighborhood Association 2',
      formality: 'formal',
      strengths: ['Owns a building with a large meeting space', 'Provides technology'],
      weaknesses: ['Has few members'],
      improvements: [[0, 'Collaborate with the association to help recruit more members in exchange for resources']],
    },
    {
      key: 'children',
      kind: 'staff',
      label: "Children's Services staff",
      details: '1 staff member',
      strengths: ['Knowledgeable in early literacy'],
      weaknesses: ['Large deaf community unable to access storytime, no ASL speakers'],
      improvements: [[0, 'Work with community to find an ASL speaking volunteer to translate storytime']],
    },
    {
      key: 'room',
      kind: 'space',
      label: 'Meeting Room',
      strengths: ['50 person capacity'],
      weaknesses: ['Large tables take up space, heavy to move'],
      improvements: [[0, 'Work with volunteers to move large tables to the main floor']],
    },
    {
      key: 'tech',
      kind: 'resource',
      label: 'Technology acquisition',
      fields: { Category: 'Technology' },
      strengths: ['Technology partnership with Neighborhood Association 2'],
      weaknesses: ['Small budget'],
    },
    { key: 'friends', kind: 'partner', label: 'Friends group', formality: 'formal' },
    { key: 'high', kind: 'partner', label: 'High school', formality: 'formal' },
  ],
  relationships: [
    ['children', 'school', 'strong'],
    ['children', 'friends', 'regular'],
  ],
  supports: [['na2', 1, 'tech']],
};

/** Builds a document from an example spec with deterministic ids (`<key>`, `<key>.s0`, `<key>.w0`, `<key>.i0`). */
export function buildExample(spec: ExampleSpec, id?: string): AssetMapDoc {
  const doc = emptyDoc(spec.title, id);
  spec.rows.forEach((row, order) => {
    doc.nodes[row.key] = {
      id: row.key,
      kind: row.kind,
      label: row.label,
      x: 0,
      y: 0,
      order,
      ...(row.details ? { details: row.details } : {}),
      ...(row.fields ? { fields: { ...row.fields } } : {}),
      ...(row.formality ? { formality: row.formality } : {}),
      ...(row.passions ? { passions: row.passions.map((text): Passion => ({ text })) } : {}),
    };
    const add = (kind: 'strength' | 'weakness', texts: string[] | undefined, prefix: string) =>
      texts?.forEach((label, i) => {
        const nid = `${row.key}.${prefix}${i}`;
        doc.nodes[nid] = { id: nid, kind, label, attachedTo: row.key, x: 0, y: 0, order: i };
      });
    add('strength', row.strengths, 's');
    add('weakness', row.weaknesses, 'w');
    row.improvements?.forEach((item, i) => {
      const [target, label] = typeof item === 'string' ? [row.key, item] : [`${row.key}.w${item[0]}`, item[1]];
      const nid = `${row.key}.i${i}`;
      doc.nodes[nid] = {
        id: nid,
        kind: 'improvement',
        label,
        attachedTo: target,
        status: spec.improvementStatus ?? 'idea',
        x: 0,
        y: 0,
        order: i,
      };
    });
  });
  spec.relationships?.forEach(([a, b, tie], i) => {
    const eid = `rel${i}`;
    doc.edges[eid] = { id: eid, kind: 'relationship', source: a, target: b, tie };
  });
  spec.supports?.forEach(([a, s, b], i) => {
    const eid = `sup${i}`;
    doc.edges[eid] = { id: eid, kind: 'supports', source: `${a}.s${s}`, target: b };
  });
  return doc;
}
