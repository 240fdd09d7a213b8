/**
 * Suggestions on rows from the toolkit's other fictional libraries (Gotham, Smallville), with a few rows a
 * librarian might add, read and judged pair by pair: each pinned pair is one a person would make, and the
 * pairs that used to come out wrong are named so that they stay out.
 */
import { describe, expect, it } from 'vitest';
import { getFindings } from '../../src/analysis';
import { map } from './mapBuilder';

const library = () =>
  map()
    .asset('hs', 'partner', 'Local high schools')
    .strength('hs', 'Longstanding relationship with Gotham City High Schools')
    .weakness('hs', "Teen services doesn't know what assignments students will have")
    .asset('museum', 'partner', 'Natural History Museum')
    .strength('museum', 'Students can get free tickets through the library or school')
    .weakness('museum', 'Untapped source of expertise and activities')
    .asset('teen', 'staff', 'Branch teen services staff', { passions: ['Video games', 'Anime'] })
    .strength('teen', 'Knows every regular teen by name')
    .weakness('teen', 'Short staffed on weekends')
    .asset('kids', 'staff', "Children's Services")
    .strength('kids', 'Knowledgeable in early literacy')
    .weakness('kids', 'No Spanish speakers')
    .asset('it', 'staff', 'IT staff')
    .strength('it', 'Can fix any computer')
    .weakness('it', 'Too busy to teach classes')
    .asset('vol', 'staff', 'Volunteers')
    .strength('vol', 'Retired teachers and engineers')
    .weakness('vol', 'Inconsistent availability, knowledge, and ability')
    .asset('aud', 'space', 'Auditorium')
    .strength('aud', 'Seats 300 people')
    .weakness('aud', 'Booked months ahead')
    .asset('room', 'space', '1 activity room (10 people)')
    .weakness('room', 'Too small for classes')
    .asset('garden', 'space', 'Outdoor garden')
    .strength('garden', 'Outdoor space for programs')
    .weakness('garden', 'No one to water it in summer')
    .asset('tech', 'resource', '2 computers, 1 Wii, 2 iPads')
    .strength('tech', 'Popular with teens')
    .weakness('tech', 'Old computers are slow')
    .asset('ref', 'staff', 'Reference librarian', { passions: ['Loves to cook', 'Reads a lot of fantasy'] })
    .asset('church', 'partner', 'Minister of the church across the street')
    .strength('church', 'Church hall with a kitchen')
    .strength('church', 'Congregation volunteers')
    .asset('code', 'program', 'Teen coding club');

const pairs = () =>
  getFindings(library().doc)
    .filter((f) => f.kind === 'suggested-connection')
    .map((f) => `${f.nodeIds[0]} -> ${f.nodeIds[1]} (${f.areas!.join(', ')})`);

describe('suggestions on the toolkit libraries', () => {
  it('are the pairs a librarian would make', () => {
    expect(pairs()).toEqual([
      // Whoever fixes computers, for the slow old ones.
      'it.s0 -> tech.w0 (technology)',
      // Bigger spaces, for a room too small for classes and an auditorium booked months ahead.
      'aud.s0 -> room.w0 (space)',
      'church.s0 -> aud.w0 (space)',
      'church.s0 -> room.w0 (space)',
      // Volunteers, for a garden no one waters, for IT staff too busy to teach, for a branch short of staff.
      'church.s1 -> garden.w0 (people)',
      'church.s1 -> it.w0 (people)',
      'church.s1 -> teen.w0 (people)',
      'garden.s0 -> aud.w0 (space)',
      'garden.s0 -> room.w0 (space)',
      'vol.s0 -> garden.w0 (people)',
      'vol.s0 -> it.w0 (people)',
      'vol.s0 -> teen.w0 (people)',
      // Early literacy know-how, for volunteers of uneven knowledge: weak, as the need names no topic.
      'kids.s0 -> vol.w0 (expertise)',
    ]);
  });

  it('leave out the pairs that read as nonsense', () => {
    const found = pairs().join('\n');
    // An untapped museum does not need a colleague's early literacy skills.
    expect(found).not.toContain('-> museum.w0');
    // IT staff are short of time, not of literacy expertise.
    expect(found).not.toContain('kids.s0 -> it.w0');
    // Liking video games is not coding: the coding club is not suggested for it.
    expect(found).not.toContain('teen -> code');
    // 300 seats are a space, not a team for a branch short of staff.
    expect(found).not.toContain('aud.s0 -> teen.w0');
    // Cooking and fantasy novels match nothing on this map.
    expect(found).not.toMatch(/^ref /m);
  });
});
