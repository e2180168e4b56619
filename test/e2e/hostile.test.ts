// Hostile and malformed input through the real bot process: every case gets a safe reply (limits
// kept, nobody pinged, user text shown as typed rather than rendered) and the bot keeps serving.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../fake-discord/index.ts';
import { APOLOGY, STALE, allText, answerOf, freshUser, visibleTexts, type Answer, type Choice } from './checks.ts';
import type { Spawned } from './harness.ts';
import { botSession } from './session.ts';

const session = botSession({});
let fake: FakeDiscord;
let bot: Spawned;
beforeAll(() => {
  ({ fake, bot } = session);
});

function pad(start: string, filler: string, length: number): string {
  let text = start;
  while (text.length < length) text += filler;
  return text.slice(0, length);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Checks every reply here gets on top of the audit: no apology, no split emoji. */
function expectSafe(answer: Answer): void {
  expect(allText(answer.data)).not.toMatch(APOLOGY);
  for (const text of visibleTexts(answer.data)) expect(text).not.toMatch(LONE_SURROGATE);
}

/** A normal /ask right after: the bot is still up and answering. */
async function expectServing(): Promise<void> {
  const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask', options: { question: 'how long did they meet?' }, user: freshUser() }));
  const { callback, data } = await answerOf(fake, id, 15_000);
  expect(callback.type).toBe(4);
  expect(data.embeds?.[0]?.description).toMatch(/35/);
  expect(bot.hasExited()).toBe(false);
}

async function ask(question: string): Promise<Answer> {
  const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask', options: { question }, user: freshUser() }));
  const answer = await answerOf(fake, id, 15_000);
  expectSafe(answer);
  return answer;
}

/** The text that echoes the question back: the answer's title, or the refusal. */
function echoOf(answer: Answer): string {
  return answer.data.embeds?.[0]?.title ?? answer.data.content ?? '';
}

describe('hostile questions', () => {
  it('survives a 6000-character question (Discord would stop at 300) within every limit', async () => {
    const answer = await ask(pad('how long did they meet? ', 'and what did they say about it ', 6000));
    expect(answer.callback.type).toBe(4);
    expect(echoOf(answer).length).toBeLessThanOrEqual(2000);
    await expectServing();
  });

  it('survives 6000 characters of mentions and 6000 of emoji without pinging or splitting a character', async () => {
    const mentions = await ask(pad('', '@everyone <@&123> <@456> @here ', 6000));
    expect(mentions.callback.type).toBe(4);
    const emoji = await ask(pad('', '😀🇺🇸👨‍👩‍👧', 6000));
    expect(emoji.callback.type).toBe(4);
    await expectServing();
  });

  it('answers a question wrapped in @everyone, role and user mentions without pinging or rendering them', async () => {
    const answer = await ask('@everyone @here <@&123> <@456> <@!789> <#111> how long did they meet?');

    expect(answer.callback.type).toBe(4);
    expect(answer.data.allowed_mentions).toEqual({ parse: [] });
    // The mentions are shown as text (the audit checks none of it can ping or render as a mention).
    const echo = echoOf(answer);
    for (const part of ['everyone', 'here', '123', '456', '789', '111']) expect(echo).toContain(part);
    await expectServing();
  });

  it('shows markdown and code fences as typed instead of rendering them', async () => {
    const answer = await ask(
      '**bold** __under__ ~~strike~~ ||spoiler|| `code` [link](https://example.com)\n# Heading\n> quoted\n```js\nalert(1)\n``` how long did they meet?',
    );

    expect(answer.callback.type).toBe(4);
    const echo = echoOf(answer);
    expect(echo).toContain('bold');
    // Every markdown character the person typed is escaped.
    expect(echo).not.toMatch(/(?<!\\)[*_~|`]/);
    expect(echo).not.toContain('```');
    expect(echo.split('\n').filter((line) => /^\s*(#{1,3} |>|-# )/.test(line))).toEqual([]);
    await expectServing();
  });

  it('copes with zero-width, right-to-left and control characters, emoji and a NUL byte', async () => {
    for (const question of [
      'how\u200b long\u200d did they\u202e meet?\u200f\u2066',
      '\u202eteem yeht did gnol woh',
      '🤝 how long did they meet? 🇺🇸🇨🇳 👨‍👩‍👧',
      'how long\u0000 did they meet?',
      '\u0000\u0001\u0007\u001b[31m',
    ]) {
      const answer = await ask(question);
      expect(answer.callback.type).toBe(4);
    }
    await expectServing();
  });
});

describe('hostile /quote and /topic options', () => {
  it.each([
    ['quote', { speaker: '@everyone <@456>' }],
    ['quote', { speaker: 'blinken', about: '**x** <@&1> @here ```' }],
    ['quote', { speaker: 'blinken', about: pad('', '@everyone ', 6000) }],
    ['quote', { speaker: pad('', '😀', 6000), about: pad('', '`', 6000) }],
    ['topic', { name: '@everyone **taiwan** <@&1>' }],
    ['topic', { name: pad('', '||spoiler|| ', 6000) }],
  ] as Array<[string, Record<string, string>]>)('/%s %j: a safe reply', async (name, options) => {
    const id = fake.dispatchInteraction(fake.build.chatInput({ name, options, user: freshUser() }));
    const answer = await answerOf(fake, id);
    expectSafe(answer);
    expect(answer.callback.type).toBe(4);
    // Text the person typed never renders as markup where it is echoed.
    for (const text of visibleTexts(answer.data)) {
      if (text.includes('spoiler')) expect(text).not.toMatch(/(?<!\\)\|\|/);
      if (text.includes('**x**') || text.includes('**taiwan**')) throw new Error(`unescaped markdown in ${JSON.stringify(text)}`);
    }
  });
});

describe('malformed commands', () => {
  it('apologises for an unknown command, ephemerally, with its name escaped', async () => {
    for (const name of ['nope', '**x**@everyone`<@1>']) {
      const id = fake.dispatchInteraction(fake.build.chatInput({ name, user: freshUser() }));
      const answer = await answerOf(fake, id);
      expectSafe(answer);
      expect(answer.callback.type).toBe(4);
      expect(answer.ephemeral).toBe(true);
      expect(answer.data.content).toMatch(/don't know the command/);
    }
    await expectServing();
  });

  it.each([
    ['ask', undefined],
    ['quote', undefined],
    ['topic', undefined],
    ['ask', { question: '' }],
    ['ask', { question: '   ' }],
    ['ask', { question: 42 }],
    ['quote', { about: 'taiwan' }],
    ['topic', { question: 'taiwan' }],
  ] as Array<[string, Record<string, string | number> | undefined]>)(
    '/%s with its required option missing or mistyped (%j) gets an ephemeral hint',
    async (name, options) => {
      const id = fake.dispatchInteraction(fake.build.chatInput({ name, ...(options ? { options } : {}), user: freshUser() }));
      const answer = await answerOf(fake, id);
      expectSafe(answer);
      expect(answer.callback.type).toBe(4);
      expect(answer.ephemeral).toBe(true);
      expect(answer.data.embeds ?? []).toEqual([]);
      expect(answer.data.content?.length).toBeGreaterThan(0);
      await expectServing();
    },
  );
});

describe('tampered buttons', () => {
  const tampered = [
    'ask:../../etc',
    'ask:does-not-exist',
    'ask:meeting-length:extra',
    'ask:',
    'quote:blinken:999',
    'quote:blinken:1',
    'quote:blinken:-1',
    'quote:blinken:1e3',
    'quote:blinken:0:@everyone',
    'quote:nobody',
    'quote:nobody:0',
    'topic:atlantis',
    'topic:../taiwan',
    ':::',
    '',
    '\u0000\u202e<@&1>@everyone**',
    randomBytes(50).toString('hex'),
    randomBytes(60).toString('base64').slice(0, 80),
  ];

  it.each(tampered.map((id) => [JSON.stringify(id), id]))('button %s gets the ephemeral "expired" notice', async (_label, customId) => {
    const id = fake.dispatchInteraction(fake.build.button({ customId, user: freshUser() }));
    const answer = await answerOf(fake, id);
    expectSafe(answer);
    expect(answer.callback.type).toBe(4);
    expect(answer.ephemeral).toBe(true);
    expect(answer.data.content).toMatch(STALE);
    expect(answer.data.components ?? []).toEqual([]);
  });

  it('a select menu with a forged id gets the same notice, and the bot keeps serving', async () => {
    const id = fake.dispatchInteraction(fake.build.stringSelect({ customId: 'ask:../../etc', values: ['one'], user: freshUser() }));
    const answer = await answerOf(fake, id);
    expect(answer.ephemeral).toBe(true);
    expect(answer.data.content).toMatch(STALE);
    await expectServing();
  });
});

describe('hostile autocomplete', () => {
  it.each([
    ['ask', 'question', pad('how ', 'long ', 6000)],
    ['ask', 'question', '@everyone <@&123> <@456>'],
    ['quote', 'speaker', pad('', '😀', 6000)],
    ['topic', 'name', '\u0000\u202e**`'],
    ['nope', 'anything', 'x'],
  ])('/%s %s: answers with valid choices', async (name, option, typed) => {
    const id = fake.dispatchInteraction(fake.build.autocomplete({ name, options: { [option]: typed }, user: freshUser() }));
    const callback = await fake.waitForCallback(id, 10_000);
    expect(callback.type).toBe(8);
    const choices = (callback.data as { choices: Choice[] }).choices;
    expect(Array.isArray(choices)).toBe(true);
    for (const choice of choices) expect(choice.name).not.toMatch(LONE_SURROGATE);
  });
});

describe('after all of it', () => {
  it('the bot logged no handler errors and is still answering', async () => {
    await expectServing();
    const failures = bot.logs().filter((l) => l['outcome'] === 'error' || l['outcome'] === 'failed');
    expect(failures).toEqual([]);
  });
});
