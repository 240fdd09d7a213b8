/**
 * Generated asset maps for benchmarks and tests: a library's internal asset map with a chosen number of assets,
 * reproducible from a seed. Shaped like a real review: a mix of colleagues, partners, spaces, resources, programs
 * and community assets, each with 2–4 strengths, 1–2 weaknesses and one improvement, and about 1.5 links per
 * asset drawn across the whole map (mostly colleague↔partner and colleague↔colleague relationships, some
 * strengths supporting programs). Labels come from word lists so that their lengths, and so node sizes, vary as
 * they would in a real map.
 *
 * Pure: no DOM, no Node APIs; the benchmarks of every layer and the tests reuse it.
 */
import type { AssetKind, AssetMapDoc, EdgeKind, ImprovementStatus, MapEdge, TieStrength } from '../../src/model';
import { emptyDoc, isAsset, seededRandom } from '../../src/model';

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/** Asset kinds and their shares of a map. */
const KIND_MIX: [AssetKind, number][] = [
  ['staff', 0.4],
  ['partner', 0.25],
  ['space', 0.1],
  ['resource', 0.15],
  ['program', 0.05],
  ['community', 0.05],
];

const FIRST = ['Maria', 'James', 'Aisha', 'Chen', 'Fatemeh', 'Diego', 'Priya', 'Sam', 'Olga', 'Kwame', 'Lena', 'Tom', 'Rosa', 'Yusuf', 'Hannah', 'Luis'];
const LAST = ['Lopez', 'Okafor', 'Nguyen', 'Smith', 'Rahimi', 'García', 'Patel', 'Kowalski', 'Brown', 'Haddad', 'Kim', 'Jensen'];
const ROLES = [
  'Teen Services Librarian',
  "Children's Services staff",
  'Branch Manager',
  'IT Technician',
  'Volunteer Coordinator',
  'Reference Librarian',
  'Technical Services Supervisor',
  'Outreach Specialist',
  'Adult Services Librarian',
  'Circulation Assistant',
  'Makerspace Lead',
  'Library Director',
];
const ORGS = ['Lincoln', 'Riverside', 'Oak Park', 'Northgate', 'Maple Street', 'Eastside', 'Harbor', 'Sunnydale', 'Westfield', 'Cedar Hill'];
const ORG_TYPES = [
  'High School',
  'Elementary School PTA',
  'Neighborhood Association',
  'Community College',
  'Parks and Recreation Department',
  'Friends of the Library',
  'Boys and Girls Club',
  'Historical Society',
  'Public Radio Station',
  'Makers Guild',
  'Refugee Resettlement Office',
  'Natural History Museum',
];
const PEOPLE_PARTNERS = ['Minister of the church across the street', 'Retired engineer who volunteers', 'Local author', 'Owner of the corner bakery', 'Parent volunteer'];
const SPACES = ['Meeting Room', 'Auditorium', 'Activity room', 'Outdoor garden', 'Makerspace', 'Study rooms', 'Teen lounge', 'Story time corner', 'Computer lab', 'Community kitchen'];
const RESOURCES = ['3D printer', 'Laptop lending kit', 'Local history collection', 'iPads', 'Video game consoles', 'Sewing machines', 'Telescope', 'Seed library', 'Board game collection', 'Recording studio equipment', 'Robotics kits'];
const PROGRAMS = ['Summer reading challenge', 'Teen coding club', 'Homework help', 'ESL conversation circle', 'Family maker night', 'Storytime in ASL', 'Job seekers lab', 'Youth podcast workshop'];
const COMMUNITY = ["Farmers' market", 'Community garden', 'Food bank', 'Senior center', 'Skate park', 'Mosque youth group', 'Public transit hub', 'Food truck festival'];

