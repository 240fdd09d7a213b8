/**
 * Every released file version has a frozen fixture that must keep opening. A new version adds a migration step
 * and a test here that opens the fixture of the version before it; shipped fixtures and steps are never edited.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_VERSION, describeOpenError, parseMapFile } from '../../src/io/mapFile';
import { MIGRATIONS, type MigrationStep, migrate } from '../../src/io/migrations';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('file versions', () => {
  it('version 1 (the first release) opens unchanged, with every node, edge, route and answer', () => {
    const text = fixture('v1-sunnydale.assetmap.json');
    const r = parseMapFile(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.repairs).toEqual([]);
    expect(r.value.doc).toEqual(JSON.parse(text).map);
    expect(Object.keys(r.value.doc.nodes)).toHaveLength(28);
    expect(r.value.doc.reflect.notice).toBe('Our partners hold more space than we do.');
  });

  it('has one step for every version before the current one', () => {
    for (let v = 1; v < CURRENT_VERSION; v++) expect(MIGRATIONS.some((s) => s.from === v)).toBe(true);
    expect(migrate({ a: 1 }, CURRENT_VERSION)).toEqual({ a: 1 });
  });

  it('refuses a file from a newer version in words', () => {
    const newer = fixture('v1-sunnydale.assetmap.json').replace('"version": 1', `"version": ${CURRENT_VERSION + 1}`);
    const r = parseMapFile(newer);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeOpenError(r.error, 'future.assetmap.json')).toBe(
      `“future.assetmap.json” was saved by a newer version of Asset Map (file version ${CURRENT_VERSION + 1}; this app reads up to ${CURRENT_VERSION}). Update the app to open it. Your current map was not changed.`,
    );
  });

  describe('the upgrade machinery, with steps made for the test', () => {
    const log: number[] = [];
    const steps: MigrationStep[] = [
      { from: 2, name: 'two to three', run: (m) => (log.push(2), { ...(m as object), three: true }) },
      { from: 1, name: 'one to two', run: (m) => (log.push(1), { ...(m as object), two: true }) },
    ];

    it('runs every step from the file’s version up, in order, whatever order they are listed in', () => {
      log.length = 0;
      expect(migrate({ a: 1 }, 1, steps, 3)).toEqual({ a: 1, two: true, three: true });
      expect(log).toEqual([1, 2]);
      log.length = 0;
      expect(migrate({ a: 1 }, 2, steps, 3)).toEqual({ a: 1, three: true });
      expect(log).toEqual([2]);
    });

    it('says which version has no way up, and which step failed', () => {
      expect(() => migrate({}, 1, steps.slice(0, 1), 3)).toThrow('no upgrade from version 1');
      const broken: MigrationStep[] = [{ from: 1, name: 'split names', run: () => { throw new Error('no names'); } }];
      expect(() => migrate({}, 1, broken, 2)).toThrow('the step “split names” failed (no names)');
    });

    it('a map that fails to upgrade is refused in words, and nothing is half-opened', () => {
      const text = fixture('v1-sunnydale.assetmap.json');
      const r = parseMapFile(text.replace('"version": 1', '"version": 0'));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(describeOpenError(r.error, 'old.assetmap.json')).toBe('“old.assetmap.json” is damaged: its version number is missing or not a whole number. Your current map was not changed.');
    });
  });
});
