/**
 * The ledger's findings: relationships going stale, next steps overdue, active partnerships nobody holds, and
 * seasonal partnerships whose season is coming up. They depend on the day, so the caller says which day it is
 * (an ISO date, the user's own calendar day); the same map and day give the same findings.
 *
 * Also the Due list: what needs doing by the end of this month (next steps due, overdue ones first), by owner.
 */
import { type AssetMapDoc, type AssetNode, DEFAULT_STALE_MONTHS, formatDay, getAssets } from '../model';
import { type Finding } from './findings';
import { named, quoted } from './phrases';

/** How many days ahead a season counts as coming up. */
export const SEASON_NOTICE_DAYS = 30;

const DAY = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The ISO date `months` calendar months before `iso` (the 31st of a shorter month becomes its last day). */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Today as the user's own calendar day. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The next time the season runs, on or after `today`: a season is a date range that comes back every year, so a
 * past one is moved on by whole years until it has not ended yet.
 */
export function nextSeason(start: string, end: string, today: string): { start: string; end: string } | undefined {
  if (dayNumber(end) < dayNumber(start)) return undefined;
  let shift = 0;
  const year = (iso: string, k: number) => `${String(Number(iso.slice(0, 4)) + k).padStart(4, '0')}${iso.slice(4)}`;
  // 29 February moves to 28 February in other years.
  const fix = (iso: string) => (iso.endsWith('02-29') && !isoOf(dayNumber(iso)).endsWith('02-29') ? `${iso.slice(0, 5)}02-28` : iso);
  while (dayNumber(fix(year(end, shift))) < dayNumber(today)) shift++;
  return { start: fix(year(start, shift)), end: fix(year(end, shift)) };
}

const isLive = (a: AssetNode) => a.partnershipStatus !== 'ended';
const inLedger = (a: AssetNode) => a.kind === 'partner' || a.lastContact !== undefined || a.partnershipStatus !== undefined || a.nextStepDue !== undefined;

export function getLedgerFindings(doc: AssetMapDoc, today: string, locale?: string): Finding[] {
  const day = (iso: string) => formatDay(iso, locale);
  const staleMonths = doc.staleAfterMonths ?? DEFAULT_STALE_MONTHS;
  const staleBefore = monthsBefore(today, staleMonths);
  const out: Finding[] = [];
  const todayN = dayNumber(today);
  for (const a of getAssets(doc)) {
    if (!inLedger(a) || !isLive(a)) continue;
    const base = { nodeIds: [a.id], assetIds: [a.id] };
    if (a.lastContact && a.lastContact < staleBefore) {
      const days = todayN - dayNumber(a.lastContact);
      out.push({
        ...base,
        id: `stale-tie:${a.id}`,
        kind: 'stale-tie',
        reason: `No one has been in touch with ${named(a.label)} since ${day(a.lastContact)}, more than ${staleMonths} ${staleMonths === 1 ? 'month' : 'months'} ago.`,
        weight: days,
      });
    } else if (!a.lastContact && a.partnershipStatus === 'active') {
      out.push({ ...base, id: `stale-tie:${a.id}`, kind: 'stale-tie', reason: `${named(a.label)} is an active partnership with no last contact recorded.`, weight: 0 });
    }
    if (a.nextStepDue && a.nextStepDue < today) {
      const step = a.nextStep ? `The next step with ${named(a.label)}, ${quoted(a.nextStep)}, was due` : `A next step with ${named(a.label)} was due`;
      out.push({ ...base, id: `overdue-step:${a.id}`, kind: 'overdue-step', reason: `${step} on ${day(a.nextStepDue)}.`, weight: todayN - dayNumber(a.nextStepDue) });
    }
    if (a.partnershipStatus === 'active' && !a.contactOwners?.length) {
      out.push({ ...base, id: `no-contact-owner:${a.id}`, kind: 'no-contact-owner', reason: `${named(a.label)} is an active partnership with no contact owner: no colleague is named as holding it.`, weight: 1 });
    }
    if (a.partnershipType === 'seasonal' && a.seasonStart && a.seasonEnd) {
      const season = nextSeason(a.seasonStart, a.seasonEnd, today);
      const until = season ? dayNumber(season.start) - todayN : -1;
      if (season && until >= 0 && until <= SEASON_NOTICE_DAYS) {
        out.push({
          ...base,
          id: `season-soon:${a.id}`,
          kind: 'season-soon',
          reason: `The season of ${named(a.label)} starts ${until === 0 ? 'today' : `in ${until} ${until === 1 ? 'day' : 'days'}`}, on ${day(season.start)}.`,
          weight: SEASON_NOTICE_DAYS - until,
        });
      }
    }
  }
  return out;
}

export interface DueItem {
  assetId: string;
  asset: string;
  nextStep: string;
  due: string;
  overdue: boolean;
  /** Colleague ids; empty when no one holds it. */
  owners: string[];
}

/** Next steps due by the end of `today`'s month (overdue ones included), soonest first. */
export function getDueItems(doc: AssetMapDoc, today: string): DueItem[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const endOfMonth = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return getAssets(doc)
    .filter((a) => a.nextStepDue && a.nextStepDue <= endOfMonth && isLive(a))
    .map((a) => ({ assetId: a.id, asset: a.label, nextStep: a.nextStep ?? '', due: a.nextStepDue!, overdue: a.nextStepDue! < today, owners: a.contactOwners ?? [] }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.asset.localeCompare(b.asset)));
}

/** The Due list grouped by owner (an item with two owners is in both groups), then "No owner". */
export function groupDueByOwner(doc: AssetMapDoc, items: readonly DueItem[]): { owner: string; ownerId?: string; items: DueItem[] }[] {
  const groups = new Map<string, DueItem[]>();
  for (const item of items) for (const o of item.owners.length ? item.owners : ['']) groups.set(o, [...(groups.get(o) ?? []), item]);
  return [...groups]
    .map(([id, list]) => (id ? { owner: doc.nodes[id]?.label ?? 'Someone no longer on the map', ownerId: id, items: list } : { owner: 'No owner', items: list }))
    .sort((a, b) => (a.ownerId ? 0 : 1) - (b.ownerId ? 0 : 1) || a.owner.localeCompare(b.owner));
}