const SKILLS = ['early literacy', 'coding', 'grant writing', 'robotics', 'local history', 'gardening', 'video editing', 'cooking', 'ASL', 'Spanish', 'Farsi', 'game design', 'photography'];
const STRENGTHS = [
  (r: Rng) => `Knowledgeable in ${pick(r, SKILLS)}`,
  (r: Rng) => `Many bilingual - English/${pick(r, ['Farsi', 'Spanish', 'Mandarin', 'Somali', 'Arabic'])} speakers`,
  (r: Rng) => `${between(r, 10, 300)} person capacity`,
  () => 'Owns a building with a large meeting space',
  () => 'Provides technology',
  (r: Rng) => `Longstanding relationship with ${pick(r, ORGS)} families`,
  (r: Rng) => `Passionate about ${pick(r, SKILLS)} and ${pick(r, SKILLS)}`,
  () => 'Teachers',
  () => 'PTA',
  () => 'Free tickets for students through the library',
  (r: Rng) => `Open ${between(r, 2, 7)} evenings a week`,
  (r: Rng) => `Trusted by ${pick(r, ['teens', 'seniors', 'new immigrants', 'parents of toddlers', 'local businesses'])}`,
];
const WEAKNESSES = [
  () => 'Distance from library makes it difficult to volunteer',
  () => 'Busy schedule makes coordination difficult',
  () => 'Has few members',
  () => 'Small budget',
  () => 'Large tables take up space, heavy to move',
  (r: Rng) => `No ${pick(r, ['ASL', 'Spanish', 'Farsi', 'Somali'])} speakers on staff`,
  () => 'Inconsistent availability, knowledge, and ability',
  () => "Doesn't know what assignments students will have",
  () => 'Untapped source of expertise and activities',
  (r: Rng) => `Only open ${between(r, 6, 30)} hours a week`,
];
const IMPROVEMENTS = [
  (r: Rng) => `Work with the ${pick(r, ORG_TYPES).toLowerCase()} to organize a carpool for volunteers`,
  () => 'Make a shared calendar that is updated weekly',
  () => 'Collaborate to help recruit more members in exchange for resources',
  (r: Rng) => `Find a volunteer who speaks ${pick(r, ['ASL', 'Spanish', 'Farsi', 'Somali'])}`,
  () => 'Ask teachers for the assignment calendar at the start of each term',
  () => 'Apply for a small community grant',
  () => 'Move the large tables to the main floor with volunteers',
];

function assetLabel(rng: Rng, kind: AssetKind): string {
  switch (kind) {
    case 'staff':
      return rng() < 0.6 ? `${pick(rng, FIRST)} ${pick(rng, LAST)}, ${pick(rng, ROLES)}` : pick(rng, ROLES);
    case 'partner':
      return rng() < 0.8 ? `${pick(rng, ORGS)} ${pick(rng, ORG_TYPES)}` : pick(rng, PEOPLE_PARTNERS);
    case 'space':
      return pick(rng, SPACES);
    case 'resource':
      return pick(rng, RESOURCES);
    case 'program':
      return pick(rng, PROGRAMS);
    case 'community':
      return pick(rng, COMMUNITY);
  }
}

function pickKind(rng: Rng): AssetKind {
  let x = rng();
  for (const [kind, share] of KIND_MIX) {
    if (x < share) return kind;
    x -= share;
  }
  return 'staff';
}

/**
 * A map with `assets` assets, the same for the same (assets, seed) on every machine. Ids are readable and
 * stable: `a<i>` for assets, `a<i>.s<k>` / `.w<k>` / `.i0` for what hangs off them, `r<k>` and `u<k>` for
 * relationship and "supports" edges. Positions are zero: lay it out before drawing.
 */
