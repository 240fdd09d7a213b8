/** Reading weaknesses as needs and strengths, passions and programs as offers. */
import { describe, expect, it } from 'vitest';
import { HELP_KINDS, readNeed, readOffer } from '../../src/analysis';
import { SCARCITY_CUES, SPECIFICS } from '../../src/analysis/helpLexicon';
import { bestMatch } from '../../src/analysis/needOffer';

const need = (text: string, context?: string) => readNeed(text, context);
const offer = (text: string) => readOffer(text);

describe('a weakness read as a need', () => {
  it('names the kind of help that is lacking', () => {
    expect(need('Distance from library makes it difficult to volunteer').kinds).toEqual(['transport']);
    expect(need("Many residents no longer drive and can't get to the library").kinds).toEqual(['transport']);
    expect(need('Small budget').kinds).toEqual(['funding']);
    expect(need('Has few members').kinds).toEqual(['people']);
    expect(need('Devices often come back damaged').kinds).toEqual(['repair']);
    expect(need('Office closed evenings and weekends').kinds).toEqual(['hours']);
  });

  it('turns an offer word into a need only with a word of scarcity or negation', () => {
    expect(need('No projector').kinds).toEqual(['equipment']);
    expect(need('Only one room, no space for programs').kinds).toEqual(['venue']);
    expect(need('Holds only 10 people').kinds).toEqual(['venue']);
    expect(need('Lost its studio space this year').kinds).toEqual(['venue']);
    expect(need('Only 2 computers, often a line to use them').kinds).toEqual(['equipment']);
    // Mentioning a room is not lacking one.
    expect(need('Large tables take up space, heavy to move').kinds).toEqual(['people']);
    expect(need('Meeting room has old carpet').kinds).toEqual([]);
  });

  it('reads a room fully taken at certain times as a shortage of space, at those times', () => {
    const r = need('Fully booked on weekday evenings');
    expect(r.kinds).toEqual(['venue']);
    expect(r.specifics.part).toEqual(['evening']);
    expect(r.specifics.day).toEqual(['Friday', 'Monday', 'Thursday', 'Tuesday', 'Wednesday']);
  });

  it('names the language needed; a deaf community needs ASL', () => {
    expect(need('Large deaf community unable to access storytime, no ASL speakers').specifics.language).toEqual(['ASL']);
    expect(need('Needs volunteers who speak Spanish')).toMatchObject({ kinds: ['language'], specifics: { language: ['Spanish'] } });
    // English names no specific language: any language offer may help.
    expect(need('Instructions only in English')).toMatchObject({ kinds: ['language'], specifics: { language: [] } });
  });

  it('reads a lack of time as a need for hands, not for what the time was for', () => {
    expect(need('Too busy to teach computer classes').kinds).toEqual(['people']);
    expect(need('Part-time, 20 hours a week').kinds).toEqual(['people']);
  });

  it('takes specifics from the asset too, but no kinds', () => {
    const r = need('Cancelled when no volunteer can read', 'Saturday storytime');
    expect(r.kinds).toEqual(['people']);
    expect(r.specifics.day).toEqual(['Saturday']);
    expect(need('No meeting space of its own', 'Library building with a makerspace').kinds).toEqual(['venue']);
  });

  it('does not read times after "only" as the times help is needed', () => {
    expect(need('Works only Monday to Wednesday').specifics.day).toEqual([]);
  });

  it('reads nothing into a weakness about a capacity going unused', () => {
    expect(need('Untapped source of expertise and activities').kinds).toEqual([]);
  });
});

