// Quick look: screenshot of the built app. Usage: node scripts/shot.mjs out.png [width height]
import { DIST, launchChromium, serveStatic } from '../tests/support/browser.mjs';
const server = await serveStatic(DIST);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(process.argv[3] ?? 1440), height: Number(process.argv[4] ?? 900) } });
page.on('pageerror', (e) => console.error('pageerror', e.message));
page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
await page.goto(server.url);
await page.waitForSelector('.react-flow__node');
await page.waitForTimeout(500);
if (process.argv[5]) await page.getByRole('tab', { name: process.argv[5] }).click();
await page.waitForTimeout(500);
await page.screenshot({ path: process.argv[2] ?? '/tmp/shot.png' });
await browser.close();
await server.close();
