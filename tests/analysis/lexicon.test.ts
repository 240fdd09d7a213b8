import { describe, expect, it } from 'vitest';
import { AREAS } from '../../src/model';
import { areasOf, passionAreas, programAreas, suggestAreas } from '../../src/analysis';
import { contentWords, singular, words } from '../../src/analysis/text';
import { weaknessNeeds } from '../../src/analysis/areas';

describe('words', () => {
  it('splits on punctuation, folds case and plurals, and drops possessives', () => {
    expect(words("Children's iPads, English/Farsi speakers; buses & classes").map((w) => w.norm)).toEqual([
      'child',
      'ipad',
      'english',
      'farsi',
      'speaker',
      'bus',
      'class',
    ]);
  });

  it('keeps words that only look plural', () => {
    for (const w of ['bus', 'class', 'campus', 'status', 'analysis', 'has', 'gas']) expect(singular(w)).toBe(w);
    expect(singular('libraries')).toBe('library');
    expect(singular('benches')).toBe('bench');
    expect(singular('tables')).toBe('table');
  });

  it('leaves stop words and numbers out of content words', () => {
    expect(contentWords('Has few members and a large space for 50')).toEqual(['member', 'space']);
  });
});

describe('suggestAreas', () => {
  it.each([
    ['Gym and Auditorium spaces', ['space']],
    ['Owns a building with a large meeting space', ['space']],
    ['Meeting room', ['space']],
    ['Large tables take up space, heavy to move', ['space']],
    ['Many bilingual - English/Farsi Speakers', ['language']],
    ['Large deaf community unable to access storytime, no ASL speakers', ['language']],
    ['Work with community to translate storytime', ['language']],
    ['Spanish conversation group', ['language']],
    ['Two iPads, 2 computers and 1 Wii', ['technology']],
    ['Provides technology', ['technology']],
    ['Small budget', ['funding']],
    ['Applied for a state grant', ['funding']],
    ['Teachers', ['people']],
    ['PTA', ['people']],
    ['Has few members', ['people']],
    ['Busy schedule makes coordination difficult', ['time']],
    ['Shared calendar', ['time']],
    ['Open 22 hours a week', ['time']],
    ['Distance from library makes it difficult to volunteer', ['transportation']],
    ['Organize a carpool', ['transportation']],
    ['Knowledgeable in early literacy', ['expertise']],
    ['Longstanding relationship with Gotham City High Schools', ['relationships']],
    ['Passionate about gardening', ['passion']],
    ['Technology partnership with Neighborhood Association 2', ['relationships', 'technology']],
    ['Meeting rooms open on weekends', ['space', 'time']],
  ])('%s', (text, areas) => {
    expect(suggestAreas(text)).toEqual(areas);
  });

  it('ignores case and punctuation, and folds plurals', () => {
    expect(suggestAreas('SPACE!!!')).toEqual(['space']);
    expect(suggestAreas('(spaces)')).toEqual(['space']);
    expect(suggestAreas('budgets.')).toEqual(['funding']);
    expect(suggestAreas('Wi-Fi hotspots')).toEqual(['technology']);
  });

  it('matches whole words only', () => {
    for (const text of ['Gymnastics club', 'Roommates', 'spacecraft', 'timeline', 'Budgeteer', 'Intelligent']) {
      expect(suggestAreas(text)).toEqual([]);
    }
  });

  it('gives nothing for stop words or empty text', () => {
    for (const text of ['', '   ', '!!!', 'it is what it is', 'and the of a', 'Fix it']) expect(suggestAreas(text)).toEqual([]);
  });

  it('counts acronyms only in capitals', () => {
    expect(suggestAreas('IT staff')).toEqual(['technology']);
    expect(suggestAreas('it helps staff')).toEqual(['people']);
  });

  it('does not let a word count inside a phrase that means something else', () => {
    expect(suggestAreas('Room for improvement')).toEqual([]);
    expect(suggestAreas('Runs a food drive')).toEqual([]);
    expect(suggestAreas('Board games')).toEqual([]);
    expect(suggestAreas('Arrive at the same time')).toEqual([]);
    expect(suggestAreas('Video games')).toEqual(['technology']);
    expect(suggestAreas('Sign language classes')).toEqual(['language']);
  });

  it('lets weak words count only when no strong word is there', () => {
    expect(suggestAreas('Volunteers')).toEqual(['people']);
    expect(suggestAreas('Parents')).toEqual(['people']);
    expect(suggestAreas('Parents need a van')).toEqual(['transportation']);
    // Teaching is an activity here; the need is time.
    expect(suggestAreas('Too busy to teach classes')).toEqual(['time']);
  });

  it('reads a head count as the size of a space', () => {
    expect(suggestAreas('50 person capacity')).toEqual(['space']);
    expect(suggestAreas('Seats 300 people')).toEqual(['space']);
    expect(suggestAreas('1 activity room (10 people)')).toEqual(['space']);
    expect(suggestAreas('Not enough people')).toEqual(['people']);
  });

  it('is deterministic and returns areas in the canonical order', () => {
    const text = 'Bilingual volunteers with a van, a grant, laptops and a meeting room on weekends';
    const first = suggestAreas(text);
    expect(suggestAreas(text)).toEqual(first);
    expect(first).toEqual(AREAS.filter((a) => first.includes(a)));
    expect(first).toEqual(['space', 'funding', 'technology', 'language', 'time', 'transportation']);
  });

  it('returns a copy the caller may change without touching later answers', () => {
    const a = suggestAreas('Small budget');
    a.push('space');
    expect(suggestAreas('Small budget')).toEqual(['funding']);
  });
});

