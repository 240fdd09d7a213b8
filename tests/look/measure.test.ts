import { describe, expect, it } from 'vitest';
import { labelLines, nodeSize, textWidth, wrapText } from '../../src/look/measure';

/** Wrapping as specified: a word joins the line while the whole line, measured again, still fits. */
function wrapByRemeasuring(text: string, maxWidth: number, fontSize: number, maxLines: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  let truncated = false;
  const push = (l: string) => {
    if (lines.length >= maxLines) truncated = true;
    else lines.push(l);
  };
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (truncated) break;
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) push(line);
    line = '';
    let rest = word;
    while (!truncated && textWidth(rest, fontSize, bold) > maxWidth) {
      const chars = [...rest];
      let cut = 1;
      while (cut < chars.length && textWidth(chars.slice(0, cut + 1).join(''), fontSize, bold) <= maxWidth) cut++;
      push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    line = rest;
  }
  if (line && !truncated) push(line);
  if (truncated && lines.length) {
    let last = lines[lines.length - 1]!;
    while (last && textWidth(last + '…', fontSize, bold) > maxWidth) last = [...last].slice(0, -1).join('');
    lines[lines.length - 1] = last + '…';
  }
  return lines.length ? lines : [''];
}

/** A small deterministic generator (mulberry32), so that a failure can be repeated. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Teen', 'advisory', 'board', 'meets', 'monthly', 'کتابخانه', 'همکاری', 'ספרייה', '图书馆合作伙伴', 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', 'a', 'of', '—', '12', 'i', 'Ünïcödé'];

describe('wrapText', () => {
  it('breaks at spaces, cuts over-long words and ends a cut text with an ellipsis', () => {
    expect(wrapText('Friends of the Library', 1000, 14, 4)).toEqual(['Friends of the Library']);
    const narrow = wrapText('Friends of the Library', 60, 14, 4);
    expect(narrow.length).toBeGreaterThan(1);
    expect(narrow.join(' ')).toBe('Friends of the Library');
    for (const l of narrow) expect(textWidth(l, 14)).toBeLessThanOrEqual(60);
    const cut = wrapText('W'.repeat(40), 100, 14, 10);
    expect(cut.join('')).toBe('W'.repeat(40));
    expect(cut.length).toBeGreaterThan(3);
    const short = wrapText('one two three four five six seven eight', 60, 14, 2);
    expect(short).toHaveLength(2);
    expect(short[1]!.endsWith('…')).toBe(true);
    expect(wrapText('   ', 100, 14, 3)).toEqual(['']);
  });

  it('gives the same lines as measuring each candidate line whole, on 2,000 random labels in several scripts', () => {
    const next = random(7);
    for (let i = 0; i < 2000; i++) {
      const count = 1 + Math.floor(next() * 14);
      const text = Array.from({ length: count }, () => WORDS[Math.floor(next() * WORDS.length)]).join(next() < 0.1 ? '  ' : ' ');
      const width = 40 + Math.floor(next() * 200);
      const size = next() < 0.5 ? 12 : 14;
      const lines = 1 + Math.floor(next() * 5);
      const bold = next() < 0.5;
      expect(wrapText(text, width, size, lines, bold), `${JSON.stringify(text)} at ${width}px`).toEqual(wrapByRemeasuring(text, width, size, lines, bold));
    }
  });
});

describe('labelLines', () => {
  it('measures a label once for every node that carries it, and per kind of card', () => {
    const label = 'Partnership with the county literacy council for adult learners';
    const a = labelLines({ kind: 'partner', label });
    expect(labelLines({ kind: 'partner', label })).toBe(a);
    expect(labelLines({ kind: 'staff', label })).toBe(a); // same card metrics
    const item = labelLines({ kind: 'strength', label });
    expect(item).not.toBe(a);
    expect(item).toEqual(wrapText(label, 196 - 20, 12, 5));
    expect(a).toEqual(wrapText(label, 220 - 24, 14, 4, true));
    expect(nodeSize({ kind: 'partner', label }).height).toBe(8 * 2 + 18 + a.length * 18);
  });

  it('draws an empty label as one blank line', () => {
    expect(labelLines({ kind: 'staff', label: '' })).toEqual(['']);
    expect(nodeSize({ kind: 'staff', label: '' }).height).toBe(8 * 2 + 18 + 18);
  });
});
