import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample } from '../../src/model';
import { REFLECT_QUESTIONS, getFindings, getReflectFacts } from '../../src/analysis';
import { map } from './mapBuilder';

const factsOf = (doc: Parameters<typeof getFindings>[0]) => getReflectFacts(doc, getFindings(doc));

describe('REFLECT_QUESTIONS', () => {
  it("are the four questions of the toolkit's worksheet, in order", () => {
    expect(REFLECT_QUESTIONS.map((q) => q.id)).toEqual(['connect', 'leverage', 'talk', 'notice']);
    expect(REFLECT_QUESTIONS[1]!.text).toBe('How can you leverage existing relationships and the passions and interests of colleagues?');
    for (const q of REFLECT_QUESTIONS) expect(q.text).toMatch(/^[A-Z].*\?$/);
  });
});

describe('getReflectFacts on Sunnydale', () => {
  const doc = buildExample(SUNNYDALE, 'sunnydale');
  const facts = factsOf(doc);

  it('connect: who holds which partners, and the suggested connections', () => {
    expect(facts.connect[0]).toBe("The colleague Children's Services staff has relationships with 2 partners: School Partnership and Friends group.");
    const suggestions = getFindings(doc).filter((f) => f.kind === 'suggested-connection');
    expect(facts.connect.slice(1)).toEqual(suggestions.map((f) => f.reason));
  });

  it('leverage: existing relationships with what the partner brings, and a note that no passions are recorded', () => {
    expect(facts.leverage).toEqual([
      "The colleague Children's Services staff has a strong relationship with School Partnership, whose strengths are “Teachers”, “PTA” and “Gym and Auditorium spaces”.",
      "The colleague Children's Services staff has a regular relationship with Friends group.",
      'No colleague has passions or interests on the map yet; adding them shows where they meet partners and programs.',
    ]);
  });

  it('talk: partners no one holds, and partners only one colleague holds', () => {
    expect(facts.talk).toEqual([
      '3 partners have no relationship with any colleague: Neighborhood Association 2, Neighborhood Association 1 and High school.',
      "Only Children's Services staff has a relationship with School Partnership and Friends group.",
    ]);
  });

  it('notice: counts, unused strengths and areas where needs meet no strength', () => {
    expect(facts.notice).toEqual([
      'The map has 8 assets: 5 partners, 1 colleague, 1 space and 1 resource.',
      '8 of 9 strengths support no program or asset yet, such as “PTA” of School Partnership, “Knowledgeable in early literacy” of Children\'s Services staff and “Many bilingual - English/Farsi Speakers” of Neighborhood Association 1.',
      'Weaknesses ask for getting people to the library, money and keeping schedules in step, and nothing on the map offers them: partners to look for.',
      'Space is the area with the most strengths: 3 of them.',
      '1 of 6 weaknesses has no improvement yet.',
      '5 improvements that are not done have no colleague responsible for them.',
    ]);
  });
});

describe('getReflectFacts with passions', () => {
  const b = () =>
    map()
      .asset('sam', 'staff', 'Sam', { passions: ['Spanish storytelling', 'Robotics', 'Loves to cook'] })
      .asset('lee', 'staff', 'Lee')
      .asset('centro', 'partner', 'Centro Latino')
      .strength('centro', 'Spanish speakers')
      .asset('club', 'program', 'Teen robotics club')
      .asset('market', 'community', "Farmers' market")
      .relationship('sam', 'centro', 'strong');

  it('leverage lists passions that relate to partners and programs, connected or not', () => {
    expect(factsOf(b().doc).leverage).toEqual([
      'The colleague Sam has a strong relationship with Centro Latino, whose strength is “Spanish speakers”.',
      'The passion or interest “Robotics” of Sam relates to the program Teen robotics club: both are about technology.',
      'The passion or interest “Spanish storytelling” of Sam relates to the strength “Spanish speakers” of Centro Latino: both are about Spanish.',
    ]);
  });

  it('talk names colleagues tied to no one and community assets no colleague knows', () => {
    expect(factsOf(b().doc).talk).toEqual([
      'Only Sam has a relationship with Centro Latino.',
      'The colleague Lee has no relationship with anyone on the map.',
      "No colleague has a relationship with the community asset Farmers' market.",
    ]);
  });

  it('reads well with a single strength', () => {
    expect(factsOf(b().doc).notice).toContain('The only strength on the map, “Spanish speakers” of Centro Latino, supports no program or asset yet.');
  });

  it('leaves dismissed suggestions out of the facts', () => {
    const doc = b().dismiss('suggest:sam>club').doc;
    expect(factsOf(doc).connect.join(' ')).not.toContain('Teen robotics club');
    // What a colleague could leverage does not depend on dismissals.
    expect(factsOf(doc).leverage.join(' ')).toContain('Teen robotics club');
  });
});

describe('getReflectFacts with a strength tagged Passion/Interest', () => {
  it('counts it as a passion of the colleague and matches it with programs', () => {
    const doc = map()
      .asset('lee', 'staff', 'Lee')
      .strength('lee', 'Loves knitting', ['passion'])
      .asset('knit', 'program', 'Knitting circle').doc;
    const leverage = factsOf(doc).leverage.join(' ');
    expect(leverage).not.toContain('No colleague has passions');
    expect(leverage).toContain('The passion or interest “Loves knitting” of Lee relates to the program Knitting circle: both are about needlework.');
    const ids = getFindings(doc).filter((f) => f.kind === 'suggested-connection').map((f) => f.id);
    expect(ids).toEqual(['suggest:lee>knit']);
  });
});

describe("getReflectFacts with a passion that meets another colleague's need", () => {
  it('lists it under leverage', () => {
    const doc = map()
      .asset('jo', 'staff', 'Jo', { passions: ['Knitting'] })
      .asset('kim', 'staff', 'Kim')
      .weakness('kim', 'No one to teach knitting at the circle').doc;
    expect(factsOf(doc).leverage).toContain(
      'The passion or interest “Knitting” of Jo could help with the weakness “No one to teach knitting at the circle” of Kim: both are about know-how to share (needlework).',
    );
  });
});

describe('getReflectFacts on an empty map', () => {
  it('says so under each question', () => {
    const facts = factsOf(map().doc);
    for (const q of REFLECT_QUESTIONS) expect(facts[q.id]).toEqual(['The map has no assets yet: add colleagues, partners, spaces and resources to see facts here.']);
  });
});

describe('getReflectFacts with a colleague strength tagged Passion/Interest', () => {
  it('counts it as a passion or interest, as the map shows it', () => {
    const doc = buildExample(SUNNYDALE, 'sunnydale');
    const strength = Object.values(doc.nodes).find((n) => n.kind === 'strength' && n.label === 'Knowledgeable in early literacy')!;
    (strength as { areas?: string[] }).areas = ['expertise', 'passion'];
    const leverage = factsOf(doc).leverage;
    expect(leverage.join(' ')).not.toContain('No colleague has passions or interests');
    expect(leverage).toContain("No colleague's passions or interests relate to a partner's strengths, a program or a need yet.");
  });
});
