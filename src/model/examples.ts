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

/** Gotham Public Library: urban, 17 branches; teen services rarely uses its partnerships. */
export const GOTHAM: ExampleSpec = {
  title: 'Gotham Public Library',
  rows: [
    {
      key: 'schools',
      kind: 'partner',
      label: 'Local high schools',
      formality: 'formal',
      strengths: ['Longstanding relationship with Gotham City High Schools'],
      weaknesses: ["Teen services doesn't know what assignments students will have"],
    },
    {
      key: 'museum',
      kind: 'partner',
      label: 'Natural History Museum',
      formality: 'formal',
      strengths: ['Students can get free tickets through the library or school'],
      weaknesses: ['Untapped source of expertise and activities'],
    },
    { key: 'teen', kind: 'staff', label: 'Branch teen services staff', details: 'Teen services staff across 17 branches' },
    { key: 'children', kind: 'staff', label: "Children's Services" },
    { key: 'it', kind: 'staff', label: 'IT staff' },
    {
      key: 'volunteers',
      kind: 'staff',
      label: 'Volunteers',
      weaknesses: ['Inconsistent availability, knowledge, and ability'],
    },
    { key: 'auditorium', kind: 'space', label: 'Auditorium', strengths: ['Room for 300 people'] },
  ],
  // Teen services seldom works with its partners: one weak tie to the schools, none to the museum.
  relationships: [
    ['teen', 'schools', 'weak'],
    ['teen', 'it', 'regular'],
    ['children', 'volunteers', 'regular'],
  ],
};

/** Smallville Library: rural, about 1,500 people, one full-time director and volunteers, open 22 hours a week. */
export const SMALLVILLE: ExampleSpec = {
  title: 'Smallville Library',
  rows: [
    {
      key: 'librarian',
      kind: 'staff',
      label: 'Reference librarian',
      passions: ['Loves to cook', 'Reads a lot of fantasy'],
      fields: {
        'Relationships with library staff': 'Talks regularly with the tech services supervisor and the volunteer coordinator',
        'Community relationships': 'Meets the minister of the church across the street monthly',
        'Organisational priorities': '',
        Stories: '',
      },
    },
    { key: 'director', kind: 'staff', label: 'Director', details: 'The one full-time staff member' },
    { key: 'techsup', kind: 'staff', label: 'Tech services supervisor' },
    { key: 'volcoord', kind: 'staff', label: 'Volunteer coordinator' },
    { key: 'volunteers', kind: 'staff', label: 'Volunteers' },
    {
      key: 'minister',
      kind: 'partner',
      label: 'Minister of the church across the street',
      formality: 'informal',
    },
    { key: 'church', kind: 'community', label: 'Church across the street' },
    { key: 'room', kind: 'space', label: '1 activity room (10 people)', weaknesses: ['Holds only 10 people'] },
    { key: 'garden', kind: 'space', label: 'Outdoor garden' },
    { key: 'computers', kind: 'resource', label: '2 computers' },
    { key: 'wii', kind: 'resource', label: '1 Wii' },
    { key: 'ipads', kind: 'resource', label: '2 iPads' },
    { key: 'eyes', kind: 'resource', label: '1,000 googly eyes (donation)', details: 'Donated' },
    { key: 'pigs', kind: 'resource', label: '2 guinea pigs' },
  ],
  relationships: [
    ['librarian', 'techsup', 'regular'],
    ['librarian', 'volcoord', 'regular'],
    // A monthly meeting: a regular tie, held by one colleague only.
    ['librarian', 'minister', 'regular'],
    ['minister', 'church', 'strong'],
    ['volcoord', 'volunteers', 'strong'],
  ],
};

export const EXAMPLES: Record<string, ExampleSpec> = { sunnydale: SUNNYDALE, gotham: GOTHAM, smallville: SMALLVILLE };
