// The HTTP door (DISCORD_TRANSPORT=http) end to end: two real bot processes behind "Discord" (the
// fake, which signs each interaction with the application's key and POSTs it, as Discord does).
// Every request is verified before it is read; each command, autocomplete and button path is
// answered in the HTTP response; a button from one replica's answer works on the other.
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.ts';
import { loadSpecChecker } from '../fake-discord/spec.ts';
import { APOLOGY, STALE, allText, answerOf, createAuditor, customIds, freshUser, isEphemeral, type Choice, type MessageData } from './checks.ts';
import { startHttpBot, type HttpBot } from './harness.ts';

let fake: FakeDiscord;
let audit: () => string[];
let a: HttpBot;
let b: HttpBot;

beforeAll(async () => {
  fake = await startFakeDiscord();
  audit = createAuditor(fake);
  [a, b] = await Promise.all([startHttpBot(fake), startHttpBot(fake)]);
});
afterEach(() => {
  expect(audit()).toEqual([]);
});
afterAll(async () => {
  const exits = await Promise.all([a?.stop(), b?.stop()]);
  await fake?.close();
  expect(exits).toEqual([
    { code: 0, signal: null },
    { code: 0, signal: null },
  ]);
  expect(a.stderr() + b.stderr()).toBe('');
});

async function post(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    ...(method === 'GET' ? {} : { body: typeof body === 'string' ? body : new Uint8Array(body) }),
  });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

/** Sends `payload` to replica `to` and returns its answer (the response, or the deferred edit). */
async function deliver(to: HttpBot, payload: Parameters<FakeDiscord['postInteraction']>[1]) {
  const delivery = await fake.postInteraction(to.endpoint, payload);
  expect(delivery.status).toBe(200);
  expect(delivery.refused).toBeNull();
  return { delivery, ...(await answerOf(fake, delivery.interactionId)) };
}

const ask = (question: string, extra: Record<string, string | boolean> = {}) =>
  fake.build.chatInput({ name: 'ask', options: { question, ...extra }, user: freshUser() });

describe('verifying requests', () => {
  it('answers PING with PONG', async () => {
    const body = JSON.stringify({ id: '1', application_id: fake.applicationId, type: 1, token: 'x', version: 1 });
    const res = await post(a.endpoint, body, fake.sign(body));
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^application\/json/);
    expect(JSON.parse(res.text)).toEqual({ type: 1 });
    expect((await loadSpecChecker()).check('PongInteractionCallbackRequestSchema', JSON.parse(res.text))).toEqual([]);
  });

  it('401, with nothing said, for missing headers, a bad or foreign signature, and a body or timestamp altered after signing', async () => {
    const body = JSON.stringify(ask('how long did they meet?'));
    const good = fake.sign(body);
    const stranger = generateKeyPairSync('ed25519');
    const foreign = sign(null, Buffer.from(good['X-Signature-Timestamp'] + body), stranger.privateKey).toString('hex');
    const before = await signatureFailures(a);
    const cases: Array<[string, string, Record<string, string>]> = [
      ['no headers', body, {}],
      ['no signature', body, { 'X-Signature-Timestamp': good['X-Signature-Timestamp'] }],
      ['no timestamp', body, { 'X-Signature-Ed25519': good['X-Signature-Ed25519'] }],
      ['not hex', body, { ...good, 'X-Signature-Ed25519': 'z'.repeat(128) }],
      ['zeros', body, { ...good, 'X-Signature-Ed25519': '0'.repeat(128) }],
      ['signed by another key', body, { ...good, 'X-Signature-Ed25519': foreign }],
      ['body altered', body.replace('how long', 'how LONG'), good],
      ['timestamp altered', body, { ...good, 'X-Signature-Timestamp': String(Number(good['X-Signature-Timestamp']) + 1) }],
    ];
    for (const [what, sent, headers] of cases) {
      const res = await post(a.endpoint, sent, headers);
      expect([what, res.status, res.text]).toEqual([what, 401, '']);
    }
    expect((await signatureFailures(a)) - before).toBe(cases.length);
    // Nothing was answered: refused before being read.
    expect(fake.callbacks.filter((c) => c.request.url === a.endpoint && body.includes(c.interactionId))).toEqual([]);
  });

  it('413 for a body over 1 MiB, before it is read; 400 for a signed body that is not an interaction', async () => {
    const huge = Buffer.alloc(1024 * 1024 + 1, 0x20);
    expect((await post(a.endpoint, huge, fake.sign(huge))).status).toBe(413);
    for (const junk of ['not json', '[1,2]', '{"type":"2"}', '{"type":2}']) {
      const res = await post(a.endpoint, junk, fake.sign(junk));
      expect([junk, res.status]).toEqual([junk, 400]);
    }
  });

  it('404 for any other path, 405 for another method', async () => {
    const body = '{"type":1}';
    expect((await post(`${a.origin}/`, body, fake.sign(body))).status).toBe(404);
    expect((await post(`${a.origin}/interactions/extra`, body, fake.sign(body))).status).toBe(404);
    for (const method of ['GET', 'PUT', 'DELETE']) expect([method, (await post(a.endpoint, body, fake.sign(body), method)).status]).toEqual([method, 405]);
    expect((await post(`${a.origin}/healthz`, body, {}, 'POST')).status).toBe(405);
  });
});