describe('a strength, passion or program read as an offer', () => {
  it('names what the asset has or can do', () => {
    expect(offer('Church van with a volunteer driver').kinds).toEqual(['transport']);
    expect(offer('Large hall with a kitchen, free on weekday evenings').kinds).toEqual(['venue', 'kitchen']);
    expect(offer('Raises about $8,000 a year at book sales').kinds).toEqual(['funding']);
    expect(offer('Seats 80')).toMatchObject({ kinds: ['venue'] });
    expect(offer('Looks after the lending devices and fixes most problems').kinds).toEqual(['repair']);
    // Repairing computers is not having computers to lend.
    expect(offer('Sets up and repairs the public computers').kinds).toEqual(['repair']);
  });

  it('takes back a word after a negation', () => {
    expect(offer('No van').kinds).toEqual([]);
    expect(offer('Not a driver but a good navigator').kinds).toEqual([]);
  });

  it('names languages, and drops English', () => {
    expect(offer('Many bilingual - English/Farsi Speakers')).toMatchObject({ kinds: ['language'], specifics: { language: ['Farsi'] } });
    expect(offer('Deaf storytellers').specifics.language).toEqual(['ASL']);
  });

  it('reads days, ranges of days, clock times and seasons', () => {
    const r = offer('Open Tuesday to Saturday until 8 pm');
    expect(r.kinds).toEqual(['hours']);
    expect(r.specifics.day).toEqual(['Friday', 'Saturday', 'Thursday', 'Tuesday', 'Wednesday']);
    expect(r.specifics.part).toEqual(['evening']);
    expect(offer('Outdoor garden, open in summer').specifics.season).toEqual(['summer']);
  });

  it('reads topics, which passions and programs are matched on', () => {
    expect(offer('Loves to cook').specifics.topic).toEqual(['cooking']);
    expect(offer('Anime and manga').specifics.topic).toEqual(['comics']);
    expect(offer('Teen Tech Lab. After-school drop-in: coding, 3D printing and sewing').specifics.topic).toEqual(['making', 'needlework', 'technology']);
  });
});

describe('an offer meets a need', () => {
  it('only of the same kind, with specifics that agree', () => {
    expect(bestMatch(offer('ASL interpreters'), need('No ASL speakers'))?.kind.id).toBe('language');
    expect(bestMatch(offer('Many bilingual - English/Farsi Speakers'), need('No ASL speakers'))).toBeUndefined();
    // A language offer must name the language needed.
    expect(bestMatch(offer('Bilingual volunteers'), need('No Spanish speakers'))).toBeUndefined();
    expect(bestMatch(offer('Hall free on weekday mornings'), need('Fully booked on weekday evenings'))).toBeUndefined();
    expect(bestMatch(offer('Hall free on Sunday afternoons'), need('Fully booked on Saturday mornings'))).toBeUndefined();
    expect(bestMatch(offer('Weekly food handout on Thursdays'), need('Part-time, 20 hours a week'))).toBeUndefined();
    expect(bestMatch(offer('Fixing old bikes'), need('Both computers often out of order', 'Two public computers'))).toBeUndefined();
    expect(bestMatch(offer('Can fix any computer'), need('Old computers are slow'))?.kind.id).toBe('repair');
  });

  it('lends only what is lacking: a gallery wall does not shorten a waiting list for hotspots', () => {
    expect(bestMatch(offer('Art department lends a gallery wall'), need('Long waiting list for hotspots'))).toBeUndefined();
    expect(bestMatch(offer('30 hotspots to lend'), need('Long waiting list for hotspots'))?.kind.id).toBe('equipment');
  });

  it('makes only a weak match of a need named by faint words', () => {
    expect(bestMatch(offer('Retired volunteers'), need('Part-time, 20 hours a week'))!.score).toBeLessThan(2);
    expect(bestMatch(offer('Retired volunteers'), need('Part-time volunteers, too few of them'))!.score).toBeGreaterThanOrEqual(2);
  });

  it('grades it: agreeing specifics make it strong, a missing topic makes it weak', () => {
    expect(bestMatch(offer('Members fluent in Spanish'), need('No Spanish speakers for storytime'))!.score).toBeGreaterThanOrEqual(3);
    expect(bestMatch(offer('Church minibus'), need('No way to reach the branch'))!.score).toBeGreaterThanOrEqual(2);
    expect(bestMatch(offer('Knowledgeable volunteers'), need('Nobody comfortable with computers'))!.score).toBeLessThan(2);
  });
});

describe('the tables', () => {
  it('are plain data: every kind has words for offers and needs and says what it is about', () => {
    for (const k of HELP_KINDS) {
      expect(k.offer.length + k.need.length).toBeGreaterThan(0);
      expect(k.about).toMatch(/^[a-z]/);
    }
    expect(SCARCITY_CUES).toEqual(expect.arrayContaining(['no', 'lack of', 'only', 'too few', 'far from', 'always full', 'out of order', 'closed']));
    expect(Object.keys(SPECIFICS.language)).toEqual(expect.arrayContaining(['ASL', 'Spanish', 'Farsi']));
  });
});
