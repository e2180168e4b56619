import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/lifecycle/in-flight.ts';
import { drainAndStop } from '../../src/lifecycle/shutdown.ts';
import { memoryLogger } from '../support/recording.ts';

describe('drainAndStop', () => {
  it('closes, waits for what is in flight, then stops', async () => {
    const inFlight = new InFlight();
    const order: string[] = [];
    let finish!: () => void;
    const work = inFlight.track(() => new Promise<void>((resolve) => (finish = resolve)).then(() => void order.push('work done')));
    const log = memoryLogger();
    const done = drainAndStop({ inFlight, logger: log.logger, stop: async () => void order.push('stopped') });
    expect(inFlight.accepting).toBe(false);
    finish();
    await work;
    expect(await done).toBe(true);
    expect(order).toEqual(['work done', 'stopped']);
    expect(log.lines()[0]).toMatchObject({ msg: 'waiting for interactions in flight', inFlight: 1 });
  });

  it('stops anyway after the timeout, and says how many were left', async () => {
    const inFlight = new InFlight();
    void inFlight.track(() => new Promise(() => undefined));
    const log = memoryLogger();
    let stopped = false;
    expect(await drainAndStop({ inFlight, logger: log.logger, timeoutMs: 10, stop: async () => void (stopped = true) })).toBe(false);
    expect(stopped).toBe(true);
    expect(log.lines().at(-1)).toMatchObject({ level: 40, inFlight: 1 });
  });
});
