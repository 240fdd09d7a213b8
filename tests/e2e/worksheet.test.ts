/** The worksheet in real Chromium: a CSV opened, a cell edited and undone, rows pasted from a spreadsheet. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { openApp, readDoc, useApp } from './harness';

const app = useApp();

const CSV =
  '\uFEFFCategory,Name,Strengths,Weaknesses,How can it be improved?\r\n' +
  'Partnership,Local high schools,Longstanding relationship with Gotham City High Schools,Teen services doesn\'t know what assignments students will have,Ask teachers for a term calendar\r\n' +
  'Partnership,Natural History Museum,"Students can get free tickets through the library or school",Untapped source of expertise and activities,\r\n' +
  'Space,Auditorium,"Seats 300 people\nStage and sound system",,\r\n';

describe('worksheet', () => {
  it('opens a CSV as a new map: rows in the Worksheet, nodes on the Map', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const file = join(mkdtempSync(join(tmpdir(), 'am-')), 'Gotham teens.csv');
    writeFileSync(file, CSV);
    await page.getByLabel('Open file').setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: 'Import “Gotham teens.csv”' });
    await dialog.getByText('3 rows: 2 partnerships, 1 spaces.').waitFor();
    await dialog.getByRole('button', { name: 'Make a new map' }).click();
    await page.waitForFunction(() => (window as any).assetMap.workspace.store.getDoc().title === 'Gotham teens');
    await page.locator('.react-flow__node[aria-label="Natural History Museum (partner)"]').waitFor();
    expect(await page.locator('.react-flow__node[aria-label="Stage and sound system (strength of Auditorium)"]').count()).toBe(1);
    await page.getByRole('tab', { name: 'Worksheet' }).click();
    expect(await page.getByLabel('Partnership name').nth(1).inputValue()).toBe('Natural History Museum');
    expect(await page.getByLabel('Strengths of Auditorium').inputValue()).toBe('Seats 300 people\nStage and sound system');
    await context.close();
  });

  it('a cell edit renames the node on the map; undo puts it back', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.getByRole('tab', { name: 'Worksheet' }).click();
    const cell = page.getByLabel('Space name');
    await cell.fill('Community Meeting Room');
    await cell.blur();
    await page.getByRole('tab', { name: 'Map' }).click();
    await page.locator('.react-flow__node[aria-label="Community Meeting Room (space)"]').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.locator('.react-flow__node[aria-label="Meeting Room (space)"]').waitFor();
    // A list cell: a new line is a new strength on the map, and one undo removes it.
    await page.getByRole('tab', { name: 'Worksheet' }).click();
    const strengths = page.getByLabel('Strengths of Meeting Room');
    await strengths.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('\nProjector and screen');
    await strengths.blur();
    const doc = await readDoc(page);
    expect(Object.values(doc.nodes).filter((n) => n.attachedTo === 'room' && n.kind === 'strength').map((n) => n.label)).toEqual(['50 person capacity', 'Projector and screen']);
    await page.getByRole('button', { name: 'Undo' }).click();
    const after = await readDoc(page);
    expect(Object.values(after.nodes).filter((n) => n.attachedTo === 'room' && n.kind === 'strength').length).toBe(1);
    await context.close();
  });

  it('pasting three rows copied from a spreadsheet adds three assets, as one undo step', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.getByRole('tab', { name: 'Worksheet' }).click();
    const before = await readDoc(page);
    const tsv = 'Rotary Club\tFunds small grants\tMeets at lunchtime\nYouth Orchestra\tPlays free concerts\t\nFood Bank\tReaches families\tNo storage\tShare the meeting room';
    const cell = page.getByLabel('Partnership name').first();
    await cell.focus();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, tsv);
    await page.getByRole('status').filter({ hasText: 'Pasted 3 rows' }).waitFor();
    const doc = await readDoc(page);
    const added = Object.values(doc.nodes).filter((n) => !before.nodes[(n as any).id]);
    expect(added.filter((n) => n.kind === 'partner').map((n) => n.label).sort()).toEqual(['Food Bank', 'Rotary Club', 'Youth Orchestra']);
    expect(added.find((n) => n.label === 'Share the meeting room')?.kind).toBe('improvement');
    expect(await page.getByLabel('Partnership name').count()).toBe(8);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(Object.keys((await readDoc(page)).nodes).length).toBe(Object.keys(before.nodes).length);
    await context.close();
  });

  it('a spreadsheet without a name column is refused in plain words and changes nothing', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const before = await readDoc(page);
    const file = join(mkdtempSync(join(tmpdir(), 'am-')), 'numbers.csv');
    writeFileSync(file, 'Budget,Year\r\n100,2024\r\n');
    await page.getByLabel('Open file').setInputFiles(file);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/numbers\.csv.*could not be read as a worksheet.*name/i);
    expect(await readDoc(page)).toEqual(before);
    await context.close();
  });

  it('"Add partnership" then a paste adds the pasted rows and no blank one; a blank row left empty is not an asset', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.getByRole('tab', { name: 'Worksheet' }).click();
    const names = page.getByLabel('Partnership name');
    await names.first().waitFor();
    const before = await names.count();
    const partners = async () => Object.values((await readDoc(page)).nodes).filter((n) => n.kind === 'partner');
    const partnersBefore = (await partners()).length;

    await page.getByRole('button', { name: 'Add partnership' }).click();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label'))).toBe('Partnership name');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, 'Rotary Club\tFunds small grants\nYouth Orchestra\tPlays free concerts');
    await page.getByRole('status').filter({ hasText: 'Pasted 2 rows' }).waitFor();
    await page.getByLabel('Filter rows').click();
    expect((await partners()).map((n) => n.label).filter((l) => !l.trim())).toEqual([]);
    expect((await partners()).length).toBe(partnersBefore + 2);
    expect(await names.count()).toBe(before + 2);
    const heading = page.getByRole('heading', { name: /Partnerships/ });
    expect(await heading.textContent()).toContain(`· ${partnersBefore + 2}`);

    // Added and left without a name: nothing is added.
    await page.getByRole('button', { name: 'Add partnership' }).click();
    await page.getByLabel('Filter rows').click();
    expect((await partners()).length).toBe(partnersBefore + 2);
    expect(await names.count()).toBe(before + 2);

    // Added and named: one asset, and one Undo takes the whole row back.
    await page.getByRole('button', { name: 'Add partnership' }).click();
    await page.keyboard.type('Food Bank');
    await page.getByLabel('Filter rows').click();
    expect((await partners()).map((n) => n.label)).toContain('Food Bank');
    expect(await names.last().inputValue()).toBe('Food Bank');
    await page.getByRole('button', { name: 'Undo' }).click();
    expect((await partners()).length).toBe(partnersBefore + 2);

    // A name erased and left with nothing in the row: the row goes.
    await page.getByRole('button', { name: 'Add partnership' }).click();
    await page.keyboard.type('Oops');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.getByLabel('Filter rows').click();
    expect((await partners()).map((n) => n.label).filter((l) => !l.trim())).toEqual([]);
    await context.close();
  });

  it('a row repeating a name continues the row above: the import says so and the new map has one partner', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const file = join(mkdtempSync(join(tmpdir(), 'am-')), 'riverbend.csv');
    writeFileSync(
      file,
      'Category,Name,Strengths,Weaknesses\r\nPartnership,Riverbend Boys & Girls Club,After-school programs,Far away\r\nPartnership,Riverbend Boys & Girls Club,Gym for events,\r\n',
    );
    await page.getByLabel('Open file').setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: 'Import “riverbend.csv”' });
    await dialog.getByText(/^1 row:/).waitFor();
    await dialog.getByText('Rows 2 and 3 name the same partnership, “Riverbend Boys & Girls Club”, so they were read as one', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Make a new map' }).click();
    await page.waitForFunction(() => (window as any).assetMap.workspace.store.getDoc().title === 'riverbend');
    const doc = await readDoc(page);
    expect(Object.values(doc.nodes).filter((n) => n.kind === 'partner').map((n) => n.label)).toEqual(['Riverbend Boys & Girls Club']);
    expect(Object.values(doc.nodes).filter((n) => n.kind === 'strength').map((n) => n.label).sort()).toEqual(['After-school programs', 'Gym for events']);
    await context.close();
  });

  it('opening a relationships table (From, To, Tie, Label) adds who knows whom to this map, one undo step', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    const file = join(mkdtempSync(join(tmpdir(), 'am-rel-')), 'relationships.csv');
    writeFileSync(file, "From,To,Tie,Label\r\nChildren's Services staff,High school,weak,visits in spring\r\nChildren's Services staff,Somebody Else,strong,\r\n");
    const edges = async () => Object.values((await readDoc(page)).edges).length;
    const before = await edges();
    await page.getByLabel('Open file').setInputFiles(file);
    const status = page.getByRole('status').filter({ hasText: 'Added 1 relationship.' });
    await status.waitFor();
    expect(await status.textContent()).toContain('“Somebody Else” (row 3) is not an asset on the map');
    expect(await edges()).toBe(before + 1);
    await page.getByRole('button', { name: /^Undo/ }).click();
    expect(await edges()).toBe(before);
    await context.close();
  });
});
