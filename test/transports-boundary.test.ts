import { describe, expect, it } from 'vitest';
import { guarded } from '../src/transports/boundary.ts';
import { withDefaultsForMissingFields } from '../src/transports/discord-gateway.ts';
import { memoryLogger } from './support/recording.ts';

describe('guarded', () => {
  it('logs what a listener throws or rejects with, and never lets it out', async () => {
    const log = memoryLogger();
    const throwing = guarded(log.logger, 'reading an event', () => {
      throw new Error('sync failure');
    });
    const rejecting = guarded(log.logger, 'answering', async () => {
      throw new Error('async failure');
    });
    expect(() => throwing()).not.toThrow();
    expect(() => rejecting()).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(log.lines().map((l) => [l['msg'], (l['err'] as { message?: string }).message])).toEqual([
      ['reading an event failed', 'sync failure'],
      ['answering failed', 'async failure'],
    ]);
  });
});

describe('withDefaultsForMissingFields', () => {
  it('fills in the fields discord.js reads unchecked, and leaves present ones alone', () => {
    const old: Record<string, unknown> = { id: '1' };
    withDefaultsForMissingFields(old);
    expect(old).toEqual({ id: '1', entitlements: [], authorizing_integration_owners: {} });
    const current = { entitlements: [{ id: 'e' }], authorizing_integration_owners: { '0': '2' } };
    withDefaultsForMissingFields(current);
    expect(current).toEqual({ entitlements: [{ id: 'e' }], authorizing_integration_owners: { '0': '2' } });
    expect(() => withDefaultsForMissingFields(null)).not.toThrow();
  });
});
