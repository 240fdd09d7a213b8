/**
 * A large map renders and re-opens: 1,000 assets (6,500 nodes) laid out, rendered with the map embedded, and
 * read back to the same document. Its speed is measured by `npm run bench -- --only=svg-export`, not here.
 */
import { expect, it } from 'vitest';
import { readMapFromSvg, renderMapSvg } from '../../../src/io/export';
import { generateMap } from '../../support/generateMap';
import { laidOut } from './helpers';

it('renders a 1,000-asset map whole, and it re-opens as the same map', () => {
  const doc = laidOut(generateMap(1000, 1));
  expect(Object.keys(doc.nodes)).toHaveLength(6498);
  const svg = renderMapSvg(doc, { background: 'white', title: true, legend: true, embed: true });
  expect(svg.length).toBeGreaterThan(1_000_000);
  const opened = readMapFromSvg(svg);
  expect(opened.ok && opened.value.doc).toEqual(doc);
}, 120_000);
