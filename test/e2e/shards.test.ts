// Gateway sharding in the real process: with `auto` the bot takes the count Discord recommends
// (GET /gateway/bot), identifies every shard, answers interactions arriving on each, and one
// shard's drop and resume leaves the other serving. DISCORD_SHARDS overrides the count.
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.ts';
import { answerOf, createAuditor, freshUser } from './checks.ts';
import { startBot } from './harness.ts';

const fakes: FakeDiscord[] = [];
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

async function twoShardFake(): Promise<FakeDiscord> {
  const fake = await startFakeDiscord({ heartbeatIntervalMs: 5000, recommendedShards: 2 });
  fakes.push(fake);
  return fake;
}

/** The `shard` of every IDENTIFY the fake received. */
function identifiedShards(fake: FakeDiscord): unknown[] {
  return fake.gatewayReceived.filter((f) => f.op === 2).map((f) => (f.d as { shard?: unknown }).shard);
}

async function askOnShard(fake: FakeDiscord, shard: number): Promise<string | undefined> {
  const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask', options: { question: 'how long did they meet?' }, user: freshUser() }), { shard });
  const { data } = await answerOf(fake, id, 15_000);
  return data.embeds?.[0]?.description;
}

describe.concurrent('sharding', () => {
  it('auto: identifies shard 0 and 1 of 2, answers on each, and one shard’s drop and resume does not interrupt the other', async () => {
    const fake = await twoShardFake();
    const audit = createAuditor(fake);
    const bot = await startBot(fake);
    try {
      await fake.waitForReady(15_000, 2);
      expect(identifiedShards(fake).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      expect(fake.requests.filter((r) => r.route === 'gatewayBot').length).toBeGreaterThan(0);
      expect(await askOnShard(fake, 0)).toMatch(/35/);
      expect(await askOnShard(fake, 1)).toMatch(/35/);

      const resumedBefore = fake.stats.resumed;
      const connectionOf = (shard: number) => fake.gatewayReceived.find((f) => f.op === 2 && (f.d as { shard: number[] }).shard[0] === shard)!.connectionId;
      const [zero, one] = [connectionOf(0), connectionOf(1)];
      expect(fake.faults.closeGateway(4000, { scope: { shard: 1 }, reason: 'fake-discord: shard 1 dropped' })).toBe(1);
      // While shard 1 is away, shard 0 answers; what was sent to shard 1 is replayed on its resume.
      const [onZero, onOne] = await Promise.all([askOnShard(fake, 0), askOnShard(fake, 1)]);
      expect(onZero).toMatch(/35/);
      expect(onOne).toMatch(/35/);
      await fake.waitFor(() => fake.stats.resumed > resumedBefore, 15_000, 'shard 1 to resume');
      expect(fake.stats.identifies).toBe(2);
      // Only shard 1's socket was replaced (by a RESUME, not a new IDENTIFY): shard 0's is the one it always had.
      const record = (id: number) => fake.gatewayConnections.find((c) => c.id === id)!;
      expect(record(zero).closedAt).toBeNull();
      expect(record(one).closedBy).toBe('server');
      expect(fake.gatewayConnections.filter((c) => c.closedAt === null)).toHaveLength(2);
      expect(audit()).toEqual([]);
    } finally {
      expect(await bot.stop()).toEqual({ code: 0, signal: null });
    }
  });

  it('DISCORD_SHARDS=1 overrides what Discord recommends', async () => {
    const fake = await twoShardFake();
    const bot = await startBot(fake, { DISCORD_SHARDS: '1' });
    try {
      expect(identifiedShards(fake)).toEqual([[0, 1]]);
      expect(await askOnShard(fake, 0)).toMatch(/35/);
    } finally {
      expect(await bot.stop()).toEqual({ code: 0, signal: null });
    }
  });
});
