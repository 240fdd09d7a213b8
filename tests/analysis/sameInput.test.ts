/**
 * `sameAnalysisInput`: the findings are reused only when nothing the analysis reads has changed. Each change goes
 * through the document store's commands, as the UI makes it, and the claim is checked against the findings.
 */
import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample } from '../../src/model';
import { DocStore } from '../../src/store/docStore';
import { getFindings, sameAnalysisInput } from '../../src/analysis';

const store = () => new DocStore(buildExample(SUNNYDALE, 'sunnydale'));

describe('sameAnalysisInput', () => {
  it('is true after moving nodes or renaming the map, and the findings are indeed the same', () => {
    const s = store();
    const before = s.getDoc();
    expect(s.dispatch('moveNodes', { positions: { school: { x: 900, y: 40 }, 'school.s0': { x: 5, y: 6 } } })).toBe(true);
    s.dispatch('setTitle', { title: 'Renamed' });
    const after = s.getDoc();
    expect(after).not.toBe(before);
    expect(sameAnalysisInput(before, after)).toBe(true);
    expect(getFindings(after)).toEqual(getFindings(before));
  });

  it('is false after a label, a link, a dismissal or a deletion changes', () => {
    const changes: [string, (s: DocStore) => boolean][] = [
      ['label', (s) => s.dispatch('updateNode', { id: 'school.s0', patch: { label: 'Fluent in ASL' } })],
      ['link', (s) => s.dispatch('linkAssets', { id: 'e-new', kind: 'relationship', source: 'school', target: 'friends' })],
      ['dismissal', (s) => s.dispatch('dismissSuggestion', { key: 'suggest:na2.s0>room.w0' })],
      ['deletion', (s) => s.dispatch('deleteNodes', { ids: ['school.s0'] })],
    ];
    for (const [what, change] of changes) {
      const s = store();
      const before = s.getDoc();
      expect(change(s), what).toBe(true);
      expect(sameAnalysisInput(before, s.getDoc()), what).toBe(false);
    }
  });
});
