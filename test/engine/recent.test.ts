import { describe, expect, it } from 'vitest';
import { Recent } from '../../src/engine/recent.ts';

describe('Recent', () => {
  it('computes once per key, keeps the most recently used, and drops the oldest when full', () => {
    const calls: string[] = [];
    const recent = new Recent<string>(2, 10);
    const get = (k: string) => recent.get(k, () => (calls.push(k), k.toUpperCase()));
    expect(get('a')).toBe('A');
    expect(get('a')).toBe('A');
    get('b');
    get('a'); // a is now the most recent
    get('c'); // drops b
    get('a');
    get('b');
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });

  it('does not keep long inputs', () => {
    let n = 0;
    const recent = new Recent<number>(5, 10);
    const long = 'x'.repeat(11);
    recent.get(long, () => ++n);
    recent.get(long, () => ++n);
    expect(n).toBe(2);
  });
});
