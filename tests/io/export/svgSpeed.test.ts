/**
 * The SVG renderer stays fast on large maps: 1,000 assets (6,500 nodes) laid out, rendered with the map embedded,
 * within the 1 s budget (about 0.1–0.3 s measured on a 2-core machine).
 */
import { expect, it } from 'vitest';
import { readMapFromSvg, renderMapSvg } from '../../../src/io/export';
import { generatedMap, laidOut } from './helpers';

it('renders a 1,000-asset map in under a second, and it re-opens', () => {
  const doc = laidOut(generatedMap(1000));
  expect(Object.keys(doc.nodes)).toHaveLength(6500);
  const times: number[] = [];
  let svg = '';
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    svg = renderMapSvg(doc, { background: 'white', title: true, legend: true, embed: true });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  expect(times[1]).toBeLessThan(1000);
  const opened = readMapFromSvg(svg);
  expect(opened.ok && opened.value.doc).toEqual(doc);
}, 60_000);