describe('areasOf and passionAreas', () => {
  it('suggests from the label when the node has no areas field', () => {
    expect(areasOf({ label: 'Small budget' })).toEqual({ areas: ['funding'], suggested: true });
  });

  it("uses the user's areas when present, even against the words", () => {
    expect(areasOf({ label: 'Small budget', areas: ['people', 'time'] })).toEqual({ areas: ['people', 'time'], suggested: false });
  });

  it('treats an empty list as "no areas"', () => {
    expect(areasOf({ label: 'Small budget', areas: [] })).toEqual({ areas: [], suggested: false });
  });

  it('cleans a list from a file: unknown values dropped, each area once, canonical order', () => {
    const areas = ['time', 'nonsense', 'space', 'time'] as unknown as ('time' | 'space')[];
    expect(areasOf({ label: 'x', areas }).areas).toEqual(['space', 'time']);
  });

  it('never suggests Passion/Interest for a passion, but keeps it when the user sets it', () => {
    expect(passionAreas({ text: 'Loves technology' })).toEqual({ areas: ['technology'], suggested: true });
    expect(passionAreas({ text: 'Loves to cook' })).toEqual({ areas: [], suggested: true });
    expect(passionAreas({ text: 'Loves to cook', areas: ['passion'] })).toEqual({ areas: ['passion'], suggested: false });
    expect(passionAreas({ text: 'Loves technology', areas: [] })).toEqual({ areas: [], suggested: false });
  });

  it('gives a weakness about an untapped capacity no need to meet, unless the user sets areas', () => {
    expect(areasOf({ label: 'Untapped source of expertise and activities' }).areas).toEqual(['expertise']);
    expect(weaknessNeeds({ label: 'Untapped source of expertise and activities' })).toEqual([]);
    expect(weaknessNeeds({ label: 'Untapped source of expertise', areas: ['expertise'] })).toEqual(['expertise']);
    expect(weaknessNeeds({ label: 'Small budget' })).toEqual(['funding']);
  });

  it('reads a program from its name and details', () => {
    expect(programAreas({ label: 'Teen coding club' })).toEqual(['technology']);
    expect(programAreas({ label: 'Conversation circle', details: 'Practice English as a second language' })).toEqual(['language']);
  });
});
