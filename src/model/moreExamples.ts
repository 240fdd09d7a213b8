/**
 * The built-in examples beyond Sunnydale (which a first visit opens, examples.ts): in a module of their own, so
 * that the first view's JavaScript carries one example, not three. They load with the Maps list.
 */
import { type ExampleSpec, SUNNYDALE } from './examples';

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
