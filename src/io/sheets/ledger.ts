/**
 * The ledger's cells read back into an asset's fields: contact owners by name (a colleague on the map or in the
 * same import; case and spacing forgiven), dates as ISO dates (an Excel date cell arrives as one), type and
 * status in words. A value that cannot be read is kept as a detail under its heading, and said in a note.
 */
import { type AssetMapDoc, type AssetNode, type LedgerField, type MapNode, type PartnershipStatus, type PartnershipType, formatDay, isIsoDate } from '../../model';
import { PARTNERSHIP_STATUS_WORDS, PARTNERSHIP_TYPE_WORDS, type SheetRow } from './worksheet';

const sameName = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

const byWord = <T extends string>(words: Record<T, string>) => new Map((Object.entries(words) as [T, string][]).map(([k, w]) => [sameName(w), k]));
const TYPES = byWord<PartnershipType>(PARTNERSHIP_TYPE_WORDS);
const STATUSES = byWord<PartnershipStatus>(PARTNERSHIP_STATUS_WORDS);
TYPES.set('onetime', 'one-time');
TYPES.set('one time', 'one-time');

/**
 * Sets each new asset's ledger from its row. `staff` lists every colleague the owners may name: those on the map
 * and those the import adds. Returns sentences about what could not be read.
 */
export function applyLedgerCells(pairs: readonly { asset: AssetNode; row: SheetRow }[], staff: Iterable<MapNode>): string[] {
  const colleagues = new Map<string, string>();
  for (const s of staff) if (s.kind === 'staff' && !colleagues.has(sameName(s.label))) colleagues.set(sameName(s.label), s.id);
  const notes: string[] = [];
  for (const { asset, row } of pairs) {
    for (const [field, cell] of Object.entries(row.ledger ?? {}) as [LedgerField, { heading: string; value: string | string[] }][]) {
      const keep = (text: string, why: string) => {
        asset.fields = { ...asset.fields, [cell.heading]: text };
        notes.push(`“${row.name}”: ${why}, so it was kept as a detail.`);
      };
      if (field === 'contactOwners') {
        const names = Array.isArray(cell.value) ? cell.value : [cell.value];
        const ids = names.map((n) => colleagues.get(sameName(n)));
        const unknown = names.filter((_, i) => !ids[i]);
        const known = [...new Set(ids.filter((id): id is string => !!id))];
        if (known.length) asset.contactOwners = known;
        if (unknown.length) keep(unknown.join('\n'), `the contact ${unknown.length === 1 ? 'owner' : 'owners'} ${unknown.map((n) => `“${n}”`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a colleague on the map`);
        continue;
      }
      const text = (Array.isArray(cell.value) ? cell.value.join(' ') : cell.value).trim();
      if (!text) continue;
      if (field === 'partnershipType') {
        const v = TYPES.get(sameName(text));
        if (v) asset.partnershipType = v;
        else keep(text, `“${text}” is not a partnership type (Ongoing, Seasonal or One-time)`);
      } else if (field === 'partnershipStatus') {
        const v = STATUSES.get(sameName(text));
        if (v) asset.partnershipStatus = v;
        else keep(text, `“${text}” is not a status (Active, Dormant or Ended)`);
      } else if (field === 'nextStep') asset.nextStep = text;
      else {
        const date = text.slice(0, 10);
        if (isIsoDate(date) && (text.length === 10 || /^[T ]/.test(text.slice(10)))) asset[field] = date;
        else keep(text, `“${text}” under “${cell.heading}” is not a date written as year-month-day`);
      }
    }
  }
  return notes;
}

/** An asset's ledger as short lines of words, for printed pages: empty when it has none. */
export function ledgerLines(doc: AssetMapDoc, asset: AssetNode, locale?: string): string[] {
  const lines: string[] = [];
  const owners = (asset.contactOwners ?? []).map((id) => doc.nodes[id]?.label).filter(Boolean);
  if (owners.length) lines.push(`Contact owner: ${owners.join(', ')}`);
  if (asset.lastContact) lines.push(`Last contact: ${formatDay(asset.lastContact, locale)}`);
  if (asset.nextStep) lines.push(`Next step: ${asset.nextStep}${asset.nextStepDue ? ` (due ${formatDay(asset.nextStepDue, locale)})` : ''}`);
  else if (asset.nextStepDue) lines.push(`Next step due: ${formatDay(asset.nextStepDue, locale)}`);
  const kind = [
    asset.partnershipType && PARTNERSHIP_TYPE_WORDS[asset.partnershipType],
    asset.partnershipType === 'seasonal' && asset.seasonStart && asset.seasonEnd ? `(${formatDay(asset.seasonStart, locale)} – ${formatDay(asset.seasonEnd, locale)})` : '',
    asset.partnershipStatus && PARTNERSHIP_STATUS_WORDS[asset.partnershipStatus],
  ].filter(Boolean);
  if (kind.length) lines.push(kind.join(' · ').replace(' · (', ' ('));
  return lines;
}
