import { describe, expect, it } from 'vitest';
import { ShardPresence } from '../../src/transports/discord-gateway.ts';

describe('ShardPresence (what /readyz follows in gateway mode)', () => {
  it('is up once the client is ready, down when the last shard goes, up again when one is back', () => {
    const events: string[] = [];
    const presence = new ShardPresence(
      () => events.push('up'),
      () => events.push('down'),
    );
    presence.up(0);
    presence.up(1);
    expect(events).toEqual([]);
    presence.clientReady();
    expect(events).toEqual(['up']);
    presence.down(0);
    expect(events).toEqual(['up']);
    presence.down(1);
    expect(events).toEqual(['up', 'down']);
    presence.down(1);
    expect(events).toEqual(['up', 'down']);
    presence.up(1);
    presence.up(0);
    expect(events).toEqual(['up', 'down', 'up']);
  });
});
