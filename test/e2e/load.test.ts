// Load: 500 interactions at once, none lost; and the per-user cooldown against one user spamming.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../fake-discord/index.ts';
import { APOLOGY, SLOW_DOWN, allText, answerOf, freshUser, type Answer } from './checks.ts';
import { ROOT, type Spawned } from './harness.ts';
import { botSession } from './session.ts';

const BURST = 500;

const session = botSession({ quietStderr: false });
let fake: FakeDiscord;
let bot: Spawned;
beforeAll(() => {
  ({ fake, bot } = session);
});

const questions = readFileSync(join(ROOT, 'test', 'data', 'ask-public.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => (JSON.parse(line) as { q: string }).q);

describe('load', () => {
  it(`answers ${BURST} interactions dispatched at once, each exactly once`, { timeout: 90_000 }, async () => {
    expect(questions.length).toBeGreaterThan(10);
    const firstCallback = fake.callbacks.length;
    const ids: string[] = [];
    for (let i = 0; i < BURST; i++) {
      const question = questions[i % questions.length]!;
      ids.push(fake.dispatchInteraction(fake.build.chatInput({ name: 'ask', options: { question }, user: freshUser() })));
    }
    expect(new Set(ids).size).toBe(BURST);

    await fake.waitFor(() => fake.callbacks.length - firstCallback >= BURST, 60_000, `${BURST} callbacks`);

    const mine = new Set(ids);
    const callbacks = fake.callbacks.slice(firstCallback).filter((c) => mine.has(c.interactionId));
    expect(callbacks).toHaveLength(BURST);
    const perId = new Map<string, number>();
    for (const c of callbacks) perId.set(c.interactionId, (perId.get(c.interactionId) ?? 0) + 1);
    expect(ids.filter((id) => perId.get(id) !== 1)).toEqual([]);
    // No second acknowledgement was attempted (the fake refuses those with 400) and nothing failed.
    const callbackRequests = fake.requests.filter((r) => r.route === 'interactionCallback');
    expect(callbackRequests.filter((r) => r.status !== 204).map((r) => [r.path, r.status])).toEqual([]);

    // Every one is a real answer (an embed or an honest refusal), deferred ones included.
    const answers: Answer[] = await Promise.all(ids.map((id) => answerOf(fake, id, 30_000)));
    const isAnswer = (a: Answer) => Boolean(a.data.embeds?.length) || (a.ephemeral && Boolean(a.data.content) && !SLOW_DOWN.test(a.data.content ?? ''));
    const bad = answers.filter((a) => !isAnswer(a) || APOLOGY.test(allText(a.data)));
    expect(bad.map((a) => [a.callback.interactionId, a.data.content])).toEqual([]);
    expect(answers.filter((a) => a.data.embeds?.length).length).toBeGreaterThan(BURST / 2);

    // And the bot logged each one, none failed or cooled down.
    await fake.waitFor(
      () => bot.logs().filter((l) => l['msg'] === 'interaction' || l['msg'] === 'unanswered question').length >= BURST,
      10_000,
      'the log lines',
    );
    const outcomes = new Map<string, number>();
    for (const line of bot.logs()) {
      if (line['kind'] === 'command') outcomes.set(String(line['outcome']), (outcomes.get(String(line['outcome'])) ?? 0) + 1);
    }
    expect([...outcomes.keys()].sort()).toEqual(expect.arrayContaining(['answered']));
    expect(outcomes.get('failed') ?? 0).toBe(0);
    expect(outcomes.get('error') ?? 0).toBe(0);
    expect(outcomes.get('cooldown') ?? 0).toBe(0);
  });

  it('tells one user spamming /ask to slow down (ephemeral), and not anyone else', async () => {
    const spammer = freshUser();
    const ids = Array.from({ length: 8 }, () =>
      fake.dispatchInteraction(fake.build.chatInput({ name: 'ask', options: { question: 'how long did they meet?' }, user: spammer })),
    );
    const answers = await Promise.all(ids.map((id) => answerOf(fake, id, 15_000)));

    const slowed = answers.filter((a) => SLOW_DOWN.test(a.data.content ?? ''));
    const answered = answers.filter((a) => a.data.embeds?.length);
    // The cooldown allows a few per 10 s; all eight arrive within that window.
    expect(slowed.length).toBeGreaterThanOrEqual(1);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    expect(slowed.length + answered.length).toBe(8);
    for (const a of slowed) {
      expect(a.callback.type).toBe(4);
      expect(a.ephemeral).toBe(true);
      expect(a.data.embeds ?? []).toEqual([]);
      expect(a.data.content).toMatch(/you can ask again in \d+ seconds?\./);
    }
    // They are handled in gateway order: the first few are answered, every later one slowed.
    expect(answers.slice(0, answered.length).every((a) => a.data.embeds?.length)).toBe(true);

    // The cooldown is per user: someone else is answered at once.

    const other = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask', options: { question: 'how long did they meet?' }, user: freshUser() }));
    const answer = await answerOf(fake, other);
    expect(answer.data.embeds?.length).toBe(1);
    expect(answer.ephemeral).toBe(false);
  });
});