export function generateMap(assets: number, seed: number): AssetMapDoc {
  const rng = seededRandom(seed);
  const doc: AssetMapDoc = { ...emptyDoc(`Generated map (${assets} assets, seed ${seed})`, `generated-${assets}-${seed}`), created: '2024-01-01T00:00:00.000Z' };
  const byKind = new Map<AssetKind, string[]>();
  const strengthsOf: string[][] = [];
  const statuses: ImprovementStatus[] = ['idea', 'planned', 'doing', 'done'];

  for (let i = 0; i < assets; i++) {
    const kind = pickKind(rng);
    const id = `a${i}`;
    doc.nodes[id] = {
      id,
      kind,
      label: assetLabel(rng, kind),
      x: 0,
      y: 0,
      order: i,
      ...(kind === 'partner' ? { formality: rng() < 0.7 ? ('formal' as const) : ('informal' as const) } : {}),
      ...(kind === 'staff' ? { passions: [{ text: pick(rng, SKILLS) }, { text: pick(rng, SKILLS) }] } : {}),
    };
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push(id);

    const strengths: string[] = [];
    const ns = between(rng, 2, 4);
    for (let k = 0; k < ns; k++) {
      const sid = `${id}.s${k}`;
      doc.nodes[sid] = { id: sid, kind: 'strength', label: pick(rng, STRENGTHS)(rng), attachedTo: id, x: 0, y: 0, order: k };
      strengths.push(sid);
    }
    strengthsOf.push(strengths);
    const nw = between(rng, 1, 2);
    for (let k = 0; k < nw; k++) {
      const wid = `${id}.w${k}`;
      doc.nodes[wid] = { id: wid, kind: 'weakness', label: pick(rng, WEAKNESSES)(rng), attachedTo: id, x: 0, y: 0, order: k };
    }
    // The improvement answers one weakness most of the time, as in the toolkit's worksheets.
    const iid = `${id}.i0`;
    doc.nodes[iid] = {
      id: iid,
      kind: 'improvement',
      label: pick(rng, IMPROVEMENTS)(rng),
      attachedTo: rng() < 0.75 ? `${id}.w0` : id,
      status: pick(rng, statuses),
      x: 0,
      y: 0,
      order: 0,
    };
  }

  const all = Object.keys(doc.nodes).filter((id) => !id.includes('.'));
  const ofKind = (kind: AssetKind) => {
    const list = byKind.get(kind);
    return list && list.length ? pick(rng, list) : pick(rng, all);
  };
  const seen = new Set<string>();
  const ties: TieStrength[] = ['strong', 'regular', 'regular', 'weak'];
  const links = Math.round(assets * 1.5);
  let rel = 0;
  let sup = 0;
  for (let tries = 0; rel + sup < links && tries < links * 20; tries++) {
    let kind: EdgeKind = 'relationship';
    let source: string;
    let target: string;
    const x = rng();
    if (x < 0.45) [source, target] = [ofKind('staff'), ofKind('partner')];
    else if (x < 0.75) [source, target] = [ofKind('staff'), ofKind('staff')];
    else if (x < 0.87) [source, target] = [pick(rng, all), pick(rng, all)];
    else {
      // A strength of one asset supports a program (mostly) or another asset.
      kind = 'supports';
      const from = between(rng, 0, assets - 1);
      source = pick(rng, strengthsOf[from]!);
      target = rng() < 0.6 ? ofKind('program') : pick(rng, all);
      if (target === `a${from}`) continue;
    }
    if (source === target) continue;
    const key = source < target ? `${source}|${target}` : `${target}|${source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const id = kind === 'relationship' ? `r${rel++}` : `u${sup++}`;
    const edge: MapEdge = { id, kind, source, target };
    if (kind === 'relationship') edge.tie = pick(rng, ties);
    doc.edges[id] = edge;
  }
  return doc;
}

/**
 * The same map with its links replaced by local ones: each asset linked to one asset a few places after it
 * (and, half the time, to another), as when colleagues know the people of their own team and branch. About
 * 1.5 links per asset, as generateMap draws; 13% of them "supports" from a strength.
 */
export function withLocalLinks(doc: AssetMapDoc, seed: number): AssetMapDoc {
  const rng = seededRandom(seed);
  const assets = Object.values(doc.nodes)
    .filter(isAsset)
    .sort((a, b) => a.order - b.order)
    .map((n) => n.id);
  const edges: Record<string, MapEdge> = {};
  let k = 0;
  assets.forEach((id, i) => {
    const count = rng() < 0.5 ? 1 : 2;
    for (let t = 0; t < count; t++) {
      const target = assets[i + 1 + Math.floor(rng() * 6)];
      if (!target) continue;
      const supports = rng() < 0.13;
      const source = supports && doc.nodes[`${id}.s0`] ? `${id}.s0` : id;
      const e: MapEdge = { id: `l${k++}`, kind: supports ? 'supports' : 'relationship', source, target };
      if (!supports) e.tie = 'regular';
      edges[e.id] = e;
    }
  });
  return { ...doc, edges };
}
