/**
 * A board summary: what a director or a board wants from the map on one or two pages, in plain sentences — the
 * library's name and the date, what the map holds, the strongest partnerships and those most at risk, the open
 * weaknesses with and without an improvement, the improvements by status and by owner, the best suggested
 * connections and, against a review, what changed since. This module says what the summary holds; the PDF
 * (boardSummaryPdf.ts) and the HTML page (boardSummaryHtml.ts) lay the same content out.
 *
 * Pure: the findings come from the analysis layer, the changes from the model's diff.
 */
import { type Finding, getFindings } from '../../analysis';
import {
  ASSET_KIND_ORDER,
  type AssetKind,
  type AssetMapDoc,
  type AssetNode,
  type ImprovementStatus,
  type Review,
  describeChange,
  describeItem,
  diffMaps,
  formatDay,
  getAssets,
  getAttachmentIndex,
  namesFor,
  partsWords,
} from '../../model';
import { changesOf } from '../sheets/changeList';

export interface SummaryItem {
  /** What it is: a partnership, a weakness, a change. */
  name: string;
  /** Why it is listed, in sentences. */
  details: string[];
}

export interface SummarySection {
  heading: string;
  /** A sentence before the list (or instead of it, when it is empty). */
  lead: string;
  items: SummaryItem[];
  /** How many more there are than listed. */
  more: number;
}

export interface BoardSummary {
  title: string;
  /** The date in the reader's words. */
  date: string;
  /** What the map holds, in one or two sentences. */
  overview: string;
  counts: { label: string; count: number }[];
  sections: SummarySection[];
}

export interface BoardSummaryOptions {
  /** The day the summary is for (ISO); today when absent. */
  today?: string;
  locale?: string;
  /** A review to tell the changes since. */
  since?: Review;
  /** Findings already worked out for this map (the app has them); worked out here when absent. */
  findings?: Finding[];
}

/** How many items a list shows: the summary must stay within two pages. */
const LIST = 5;

const PLURALS: Record<AssetKind, [string, string]> = {
  partner: ['partner', 'partners'],
  staff: ['colleague', 'colleagues'],
  space: ['space', 'spaces'],
  resource: ['material resource', 'material resources'],
  program: ['program', 'programs'],
  community: ['community asset', 'community assets'],
};

const STATUS_WORDS: Record<ImprovementStatus, [string, string]> = {
  idea: ['idea', 'ideas'],
  planned: ['planned', 'planned'],
  doing: ['under way', 'under way'],
  done: ['done', 'done'],
};

const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;
const quote = (s: string) => `“${s.length > 90 ? `${s.slice(0, 89).trimEnd()}…` : s}”`;

/** "a, b and c" */
export function listWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const TIE_WEIGHT = { strong: 3, regular: 2, weak: 1 } as const;

/** Finding kinds that put a partnership at risk. */
const RISKS = new Set(['unheld-partner', 'single-contact', 'stale-tie', 'overdue-step', 'no-contact-owner']);

