/**
 * The Sunnydale example of the toolkit, pinned: every finding with its nodes and its reason, so that a change to
 * the lexicon or the ranking shows up here and is read again by a person before the pin moves.
 *
 * Moved when suggestions became needs and offers (December 2026), read pair by pair:
 * - gone: the English/Farsi speakers for "no ASL speakers" (Farsi does not help a deaf community);
 * - gone: NA2's building and the school's gym for "Large tables take up space, heavy to move" (another building
 *   does not move this room's tables; the improvement on the row asks for volunteers);
 * - gone: the school's teachers for NA2's "Has few members" (teachers are know-how, not members);
 * - kept: the PTA for "Has few members"; new: the PTA for the heavy tables (hands to move them, as the row's
 *   improvement says);
 * - new: NA2 and the technology it provides form a group that no relationship joins to Children's Services and
 *   its partners.
 */
import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample } from '../../src/model';
import { countFindingsByNode, getFindings } from '../../src/analysis';

const doc = () => buildExample(SUNNYDALE, 'sunnydale');

const PINNED: [string, string[], string][] = [
    ["unused-strength",["school.s1"],"The strength “PTA” of School Partnership does not support any program or asset yet, though it could help with 2 weaknesses of other assets."],
    ["unused-strength",["children.s0"],"The strength “Knowledgeable in early literacy” of Children's Services staff does not support any program or asset yet."],
    ["unused-strength",["na1.s0"],"The strength “Many bilingual - English/Farsi Speakers” of Neighborhood Association 1 does not support any program or asset yet."],
    ["unused-strength",["na2.s0"],"The strength “Owns a building with a large meeting space” of Neighborhood Association 2 does not support any program or asset yet."],
    ["unused-strength",["room.s0"],"The strength “50 person capacity” of Meeting Room does not support any program or asset yet."],
    ["unused-strength",["school.s0"],"The strength “Teachers” of School Partnership does not support any program or asset yet."],
    ["unused-strength",["school.s2"],"The strength “Gym and Auditorium spaces” of School Partnership does not support any program or asset yet."],
    ["unused-strength",["tech.s0"],"The strength “Technology partnership with Neighborhood Association 2” of Technology acquisition does not support any program or asset yet."],
    ["unheld-partner",["na2"],"No colleague has a relationship with Neighborhood Association 2."],
    ["unheld-partner",["na1"],"No colleague has a relationship with Neighborhood Association 1."],
    ["unheld-partner",["high"],"No colleague has a relationship with High school."],
    ["single-contact",["school","children"],"Only Children's Services staff has a relationship with School Partnership, so if that colleague leaves, the library could lose the partnership."],
    ["single-contact",["friends","children"],"Only Children's Services staff has a relationship with Friends group, so if that colleague leaves, the library could lose the partnership."],
    ["separate-groups",["na2","tech","school","children","friends"],"No relationship joins Neighborhood Association 2 and Technology acquisition with School Partnership, Children's Services staff and Friends group: the two groups share no partner or colleague."],
    ["open-weakness",["tech.w0"],"The weakness “Small budget” of Technology acquisition has no improvement yet."],
    ["unowned-improvement",["children.i0"],"No colleague owns the improvement “Work with community to find an ASL speaking volunteer to translate storytime” for Children's Services staff, and it is still an idea."],
    ["unowned-improvement",["na1.i0"],"No colleague owns the improvement “Work with the association to organize a carpool for volunteers” for Neighborhood Association 1, and it is still an idea."],
    ["unowned-improvement",["na2.i0"],"No colleague owns the improvement “Collaborate with the association to help recruit more members in exchange for resources” for Neighborhood Association 2, and it is still an idea."],
    ["unowned-improvement",["room.i0"],"No colleague owns the improvement “Work with volunteers to move large tables to the main floor” for Meeting Room, and it is still an idea."],
    ["unowned-improvement",["school.i0"],"No colleague owns the improvement “Work with the teachers and PTA to make a shared calendar that is updated weekly” for School Partnership, and it is still an idea."],
    ["suggested-connection",["school.s1","na2.w0"],"The strength “PTA” of School Partnership could help with the weakness “Has few members” of Neighborhood Association 2: both are about more hands to help."],
    ["suggested-connection",["school.s1","room.w0"],"The strength “PTA” of School Partnership could help with the weakness “Large tables take up space, heavy to move” of Meeting Room: both are about more hands to help."],
];

describe('Sunnydale Public Library', () => {
  it('has exactly these findings, in this order', () => {
    expect(getFindings(doc()).map((f) => [f.kind, f.nodeIds, f.reason])).toEqual(PINNED);
  });

  const pairs = () =>
    getFindings(doc())
      .filter((f) => f.kind === 'suggested-connection')
      .map((f) => `${f.nodeIds[0]} -> ${f.nodeIds[1]} (${f.areas!.join(', ')})`);

  it('suggests the connections a librarian would make', () => {
    expect(pairs()).toEqual(
      expect.arrayContaining([
        // The school's PTA for NA2, which has few members.
        'school.s1 -> na2.w0 (people)',
        // The PTA's parents, for tables too heavy to move.
        'school.s1 -> room.w0 (people)',
      ]),
    );
  });

  it('makes no nonsense pairs', () => {
    const found = pairs().join('\n');
    // NA1's weakness is about distance, not a shortage of people; nothing on the map is about distance.
    expect(found).not.toContain('-> na1.w0');
    // The school's busy schedule and the small budget have no strength about time or money to meet them.
    expect(found).not.toContain('-> school.w0');
    expect(found).not.toContain('-> tech.w0');
    // The Meeting Room's own capacity does not solve its own tables.
    expect(found).not.toContain('room.s0 ->');
    // A technology partnership has nothing to do with members, languages or space.
    expect(found).not.toContain('tech.s0 ->');
    // English/Farsi speakers do not help a deaf community that needs ASL.
    expect(found).not.toContain('na1.s0 -> children.w0');
    // Another building does not move this room's heavy tables.
    expect(found).not.toContain('na2.s0 -> room.w0');
    expect(found).not.toContain('school.s2 -> room.w0');
  });

  it('accepting each suggestion adds a "supports" edge from the strength to the asset with the weakness', () => {
    for (const f of getFindings(doc()).filter((x) => x.kind === 'suggested-connection')) {
      const weakness = doc().nodes[f.nodeIds[1]!];
      expect(f.accept).toEqual({ kind: 'supports', source: f.nodeIds[0], target: weakness && 'attachedTo' in weakness ? weakness.attachedTo : '' });
    }
  });

  it('counts findings per asset for the badges', () => {
    expect(Object.fromEntries(countFindingsByNode(getFindings(doc())))).toEqual({
      // Unused strength, partner no colleague holds, unowned improvement.
      na1: 3,
      // Three unused strengths, one colleague holds it, unowned improvement, two suggestions.
      school: 7,
      // Plus, for NA2 and the technology it provides, a group no relationship joins to the rest.
      na2: 5,
      // Unused strength, holds two partners alone, unowned improvement.
      children: 4,
      friends: 1,
      room: 3,
      tech: 3,
      high: 1,
    });
  });
});
