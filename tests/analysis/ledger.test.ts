/** The ledger's findings and the Due list, on a fixed day. */
import { describe, expect, it } from 'vitest';
import { type AssetMapDoc, commands, emptyDoc } from '../../src/model';
import { getFindings } from '../../src/analysis';
import { getDueItems, getLedgerFindings, groupDueByOwner, monthsBefore, nextSeason } from '../../src/analysis/ledger';

const TODAY = '2026-12-06';

function ledgerMap(): AssetMapDoc {
  const doc = emptyDoc('Riverbend', 'map_r');
  commands.addAsset(doc, { id: 'maria', kind: 'staff', label: 'Maria Lopez', x: 0, y: 0 });
  commands.addAsset(doc, { id: 'sam', kind: 'staff', label: 'Sam Kim', x: 0, y: 0 });
  const partner = (id: string, label: string, patch: Parameters<typeof commands.updateNode>[1]['patch']) => {
    commands.addAsset(doc, { id, kind: 'partner', label, x: 0, y: 0 });
    commands.updateNode(doc, { id, patch });
  };
  partner('club', 'Boys & Girls Club', { lastContact: '2026-05-30', partnershipStatus: 'active', contactOwners: ['maria'] });
  partner('church', 'St Mark’s Church', { lastContact: '2026-06-06', nextStep: 'Ask about the minibus', nextStepDue: '2026-12-01', contactOwners: ['maria', 'sam'] });
  partner('farm', 'Green Acres Farm', { partnershipType: 'seasonal', seasonStart: '2025-12-20', seasonEnd: '2026-01-10', partnershipStatus: 'active', lastContact: '2026-11-01' });
  partner('museum', 'Natural History Museum', { partnershipStatus: 'ended', lastContact: '2020-01-01', nextStepDue: '2021-01-01' });
  partner('school', 'High school', { nextStep: 'Shared calendar', nextStepDue: '2026-12-20', lastContact: '2026-12-01' });
  partner('quiet', 'Book club', {});
  return doc;
}

describe('the ledger’s findings', () => {
  it('stale ties, overdue steps, active partnerships with no owner, seasons coming up — and nothing for ended ones', () => {
    const found = getLedgerFindings(ledgerMap(), TODAY, 'en-GB').map((f) => [f.kind, f.nodeIds[0], f.reason]);
    expect(found).toEqual([
      ['stale-tie', 'club', 'No one has been in touch with Boys & Girls Club since 30 May 2026, more than 6 months ago.'],
      ['overdue-step', 'church', 'The next step with St Mark’s Church, “Ask about the minibus”, was due on 1 December 2026.'],
      ['no-contact-owner', 'farm', 'Green Acres Farm is an active partnership with no contact owner: no colleague is named as holding it.'],
      ['season-soon', 'farm', 'The season of Green Acres Farm starts in 14 days, on 20 December 2026.'],
    ]);
  });

  it('six months is counted in calendar months, and the threshold is the map’s', () => {
    expect(monthsBefore('2026-12-06', 6)).toBe('2026-06-06');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    const doc = ledgerMap();
    // Contact on 2026-06-06 is exactly six months ago: not stale yet. With a three-month threshold it is.
    expect(getLedgerFindings(doc, TODAY).some((f) => f.id === 'stale-tie:church')).toBe(false);
    commands.setStaleAfter(doc, { months: 3 });
    expect(getLedgerFindings(doc, TODAY).filter((f) => f.kind === 'stale-tie').map((f) => f.nodeIds[0])).toEqual(['club', 'church']);
  });

  it('setting a last contact clears the stale finding', () => {
    const doc = ledgerMap();
    commands.updateNode(doc, { id: 'club', patch: { lastContact: '2026-12-02' } });
    expect(getLedgerFindings(doc, TODAY).some((f) => f.kind === 'stale-tie')).toBe(false);
  });

  it('a season comes back every year', () => {
    expect(nextSeason('2024-06-01', '2024-08-31', '2026-03-01')).toEqual({ start: '2026-06-01', end: '2026-08-31' });
    expect(nextSeason('2025-12-20', '2026-01-10', '2026-12-06')).toEqual({ start: '2026-12-20', end: '2027-01-10' });
    expect(nextSeason('2024-02-29', '2024-03-10', '2025-01-01')).toEqual({ start: '2025-02-28', end: '2025-03-10' });
  });

  it('are part of the Insights list', () => {
    const kinds = getFindings(ledgerMap(), { today: TODAY }).map((f) => f.kind);
    for (const k of ['stale-tie', 'overdue-step', 'no-contact-owner', 'season-soon']) expect(kinds).toContain(k);
  });
});

describe('the Due list', () => {
  it('lists the next steps due by the end of the month, overdue first, by owner', () => {
    const doc = ledgerMap();
    const items = getDueItems(doc, TODAY);
    expect(items.map((i) => [i.asset, i.due, i.overdue])).toEqual([
      ['St Mark’s Church', '2026-12-01', true],
      ['High school', '2026-12-20', false],
    ]);
    expect(groupDueByOwner(doc, items).map((g) => [g.owner, g.items.map((i) => i.asset)])).toEqual([
      ['Maria Lopez', ['St Mark’s Church']],
      ['Sam Kim', ['St Mark’s Church']],
      ['No owner', ['High school']],
    ]);
  });
});
