// Issue 11, point 4: SIGTERM while a reply waits on Discord's rate limit. The bot stops taking new
// interactions, delivers the one in flight once the retry is allowed, then exits 0.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../fake-discord/index.ts';
import { freshUser } from './checks.ts';
import { exitWithin, startBot, type Spawned } from './harness.ts';

let fake: FakeDiscord;
let bot: Spawned;
beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 5000 });
  bot = await startBot(fake);
});
afterAll(async () => {
  if (!bot.hasExited()) await bot.stop().catch(() => undefined);
  await fake.close();
});

const callbackOf = (interactionId: string) => (r: RecordedRequest) => r.route === 'interactionCallback' && r.path.startsWith(`/interactions/${interactionId}/`);

it('SIGTERM during a 429 wait: the reply is still delivered, later interactions are turned away, exit 0', async () => {
  const payload = fake.build.chatInput({ name: 'ask', options: { question: 'how long did they meet?' }, user: freshUser() });
  fake.faults.rateLimitNext(1, { match: callbackOf(payload.id), retryAfterSeconds: 2 });
  fake.dispatchInteraction(payload);
  // The first attempt has been refused with 429: the reply now waits out the retry.
  await fake.waitFor(() => fake.requests.some((r) => callbackOf(payload.id)(r) && r.status === 429), 15_000, 'the 429');
  expect(fake.callbacksFor(payload.id)).toEqual([]);
  bot.child.kill('SIGTERM');
  await fake.waitFor(() => bot.logs().some((l) => l['msg'] === 'shutting down'), 10_000, 'the shutdown to begin');
  const late = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask', options: { question: 'where did they meet?' }, user: freshUser() }));
  const turnedAway = await fake.waitForCallback(late, 10_000);
  expect(JSON.stringify(turnedAway.data)).toMatch(/restarting/);

  const exit = await exitWithin(bot, 15_000);
  expect(exit).toEqual({ code: 0, signal: null });
  const [callback] = fake.callbacksFor(payload.id);
  expect(callback?.type).toBe(4);
  expect(JSON.stringify(callback?.data)).toContain('35');
  const lines = bot.logs();
  expect(lines.find((l) => l['msg'] === 'waiting for interactions in flight')).toMatchObject({ inFlight: 1 });
  expect(lines.filter((l) => l['msg'] === 'interaction').map((l) => l['outcome'])).toEqual(['draining', 'answered']);
});