export function boardSummary(doc: AssetMapDoc, options: BoardSummaryOptions = {}): BoardSummary {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const findings = (options.findings ?? getFindings(doc, { today, ...(options.locale ? { locale: options.locale } : {}) })).filter((f) => !f.dismissed);
  const assets = getAssets(doc);
  const index = getAttachmentIndex(doc);
  const name = (id: string) => doc.nodes[id]?.label ?? '';
  const partners = assets.filter((a) => a.kind === 'partner');

  // What the map holds.
  const byKind = ASSET_KIND_ORDER.map((kind) => ({ kind, n: assets.filter((a) => a.kind === kind).length })).filter((k) => k.n);
  const nodes = Object.values(doc.nodes);
  const strengths = nodes.filter((n) => n.kind === 'strength').length;
  const weaknesses = nodes.filter((n) => n.kind === 'weakness');
  const improvements = nodes.filter((n) => n.kind === 'improvement');
  const relationships = Object.values(doc.edges).filter((e) => e.kind === 'relationship').length;
  const counts = [
    ...byKind.map(({ kind, n }) => ({ label: PLURALS[kind][n === 1 ? 0 : 1].replace(/^./, (c) => c.toUpperCase()), count: n })),
    { label: 'Strengths', count: strengths },
    { label: 'Weaknesses', count: weaknesses.length },
    { label: 'Improvements', count: improvements.length },
    { label: 'Relationships', count: relationships },
  ];
  const overview = assets.length
    ? `The map holds ${count(assets.length, ['asset', 'assets'])}: ${listWords(byKind.map(({ kind, n }) => count(n, PLURALS[kind])))}. ` +
      `They bring ${count(strengths, ['strength', 'strengths'])} and ${count(weaknesses.length, ['weakness', 'weaknesses'])}; ` +
      `${count(improvements.length, ['improvement is', 'improvements are'])} proposed, and colleagues and partners are joined by ${count(relationships, ['relationship', 'relationships'])}.`
    : 'The map has no assets yet.';

  const sections: SummarySection[] = [];

  // The strongest partnerships: held by colleagues through strong ties, with strengths to offer, active.
  const ties = (p: AssetNode) => Object.values(doc.edges).filter((e) => e.kind === 'relationship' && (e.source === p.id || e.target === p.id));
  const scored = partners
    .map((p) => {
      const held = ties(p);
      const own = (index.get(p.id) ?? []).filter((n) => n.kind === 'strength');
      const score = held.reduce((s, e) => s + TIE_WEIGHT[e.tie ?? 'regular'], 0) + own.length + (p.partnershipStatus === 'active' ? 1 : 0);
      const strong = held.filter((e) => e.tie === 'strong').length;
      const details: string[] = [];
      if (held.length) {
        const people = held.map((e) => name(e.source === p.id ? e.target : e.source)).filter(Boolean);
        details.push(`Held by ${listWords(people.map(quote))}${strong ? ` (${count(strong, ['strong tie', 'strong ties'])})` : ''}.`);
      }
      if (own.length) details.push(`Brings ${listWords(own.slice(0, 3).map((n) => quote(n.label)))}${own.length > 3 ? ` and ${own.length - 3} more` : ''}.`);
      if (p.partnershipStatus === 'active') details.push('Active.');
      return { p, score, details, held: held.length };
    })
    // A partnership no colleague holds is at risk, however much it brings.
    .filter((s) => s.held > 0)
    .sort((a, b) => b.score - a.score || a.p.order - b.p.order);
  sections.push({
    heading: 'Strongest partnerships',
    lead: scored.length
      ? 'Partnerships held through ties with colleagues, bringing strengths to the library.'
      : 'No colleague holds a partnership yet.',
    items: scored.slice(0, 3).map(({ p, details }) => ({ name: p.label, details })),
    more: 0,
  });

  // Most at risk: no one or one person holds it, contact going stale, a step overdue, dormant.
  const risks = new Map<string, string[]>();
  for (const f of findings) {
    if (!RISKS.has(f.kind)) continue;
    const id = f.nodeIds[0];
    if (!id || doc.nodes[id]?.kind !== 'partner') continue;
    risks.set(id, [...(risks.get(id) ?? []), f.reason]);
  }
  for (const p of partners) if (p.partnershipStatus === 'dormant') risks.set(p.id, [...(risks.get(p.id) ?? []), 'Marked dormant.']);
  const atRisk = [...risks].sort((a, b) => b[1].length - a[1].length || (doc.nodes[a[0]]?.order ?? 0) - (doc.nodes[b[0]]?.order ?? 0));
  sections.push({
    heading: 'Partnerships most at risk',
    lead: atRisk.length
      ? `${count(atRisk.length, ['partnership needs', 'partnerships need'])} attention: held by one colleague or none, contact going stale, a step overdue, or dormant.`
      : 'No partnership shows a risk: each is held by more than one colleague and in touch.',
    items: atRisk.slice(0, LIST).map(([id, reasons]) => ({ name: name(id), details: reasons })),
    more: Math.max(0, atRisk.length - LIST),
  });

  // Open weaknesses, with and without an improvement.
  const improving = (id: string) => (index.get(id) ?? []).filter((n) => n.kind === 'improvement');
  const owner = (id: string) => {
    const w = doc.nodes[id];
    return w && 'attachedTo' in w ? name(w.attachedTo) : '';
  };
  const planned = weaknesses.filter((w) => improving(w.id).length);
  const open = weaknesses.filter((w) => !improving(w.id).length);
  sections.push({
    heading: 'Weaknesses with no improvement yet',
    lead: open.length
      ? `${count(open.length, ['weakness has', 'weaknesses have'])} no improvement proposed; ${count(planned.length, ['has', 'have'])} one.`
      : weaknesses.length
        ? `Every weakness has an improvement proposed (${weaknesses.length}).`
        : 'The map names no weaknesses.',
    items: open.slice(0, LIST).map((w) => ({ name: w.label, details: [`A weakness of ${quote(owner(w.id))}.`] })),
    more: Math.max(0, open.length - LIST),
  });
  sections.push({
    heading: 'Weaknesses being worked on',
    lead: planned.length ? `${count(planned.length, ['weakness has', 'weaknesses have'])} an improvement.` : 'No weakness has an improvement yet.',
    items: planned.slice(0, 3).map((w) => ({
      name: w.label,
      details: [`A weakness of ${quote(owner(w.id))}.`, ...improving(w.id).map((i) => `Improvement: ${quote(i.label)}.`)],
    })),
    more: Math.max(0, planned.length - 3),
  });

  // Improvements by status and by owner.
  const byStatus = (['idea', 'planned', 'doing', 'done'] as const)
    .map((s) => ({ s, n: improvements.filter((i) => i.kind === 'improvement' && i.status === s).length }))
    .filter(({ n }) => n);
  const owners = new Map<string, number>();
  for (const i of improvements) if (i.kind === 'improvement') owners.set(i.owner ? name(i.owner) : '', (owners.get(i.owner ? name(i.owner) : '') ?? 0) + 1);
  const ownerWords = [...owners]
    .filter(([who]) => who)
    .sort((a, b) => b[1] - a[1])
    .map(([who, n]) => `${quote(who)} ${n}`);
  const unowned = owners.get('') ?? 0;
  sections.push({
    heading: 'Improvements',
    lead: improvements.length
      ? `${listWords(byStatus.map(({ s, n }) => count(n, STATUS_WORDS[s])))}.` +
        (ownerWords.length ? ` Owners: ${listWords(ownerWords)}.` : '') +
        (unowned ? ` ${count(unowned, ['improvement has', 'improvements have'])} no owner yet.` : ' Every improvement has an owner.')
      : 'No improvement is proposed yet.',
    items: [],
    more: 0,
  });

  // The best suggested connections.
  const suggestions = findings
    .filter((f) => f.kind === 'suggested-connection' && f.grade !== 'weak')
    .sort((a, b) => (a.grade === b.grade ? b.weight - a.weight : a.grade === 'strong' ? -1 : 1));
  sections.push({
    heading: 'Connections worth making',
    lead: suggestions.length
      ? 'Offers on the map that meet needs on the map, not yet connected:'
      : 'The map suggests no new connection at the moment.',
    items: suggestions.slice(0, 3).map((f) => ({ name: f.reason, details: [] })),
    more: Math.max(0, suggestions.length - 3),
  });

  // What changed since a review.
  if (options.since) {
    const before = options.since.map;
    const diff = diffMaps(before, doc);
    const nameOf = namesFor(before, doc);
    const parts = partsWords(diff);
    const changes = (['added', 'removed', 'changed'] as const).flatMap((status) => changesOf(diff, status));
    const sinceWords = `${quote(options.since.name)} (${formatDay(options.since.at.slice(0, 10), options.locale)})`;
    const c = diff.counts;
    sections.push({
      heading: `Changes since ${options.since.name}`,
      lead: changes.length
        ? `Since ${sinceWords}: ${count(c.added, ['item added', 'items added'])}, ${count(c.removed, ['removed', 'removed'])}, ${count(c.changed, ['changed', 'changed'])}.`
        : `Nothing has changed since ${sinceWords}${c.moved ? ', apart from items moved on the map' : ''}.`,
      items: changes.slice(0, 6).map((ch) => {
        const what = describeItem(ch, nameOf);
        const words = ch.status === 'changed' ? describeChange(ch, nameOf) : (parts.get(ch.id) ?? '');
        const verb = ch.status === 'added' ? 'Added' : ch.status === 'removed' ? 'Removed' : 'Changed';
        return { name: `${verb}: ${what}`, details: words ? [`${words.replace(/^./, (x) => x.toUpperCase())}.`] : [] };
      }),
      more: Math.max(0, changes.length - 6),
    });
  }

  return { title: doc.title, date: formatDay(today, options.locale), overview, counts, sections };
}
