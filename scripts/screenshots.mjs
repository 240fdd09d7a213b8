// Pictures for the README, taken from the built app in Chromium: the example map as a librarian might first
// arrange it by hand, the same map after Auto layout, the worksheet, the insights, an exported PNG, the map's
// context menu, Focus, a comparison with a review, a board summary, groups, Present, and the app on a phone.
// Usage: npm run build && npm run screenshots   (writes docs/*.png)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { DIST, launchChromium, serveStatic } from '../tests/support/browser.mjs';

const root = join(import.meta.dirname, '..');
const docs = join(root, 'docs');
mkdirSync(docs, { recursive: true });
const server = await serveStatic(DIST);
const url = server.url;

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, acceptDownloads: true });
await page.goto(url);
await page.waitForSelector('.react-flow__node');
await page.waitForTimeout(400);

// "Before": the example's assets moved about by hand, as a map looks after a few weeks of adding to it.
await page.evaluate(() => {
  const { workspace } = window.assetMap;
  const doc = workspace.store.getDoc();
  const spots = [[40, 420], [620, 40], [980, 460], [360, 250], [40, 40], [760, 300], [1040, 160], [380, 620]];
  const assets = Object.values(doc.nodes).filter((n) => !('attachedTo' in n)).sort((a, b) => a.order - b.order);
  const positions = {};
  assets.forEach((a, i) => {
    const [x, y] = spots[i % spots.length];
    const dx = x - a.x;
    const dy = y - a.y;
    positions[a.id] = { x, y };
    for (const n of Object.values(doc.nodes)) {
      const owner = 'attachedTo' in n ? (doc.nodes[n.attachedTo] && 'attachedTo' in doc.nodes[n.attachedTo] ? doc.nodes[n.attachedTo].attachedTo : n.attachedTo) : undefined;
      if (owner === a.id) positions[n.id] = { x: n.x + dx + ((n.order * 37) % 90) - 30, y: n.y + dy - 20 };
    }
  });
  workspace.store.dispatch('moveNodes', { positions });
});
await page.waitForTimeout(500);
await page.screenshot({ path: join(docs, 'map-before-layout.png') });

await page.getByRole('button', { name: 'Auto layout' }).click();
await page.waitForFunction(() => window.assetMap.workspace.store.getState().undoLabel === 'auto layout');
await page.waitForTimeout(800);
await page.waitForTimeout(500);
await page.locator('.am-notice .am-close').evaluateAll((buttons) => buttons.forEach((b) => b.click()));
await page.screenshot({ path: join(docs, 'map-after-layout.png') });

for (const tab of ['Worksheet', 'Insights', 'Reflect']) {
  await page.getByRole('tab', { name: tab }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(docs, `${tab.toLowerCase()}.png`) });
}

await page.getByRole('tab', { name: 'Map' }).click();
await page.getByRole('button', { name: 'Export', exact: true }).click();
const dialog = page.getByRole('dialog', { name: 'Export' });
await dialog.getByLabel('Scale').selectOption('1');
const download = page.waitForEvent('download');
await dialog.getByRole('button', { name: 'Export PNG' }).click();
await (await download).saveAs(join(docs, 'export-example.png'));

await dialog.getByRole('button', { name: 'Close' }).click();

// Messages of the steps before are dismissed, so that they do not cover the pictures.
const quiet = (p) => p.locator('.am-notice .am-close').evaluateAll((buttons) => buttons.forEach((b) => b.click()));

// The context menu of an asset, opened with a right-click.
await quiet(page);
const asset = (name) => page.locator(`.react-flow__node[aria-label="${name}"]`);
await page.keyboard.press('0');
await page.waitForTimeout(500);
await asset('School Partnership (partner)').click({ button: 'right' });
await page.getByRole('menu').waitFor();
await page.waitForTimeout(200);
await page.screenshot({ path: join(docs, 'context-menu.png') });
await page.keyboard.press('Escape');

// Focus: what lies within one step of the staff member.
await asset("Children's Services staff (staff)").click();
await page.getByLabel('Focus').selectOption({ index: 1 });
await quiet(page);
await page.waitForTimeout(400);
await page.screenshot({ path: join(docs, 'focus.png') });
await page.keyboard.press('Escape');
await page.getByLabel('Focus').selectOption({ index: 0 });

