/**
 * The map canvas in real Chromium: every edge painted under the nodes, a focused link drawn over it, a drag
 * repainting edges as they follow,
 * and a large map opening as a painted overview that answers the pointer and gives way to nodes when zoomed in.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mapShown, openApp, openLargeMap, readDoc, showWholeMap, useApp } from './harness';

const app = useApp();

const painted = (page: Page) =>
  page.evaluate(() => {
    const d = document.querySelector<HTMLCanvasElement>('.am-paint')!.dataset;
    return { edges: Number(d.edges), nodes: Number(d.nodes), selected: Number(d.selected) };
  });

describe('map canvas', () => {
  it('paints every edge of the example, keeps the SVG edges for the pointer, and repaints a dragged asset’s edges', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await showWholeMap(page);
    // 9 strengths, 6 weaknesses, 5 improvements, 3 links and 2 suggested connections: all painted.
    await expect.poll(async () => (await painted(page)).edges).toBe(25);
    // React Flow keeps SVG edges for what the pointer and the keyboard reach (links, suggestions), unpainted
    // unless selected or focused; what hangs off an asset is only painted.
    expect(await page.locator('.react-flow__edge').count()).toBe(5);
    const visibility = await page.locator('.react-flow__edge-path').first().evaluate((el) => getComputedStyle(el).visibility);
    expect(visibility).toBe('hidden');
    // A connection chosen from its asset's fields is drawn as selected.
    await page.locator('.react-flow__node[data-id="school"]').click();
    await page.getByRole('complementary', { name: 'Details' }).getByRole('button', { name: /relationship with/ }).first().click();
    const link = page.locator('.react-flow__edge.selected').first();
    expect(await link.locator('.react-flow__edge-path').evaluate((el) => getComputedStyle(el).visibility)).toBe('visible');
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 300 } });
    // Drag an asset: the canvas follows (its pixels change), and the drop is one undoable move.
    const start = (await readDoc(page)).nodes.school!;
    const before = await page.locator('.am-paint').first().screenshot();
    const node = page.locator('.react-flow__node[data-id="school"]');
    const box = (await node.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 10);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + i * 12, box.y + 10 + i * 6);
    await page.mouse.up();
    await page.waitForTimeout(300);
    const after = await page.locator('.am-paint').first().screenshot();
    expect(Buffer.compare(before, after)).not.toBe(0);
    const moved = (await readDoc(page)).nodes.school!;
    expect(moved.x).toBeGreaterThan(start.x + 60);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });

  it('a click on an asset selects the asset, even where a connection runs across it', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    // Three assets in a row, never laid out: the relationship from the first to the last runs across the middle one.
    await page.evaluate(async () => {
      const { workspace } = (window as any).assetMap;
      const node = (id: string, kind: string, label: string, x: number) => ({ id, kind, label, x, y: 0, order: 0 });
      await workspace.openDoc({
        id: 'map-crossing',
        title: 'Crossing',
        created: '2026-12-01T00:00:00.000Z',
        nodes: { a: node('a', 'staff', 'Ana', 0), b: node('b', 'space', 'Big hall', 260), c: node('c', 'partner', 'Club', 600) },
        edges: { e1: { id: 'e1', kind: 'relationship', source: 'a', target: 'c', tie: 'strong' } },
        routes: {},
        layout: { direction: 'LR', spacing: 40 },
        reflect: {},
        dismissed: {},
      });
    });
    await mapShown(page, 'map-crossing');
    const hall = page.locator('.react-flow__node[aria-label="Big hall (space)"]');
    await hall.waitFor();
    const box = (await hall.boundingBox())!;
    const edge = (await page.locator('.react-flow__edge-interaction').first().boundingBox())!;
    // The connection's hit area does cross the hall's box at its middle row.
    expect(edge.y <= box.y + box.height / 2 && edge.y + edge.height >= box.y + box.height / 2).toBe(true);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.evaluate(() => (window as any).assetMap.session.getState().selection)).toEqual(['b']);
    await context.close();
  });

  it('a connection’s label stays readable above the boxes it passes over', async () => {
    const { page, context } = await openApp(app.browser, app.url);
    await page.evaluate(async () => {
      const { workspace } = (window as any).assetMap;
      const node = (id: string, kind: string, label: string, x: number, y: number) => ({ id, kind, label, x, y, order: 0 });
      await workspace.openDoc({
        id: 'map-label',
        title: 'Label',
        created: '2026-12-01T00:00:00.000Z',
        // Two boxes that overlap where the connection's middle is: its label lands on them.
        nodes: { a: node('a', 'staff', 'Ana', 0, 0), b: node('b', 'partner', 'Club', 120, 10) },
        edges: { e1: { id: 'e1', kind: 'relationship', source: 'a', target: 'b', tie: 'strong', label: 'meets monthly' } },
        routes: {},
        layout: { direction: 'LR', spacing: 40 },
        reflect: {},
        dismissed: {},
      });
    });
    await mapShown(page, 'map-label');
    const label = page.locator('.am-edge-label', { hasText: 'meets monthly' });
    await label.waitFor();
    const box = (await label.boundingBox())!;
    // Hit-testing follows painting order; the label lets the pointer through, so it is made hittable to ask.
    const top = await page.evaluate(({ x, y }) => {
      const el = document.querySelector<HTMLElement>('.am-edge-label')!;
      el.style.pointerEvents = 'auto';
      const hit = !!document.elementFromPoint(x, y)?.closest('.am-edge-label');
      el.style.pointerEvents = '';
      return hit;
    }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(top).toBe(true);
    await context.close();
  });

  it('opens a large map as a painted overview that selects on a click, and shows nodes once zoomed in', async () => {
    const { page, context, nodes } = await openLargeMap(app.browser, app.url, 300);
    expect(nodes).toBeGreaterThan(1500);
    // Far out: every node painted, none rendered as an element.
    await expect.poll(async () => (await painted(page)).nodes).toBe(nodes);
    expect(await page.locator('.react-flow__node').count()).toBe(0);
    // Thousands of suggested connections would bury the map: the legend says only the selection's are drawn.
    await expect.poll(() => page.locator('.am-legend-note').first().textContent()).toMatch(/in all: shown for the selection/);
    // And how to work far out.
    expect(await page.locator('.am-overview-note').textContent()).toMatch(/zoom in, or find it/);
    // A click on a painted asset selects it: the side panel edits it and the canvas rings it.
    const target = await page.evaluate(() => {
      const m = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)!;
      const [tx, ty, k] = m.slice(1).map(Number) as [number, number, number];
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      const doc = (window as any).assetMap.workspace.store.getDoc();
      const asset = Object.values(doc.nodes as Record<string, any>).find((n) => !n.attachedTo && n.kind === 'partner')!;
      return { id: asset.id as string, label: asset.label as string, x: pane.left + tx + (asset.x + 110) * k, y: pane.top + ty + (asset.y + 12) * k };
    });
    await page.mouse.move(target.x, target.y);
    await expect.poll(() => page.locator('.am-hover-label').textContent()).toContain(target.label.slice(0, 20));
    await page.mouse.click(target.x, target.y);
    await expect.poll(async () => (await painted(page)).selected).toBe(1);
    expect(await page.evaluate(() => (window as any).assetMap.session.getState().selection)).toEqual([target.id]);
    // Zoomed in on it (as Find does): real nodes, only those in view, and the canvas paints none.
    await page.evaluate((id) => (window as any).assetMap.session.centre([id]), target.id);
    await page.locator(`.react-flow__node[data-id="${target.id}"]`).waitFor();
    await expect.poll(async () => (await painted(page)).nodes).toBe(0);
    expect(await page.locator('.am-overview-note').count()).toBe(0);
    // Zoomed in, the links in view are elements again, for the pointer and the keyboard (far out React Flow is
    // given none).
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBeGreaterThan(0);
    const rendered = await page.locator('.react-flow__node').count();
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(nodes / 4);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });

  it('drags on a map of many nodes: the selection moves together, what hangs off follows, and far nodes come back after', async () => {
    const { page, context, nodes } = await openLargeMap(app.browser, app.url, 80);
    expect(nodes).toBeGreaterThan(400);
    expect(nodes).toBeLessThan(1500);
    const doc = await readDoc(page);
    const assets = Object.entries(doc.nodes).filter(([, n]) => !n.attachedTo);
    const [id, asset] = assets[0]!;
    // The asset furthest from the first one: off the view when zoomed in on the first.
    const [farId] = assets.reduce((best, a) => (Math.hypot(a[1].x - asset.x, a[1].y - asset.y) > Math.hypot(best[1].x - asset.x, best[1].y - asset.y) ? a : best));
    const child = Object.entries(doc.nodes).find(([, n]) => n.attachedTo === id)![0];
    await page.evaluate((target) => (window as any).assetMap.session.centre([target]), id);
    const node = page.locator(`.react-flow__node[data-id="${id}"]`);
    await node.waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator(`.react-flow__node[data-id="${farId}"]`).count()).toBe(0);
    await page.evaluate((ids) => (window as any).assetMap.session.select(ids), [id, farId]);
    const box = (await node.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 10);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + i * 12, box.y + 10);
    await page.mouse.up();
    await page.waitForTimeout(300);
    const after = await readDoc(page);
    const dx = after.nodes[id]!.x - asset.x;
    expect(dx).toBeGreaterThan(60);
    expect(after.nodes[id]!.y).toBe(asset.y);
    // The far selected asset moved as much; what hangs off the dragged one came along.
    expect(after.nodes[farId]!.x - doc.nodes[farId]!.x).toBe(dx);
    expect(after.nodes[child]!.x - doc.nodes[child]!.x).toBe(dx);
    // A far node is there again once the view goes to it.
    await page.evaluate((target) => (window as any).assetMap.session.centre([target]), farId);
    await page.locator(`.react-flow__node[data-id="${farId}"]`).waitFor();
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await context.close();
  });
});
