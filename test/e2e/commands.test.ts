// Every command, autocomplete and button round-trips through the real bot process (npm start's
// src/main.ts) and a fake Discord. Every body the bot sends is checked after each test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../fake-discord/index.ts';
import { APOLOGY, answerOf, allText, buttons, customIds, freshUser, type Choice } from './checks.ts';
import { ROOT, type Spawned } from './harness.ts';
import { botSession } from './session.ts';

const session = botSession({});
let fake: FakeDiscord;
let bot: Spawned;
beforeAll(() => {
  ({ fake, bot } = session);
});

function command(name: string, options?: Record<string, string | number | boolean>, where: { guildId?: string | null } = {}) {
  return fake.dispatchInteraction(fake.build.chatInput({ name, ...(options ? { options } : {}), user: freshUser(), ...where }));
}

/** Presses a button on a message the bot sent (its stored copy at the fake). */
function press(customId: string, message: APIMessage | null) {
  return fake.dispatchInteraction(fake.build.button({ customId, user: freshUser(), ...(message ? { message } : {}) }));
}

function blinkenQuotes(): string[] {
  const file = JSON.parse(readFileSync(join(ROOT, 'knowledge', 'quotes.json'), 'utf8')) as { quotes: Array<{ speaker: string; text: string }> };
  return file.quotes.filter((q) => q.speaker === 'blinken').map((q) => q.text);
}