// A review, three changes, and the comparison.
await page.getByRole('button', { name: 'Reviews' }).click();
await page.getByRole('menuitem', { name: 'Save as review…' }).click();
const review = page.getByRole('dialog', { name: 'Save as review' });
await review.getByLabel('Review name').fill('Spring 2026 review');
await review.getByRole('button', { name: 'Save review' }).click();
await page.evaluate(() => {
  const { store } = window.assetMap.workspace;
  const nodes = Object.values(store.getDoc().nodes);
  const byLabel = (l) => nodes.find((n) => n.label === l);
  store.dispatch('updateNode', { id: byLabel('School Partnership').id, patch: { label: 'Lincoln School Partnership' } });
  store.dispatch('deleteNodes', { ids: [byLabel('High school').id] });
  const na1 = byLabel('Neighborhood Association 1');
  store.dispatch('addAsset', { id: 'pa_makers', kind: 'partner', label: 'Makers Guild', x: na1.x + 280, y: na1.y + 260 });
});
await page.getByRole('button', { name: 'Reviews' }).click();
await page.getByRole('menuitem', { name: 'Compare' }).click();
await page.getByRole('dialog', { name: 'Compare two states of the map' }).getByRole('button', { name: 'Compare', exact: true }).click();
await page.getByRole('complementary', { name: 'Comparison' }).waitFor();
await page.keyboard.press('0');
await quiet(page);
await page.waitForTimeout(600);
await page.screenshot({ path: join(docs, 'compare.png') });
await page.getByRole('button', { name: 'Close comparison' }).click();

// The board summary against that review, as the web page a director opens.
await page.getByRole('button', { name: 'Export', exact: true }).click();
await dialog.getByLabel('Changes since').selectOption({ label: 'Spring 2026 review' });
await dialog.getByLabel('Format').selectOption('html');
const summary = page.waitForEvent('download');
await dialog.getByRole('button', { name: 'Board summary' }).click();
// Saved with its name, so that the browser reads it as a web page.
const summaryPath = join(tmpdir(), (await summary).suggestedFilename());
await (await summary).saveAs(summaryPath);
const reader = await browser.newPage({ viewport: { width: 1100, height: 1400 }, deviceScaleFactor: 1 });
await reader.goto(`file://${summaryPath}`);
await reader.screenshot({ path: join(docs, 'board-summary.png') });
await reader.close();
await dialog.getByRole('button', { name: 'Close' }).click();

// Groups: the partners in one, the colleague and the space in another, then Auto layout.
await page.evaluate(() => {
  const { store } = window.assetMap.workspace;
  const nodes = Object.values(store.getDoc().nodes).filter((n) => !('attachedTo' in n));
  const ids = (kinds) => nodes.filter((n) => kinds.includes(n.kind)).map((n) => n.id);
  store.dispatch('groupAssets', { ids: ids(['partner']), group: 'grp_partners', newGroup: { id: 'grp_partners', name: 'Partnerships' } });
  store.dispatch('groupAssets', { ids: ids(['staff', 'space']), group: 'grp_branch', newGroup: { id: 'grp_branch', name: 'Main branch' } });
});
await page.getByRole('button', { name: 'Auto layout' }).click();
await page.waitForFunction(() => window.assetMap.workspace.store.getState().undoLabel === 'auto layout');
await page.waitForTimeout(900);
await quiet(page);
await page.screenshot({ path: join(docs, 'groups.png') });

// Two saved views, then Present: the first one full screen, its name and place below.
const saveView = async (name) => {
  await page.getByRole('button', { name: 'Saved views' }).click();
  await page.getByRole('menuitem', { name: 'Save view…' }).click();
  const d = page.getByRole('dialog', { name: 'Save view' });
  await d.getByLabel('View name').fill(name);
  await d.getByRole('button', { name: 'Save view' }).click();
};
await saveView('The whole map');
await asset('Lincoln School Partnership (partner)').click();
await page.getByLabel('Focus').selectOption({ index: 1 });
await saveView('Around the school partnership');
await page.keyboard.press('Escape');
await page.getByRole('button', { name: 'Present' }).click();
await page.keyboard.press('ArrowRight');
await page.waitForTimeout(900);
await page.screenshot({ path: join(docs, 'present.png') });
await page.keyboard.press('Escape');

// A phone: the toolbar in a menu, the details as a sheet under the map.
const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
await phone.goto(url);
await phone.waitForSelector('.react-flow__node');
await phone.waitForTimeout(800);
await phone.screenshot({ path: join(docs, 'phone.png') });

await browser.close();
await server.close();
console.log(
  'Wrote docs/map-before-layout.png, map-after-layout.png, worksheet.png, insights.png, reflect.png, export-example.png, context-menu.png, focus.png, compare.png, board-summary.png, groups.png, present.png, phone.png',
);
