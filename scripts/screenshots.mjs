// Pictures for the README, taken from the built app in Chromium: the example map as a librarian might first
// arrange it by hand, the same map after Auto layout, the worksheet, the insights, and an exported PNG.
// Usage: npm run build && npm run screenshots   (writes docs/*.png)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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

await browser.close();
await server.close();
console.log('Wrote docs/map-before-layout.png, map-after-layout.png, worksheet.png, insights.png, reflect.png, export-example.png');
