import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import quote from '../../commands/quote.ts';
import { decodeCustomId } from '../../src/replies/custom-id.ts';
import { safeReply } from '../../src/replies/safe-reply.ts';
import { replyIssues } from '../support/discord-spec.ts';
import { context, fakeEngine, quoteItem } from '../support/fake-engine.ts';

const manyQuotes = fakeEngine({
  quote: (speaker, about) => ({
    query: speaker,
    speaker: 'blinken',
    speakerName: 'Antony Blinken',
    speakerRole: 'US Secretary of State',
    quotes: Array.from({ length: 30 }, (_, i) => quoteItem(i + 1, i + 1, `${i + 1} ${'word '.repeat(80)}${about ?? ''}`)),
    message: '30 quotes from Antony Blinken, in article order.',
    suggestions: [],
  }),
});

describe('/quote', () => {
  it('shows the speaker’s quotes verbatim, each under its paragraph number', () => {
    const { reply, outcome } = quote.execute(context(), { speaker: 'blinken' });
    expect(outcome).toBe('answered');
    const embed = reply.embeds![0]!;
    expect(embed.title).toBe('Antony Blinken, US Secretary of State');
    expect(embed.description).toContain('3 quotes from Antony Blinken');
    for (const n of [5, 7, 21]) {
      expect(embed.description).toContain(`**¶ ${n}**\n“quote number ${n}”`);
    }
    expect(embed.footer!.text).toContain('BBC');
    // Everything fits one page: no paging buttons.
    expect(reply.components).toBeUndefined();
    expect(replyIssues(safeReply(reply))).toEqual([]);
  });

  it('pages quotes that do not fit one message, with Previous/Next carrying the page', () => {
    const { reply } = quote.execute(context(manyQuotes), { speaker: 'blinken', about: 'taiwan' });
    expect(replyIssues(safeReply(reply))).toEqual([]);
    const [previous, next] = reply.components![0]!.components;
    expect(previous!.disabled).toBe(true);
    expect(decodeCustomId(next!.custom_id)).toEqual({ kind: 'quote', speakerId: 'blinken', page: 1, about: 'taiwan' });
    expect(reply.embeds![0]!.footer!.text).toMatch(/^Page 1 of \d+ · Source: BBC/);
  });

  it('turns the page in place when Next is pressed, and every page stays within the limits', async () => {
    const first = quote.execute(context(manyQuotes), { speaker: 'blinken' });
    const pages = Number(/of (\d+)/.exec(first.reply.embeds![0]!.footer!.text)![1]);
    expect(pages).toBeGreaterThan(1);
    const seen = new Set<string>();
    for (let page = 1; page < pages; page++) {
      const result = await quote.buttons.quote(context(manyQuotes), { kind: 'quote', speakerId: 'blinken', page });
      expect(result).toMatchObject({ outcome: 'answered', update: true });
      expect(result.reply.flags).toBeUndefined();
      expect(result.reply.embeds![0]!.footer!.text).toContain(`Page ${page + 1} of ${pages}`);
      expect(replyIssues(safeReply(result.reply))).toEqual([]);
      for (const m of result.reply.embeds![0]!.description!.matchAll(/¶ \d+/g)) seen.add(m[0]);
      const [previous, next] = result.reply.components![0]!.components;
      expect(previous!.disabled).toBeUndefined();
      expect(Boolean(next!.disabled)).toBe(page === pages - 1);
    }
    for (const m of first.reply.embeds![0]!.description!.matchAll(/¶ \d+/g)) seen.add(m[0]);
    expect(seen.size).toBe(30);
  });

  it('politely refuses a page that does not exist', async () => {
    const result = await quote.buttons.quote(context(), { kind: 'quote', speakerId: 'blinken', page: 7 });
    expect(result).toEqual({ outcome: 'stale', reply: expect.objectContaining({ flags: MessageFlags.Ephemeral }) });
  });

  it('politely refuses a speaker the knowledge base does not know', async () => {
    const result = await quote.buttons.quote(context(), { kind: 'quote', speakerId: 'nobody', page: 0 });
    expect(result).toMatchObject({ outcome: 'stale', reply: { flags: MessageFlags.Ephemeral } });
  });

  it('opens a suggested speaker’s quotes as a new reply', async () => {
    const result = await quote.buttons.quote(context(), { kind: 'quote', speakerId: 'blinken' });
    expect(result).toEqual({ outcome: 'answered', reply: expect.anything() });
  });

  it('says so, ephemerally, for an unknown name, with speakers to try as buttons', () => {
    const result = quote.execute(context(), { speaker: 'Nobody **bold**' });
    expect(result).toMatchObject({ outcome: 'unanswered', question: 'Nobody **bold**' });
    expect(result.reply.flags).toBe(MessageFlags.Ephemeral);
    expect(result.reply.content).toContain('\\*\\*bold\\*\\*');
    expect(result.reply.components![0]!.components.map((b) => b.custom_id)).toEqual(['quote:blinken', 'quote:xi']);
    expect(replyIssues(safeReply(result.reply))).toEqual([]);
  });

  it('says so, ephemerally, when nothing matches about', () => {
    const result = quote.execute(context(), { speaker: 'blinken', about: 'weather' });
    expect(result).toMatchObject({ outcome: 'unanswered', question: 'blinken about weather', reply: { flags: MessageFlags.Ephemeral } });
  });

  it('autocompletes speakers', async () => {
    expect(await quote.autocomplete(context(), { name: 'speaker', value: 'bli' })).toEqual([{ name: 'Antony Blinken', value: 'blinken' }]);
  });
});
