/** jsPDF's optional helpers are aliased out of the build (vite.config.ts): reaching one fails with a sentence. */
import { describe, expect, it } from 'vitest';

describe('jsPDF helpers left out of the build', () => {
  it('fails to load with a sentence that says what is missing and where it was left out', async () => {
    await expect(import('../../../src/io/export/jspdfLeftOut')).rejects.toThrow(/html2canvas, DOMPurify or canvg.*vite\.config\.ts/);
  });
});
