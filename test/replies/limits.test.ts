import { describe, expect, it } from 'vitest';
import { ELLIPSIS, truncate } from '../../src/replies/limits.ts';

describe('truncate', () => {
  it('leaves text that fits alone', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('exactly10!', 10)).toBe('exactly10!');
  });

  it('cuts to the limit and ends with an ellipsis', () => {
    const out = truncate('a'.repeat(500), 100);
    expect(out.length).toBeLessThanOrEqual(100);
    expect(out.endsWith(ELLIPSIS)).toBe(true);
  });

  it('prefers a word boundary near the end', () => {
    expect(truncate('the quick brown fox jumps over the lazy dog', 20)).toBe('the quick brown fox…');
  });

  it('never splits a surrogate pair', () => {
    const out = truncate('😀'.repeat(100), 51);
    expect(out.length).toBeLessThanOrEqual(51);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(out).toBe(`${'😀'.repeat(25)}${ELLIPSIS}`);
    expect(truncate('😀'.repeat(100), 52)).toBe(`${'😀'.repeat(25)}${ELLIPSIS}`);
  });

  it('handles tiny limits', () => {
    expect(truncate('hello', 0)).toBe('');
    expect(truncate('hello', 1)).toBe(ELLIPSIS);
  });
});
