/**
 * The Reflect view: the four questions of the toolkit's worksheet "Your relationships capacity", each with the
 * facts from the map that bear on it, as plain sentences. Facts are drawn from the findings the caller already
 * has (so the two views agree) and from the document for what findings do not say (existing relationships,
 * counts).
 */
import { AREAS, AREA_NAMES, ASSET_KINDS, type Area, type AssetKind, type AssetMapDoc, type AssetNode, type TieStrength } from '../model';
import { areasOf } from './areas';
import { type AnalysisContext, buildContext, isPartner, isStaff } from './context';
import type { Finding, FindingKind } from './findings';
import { count, countKind, joinList, named, quoted } from './phrases';
import { buildSuggestIndex, getPassionMatches, passionSentence, passionsOf } from './suggest';
import { HELP_KINDS } from './helpLexicon';
import { readNeed, readOffer } from './needOffer';

export type ReflectQuestionId = 'connect' | 'leverage' | 'talk' | 'notice';

export const REFLECT_QUESTIONS: readonly { id: ReflectQuestionId; text: string }[] = [
  {
    id: 'connect',
    text: 'In what ways can the information on the internal asset map help you connect with colleagues to support connected learning services?',
  },
  { id: 'leverage', text: 'How can you leverage existing relationships and the passions and interests of colleagues?' },
  {
    id: 'talk',
    text: 'Who would you like to talk more with, to understand the community, build relationships, and serve youth and families?',
  },
  { id: 'notice', text: 'What do you notice about the internal assets on your map that you never thought about?' },
];

export type ReflectFacts = Record<ReflectQuestionId, string[]>;

/** Enough to read at a glance; the Insights list has the rest. */
const MAX_FACTS = 6;
const MAX_NAMES = 8;

const open = (findings: readonly Finding[], kind: FindingKind) => findings.filter((f) => f.kind === kind && !f.dismissed);

const nameOf = (ctx: AnalysisContext, id: string | undefined) => named((id && ctx.doc.nodes[id]?.label) || '');

/** Partners each colleague holds, colleagues with the most first. */
function holdings(ctx: AnalysisContext): { staff: AssetNode; partners: AssetNode[] }[] {
  const out: { staff: AssetNode; partners: AssetNode[] }[] = [];
  for (const staff of ctx.assets) {
    if (staff.kind !== 'staff') continue;
    const partners = [...(ctx.related.get(staff.id) ?? [])]
      .map((id) => ctx.doc.nodes[id])
      .filter(isPartner)
      .sort((a, b) => ctx.rank.get(a.id)! - ctx.rank.get(b.id)!);
    if (partners.length) out.push({ staff, partners });
  }
  return out.sort((a, b) => b.partners.length - a.partners.length);
}

function connectFacts(ctx: AnalysisContext, findings: readonly Finding[]): string[] {
  const facts: string[] = [];
  for (const { staff, partners } of holdings(ctx).slice(0, 3)) {
    const names = joinList(partners.map((p) => named(p.label)), MAX_NAMES);
    facts.push(
      partners.length === 1
        ? `The colleague ${named(staff.label)} has a relationship with the partner ${names}.`
        : `The colleague ${named(staff.label)} has relationships with ${partners.length} partners: ${names}.`,
    );
  }
  const suggestions = open(findings, 'suggested-connection');
  const shown = suggestions.slice(0, Math.max(1, MAX_FACTS - facts.length));
  for (const s of shown) facts.push(s.reason);
  if (suggestions.length > shown.length) {
    facts.push(`The Insights list has ${count(suggestions.length - shown.length, 'more suggested connection', 'more suggested connections')}.`);
  }
  if (!suggestions.length) {
    facts.push('No connections are suggested yet: a strength and a weakness of different assets that share an area will show up here.');
  }
  return facts;
}

const TIE_RANK: Record<TieStrength, number> = { strong: 0, regular: 1, weak: 2 };

