import { describe, expect, it } from 'vitest';
import { memberHasher } from '../../src/interactions/member-hash.ts';

describe('member hash', () => {
  it('is stable for one key, differs between keys and members, and does not contain the id', () => {
    const id = '123456789012345678';
    const a = memberHasher('a-configured-secret-value');
    const b = memberHasher('another-secret-value-here');
    expect(a(id)).toBe(a(id));
    expect(a(id)).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(a(id)).not.toBe(a('123456789012345679'));
    expect(a(id)).not.toBe(b(id));
    expect(memberHasher()(id)).not.toBe(memberHasher()(id));
    expect(a(id)).not.toContain(id.slice(0, 6));
  });
});
