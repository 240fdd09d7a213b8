/** The ledger travels through the worksheet formats: CSV and Excel columns with the ledger's headings. */
import { describe, expect, it } from 'vitest';
import { type AssetMapDoc, type AssetNode, SUNNYDALE, buildExample, getAssets } from '../../../src/model';
import { getWorksheetRows, readCsv, readXlsx, rowsToContent, rowsToNewMap, writeCsv, writeXlsx } from '../../../src/io/sheets';

/** Sunnydale with a ledger on two partners, owned by its children's services colleague. */
function withLedger(): AssetMapDoc {
  const doc = buildExample(SUNNYDALE, 'map_l');
  const staff = getAssets(doc).find((a) => a.kind === 'staff')!;
  const [first, second] = getAssets(doc).filter((a) => a.kind === 'partner');
  Object.assign(first!, {
    contactOwners: [staff.id],
    lastContact: '2026-03-14',
    nextStep: 'Plan the summer reading visit',
    nextStepDue: '2026-05-01',
    partnershipType: 'seasonal',
    partnershipStatus: 'active',
    seasonStart: '2026-06-01',
    seasonEnd: '2026-08-31',
  } satisfies Partial<AssetNode>);
  Object.assign(second!, { partnershipStatus: 'dormant', lastContact: '2025-01-20' } satisfies Partial<AssetNode>);
  // A detail that happens to be called "Status" stays a detail.
  second!.fields = { Status: 'Board approved' };
  return doc;
}

/** Each asset's ledger with owners by name, by asset name: what must survive a round trip. */
function ledgerOf(doc: AssetMapDoc) {
  return Object.fromEntries(
    getAssets(doc)
      .filter((a) => a.lastContact || a.partnershipStatus || a.contactOwners)
      .map((a) => [
        a.label,
        {
          owners: (a.contactOwners ?? []).map((id) => doc.nodes[id]!.label),
          lastContact: a.lastContact,
          nextStep: a.nextStep,
          nextStepDue: a.nextStepDue,
          type: a.partnershipType,
          status: a.partnershipStatus,
          season: [a.seasonStart, a.seasonEnd],
          fields: a.fields,
        },
      ]),
  );
}

describe('the ledger in spreadsheets', () => {
  it('CSV writes the ledger under its headings, and reading it back gives the same ledger', () => {
    const doc = withLedger();
    const csv = writeCsv(doc);
    const header = csv.split('\r\n')[0]!;
    for (const h of ['Contact owner', 'Last contact', 'Next step', 'Next step due', 'Partnership type', 'Status', 'Season starts', 'Season ends', 'Detail: Status']) {
      expect(header.split(',')).toContain(h);
    }
    const read = readCsv(csv);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(ledgerOf(rowsToNewMap(read.value.rows, doc.title))).toEqual(ledgerOf(doc));
  });

  it('Excel does the same', async () => {
    const doc = withLedger();
    const read = await readXlsx(await writeXlsx(doc));
    expect(read.ok).toBe(true);
    if (read.ok) expect(ledgerOf(rowsToNewMap(read.value.rows, doc.title))).toEqual(ledgerOf(doc));
  });

  it('a map without a ledger writes no ledger columns, as before', () => {
    const header = writeCsv(buildExample(SUNNYDALE, 'map_plain')).split('\r\n')[0]!;
    expect(header).not.toMatch(/Contact owner|Last contact|Status/);
  });

  it('what cannot be read is kept as a detail under its heading, and said', () => {
    const csv = [
      'Category,Name,Strengths,Contact owner,Last contact,Partnership type,Status',
      'Staff,Maria Lopez,Storytime,,,,',
      'Partnership,Riverbend Boys & Girls Club,Gym,"maria lopez\nPat Nobody",next Tuesday,Yearly,Active',
    ].join('\n');
    const read = readCsv(csv);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const doc = buildExample(SUNNYDALE, 'map_x');
    const content = rowsToContent(doc, read.value.rows, 'merge');
    const club = Object.values(content.nodes).find((n) => n.label === 'Riverbend Boys & Girls Club') as AssetNode;
    const maria = Object.values(content.nodes).find((n) => n.label === 'Maria Lopez')!;
    expect(club.contactOwners).toEqual([maria.id]);
    expect(club.partnershipStatus).toBe('active');
    expect(club.lastContact).toBeUndefined();
    expect(club.fields).toEqual({ 'Contact owner': 'Pat Nobody', 'Last contact': 'next Tuesday', 'Partnership type': 'Yearly' });
    expect(content.summary.notes).toEqual([
      '“Riverbend Boys & Girls Club”: the contact owner “Pat Nobody” is not a colleague on the map, so it was kept as a detail.',
      '“Riverbend Boys & Girls Club”: “next Tuesday” under “Last contact” is not a date written as year-month-day, so it was kept as a detail.',
      '“Riverbend Boys & Girls Club”: “Yearly” is not a partnership type (Ongoing, Seasonal or One-time), so it was kept as a detail.',
    ]);
  });

  it('rows carry the ledger as cells: owners by name, choices in words', () => {
    const rows = getWorksheetRows(withLedger());
    const club = rows.find((r) => r.ledger?.partnershipType)!;
    expect(club.ledger).toMatchObject({
      contactOwners: { heading: 'Contact owner', value: [expect.any(String)] },
      partnershipType: { heading: 'Partnership type', value: 'Seasonal' },
      partnershipStatus: { heading: 'Status', value: 'Active' },
    });
  });
});

describe('the ledger in Markdown', () => {
  it('is one table of the assets that have one, dates in the reader’s words', async () => {
    const { writeMarkdown } = await import('../../../src/io/sheets');
    const md = writeMarkdown(withLedger(), { date: new Date(2026, 11, 6), locale: 'en-GB' });
    const table = md.slice(md.indexOf('## Relationship ledger'), md.indexOf('## Reflect'));
    expect(table).toContain('| Name | Contact owner | Last contact | Next step | Next step due | Partnership type | Status |');
    expect(table).toContain('| 14 March 2026 | Plan the summer reading visit | 1 May 2026 | Seasonal (1 June 2026 – 31 August 2026) | Active |');
    expect(table).toContain('| 20 January 2025 |  |  |  | Dormant |');
    expect(writeMarkdown(buildExample(SUNNYDALE, 'm'), { date: new Date(2026, 11, 6) })).not.toContain('Relationship ledger');
  });
});
