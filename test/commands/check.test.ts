// "Check against the article" and the buttons of answers: feedback and Post for everyone.
import { EmbedType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import ask from '../../commands/ask.ts';
import check, { CLAIM_MAX_LENGTH } from '../../commands/check.ts';
import type { HandlerResult } from '../../src/interactions/command.ts';
import type { TargetMessage } from '../../src/interactions/incoming.ts';
import { decodeCustomId } from '../../src/replies/custom-id.ts';
import { safeReply } from '../../src/replies/safe-reply.ts';
import { isEphemeralReply, replyIssues } from '../support/discord-spec.ts';
import { context, fakeEngine, P5 } from '../support/fake-engine.ts';

const target = (content: string, extra: Partial<TargetMessage> = {}): TargetMessage => ({
  id: '300000000000000003',
  content,
  embeds: 0,
  attachments: 0,
  ...extra,
});
const sync = (result: HandlerResult | Promise<HandlerResult>): HandlerResult => {
  if (result instanceof Promise) throw new Error('expected a synchronous result');
  return result;
};
const allText = (r: HandlerResult) => JSON.stringify(r.reply);

describe('Check against the article', () => {
  it('sets the article’s passages beside a claim it speaks to, ephemerally, with feedback and Post for everyone — and no verdict', () => {
    const result = sync(check.execute(context(), target('They met for a long time')));
    expect(result.outcome).toBe('answered');
    expect(isEphemeralReply(result.reply)).toBe(true);
    const embed = result.reply.embeds![0]!;
    expect(embed.title).toBe('“They met for a long time”');
    // Quoted and cited exactly as /ask quotes them.
    const asked = sync(ask.execute(context(), { question: 'They met for a long time' }));
    expect(embed.fields).toEqual(asked.reply.embeds![0]!.fields);
    expect(embed.fields).toContainEqual({ name: '¶ 5', value: `> ${P5.text}` });
    // The curated short answer ("35 minutes.") is the bot's words, not the article's: not shown.
    expect(allText(result)).not.toContain('35 minutes.');
    expect(allText(result)).not.toMatch(/\b(true|false|correct|incorrect)\b/i);
    const ids = result.reply.components!.flatMap((row) => row.components.map((b) => decodeCustomId(b.custom_id)));
    expect(ids).toEqual([
      { kind: 'feedback', helpful: true, source: 'entry', id: 'meeting-length' },
      { kind: 'feedback', helpful: false, source: 'entry', id: 'meeting-length' },
      { kind: 'post', answered: { source: 'entry', id: 'meeting-length' } },
    ]);
    expect(replyIssues(safeReply(result.reply))).toEqual([]);
  });

  it('says the article doesn’t cover a claim it does not speak to, and logs it for the curators', () => {
    const result = sync(check.execute(context(), target('Bitcoin hit a new high')));
    expect(result).toMatchObject({ outcome: 'unanswered', question: 'Bitcoin hit a new high' });
    expect(isEphemeralReply(result.reply)).toBe(true);
    expect(result.reply.embeds![0]!.description).toMatch(/^The article doesn’t cover this/);
    expect(result.reply.components![0]!.components.map((b) => b.custom_id)).toEqual(['post']);
    expect(replyIssues(safeReply(result.reply))).toEqual([]);
  });

  it('quotes the nearest passage, with the engine’s note, when the article comes near without answering', () => {
    const note = 'The article does not say what the room was like.';
    const engine = fakeEngine({ ask: (q) => ({ query: q, answered: false, answer: null, entryId: null, note, citations: [P5], suggestions: [] }) });
    const result = sync(check.execute(context(engine), target('The venue was cold')));
    expect(result).toMatchObject({ outcome: 'unanswered', question: 'The venue was cold' });
    expect(result.reply.embeds![0]!.description).toBe(`${note}\n\nThe nearest passage, in its own words:`);
    expect(result.reply.embeds![0]!.fields?.[0]?.name).toBe('¶ 5');
    // No verdict to rate: only the button to post it.
    expect(result.reply.components![0]!.components.map((b) => b.custom_id)).toEqual(['post']);
  });

  it.each([
    ['an empty message', target(''), /no text to check/],
    ['an embeds-only message', target('', { embeds: 1 }), /no text of its own to check — only embeds or attachments/],
    ['a message of mentions only', target('<@123456789012345678> @everyone'), /no text to check/],
    [
      'a very long message',
      target('They met for a long time. '.repeat(200)),
      new RegExp(`too long to check as one claim \\(over ${CLAIM_MAX_LENGTH} characters\\)`),
    ],
  ])('answers %s sensibly, ephemerally', (_, message, expected) => {
    const result = sync(check.execute(context(), message));
    expect(result.outcome).toBe('unanswered');
    expect(isEphemeralReply(result.reply)).toBe(true);
    expect(result.reply.content).toMatch(expected);
    if (result.outcome === 'unanswered') expect(result.question.length).toBeLessThanOrEqual(CLAIM_MAX_LENGTH);
  });

  it('Post for everyone reposts the check it sits on, publicly, with its feedback buttons', () => {
    const checked = sync(check.execute(context(), target('They met for a long time')));
    const embeds = checked.reply.embeds!.map((e) => ({ ...e, type: EmbedType.Rich }));
    const pressed = { ...context(), message: { id: '400000000000000004', embeds } };
    const result = sync(check.buttons.post(pressed, { kind: 'post', answered: { source: 'entry', id: 'meeting-length' } }));
    expect(result).toMatchObject({ outcome: 'answered', public: true });
    expect(isEphemeralReply(result.reply)).toBe(false);
    expect(result.reply.embeds).toEqual(checked.reply.embeds);
    expect(result.reply.components![0]!.components.map((b) => b.label)).toEqual(['Helpful', 'Not helpful']);
  });

  it('Post for everyone on a message that is not a check, or naming an entry gone since, is stale', () => {
    const other = { ...context(), message: { id: '4', embeds: [{ title: 'something else' }] } };
    expect(sync(check.buttons.post(other, { kind: 'post' })).outcome).toBe('stale');
    expect(sync(check.buttons.post(context(), { kind: 'post' })).outcome).toBe('stale');
    const checked = sync(check.execute(context(), target('They met for a long time')));
    const gone = { ...context(), message: { id: '4', embeds: checked.reply.embeds! } };
    expect(sync(check.buttons.post(gone, { kind: 'post', answered: { source: 'entry', id: 'removed-entry' } })).outcome).toBe('stale');
  });
});

describe('feedback buttons', () => {
  const feedback = ask.buttons.feedback;

  it('thanks ephemerally and reports the press with the question from the answer’s title', () => {
    const ctx = { ...context(), message: { id: '500000000000000005', embeds: [{ title: 'how \\*\\*long\\*\\* did they meet? @\u200beveryone' }] } };
    const result = sync(feedback(ctx, { kind: 'feedback', helpful: false, source: 'entry', id: 'meeting-length' }));
    expect(result).toMatchObject({
      outcome: 'feedback',
      feedback: { helpful: false, source: 'entry', id: 'meeting-length', question: 'how **long** did they meet? @everyone', message: '500000000000000005' },
    });
    expect(isEphemeralReply(result.reply)).toBe(true);
    expect(result.reply.content).toMatch(/^Thanks/);
  });

  it('takes the quotation marks off a checked claim', () => {
    const ctx = { ...context(), message: { id: '5', embeds: [{ title: '“They met for a long time”' }] } };
    const result = sync(feedback(ctx, { kind: 'feedback', helpful: true, source: 'entry', id: 'meeting-length' }));
    expect(result).toMatchObject({ outcome: 'feedback', feedback: { question: 'They met for a long time' } });
  });

  it('is stale for an entry or passage the knowledge no longer has', () => {
    expect(sync(feedback(context(), { kind: 'feedback', helpful: true, source: 'entry', id: 'no-such-entry' })).outcome).toBe('stale');
    const ctx = { ...context(), passageIds: new Set(['p1', 'p2']) };
    expect(sync(feedback(ctx, { kind: 'feedback', helpful: true, source: 'passage', id: 'p2' })).outcome).toBe('feedback');
    expect(sync(feedback(ctx, { kind: 'feedback', helpful: true, source: 'passage', id: 'p99' })).outcome).toBe('stale');
  });
});