function leverageFacts(ctx: AnalysisContext, findings: readonly Finding[]): string[] {
  const facts: string[] = [];
  const ties: { staff: AssetNode; partner: AssetNode; tie: TieStrength }[] = [];
  for (const edge of Object.values(ctx.doc.edges)) {
    if (edge.kind !== 'relationship') continue;
    const [a, b] = [ctx.doc.nodes[edge.source], ctx.doc.nodes[edge.target]];
    const pair = isStaff(a) && isPartner(b) ? [a, b] : isStaff(b) && isPartner(a) ? [b, a] : undefined;
    if (pair) ties.push({ staff: pair[0]!, partner: pair[1]!, tie: edge.tie ?? 'regular' });
  }
  ties.sort(
    (x, y) =>
      TIE_RANK[x.tie] - TIE_RANK[y.tie] ||
      ctx.rank.get(x.staff.id)! - ctx.rank.get(y.staff.id)! ||
      ctx.rank.get(x.partner.id)! - ctx.rank.get(y.partner.id)!,
  );
  for (const { staff, partner, tie } of ties.slice(0, MAX_FACTS)) {
    const strengths = (ctx.strengths.get(partner.id) ?? []).map((s) => quoted(s.label));
    const whose = strengths.length ? `, whose ${strengths.length === 1 ? 'strength is' : 'strengths are'} ${joinList(strengths, 4)}` : '';
    facts.push(`The colleague ${named(staff.label)} has a ${tie} relationship with ${named(partner.label)}${whose}.`);
  }
  if (ties.length > MAX_FACTS) {
    const more = ties.length - MAX_FACTS;
    facts.push(`${more === 1 ? 'One more relationship' : `${more} more relationships`} between colleagues and partners ${more === 1 ? 'is' : 'are'} on the map.`);
  }

  // A colleague's strength tagged Passion/Interest is a passion too.
  const withPassions = ctx.assets.some((a) => a.kind === 'staff' && passionsOf(ctx, a).length);
  if (!withPassions) {
    facts.push('No colleague has passions or interests on the map yet; adding them shows where they meet partners and programs.');
    return facts;
  }
  const matches = getPassionMatches(ctx, buildSuggestIndex(ctx), { includeConnected: true });
  for (const m of matches.slice(0, MAX_FACTS)) facts.push(passionSentence(ctx, m, 'relates to'));
  // Passions that could meet another asset's need, as the Insights list suggests them.
  const forNeeds = open(findings, 'suggested-connection').filter(
    (f) => f.grade !== 'weak' && isStaff(ctx.doc.nodes[f.nodeIds[0]!]) && ctx.doc.nodes[f.nodeIds[1]!]?.kind === 'weakness',
  );
  for (const f of forNeeds.slice(0, MAX_FACTS)) facts.push(f.reason);
  if (!matches.length && !forNeeds.length) facts.push("No colleague's passions or interests relate to a partner's strengths, a program or a need yet.");
  return facts;
}

function talkFacts(ctx: AnalysisContext, findings: readonly Finding[]): string[] {
  const facts: string[] = [];
  const unheld = open(findings, 'unheld-partner').map((f) => nameOf(ctx, f.nodeIds[0]));
  if (unheld.length === 1) facts.push(`No colleague has a relationship with ${unheld[0]}.`);
  else if (unheld.length > 1) facts.push(`${countKind(unheld.length, 'partner')} have no relationship with any colleague: ${joinList(unheld, MAX_NAMES)}.`);

  const single = new Map<string, string[]>();
  for (const f of open(findings, 'single-contact')) {
    const [partner, holder] = f.nodeIds;
    if (!partner || !holder) continue;
    single.set(holder, [...(single.get(holder) ?? []), nameOf(ctx, partner)]);
  }
  for (const [holder, partners] of [...single].slice(0, 4)) {
    facts.push(`Only ${nameOf(ctx, holder)} has a relationship with ${joinList(partners, MAX_NAMES)}.`);
  }

  const silos = open(findings, 'silo').map((f) => nameOf(ctx, f.nodeIds[0]));
  if (silos.length === 1) facts.push(`The colleague ${silos[0]} has no relationship with anyone on the map.`);
  else if (silos.length > 1) facts.push(`${countKind(silos.length, 'staff')} have no relationship with anyone: ${joinList(silos, MAX_NAMES)}.`);

  // Community assets are where the library meets the people it serves; one no colleague knows is worth a talk.
  const community = ctx.assets.filter((a) => a.kind === 'community' && ![...(ctx.related.get(a.id) ?? [])].some((id) => isStaff(ctx.doc.nodes[id])));
  if (community.length) {
    const which = community.length === 1 ? 'the community asset' : 'the community assets';
    facts.push(`No colleague has a relationship with ${which} ${joinList(community.map((c) => named(c.label)), MAX_NAMES)}.`);
  }
  if (!facts.length && ctx.assets.some((a) => a.kind === 'staff' || a.kind === 'partner')) {
    facts.push('Every partner is held by more than one colleague, and every colleague is tied to someone.');
  }
  return facts;
}