describe('answering', () => {
  it('/ask: the answer is the HTTP response (callback 4) with the cited embed and related buttons', async () => {
    const { delivery, callback, data, ephemeral } = await deliver(a, ask('how long did they meet?'));
    expect((delivery.body as { type: number }).type).toBe(4);
    expect(callback.type).toBe(4);
    expect(ephemeral).toBe(false);
    expect(data.embeds?.[0]?.description).toMatch(/35/);
    expect(data.embeds?.[0]?.fields?.[0]?.name).toMatch(/^¶ \d+$/);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(customIds(data).length).toBeGreaterThan(0);
  });

  it('a question answered by one replica has its button pressed on the other', async () => {
    const first = await deliver(a, ask('how long did they meet?'));
    const customId = customIds(first.data).find((id) => id.startsWith('ask:'))!;
    const pressed = await deliver(b, fake.build.button({ customId, user: freshUser(), message: fake.originalMessage(first.delivery.interactionId)! }));
    expect(pressed.callback.type).toBe(4);
    expect(pressed.data.embeds?.[0]?.fields?.[0]?.name).toMatch(/^¶ \d+$/);
    expect(allText(pressed.data)).not.toMatch(APOLOGY);
    // Each replica answered one of the two.
    await fake.waitFor(() => [a, b].every((bot) => bot.logs().some((l) => l['msg'] === 'interaction')), 5000, 'both replicas to log');
  });

  it('refusals and hide:true are ephemeral (flag 64)', async () => {
    const refused = await deliver(b, ask('What is the capital of France?'));
    expect(refused.ephemeral).toBe(true);
    expect(refused.data.content).toMatch(/^The article doesn't say/);
    const hidden = await deliver(b, ask('Where did they meet?', { hide: true }));
    expect(hidden.data.flags).toBe(64);
    expect(allText(hidden.data)).toMatch(/Great Hall of the People/);
  });

  it('/quote answers, and its page button updates the message in place (callback 7)', async () => {
    const first = await deliver(a, fake.build.chatInput({ name: 'quote', options: { speaker: 'blinken' }, user: freshUser() }));
    expect(first.data.embeds?.[0]?.title).toBe('Antony Blinken, US Secretary of State');
    const page = await deliver(
      b,
      fake.build.button({ customId: 'quote:blinken:0', user: freshUser(), message: fake.originalMessage(first.delivery.interactionId)! }),
    );
    expect(page.callback.type).toBe(7);
    expect(page.data.embeds?.[0]?.description).toBe(first.data.embeds?.[0]?.description);
  });

  it('/topic and /help (also in a DM) answer', async () => {
    const topic = await deliver(a, fake.build.chatInput({ name: 'topic', options: { name: 'taiwan' }, user: freshUser() }));
    expect(topic.data.embeds?.[0]?.title).toBe('Taiwan');
    const help = await deliver(b, fake.build.chatInput({ name: 'help', user: freshUser(), guildId: null }));
    expect(help.ephemeral).toBe(true);
    expect(help.data.embeds?.[0]?.title).toBe('About this bot');
  });

  it('autocomplete answers with choices (callback 8)', async () => {
    const delivery = await fake.postInteraction(a.endpoint, fake.build.autocomplete({ name: 'quote', options: { speaker: 'bl' }, user: freshUser() }));
    expect(delivery.status).toBe(200);
    const body = delivery.body as { type: number; data: { choices: Choice[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices).toContainEqual({ name: 'Antony Blinken', value: 'blinken' });
  });

  it('Check against the article comes in by this door too; Post for everyone and feedback work on the other replica', async () => {
    const claim = 'Blinken said the US supports Taiwan independence';
    const checked = await deliver(a, fake.build.messageCommand({ name: 'Check against the article', content: claim, user: freshUser() }));
    expect(checked.ephemeral).toBe(true);
    expect(checked.data.embeds?.[0]?.title).toBe(`“${claim}”`);
    expect(allText(checked.data)).toContain('does not support Taiwan independence');
    const message = fake.originalMessage(checked.delivery.interactionId)!;
    const ids = customIds(checked.data);

    const posted = await deliver(b, fake.build.button({ customId: ids.find((id) => id.startsWith('post'))!, user: freshUser(), message }));
    expect(posted.ephemeral).toBe(false);
    expect(posted.data.embeds?.[0]?.fields).toEqual(checked.data.embeds?.[0]?.fields);

    const voter = freshUser();
    const thanks = await deliver(b, fake.build.button({ customId: ids.find((id) => id.startsWith('fb:n:'))!, user: voter, message }));
    expect(thanks.ephemeral).toBe(true);
    expect(thanks.data.content).toMatch(/^Thanks/);
    const line = await fake.waitFor(
      () => b.logs().find((l) => (l['feedback'] as { question?: string } | undefined)?.question === claim),
      5000,
      'the feedback event',
    );
    expect(line).toMatchObject({ msg: 'feedback', feedback: { helpful: false, message: message.id } });
    expect(b.stdout()).not.toContain(voter.id);
  });

  it('a stale button and an unknown command get an ephemeral notice, not an apology', async () => {
    const stale = await deliver(a, fake.build.button({ customId: 'ask:no-such-entry-anywhere', user: freshUser() }));
    expect(stale.ephemeral).toBe(true);
    expect(stale.data.content).toMatch(STALE);
    const unknown = await deliver(b, fake.build.chatInput({ name: 'no-such-command', user: freshUser() }));
    expect(isEphemeral(unknown.data as MessageData)).toBe(true);
    expect(allText(unknown.data)).not.toMatch(APOLOGY);
  });
});

async function metricsText(bot: HttpBot): Promise<string> {
  const res = await fetch(`${bot.origin}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
}

async function signatureFailures(bot: HttpBot): Promise<number> {
  return Number(/^discord_http_signature_failures_total (\d+)/m.exec(await metricsText(bot))?.[1] ?? NaN);
}

describe('health and metrics', () => {
  it('/healthz and /readyz say 200 while serving', async () => {
    for (const bot of [a, b]) {
      expect((await fetch(`${bot.origin}/healthz`)).status).toBe(200);
      expect((await fetch(`${bot.origin}/readyz`)).status).toBe(200);
    }
  });

  it('/metrics counts interactions by kind, command and outcome, with latency buckets up to 3 s and process metrics', async () => {
    await deliver(a, ask('how long did they meet?'));
    const text = await metricsText(a);
    expect(text).toMatch(/^discord_interactions_total\{kind="command",command="ask",outcome="answered"\} [1-9]\d*$/m);
    expect(text).toMatch(/^discord_interactions_total\{kind="autocomplete",command="quote",outcome="answered"\} [1-9]/m);
    expect(text).toMatch(/^discord_interactions_total\{kind="button",command="ask",outcome="refused_input"\} [1-9]/m);
    expect(text).toMatch(/^discord_interaction_duration_seconds_bucket\{le="3",kind="command"\} [1-9]/m);
    expect(text).toMatch(/^# TYPE discord_interactions_deferred_total counter$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total/m);
    // No user, guild, typed text or unknown command name in any label.
    const labels = [...text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).join('\n');
    expect(labels).toContain('kind="command"');
    expect(labels).not.toMatch(/how long|no-such|capital of France|\d{17,}/);
  });
});
