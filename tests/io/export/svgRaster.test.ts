/**
 * The SVG renders in a real SVG renderer (librsvg's rsvg-convert) to an image that shows the map: for the
 * Sunnydale example, strength-green and weakness-red edge pixels and dark label pixels.
 * Needs /usr/bin/rsvg-convert (Debian package librsvg2-bin).
 */
import { execFileSync } from 'node:child_process';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { EDGE_STYLES } from '../../../src/look';
import { renderMap } from '../../../src/io/export';
import { HOSTILE_LABELS, sunnydale } from './helpers';

function rasterize(svg: string): PNG {
  const png = execFileSync('rsvg-convert', ['--format=png'], { input: svg, maxBuffer: 256 * 1024 * 1024 });
  return PNG.sync.read(png);
}

const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];

/** Pixels within `tolerance` (per channel) of a colour. */
function countNear(png: PNG, [r, g, b]: [number, number, number], tolerance: number): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i + 3]! < 200) continue;
    if (Math.abs(png.data[i]! - r) <= tolerance && Math.abs(png.data[i + 1]! - g) <= tolerance && Math.abs(png.data[i + 2]! - b) <= tolerance) n++;
  }
  return n;
}

function countDark(png: PNG): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i + 3]! > 200 && png.data[i]! < 70 && png.data[i + 1]! < 80 && png.data[i + 2]! < 100) n++;
  }
  return n;
}

describe('SVG renders', () => {
  it('Sunnydale renders with green strength edges, red weakness edges and dark labels', () => {
    const { svg, width, height } = renderMap(sunnydale(), { background: 'white', title: true, legend: true, embed: true });
    const png = rasterize(svg);
    expect([png.width, png.height]).toEqual([width, height]);
    const green = countNear(png, hex(EDGE_STYLES.strength.stroke), 24);
    const red = countNear(png, hex(EDGE_STYLES.weakness.stroke), 24);
    const dark = countDark(png);
    expect(green).toBeGreaterThan(300);
    expect(red).toBeGreaterThan(300);
    expect(dark).toBeGreaterThan(2000);
    // Not blank: the background is white, most of it, but far from all.
    const white = countNear(png, [255, 255, 255], 2);
    expect(white / (png.width * png.height)).toBeLessThan(0.9);
    expect(white / (png.width * png.height)).toBeGreaterThan(0.4);
  });

  it('the edges sit where the routes are: a pixel on a strength route is green', () => {
    const doc = sunnydale();
    const { svg } = renderMap(doc, { background: 'white', title: false, legend: false, embed: false });
    const png = rasterize(svg);
    // Without title or legend the map's top-left is at the margin, less the bounds' origin.
    const m = /<g transform="translate\((-?[\d.]+) (-?[\d.]+)\)">/.exec(svg)!;
    const [dx, dy] = [Number(m[1]), Number(m[2])];
    const route = doc.routes['a:na1.s0']!;
    // The middle of the last (horizontal) segment, away from rounded corners and the node border.
    const a = route[route.length - 2]!;
    const b = route[route.length - 1]!;
    const x = Math.round((a.x + b.x) / 2 + dx);
    const y = Math.round((a.y + b.y) / 2 + dy);
    const at = (png.width * y + x) * 4;
    const [r, g, bl] = [png.data[at]!, png.data[at + 1]!, png.data[at + 2]!];
    const [er, eg, eb] = hex(EDGE_STYLES.strength.stroke);
    expect(Math.abs(r - er) + Math.abs(g - eg) + Math.abs(bl - eb)).toBeLessThan(60);
  });

  it('a transparent export is transparent around the map', () => {
    const { svg } = renderMap(sunnydale(), { background: 'transparent', title: true, legend: false, embed: false });
    const png = rasterize(svg);
    expect(png.data[3]).toBe(0);
  });

  it('hostile labels still render', () => {
    const doc = sunnydale();
    const ids = Object.keys(doc.nodes);
    HOSTILE_LABELS.forEach((label, i) => (doc.nodes[ids[i]!]!.label = label));
    const png = rasterize(renderMap(doc, { background: 'white', title: true, legend: true, embed: true }).svg);
    expect(countDark(png)).toBeGreaterThan(2000);
  });
});