function noticeFacts(ctx: AnalysisContext, findings: readonly Finding[]): string[] {
  const facts: string[] = [];
  const kinds = new Map<AssetKind, number>();
  for (const a of ctx.assets) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  const parts = ASSET_KINDS.filter((k) => kinds.get(k)).map((k) => countKind(kinds.get(k)!, k));
  facts.push(`The map has ${count(ctx.assets.length, 'asset', 'assets')}: ${joinList(parts)}.`);

  let strengths = 0;
  let weaknesses = 0;
  const offered = new Map<Area, number>();
  for (const asset of ctx.assets) {
    for (const s of ctx.strengths.get(asset.id) ?? []) {
      strengths++;
      for (const a of areasOf(s).areas) offered.set(a, (offered.get(a) ?? 0) + 1);
    }
    weaknesses += ctx.weaknesses.get(asset.id)?.length ?? 0;
  }

  const unused = open(findings, 'unused-strength');
  if (unused.length) {
    const examples = unused.slice(0, 3).map((f) => {
      const s = ctx.doc.nodes[f.nodeIds[0]!];
      return s && 'attachedTo' in s ? `${quoted(s.label)} of ${nameOf(ctx, s.attachedTo)}` : '';
    });
    const list = joinList(examples.filter(Boolean));
    const verb = unused.length === 1 ? 'supports' : 'support';
    if (strengths === 1) facts.push(`The only strength on the map, ${list}, supports no program or asset yet.`);
    else {
      const which = unused.length === strengths ? `All ${strengths} strengths` : `${unused.length} of ${strengths} strengths`;
      facts.push(`${which} ${verb} no program or asset yet${unused.length <= 3 ? ': ' : ', such as '}${list}.`);
    }
  }

  // Kinds of help some weakness needs and no strength, passion or interest on the map offers.
  const needKinds = new Set<string>();
  const offerKinds = new Set<string>();
  for (const asset of ctx.assets) {
    for (const w of ctx.weaknesses.get(asset.id) ?? []) for (const k of readNeed(w.label, asset.label, w.areas).kinds) needKinds.add(k);
    for (const s of ctx.strengths.get(asset.id) ?? []) for (const k of readOffer(s.label, s.areas).kinds) offerKinds.add(k);
    for (const p of asset.kind === 'staff' ? passionsOf(ctx, asset) : []) for (const k of readOffer(p.text, p.areas).kinds) offerKinds.add(k);
  }
  const unmet = HELP_KINDS.filter((k) => needKinds.has(k.id) && !offerKinds.has(k.id));
  if (unmet.length) {
    facts.push(`Weaknesses ask for ${joinList(unmet.map((k) => k.about))}, and nothing on the map offers ${unmet.length === 1 ? 'it' : 'them'}: partners to look for.`);
  }
  const top = AREAS.filter((a) => (offered.get(a) ?? 0) >= 2).sort((a, b) => offered.get(b)! - offered.get(a)!)[0];
  if (top) facts.push(`${AREA_NAMES[top]} is the area with the most strengths: ${offered.get(top)} of them.`);

  const openWeak = open(findings, 'open-weakness').length;
  if (openWeak) facts.push(`${openWeak} of ${count(weaknesses, 'weakness', 'weaknesses')} ${openWeak === 1 ? 'has' : 'have'} no improvement yet.`);
  const unowned = open(findings, 'unowned-improvement').length;
  if (unowned === 1) facts.push('One improvement that is not done has no colleague responsible for it.');
  else if (unowned > 1) facts.push(`${unowned} improvements that are not done have no colleague responsible for them.`);
  return facts;
}

/** Facts per question; an empty map gets one sentence that says so under each. */
export function getReflectFacts(doc: AssetMapDoc, findings: readonly Finding[]): ReflectFacts {
  const ctx = buildContext(doc);
  if (!ctx.assets.length) {
    const empty = ['The map has no assets yet: add colleagues, partners, spaces and resources to see facts here.'];
    return { connect: [...empty], leverage: [...empty], talk: [...empty], notice: [...empty] };
  }
  // Facts start with words of ours, not with a label, which may begin in lower case.
  return {
    connect: connectFacts(ctx, findings),
    leverage: leverageFacts(ctx, findings),
    talk: talkFacts(ctx, findings),
    notice: noticeFacts(ctx, findings),
  };
}
