/**
 * The PNG's painter against a recording stand-in for a 2D context: what it is asked to draw, in what state.
 * Whether the pixels match the SVG's is checked in Chromium (tests/e2e/export.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { drawMap, paintScene } from '../../../src/io/export';
import { generateMap } from '../../support/generateMap';
import { HOSTILE_LABELS, laidOut, sunnydale } from './helpers';

interface Drawn {
  text: string;
  x: number;
  y: number;
  font: string;
  direction: string;
  align: string;
  spacing: string;
  /** The translation in effect, in scene units. */
  at: [number, number];
}

/** A context that records text, the transform's translation and how often state was set. */
function recorder() {
  let m = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const texts: Drawn[] = [];
  const sets = { font: 0 };
  let font = '10px sans-serif';
  const ctx = {
    letterSpacing: '0px',
    direction: 'inherit',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    miterLimit: 10,
    get font() {
      return font;
    },
    set font(f: string) {
      sets.font++;
      font = f;
    },
    save: () => stack.push([...m]),
    restore: () => (m = stack.pop() ?? m),
    translate: (x: number, y: number) => {
      m = [m[0]!, m[1]!, m[2]!, m[3]!, m[4]! + m[0]! * x + m[2]! * y, m[5]! + m[1]! * x + m[3]! * y];
    },
    scale: (sx: number, sy: number) => {
      m = [m[0]! * sx, m[1]! * sx, m[2]! * sy, m[3]! * sy, m[4]!, m[5]!];
    },
    fillText(text: string, x: number, y: number) {
      texts.push({ text, x, y, font, direction: this.direction, align: this.textAlign, spacing: this.letterSpacing, at: [m[4]!, m[5]!] });
    },
    beginPath() {},
    rect() {},
    roundRect() {},
    clip() {},
    fill() {},
    stroke() {},
    setLineDash() {},
  };
  return { ctx, texts, sets, transform: () => m, depth: () => stack.length };
}

// Path2D is a browser class: a stand-in that keeps the path data.
(globalThis as { Path2D?: unknown }).Path2D ??= class {
  constructor(readonly d: string) {}
};

const opts = { background: 'white', title: true, legend: true, date: '2026-01-01' } as const;

describe('canvas painter', () => {
  it('draws every line the SVG writes, where the SVG puts it, and ends with the transform it started with', () => {
    const scene = drawMap(sunnydale(), opts);
    const r = recorder();
    paintScene(r.ctx as unknown as CanvasRenderingContext2D, scene, 2, 2);
    expect(r.transform()).toEqual([1, 0, 0, 1, 0, 0]);
    expect(r.depth()).toBe(0);
    const texts = r.texts.map((t) => t.text);
    expect(texts).toContain('Sunnydale Public Library');
    expect(texts).toContain('Legend');
    expect(texts.filter((t) => t === 'STRENGTH · EXPERTISE').length).toBeGreaterThan(0);
    // Positions are the SVG's, scaled: the title's first line at the page margin.
    const title = r.texts.find((t) => t.text === 'Sunnydale Public Library')!;
    expect(title.at).toEqual([0, 0]);
    expect(title.x).toBe(24);
    expect(title.font).toMatch(/^bold 20px system-ui/);
  });

  it('sets the font only when it changes, not for every line', () => {
    const doc = laidOut(generateMap(40, 1));
    const r = recorder();
    paintScene(r.ctx as unknown as CanvasRenderingContext2D, drawMap(doc, opts), 1, 1);
    expect(r.texts.length).toBeGreaterThan(300);
    expect(r.sets.font).toBeLessThan(r.texts.length);
  });

  it('hands hostile labels to fillText as plain characters: no control characters, direction controls closed', () => {
    const doc = laidOut(generateMap(20, 1));
    const ids = Object.keys(doc.nodes);
    HOSTILE_LABELS.forEach((label, i) => (doc.nodes[ids[i]!]!.label = label));
    const r = recorder();
    paintScene(r.ctx as unknown as CanvasRenderingContext2D, drawMap(doc, opts), 1, 1);
    const all = r.texts.map((t) => t.text).join('\n');
    expect(all).toContain('<img src=x'); // a label wraps to lines; each is drawn as typed
    expect(all).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    for (const t of r.texts) {
      const opens = (t.text.match(/[\u202A-\u202E]/g) ?? []).filter((c) => c !== '\u202C').length;
      expect((t.text.match(/\u202C/g) ?? []).length).toBeGreaterThanOrEqual(opens);
    }
    // A right-to-left label is drawn right to left, from the right edge of its node.
    const hebrew = r.texts.find((t) => t.text.startsWith('שלום'))!;
    expect(hebrew.direction).toBe('rtl');
    expect(hebrew.align).toBe('start');
    expect(r.texts.find((t) => t.text.startsWith('<img'))!.direction).toBe('ltr');
  });

  it('cuts a view of the map to the region, as the SVG does', () => {
    const r = recorder();
    const clips: number[] = [];
    (r.ctx as { clip: () => void }).clip = () => clips.push(1);
    paintScene(r.ctx as unknown as CanvasRenderingContext2D, drawMap(sunnydale(), { ...opts, region: { x: 0, y: 0, width: 300, height: 200 } }), 1, 1);
    expect(clips).toHaveLength(1);
    expect(r.depth()).toBe(0);
  });
});
