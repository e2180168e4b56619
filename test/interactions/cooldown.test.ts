import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/interactions/cooldown.ts';

describe('Cooldown', () => {
  it('allows `limit` uses per window, then says how long to wait', () => {
    let now = 1_000;
    const cooldown = new Cooldown(3, 10_000, () => now);
    expect([cooldown.take('a'), cooldown.take('a'), cooldown.take('a')]).toEqual([0, 0, 0]);
    now = 4_000;
    expect(cooldown.take('a')).toBe(7_000);
    now = 10_999;
    expect(cooldown.take('a')).toBe(1);
    now = 11_000;
    expect(cooldown.take('a')).toBe(0);
  });

  it('keeps users apart', () => {
    const cooldown = new Cooldown(1, 10_000, () => 0);
    expect(cooldown.take('a')).toBe(0);
    expect(cooldown.take('b')).toBe(0);
    expect(cooldown.take('a')).toBeGreaterThan(0);
  });

  it('does not record refused attempts, so hammering does not extend the wait', () => {
    let now = 0;
    const cooldown = new Cooldown(1, 10_000, () => now);
    cooldown.take('a');
    for (now = 1_000; now < 10_000; now += 1_000) expect(cooldown.take('a')).toBe(10_000 - now);
    expect(cooldown.take('a')).toBe(0);
  });
});