describe('/ask', () => {
  it('answers with an embed that cites the article’s paragraph, and related-question buttons', async () => {
    const id = command('ask', { question: 'how long did they meet?' });
    const { callback, data, ephemeral } = await answerOf(fake, id);

    expect(callback.type).toBe(4);
    expect(ephemeral).toBe(false);
    const embed = data.embeds?.[0];
    expect(embed?.title).toBe('how long did they meet?');
    expect(embed?.description).toMatch(/35/);
    const cited = embed?.fields?.find((f) => f.value.includes('35-minute meeting'));
    expect(cited?.name).toMatch(/^¶ \d+$/);
    expect(cited?.value).toContain('Mr Blinken told reporters after the 35-minute meeting at the Great Hall of the People');
    expect(embed?.footer?.text).toMatch(/^Source: BBC/);
    const [helpful, notHelpful, ...related] = buttons(data);
    expect([helpful?.label, helpful?.custom_id, notHelpful?.label, notHelpful?.custom_id]).toEqual([
      'Helpful',
      'fb:y:e:meeting-length',
      'Not helpful',
      'fb:n:e:meeting-length',
    ]);
    expect(related.length).toBeGreaterThan(0);
    for (const b of related) expect(b.custom_id).toMatch(/^ask:[a-z0-9-]+$/);
  });

  it('answers a related question when its button is pressed', async () => {
    const first = command('ask', { question: 'how long did they meet?' });
    const { data } = await answerOf(fake, first);
    const related = buttons(data).find((b) => b.custom_id?.startsWith('ask:'))!;

    const id = press(related.custom_id!, fake.originalMessage(first));
    const answer = await answerOf(fake, id);

    expect(answer.callback.type).toBe(4);
    expect(answer.ephemeral).toBe(false);
    expect(answer.data.embeds?.[0]?.description?.length).toBeGreaterThan(0);
    expect(answer.data.embeds?.[0]?.fields?.[0]?.name).toMatch(/^¶ \d+$/);
    expect(allText(answer.data)).not.toMatch(APOLOGY);
  });

  it('refuses what the article does not cover: ephemeral, with questions to try as buttons', async () => {
    const id = command('ask', { question: 'What is the capital of France?' });
    const { callback, data, ephemeral } = await answerOf(fake, id);

    expect(callback.type).toBe(4);
    expect(ephemeral).toBe(true);
    expect(data.embeds ?? []).toEqual([]);
    expect(data.content).toMatch(/^The article doesn't say/);
    expect(data.content).toContain('What is the capital of France?');
    const ids = customIds(data);
    expect(ids.length).toBeGreaterThanOrEqual(1);
    for (const customId of ids) expect(customId).toMatch(/^ask:[a-z0-9-]+$/);

    // Pressing a suggestion on the ephemeral refusal answers ephemerally too.
    const pressed = press(ids[0]!, fake.originalMessage(id));
    const answer = await answerOf(fake, pressed);
    expect(answer.callback.type).toBe(4);
    expect(answer.ephemeral).toBe(true);
    expect(answer.data.embeds?.[0]?.fields?.length).toBeGreaterThan(0);
  });

  it('hide:true answers ephemerally (flag 64)', async () => {
    const id = command('ask', { question: 'Where did they meet?', hide: true });
    const { callback, data, ephemeral } = await answerOf(fake, id);

    expect(callback.type).toBe(4);
    expect(ephemeral).toBe(true);
    expect(data.flags).toBe(64);
    expect(allText(data)).toMatch(/Great Hall of the People/);
  });
});

describe('/quote', () => {
  it('quotes Blinken word for word, and pages in place', async () => {
    const id = command('quote', { speaker: 'blinken' });
    const { callback, data, ephemeral } = await answerOf(fake, id);

    expect(callback.type).toBe(4);
    expect(ephemeral).toBe(false);
    const embed = data.embeds![0]!;
    expect(embed.title).toBe('Antony Blinken, US Secretary of State');
    const quotes = blinkenQuotes();
    expect(quotes.length).toBeGreaterThan(0);
    const pages = [embed.description ?? ''];

    const next = buttons(data).find((b) => /next/i.test(b.label ?? ''));
    if (next) {
      expect(customIds(data).every((c) => /^quote:blinken:\d+$/.test(c))).toBe(true);
      const turned = press(next.custom_id!, fake.originalMessage(id));
      const page2 = await answerOf(fake, turned);
      expect(page2.callback.type).toBe(7);
      expect(page2.data.embeds?.[0]?.footer?.text).toMatch(/^Page 2 of \d+/);
      pages.push(page2.data.embeds?.[0]?.description ?? '');
    } else {
      // One page: no paging buttons, no page label.
      expect(data.components ?? []).toEqual([]);
      expect(embed.footer?.text).not.toMatch(/^Page /);
    }
    // Each quote verbatim (curly quotes around it), unless it sits on a later page than those seen.
    const shown = quotes.filter((q) => pages.some((p) => p.includes(`“${q}`)));
    expect(shown.length).toBeGreaterThanOrEqual(Math.min(quotes.length, next ? 2 : quotes.length));
    expect(pages.join('\n')).toContain('“Progress is hard. It takes time. And it’s not the product of one visit, one trip, one conversation”');
  });

  it('a page button (quote:<speaker>:<page>) edits the message in place (callback 7)', async () => {
    const first = command('quote', { speaker: 'blinken' });
    const original = await answerOf(fake, first);

    const id = press('quote:blinken:0', fake.originalMessage(first));
    const { callback, data } = await answerOf(fake, id);

    expect(callback.type).toBe(7);
    expect(data.embeds?.[0]?.title).toBe(original.data.embeds?.[0]?.title);
    expect(data.embeds?.[0]?.description).toBe(original.data.embeds?.[0]?.description);
    expect(fake.originalMessage(first)?.embeds[0]?.description).toBe(original.data.embeds?.[0]?.description);
  });

  it('/quote joe biden: ephemeral, no quote, other speakers as buttons', async () => {
    const id = command('quote', { speaker: 'joe biden' });
    const { callback, data, ephemeral } = await answerOf(fake, id);

    expect(callback.type).toBe(4);
    expect(ephemeral).toBe(true);
    expect(data.embeds ?? []).toEqual([]);
    expect(data.content).toMatch(/Joe Biden/);
    expect(data.content).toMatch(/quote/i);
    expect(customIds(data)).toContain('quote:blinken');

    const pressed = press('quote:blinken', fake.originalMessage(id));
    const answer = await answerOf(fake, pressed);
    expect(answer.callback.type).toBe(4);
    expect(answer.ephemeral).toBe(true);
    expect(answer.data.embeds?.[0]?.title).toMatch(/^Antony Blinken/);
  });
});

describe('/topic and /help', () => {
  it('/topic taiwan: a summary with cited passages and related topics', async () => {
    const id = command('topic', { name: 'taiwan' });
    const { callback, data, ephemeral } = await answerOf(fake, id);

    expect(callback.type).toBe(4);
    expect(ephemeral).toBe(false);
    const embed = data.embeds![0]!;
    expect(embed.title).toBe('Taiwan');
    expect(embed.description).toMatch(/Taiwan/);
    expect(embed.fields?.length).toBeGreaterThan(0);
    for (const field of embed.fields ?? []) expect(field.name).toMatch(/^¶ \d+$|^More passages$/);
    for (const customId of customIds(data)) expect(customId).toMatch(/^(topic|ask|quote):[a-z0-9-]+$/);

    const topicButton = customIds(data).find((c) => c.startsWith('topic:'));
    if (topicButton) {
      const answer = await answerOf(fake, press(topicButton, fake.originalMessage(id)));
      expect(answer.callback.type).toBe(4);
      expect(answer.data.embeds?.[0]?.title?.length).toBeGreaterThan(0);
    }
  });

  it('hide:true makes /quote and /topic ephemeral too', async () => {
    for (const [name, options] of [
      ['quote', { speaker: 'xi', hide: true }],
      ['topic', { name: 'taiwan', hide: true }],
    ] as const) {
      const { callback, data, ephemeral } = await answerOf(fake, command(name, options));
      expect(callback.type).toBe(4);
      expect(ephemeral).toBe(true);
      expect(data.embeds?.length).toBe(1);
    }
  });

  it('/help: an ephemeral guide with the commands and examples', async () => {
    const id = command('help');
    const { callback, data, ephemeral } = await answerOf(fake, id);

    expect(callback.type).toBe(4);
    expect(ephemeral).toBe(true);
    const embed = data.embeds![0]!;
    expect(embed.title).toBe('About this bot');
    const commands = embed.fields?.find((f) => f.name === 'Commands')?.value ?? '';
    for (const name of ['/ask', '/quote', '/topic', '/help', 'Check against the article']) expect(commands).toContain(name);
    for (const customId of customIds(data)) expect(customId).toMatch(/^ask:[a-z0-9-]+$/);
  });

  it('/help in a DM (no guild) is answered too', async () => {
    const id = command('help', undefined, { guildId: null });
    const { callback, data } = await answerOf(fake, id);
    expect(callback.type).toBe(4);
    expect(data.embeds?.[0]?.title).toBe('About this bot');
  });
});

describe('autocomplete', () => {
  const cases: Array<[command: string, option: string, typed: string, expected?: Choice]> = [
    ['ask', 'question', '', undefined],
    ['ask', 'question', 'how long', undefined],
    ['quote', 'speaker', '', { name: 'Antony Blinken', value: 'blinken' }],
    ['quote', 'speaker', 'bl', { name: 'Antony Blinken', value: 'blinken' }],
    ['topic', 'name', '', { name: 'Taiwan', value: 'taiwan' }],
    ['topic', 'name', 'tai', { name: 'Taiwan', value: 'taiwan' }],
  ];

  it.each(cases)('/%s %s:"%s" answers with choices (callback 8)', async (name, option, typed, expected) => {
    const id = fake.dispatchInteraction(fake.build.autocomplete({ name, options: { [option]: typed }, user: freshUser() }));
    const callback = await fake.waitForCallback(id, 10_000);

    expect(callback.type).toBe(8);
    const choices = (callback.data as { choices: Choice[] }).choices;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    if (expected) expect(choices).toContainEqual(expected);
    // Partial input narrows the list to matching entries.
    if (typed) expect(choices.some((c) => c.name.toLowerCase().includes(typed.split(' ')[0]!))).toBe(true);
  });

  it('an option without autocomplete (/quote about) gets an empty list, not an error', async () => {
    const id = fake.dispatchInteraction(
      fake.build.autocomplete({ name: 'quote', options: { speaker: 'blinken', about: 'tai' }, focused: 'about', user: freshUser() }),
    );
    const callback = await fake.waitForCallback(id, 10_000);
    expect(callback.type).toBe(8);
    expect(callback.data).toEqual({ choices: [] });
  });
});

describe('the process', () => {
  it('logs one line per interaction, with no token in the output', async () => {
    const id = command('ask', { question: 'how long did they meet?' });
    await answerOf(fake, id);
    await fake.waitFor(() => bot.logs().some((l) => l['msg'] === 'interaction' && l['command'] === 'ask'), 5000, 'the log line');

    const logs = bot.logs();
    expect(logs.find((l) => l['msg'] === 'connected to Discord')).toBeDefined();
    expect(logs.filter((l) => (l['level'] as number) >= 50)).toEqual([]);
    expect(bot.stdout()).not.toContain(fake.token);
    for (const callback of fake.callbacks) expect(bot.stdout()).not.toContain(callback.token);
  });
});
