import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS } from '../../src/core/errors/catalogue.js';
import { renderErrorsDoc } from '../../scripts/errors-doc.js';

describe('docs/errors.md', () => {
  it('agrees with the error catalogue (run `npm run docs:errors`)', () => {
    const committed = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderErrorsDoc());
  });

  it('every catalogue entry is well formed', () => {
    for (const [id, e] of Object.entries(ERRORS)) {
      expect(e.status, id).toBeGreaterThanOrEqual(400);
      expect(e.status, id).toBeLessThan(600);
      expect(e.queryCode.length, id).toBeGreaterThan(0);
      expect(e.jsonCode, id).toMatch(/^[A-Za-z.]+$/);
      expect(e.message.length, id).toBeGreaterThan(0);
      if (e.status >= 500) expect(e.fault, id).toBe('Receiver');
    }
  });
});
