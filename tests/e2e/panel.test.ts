/** The side panel and Reflect count what the map shows. */
import { describe, expect, it } from 'vitest';
import { openApp, useApp } from './harness';

const app = useApp();

describe('counts that match the map', () => {
  it("lists an asset's improvements that hang off its weaknesses under “How can it be improved?”", async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.locator('.react-flow__node[aria-label="School Partnership (partner)"]').click();
    const panel = page.getByRole('complementary', { name: 'Details' });
    const section = panel.locator('section').filter({ has: page.getByRole('heading', { name: 'How can it be improved?' }) });
    await section.waitFor();
    expect(await section.textContent()).toContain('Work with the teachers and PTA to make a shared calendar that is updated weekly');
    expect(await section.textContent()).not.toContain('None yet');
    await context.close();
  });

  it('Reflect counts a colleague strength tagged Passion/Interest as a passion', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.evaluate(() => {
      const store = (window as any).assetMap.workspace.store;
      const node = Object.values(store.getDoc().nodes).find((n: any) => n.label === 'Knowledgeable in early literacy') as { id: string };
      store.dispatch('updateNode', { id: node.id, patch: { areas: ['expertise', 'passion'] } });
    });
    await page.getByRole('tab', { name: 'Reflect' }).click();
    await page.getByText("No colleague's passions or interests relate to a partner's strengths, a program or a need yet.", { exact: false }).waitFor();
    expect(await page.getByText('No colleague has passions or interests', { exact: false }).count()).toBe(0);
    await context.close();
  });
});
