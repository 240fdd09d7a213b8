/**
 * The relationship ledger as a user keeps it: set a partner's status and last contact in the side panel and see
 * the stale tie appear and clear in Insights; name a contact owner and connect them; see a next step in the Due
 * list and export it to a calendar file a calendar library reads.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, readDoc, useApp } from './harness';

const app = useApp();
const panel = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const isoDay = (offsetDays: number) => {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('the relationship ledger', () => {
  it('a stale tie shows in Insights and clears when a contact is recorded; an owner is offered a relationship; a next step is due and exports to a calendar', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.locator('.react-flow__node[aria-label="Friends group (partner)"]').click();
    const details = panel(page);
    await details.getByLabel('Status').selectOption({ label: 'Active' });
    await details.getByLabel('Last contact').fill(isoDay(-400));

    await page.getByRole('tab', { name: 'Insights' }).click();
    const stale = page.getByRole('region', { name: /Ties going stale/ });
    await stale.getByText('No one has been in touch with Friends group since').waitFor();

    // Recording a contact today clears it.
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.locator('.react-flow__node[aria-label="Friends group (partner)"]').click();
    await details.getByLabel('Last contact').fill(isoDay(0));
    await page.getByRole('tab', { name: 'Insights' }).click();
    await stale.getByText('None on this map.').waitFor();

    // A colleague with a relationship is offered as contact owner…
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.locator('.react-flow__node[aria-label="Friends group (partner)"]').click();
    const doc = await readDoc(page);
    const colleague = Object.values(doc.nodes).find((n) => n.kind === 'staff')!;
    const friends = Object.values(doc.nodes).find((n) => n.label === 'Friends group')!;
    await details.getByRole('button', { name: 'Make contact owner' }).click();
    await expect.poll(async () => ((await readDoc(page)).nodes[friends.id] as { contactOwners?: string[] }).contactOwners).toEqual([colleague.id]);
    // …and a contact owner with no relationship on the map is offered one.
    await page.locator('.react-flow__node[aria-label="High school (partner)"]').click();
    await details.getByLabel('Contact owner').selectOption({ label: colleague.label });
    await details.getByRole('button', { name: 'Connect them' }).click();
    const after = await readDoc(page);
    const school = Object.values(after.nodes).find((n) => n.label === 'High school')!;
    expect(Object.values(after.edges).some((e) => e.kind === 'relationship' && [e.source, e.target].includes(school.id) && [e.source, e.target].includes(colleague.id))).toBe(true);
    await page.locator('.react-flow__node[aria-label="Friends group (partner)"]').click();

    // A next step due in two days is in the Due list under its owner, and in the calendar file.
    await details.getByLabel('Next step', { exact: true }).fill('Plan the book sale');
    await details.getByLabel('Next step due').fill(isoDay(2));
    await page.getByRole('tab', { name: 'Insights' }).click();
    const due = page.getByRole('region', { name: /^Due in/ });
    await due.getByText('Plan the book sale').waitFor();
    expect(await due.getByRole('heading', { name: colleague.label }).count()).toBe(1);
    const download = page.waitForEvent('download');
    await due.getByRole('button', { name: 'Export next steps to a calendar (.ics)' }).click();
    const file = await download;
    const path = await file.path();
    const summaries = execFileSync('/usr/bin/python3', ['-c', 'import sys, icalendar; print("|".join(str(e["SUMMARY"]) + "@" + e["DTSTART"].dt.isoformat() for e in icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read()).walk("VEVENT")))', path!], { encoding: 'utf8' }).trim();
    expect(summaries).toBe(`Plan the book sale (Friends group)@${isoDay(2)}`);
    expect(file.suggestedFilename()).toBe('Sunnydale Public Library next steps.ics');
    await context.close();
  });
});
