// Discord misbehaving: rate limits and server errors on the callback, a closed gateway, a zombie
// connection. The bot (its real process) must deliver, log, reconnect and keep answering.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord, RecordedRequest } from '../fake-discord/index.ts';
import { answerOf, freshUser } from './checks.ts';
import type { Spawned } from './harness.ts';
import { botSession } from './session.ts';

// A short heartbeat, so a zombie connection is noticed within a couple of seconds.
const session = botSession({ heartbeatIntervalMs: 1000, quietStderr: false });
let fake: FakeDiscord;
let bot: Spawned;
beforeAll(() => {
  ({ fake, bot } = session);
});

function askPayload(question = 'how long did they meet?') {
  return fake.build.chatInput({ name: 'ask', options: { question }, user: freshUser() });
}

const callbackOf = (interactionId: string) => (r: RecordedRequest) => r.route === 'interactionCallback' && r.path.startsWith(`/interactions/${interactionId}/`);

/** A normal /ask, dispatched now, is answered with the cited embed. */
async function expectServing(): Promise<void> {
  const id = fake.dispatchInteraction(askPayload());
  const { callback, data } = await answerOf(fake, id, 15_000);
  expect(callback.type).toBe(4);
  expect(data.embeds?.[0]?.description).toMatch(/35/);
}

describe('REST faults on the interaction callback', () => {
  it('retries a 429 (Retry-After) and delivers the answer', async () => {
    const payload = askPayload();
    fake.faults.rateLimitNext(1, { match: callbackOf(payload.id), retryAfterSeconds: 0.3 });

    fake.dispatchInteraction(payload);
    const { callback, data } = await answerOf(fake, payload.id, 15_000);

    expect(callback.type).toBe(4);
    expect(data.embeds?.[0]?.description).toMatch(/35/);
    const attempts = fake.requests.filter(callbackOf(payload.id));
    expect(attempts.map((r) => [r.status, r.fault])).toEqual([
      [429, 'rate-limited'],
      [204, null],
    ]);
    expect(fake.callbacksFor(payload.id)).toHaveLength(1);
  });

  it('logs a callback that keeps failing with 500, then answers the next interaction', async () => {
    const payload = askPayload();
    // Every attempt for this interaction fails, so discord.js's retries run out.
    fake.faults.failNext(100, { match: callbackOf(payload.id), status: 500 });

    fake.dispatchInteraction(payload);
    const userId = payload.member!.user.id;
    const before = bot.logs().length;
    // Members are logged as a keyed hash, so the line is the failed one that follows.
    const logged = await fake.waitFor(
      () =>
        bot
          .logs()
          .slice(before)
          .find((l) => l['msg'] === 'interaction' && l['outcome'] === 'failed'),
      20_000,
      'the failed interaction to be logged',
    );

    expect(logged).toMatchObject({ level: 50, outcome: 'failed', command: 'ask' });
    expect(JSON.stringify(logged['err'])).toMatch(/500/);
    const attempts = fake.requests.filter(callbackOf(payload.id));
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts.every((r) => r.status === 500)).toBe(true);
    expect(fake.callbacksFor(payload.id)).toEqual([]);
    // The interaction token must not reach the logs (it can post as the bot for 15 minutes).
    expect(bot.stdout()).not.toContain(payload.token);
    expect(bot.stdout()).not.toContain(userId);
    expect(bot.hasExited()).toBe(false);

    await expectServing();
  });
});

describe('gateway faults', () => {
  it('resumes after the gateway closes the connection (4000) and answers what was sent meanwhile', async () => {
    const { identifies, resumes, connections } = fake.stats;
    const sessionId = fake.currentSessionId;

    expect(fake.faults.closeGateway(4000)).toBe(1);
    // Sent while the socket is down: it has to arrive through the RESUME replay.
    const id = fake.dispatchInteraction(askPayload());
    const { callback } = await answerOf(fake, id, 15_000);

    expect(callback.type).toBe(4);
    // Resumed, not re-identified: the same session goes on.
    expect(fake.stats.resumes).toBeGreaterThan(resumes);
    expect(fake.stats.identifies).toBe(identifies);
    expect(fake.stats.connections).toBeGreaterThan(connections);
    expect(fake.currentSessionId).toBe(sessionId);
    await expectServing();
  });

  it('resumes after an abnormal drop (1006, no close frame)', async () => {
    const { resumes, resumed } = fake.stats;

    expect(fake.faults.terminateGateway()).toBe(1);
    await fake.waitFor(() => fake.stats.resumed > resumed, 15_000, 'the session to resume');

    expect(fake.stats.resumes).toBeGreaterThan(resumes);
    await expectServing();
  });

  it('reconnects and resumes when Discord asks it to (op 7 RECONNECT)', async () => {
    const { resumes, resumed } = fake.stats;

    fake.faults.requestReconnect();
    await fake.waitFor(() => fake.stats.resumed > resumed, 15_000, 'the session to resume');

    expect(fake.stats.resumes).toBeGreaterThan(resumes);
    await expectServing();
  });

  it('replaces a connection whose heartbeats go unacknowledged, then answers', async () => {
    const handshakes = () => fake.stats.identifies + fake.stats.resumes;
    const sessions = () => fake.stats.readies + fake.stats.resumed;
    const before = { handshakes: handshakes(), sessions: sessions(), connections: fake.stats.connections };

    fake.faults.stopHeartbeatAcks('current');
    await fake.waitFor(() => handshakes() > before.handshakes && sessions() > before.sessions, 20_000, 'a new session handshake');

    expect(fake.stats.connections).toBeGreaterThan(before.connections);
    // discord.js closes the zombie itself.
    const zombie = fake.gatewayConnections[before.connections - 1];
    expect(zombie?.closedBy).toBe('client');
    await expectServing();
  });
});
