/**
 * Layout: our layoutMap against the baseline, bare dagre over every node (bench/bareDagre.ts), on generated
 * maps of 100 to 2,000 assets. Time (median of the runs), the ratio to the baseline measured in the same run,
 * crossings of the drawn routes, overlapping nodes, and the drawing's size and shape (width:height as one
 * number: 2 is twice as wide as tall, 0.5 twice as tall as wide).
 *
 * Then ours alone in TB, and on maps whose links join near neighbours (withLocalLinks), which have many thin
 * levels instead of a few fat ones: the other way a drawing by levels goes long.
 */
import { type AssetMapDoc, type AssetNode, type LayoutDirection, getAssets } from '../../src/model';
import { generateMap, withLocalLinks } from '../../tests/support/generateMap';
import { bareDagreLayout } from '../bareDagre';
import { type Quality, measureQuality } from '../quality';
import { layoutMap } from '../../src/layout/layoutMap';
import { type BenchRow, type BenchSuite, ms } from '../harness';

export const SEED = 1;
const SIZES = [100, 500, 1000, 2000];
/** Baseline runs get this long at most before they count as "did not finish", unless --full. */
const CAP_MS: Record<number, number> = { 100: 60_000, 500: 300_000, 1000: 900_000 };

export interface BaselineCase {
  ms: number;
  quality: Quality;
}

/** One bare dagre run, in a worker thread so that the runner can stop it at the cap. */
export function bareDagreCase(assets: number, seed: number): BaselineCase {
  const doc = generateMap(assets, seed);
  const t = performance.now();
  const result = bareDagreLayout(doc, doc.layout);
  const elapsed = performance.now() - t;
  return { ms: elapsed, quality: measureQuality(doc, result) };
}

/** Assets in `count` groups by worksheet order; with `skip`, every skip-th asset is in none. */
function withGroups(doc: AssetMapDoc, count: number, skip: number): AssetMapDoc {
  doc.groups = {};
  for (let g = 0; g < count; g++) doc.groups[`g${g}`] = { id: `g${g}`, name: `Group ${g + 1}` };
  const assets = getAssets(doc);
  assets.forEach((a, i) => {
    if (skip && i % skip === 0) return;
    (doc.nodes[a.id] as AssetNode).group = `g${Math.floor((i * count) / assets.length)}`;
  });
  return doc;
}

const size = (q: Quality) => `${Math.round(q.width / 1000)}k×${Math.round(q.height / 1000)}k`;
const shape = (q: Quality) => q.aspect.toFixed(2);

