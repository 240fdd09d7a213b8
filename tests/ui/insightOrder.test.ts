import { describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../src/analysis';
import { INSIGHT_ORDER } from '../../src/ui/insights/insightOrder';

describe('the Insights page order', () => {
  it('lists every kind of finding exactly once', () => {
    expect([...INSIGHT_ORDER].sort()).toEqual([...FINDING_KINDS].sort());
  });
});
