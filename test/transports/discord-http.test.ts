// The HTTP door in process, with commands slow enough to pass the router's deadline: deferred
// replies finished over the webhook, and shutdown answering what is in flight while /readyz
// says 503. (The real process and every ordinary path: test/e2e/http.test.ts.)
import { request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { contextFor, type CommandContext } from '../../commands/context.ts';
import { answered, unanswered, type CommandModule, type HandlerResult } from '../../src/interactions/command.ts';
import { createRouter, type Router } from '../../src/interactions/router.ts';
import { drainAndStop } from '../../src/lifecycle/shutdown.ts';
import { Readiness } from '../../src/ops/health.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { ephemeral } from '../../src/replies/safe-reply.ts';
import { publicKeyFromHex, startHttpTransport, type HttpTransport } from '../../src/transports/discord-http.ts';
import { createWebhookClient, WebhookError } from '../../src/transports/discord-webhooks.ts';
import { answerOf, createAuditor, freshUser } from '../e2e/checks.ts';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.ts';
import { fakeEngine, SOURCE } from '../support/fake-engine.ts';
import { memoryLogger } from '../support/recording.ts';

/** A command that answers after `ms`, past the router's 30 ms deadline. */
function slow(name: string, ms: number, result: HandlerResult): CommandModule<CommandContext> {
  return { data: { name, description: 'test' }, execute: async () => (await sleep(ms), result) };
}

let fake: FakeDiscord;
let audit: () => string[];
const transports: HttpTransport[] = [];

async function start(extra: CommandModule<CommandContext>[]) {
  const readiness = new Readiness();
  const metrics = createMetrics({ commandNames: extra.map((c) => c.data.name) });
  const router: Router = createRouter({
    commands: [...commands, ...extra],
    context: contextFor({ engine: fakeEngine(), source: SOURCE }),
    logger: memoryLogger().logger,
    cooldown: null,
    deadlineMs: 30,
    onHandled: (event) => metrics.interactionHandled(event),
  });
  const transport = await startHttpTransport({
    port: 0,
    host: '127.0.0.1',
    publicKey: fake.publicKeyHex,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    router,
    logger: memoryLogger().logger,
    readiness,
    metrics,
  });
  transports.push(transport);
  return { transport, router, readiness, metrics, endpoint: `http://127.0.0.1:${transport.port}/interactions`, origin: `http://127.0.0.1:${transport.port}` };
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  audit = createAuditor(fake);
});
afterEach(() => {
  expect(audit()).toEqual([]);
});
afterAll(async () => {
  await Promise.all(transports.map((t) => t.close()));
  await fake.close();
});

describe('deferred replies over HTTP', () => {
  it('a command past the deadline is deferred in the response (5), then its answer edits @original over the webhook', async () => {
    const { endpoint, metrics } = await start([slow('slowpoke', 150, answered({ content: 'late but here' }))]);
    const delivery = await fake.postInteraction(endpoint, fake.build.chatInput({ name: 'slowpoke', user: freshUser() }));

    expect(delivery.status).toBe(200);
    expect(delivery.body).toEqual({ type: 5, data: {} });
    const { callback, data } = await answerOf(fake, delivery.interactionId);
    expect(callback.type).toBe(5);
    expect(data.content).toBe('late but here');
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const edit = await fake.waitForWebhook(delivery.interactionId, { method: 'PATCH', messageId: '@original' });
    expect(edit.status).toBe(200);
    expect(fake.originalMessage(delivery.interactionId)?.content).toBe('late but here');
    // Counted once the router is done, just after the edit lands.
    let text = '';
    for (let i = 0; i < 50 && !/deferred_total\{/.test(text); i++) text = (await sleep(10), (await metrics.render()).body);
    expect(text).toMatch(/^discord_interactions_deferred_total\{kind="command"\} 1$/m);
  });

  it('an ephemeral answer to a public deferral replaces it: the "thinking…" is deleted and an ephemeral follow-up sent', async () => {
    const { endpoint } = await start([slow('shy', 100, unanswered(ephemeral({ content: 'only you' }), 'shy'))]);
    const delivery = await fake.postInteraction(endpoint, fake.build.chatInput({ name: 'shy', user: freshUser() }));

    expect(delivery.body).toEqual({ type: 5, data: {} });
    const followUp = await fake.waitForWebhook(delivery.interactionId, { method: 'POST', messageId: null });
    expect(followUp.status).toBe(204);
    expect(followUp.body).toMatchObject({ content: 'only you', flags: 64 });
    const deleted = fake.webhookCalls.find((w) => w.interactionId === delivery.interactionId && w.method === 'DELETE');
    expect(deleted?.status).toBe(204);
  });
});

describe('a caller that goes away', () => {
  it('an interaction whose connection closed before its first answer is settled, not left in flight forever', async () => {
    const { transport, router } = await start([slow('sleepy', 100, answered({ content: 'too late' }))]);
    const body = JSON.stringify(fake.build.chatInput({ name: 'sleepy', user: freshUser() }));
    const request = httpRequest({
      host: '127.0.0.1',
      port: transport.port,
      path: '/interactions',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...fake.sign(body) },
    });
    request.on('error', () => undefined);
    request.end(body);
    // Gone before the 30 ms deadline's deferral is written.
    await sleep(10);
    request.destroy();
    let waited = 0;
    while (router.inFlight.size > 0 && waited < 2000) waited += (await sleep(20), 20);
    expect(router.inFlight.size).toBe(0);
  });
});

describe('shutdown', () => {
  it('drained as src/main.ts does it: /readyz says 503, the interaction in flight is answered, a new one is turned away politely, then the server closes', async () => {
    const { transport, router, readiness, endpoint, origin } = await start([slow('lingering', 300, answered({ content: 'finished' }))]);
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    const pending = fake.postInteraction(endpoint, fake.build.chatInput({ name: 'lingering', user: freshUser() }));
    await fake.waitFor(() => router.inFlight.size > 0, 2000, 'the interaction to be in flight');

    readiness.markStopping();
    const stopped = drainAndStop({ inFlight: router.inFlight, stop: () => transport.close(), logger: memoryLogger().logger });
    expect((await fetch(`${origin}/readyz`)).status).toBe(503);
    const latecomer = await fake.postInteraction(endpoint, fake.build.chatInput({ name: 'help', user: freshUser() }));
    expect(latecomer.status).toBe(200);
    expect(latecomer.body).toMatchObject({ type: 4, data: { flags: 64 } });

    const delivery = await pending;
    expect(delivery.status).toBe(200);
    expect(delivery.body).toEqual({ type: 5, data: {} });
    const { data } = await answerOf(fake, delivery.interactionId);
    expect(data.content).toBe('finished');
    expect(await stopped).toBe(true);
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
  });
});

describe('the webhook client', () => {
  it('names Discord’s error code and keeps the interaction token out of the message', async () => {
    const client = createWebhookClient({ apiUrl: fake.apiUrl, applicationId: fake.applicationId });
    const token = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQtdG9rZW4';
    const error = await client.followUp(token, { content: 'hello' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookError);
    expect(error).toMatchObject({ status: 404, code: 10015 });
    expect(String((error as Error).message)).not.toContain(token);
  });

  it('a public key that is not 32 bytes is refused', () => {
    expect(() => publicKeyFromHex('abcd')).toThrow(/32 bytes/);
    expect(publicKeyFromHex(fake.publicKeyHex).asymmetricKeyType).toBe('ed25519');
  });
});