const suite: BenchSuite = {
  name: 'layout',
  title: 'Layout of generated maps (LR, spacing 60; bare dagre = every node a dagre node, same nodesep/ranksep)',
  async run(ctx) {
    const rows: BenchRow[] = [];
    for (const assets of ctx.options.sizes ?? SIZES) {
      const doc = generateMap(assets, SEED);
      const nodes = Object.keys(doc.nodes).length;
      const ours = ctx.measure(() => layoutMap(doc, doc.layout), { warmup: 1 });
      const q = measureQuality(doc, layoutMap(doc, doc.layout));

      let base: BaselineCase | undefined;
      let baseText: string | null = null;
      let ratio: string | null = null;
      if (!(ctx.options.quick && assets > 500)) {
        const cap = ctx.options.full ? Infinity : (CAP_MS[assets] ?? ctx.options.capMs);
        const tries = assets <= 100 ? 3 : 1;
        const times: number[] = [];
        for (let i = 0; i < tries; i++) {
          ctx.log(`  bare dagre, ${assets} assets, run ${i + 1} of ${tries}${Number.isFinite(cap) ? ` (cap ${cap / 1000} s)` : ''}`);
          const r = await ctx.capped<BaselineCase>('bareDagreCase', [assets, SEED], cap);
          if (!r.ok) {
            baseText = r.reason === 'timeout' ? `> ${ms(r.ms)} (stopped)` : `error: ${r.error}`;
            if (r.reason === 'timeout') ratio = `> ${(r.ms / ours.median).toFixed(0)}`;
            break;
          }
          base = r.value;
          times.push(r.value.ms);
        }
        if (base && times.length) {
          const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
          baseText = String(ms(median));
          ratio = (median / ours.median).toFixed(1);
        }
      }
      rows.push({
        assets,
        nodes,
        links: Object.keys(doc.edges).length,
        'ours ms': ms(ours.median),
        'ours cpu ms': ms(ours.cpuMedian),
        'bare ms': baseText,
        'bare/ours': ratio,
        'ours crossings': q.crossings,
        'bare crossings': base ? base.quality.crossings : null,
        'ours overlaps': q.overlaps,
        'bare overlaps': base ? base.quality.overlaps : null,
        'ours size px': size(q),
        'bare size px': base ? size(base.quality) : null,
        'ours w:h': shape(q),
        'bare w:h': base ? shape(base.quality) : null,
      });
    }
    // The other direction, and maps with local links, ours only: the same targets hold.
    const others: { label: string; doc: AssetMapDoc; direction: LayoutDirection }[] = [];
    for (const assets of ctx.options.sizes ?? [1000, 2000]) others.push({ label: `${assets} TB`, doc: generateMap(assets, SEED), direction: 'TB' });
    for (const assets of ctx.options.sizes ?? [1000]) {
      const doc = withLocalLinks(generateMap(assets, SEED), SEED);
      others.push({ label: `${assets} local`, doc, direction: 'LR' }, { label: `${assets} local TB`, doc, direction: 'TB' });
    }
    for (const { label, doc, direction } of others) {
      const settings = { direction, spacing: 60 };
      const t = ctx.measure(() => layoutMap(doc, settings), { warmup: 1, runs: 3 });
      const q = measureQuality(doc, layoutMap(doc, settings));
      rows.push({
        assets: label,
        nodes: Object.keys(doc.nodes).length,
        links: Object.keys(doc.edges).length,
        'ours ms': ms(t.median),
        'ours cpu ms': ms(t.cpuMedian),
        'ours crossings': q.crossings,
        'ours overlaps': q.overlaps,
        'ours size px': size(q),
        'ours w:h': shape(q),
      });
    }
    // Groups: each laid out on its own, then placed as a block (src/layout/groups.ts). The same map without groups,
    // in groups of about 25 assets, with a third of its assets in none, and with a group collapsed.
    for (const assets of ctx.options.sizes ?? [300]) {
      const count = Math.max(2, Math.round(assets / 25));
      const cases: { label: string; doc: AssetMapDoc }[] = [
        { label: `${assets} no groups`, doc: generateMap(assets, SEED) },
        { label: `${assets} in ${count} groups`, doc: withGroups(generateMap(assets, SEED), count, 0) },
        { label: `${assets}, 2/3 in ${count} groups`, doc: withGroups(generateMap(assets, SEED), count, 3) },
      ];
      const collapsed = withGroups(generateMap(assets, SEED), count, 0);
      collapsed.groups!.g0!.collapsed = true;
      cases.push({ label: `${assets} in ${count} groups, 1 collapsed`, doc: collapsed });
      for (const { label, doc } of cases) {
        const t = ctx.measure(() => layoutMap(doc, doc.layout), { warmup: 1 });
        const q = measureQuality(doc, layoutMap(doc, doc.layout));
        rows.push({
          assets: label,
          nodes: Object.keys(doc.nodes).length,
          links: Object.keys(doc.edges).length,
          'ours ms': ms(t.median),
          'ours cpu ms': ms(t.cpuMedian),
          'ours crossings': q.crossings,
          'ours overlaps': q.overlaps,
          'ours size px': size(q),
          'ours w:h': shape(q),
        });
      }
    }
    ctx.note(`Generated maps: tests/support/generateMap.ts, seed ${SEED}; "local": the same assets with local links (withLocalLinks). Crossings: proper crossings between drawn routes (links and attachments). w:h: width / height of the drawing.`);
    return rows;
  },
};
export default suite;
