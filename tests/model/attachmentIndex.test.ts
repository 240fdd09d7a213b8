/** The attachment index is built once per document, and never served stale for a document being changed. */
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { SUNNYDALE, buildExample, getAttachmentIndex } from '../../src/model';

describe('getAttachmentIndex', () => {
  it('is shared for a document that cannot change (every edit makes a new, frozen one)', () => {
    const doc = produce(buildExample(SUNNYDALE, 's'), () => {});
    expect(Object.isFrozen(doc)).toBe(true);
    expect(getAttachmentIndex(doc)).toBe(getAttachmentIndex(doc));
    const edited = produce(doc, (d) => {
      const strength = d.nodes['school.s0']!;
      if (strength.kind === 'strength') strength.attachedTo = 'na1';
    });
    expect(getAttachmentIndex(edited).get('na1')!.map((n) => n.id)).toContain('school.s0');
    expect(getAttachmentIndex(doc).get('na1')!.map((n) => n.id)).not.toContain('school.s0');
  });

  it('is built afresh for a document that can still change', () => {
    const doc = buildExample(SUNNYDALE, 's');
    const before = getAttachmentIndex(doc).get('school')!.length;
    delete doc.nodes['school.s0'];
    expect(getAttachmentIndex(doc).get('school')!.length).toBe(before - 1);
  });
});
