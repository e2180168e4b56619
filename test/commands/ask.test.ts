import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import ask from '../../commands/ask.ts';
import { EngineInputError } from '../../src/engine/types.ts';
import { decodeCustomId } from '../../src/replies/custom-id.ts';
import { safeReply } from '../../src/replies/safe-reply.ts';
import { isEphemeralReply, replyIssues } from '../support/discord-spec.ts';
import { answered, context, fakeEngine } from '../support/fake-engine.ts';

describe('/ask', () => {
  it('answers in an embed: question as title, answer as description, passages as numbered block quotes, source in the footer', () => {
    const { reply, outcome } = ask.execute(context(), { question: 'How long did they meet?' });
    expect(outcome).toBe('answered');
    const embed = reply.embeds![0]!;
    expect(embed.title).toBe('How long did they meet?');
    expect(embed.description).toBe('35 minutes.');
    // Best first, as the engine ranked them.
    expect(embed.fields).toEqual([
      { name: '¶ 5', value: '> Mr Blinken told reporters after the 35-minute meeting at the Great Hall of the People.' },
      { name: '¶ 2', value: '> Mr Blinken met China’s President Xi Jinping for talks on Monday.' },
    ]);
    expect(embed.footer!.text).toContain('BBC');
    expect(embed.footer!.text).toContain('US and China pledge to stabilise tense relationship after talks');
    expect(isEphemeralReply(reply)).toBe(false);
    expect(replyIssues(safeReply(reply))).toEqual([]);
  });

  it('puts Helpful / Not helpful under the answer, naming the Q&A entry answered from', () => {
    const { reply } = ask.execute(context(), { question: 'How long did they meet?' });
    const buttons = reply.components![0]!.components;
    expect(buttons.map((b) => b.label)).toEqual(['Helpful', 'Not helpful']);
    expect(buttons.map((b) => decodeCustomId(b.custom_id))).toEqual([
      { kind: 'feedback', helpful: true, source: 'entry', id: 'meeting-length' },
      { kind: 'feedback', helpful: false, source: 'entry', id: 'meeting-length' },
    ]);
  });

  it('names the passage quoted first when the answer comes from a passage alone', () => {
    const engine = fakeEngine({ ask: (q) => answered(q, { entryId: null }) });
    const { reply } = ask.execute(context(engine), { question: 'How long did they meet?' });
    expect(reply.components![0]!.components.map((b) => b.custom_id)).toEqual(['fb:y:p:p5', 'fb:n:p:p5']);
  });

  it('offers the related questions as buttons that carry their Q&A id', () => {
    const { reply } = ask.execute(context(), { question: 'How long did they meet?' });
    const buttons = reply.components![1]!.components;
    expect(buttons.map((b) => b.label)).toEqual(['On which day did they meet?', 'Where did they meet?']);
    expect(buttons.map((b) => decodeCustomId(b.custom_id))).toEqual([
      { kind: 'ask', entryId: 'meeting-day' },
      { kind: 'ask', entryId: 'meeting-venue' },
    ]);
  });

  it('shows at most 3 related questions', () => {
    const suggestions = Array.from({ length: 6 }, (_, i) => ({ kind: 'question' as const, id: `q${i}`, label: `Question ${i}` }));
    const engine = fakeEngine({ ask: (q) => answered(q, { suggestions }) });
    expect(ask.execute(context(engine), { question: 'meet' }).reply.components![1]!.components).toHaveLength(3);
  });

  it('keeps a 6000-character question within every limit', () => {
    const question = 'How long did they meet? '.repeat(250);
    expect(question.length).toBe(6000);
    const { reply } = ask.execute(context(), { question });
    expect(reply.embeds![0]!.title!.length).toBeLessThanOrEqual(256);
    expect(reply.embeds![0]!.title!.endsWith('…')).toBe(true);
    expect(replyIssues(safeReply(reply))).toEqual([]);
  });

  it('escapes markdown and code fences and breaks mentions in the question it shows', () => {
    const question = 'how **long** did they meet? ```js\nalert(1)\n``` @everyone <@&123>';
    const { reply } = ask.execute(context(), { question });
    const title = reply.embeds![0]!.title!;
    expect(title).not.toContain('**');
    expect(title).not.toContain('```');
    expect(title).not.toMatch(/@everyone|(?<!\\)<@&/);
    const sent = safeReply(reply);
    expect(sent.allowed_mentions).toEqual({ parse: [] });
    expect(replyIssues(sent)).toEqual([]);
  });

  it('asks the engine without the Discord mention syntax', () => {
    const asked: string[] = [];
    const engine = fakeEngine({
      ask: (q) => {
        asked.push(q);
        return answered(q);
      },
    });
    ask.execute(context(engine), { question: '<@&123> how long did they meet? @everyone' });
    expect(asked).toEqual(['how long did they meet?']);
  });

  it('says so, ephemerally, when the article does not say, with starting questions as buttons', () => {
    const result = ask.execute(context(), { question: 'What is the weather in *Paris*?' });
    expect(result).toMatchObject({ outcome: 'unanswered', question: 'What is the weather in *Paris*?' });
    expect(result.reply.flags).toBe(MessageFlags.Ephemeral);
    expect(result.reply.content).toContain("The article doesn't say");
    expect(result.reply.content).toContain('\\*Paris\\*');
    const ids = result.reply.components![0]!.components.map((b) => decodeCustomId(b.custom_id));
    expect(ids).toEqual([{ kind: 'ask', entryId: 'meeting-length' }]);
    expect(replyIssues(safeReply(result.reply))).toEqual([]);
  });

  it('uses the engine’s suggestions when it has some', () => {
    const engine = fakeEngine({
      ask: (q) => ({ query: q, answered: false, answer: null, citations: [], suggestions: [{ kind: 'topic', id: 'taiwan', label: 'Taiwan' }], entryId: null }),
    });
    const { reply } = ask.execute(context(engine), { question: 'anything' });
    expect(reply.components![0]!.components.map((b) => b.custom_id)).toEqual(['topic:taiwan']);
  });

  it('passes on the engine’s message for input it cannot use, ephemerally', () => {
    const engine = fakeEngine({
      ask: () => {
        throw new EngineInputError('The question is empty: type what you want to know.');
      },
    });
    const result = ask.execute(context(engine), { question: '   ' });
    expect(result).toMatchObject({
      outcome: 'unanswered',
      question: '   ',
      reply: { content: 'The question is empty: type what you want to know.', flags: MessageFlags.Ephemeral },
    });
  });

  it('lets other engine errors through to the router', () => {
    const engine = fakeEngine({
      ask: () => {
        throw new Error('boom');
      },
    });
    expect(() => ask.execute(context(engine), { question: 'x' })).toThrow('boom');
  });

  it('autocompletes curated questions matching what was typed', async () => {
    const choices = await ask.autocomplete(context(), { name: 'question', value: 'meet' });
    expect(choices.map((c) => c.name)).toEqual(['How long did the meeting last?', 'On which day did they meet?', 'Where did they meet?']);
  });

  describe('related-question button', () => {
    it('answers the Q&A entry it names, with the curated question as title', async () => {
      const result = await ask.buttons.ask(context(), { kind: 'ask', entryId: 'meeting-day' });
      expect(result).toEqual({ outcome: 'answered', reply: expect.anything() });
      expect(result.reply.embeds![0]!.title).toBe('How long did the meeting last?');
    });

    it('politely refuses an id the knowledge base no longer has', async () => {
      const result = await ask.buttons.ask(context(), { kind: 'ask', entryId: 'removed-entry' });
      expect(result).toMatchObject({ outcome: 'stale', reply: { flags: MessageFlags.Ephemeral } });
      expect(result.reply.content).toMatch(/expired|recognise/);
    });
  });
});
