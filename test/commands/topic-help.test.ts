import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import help from '../../commands/help.ts';
import topic from '../../commands/topic.ts';
import { safeReply } from '../../src/replies/safe-reply.ts';
import { replyIssues } from '../support/discord-spec.ts';
import { context } from '../support/fake-engine.ts';

describe('/topic', () => {
  it('shows the summary and the topic’s passages', () => {
    const { reply, outcome } = topic.execute(context(), { name: 'taiwan' });
    expect(outcome).toBe('answered');
    expect(reply.embeds![0]).toMatchObject({ title: 'Taiwan', description: 'The biggest area of contention.', fields: [{ name: '¶ 5' }] });
    expect(reply.components![0]!.components.map((b) => b.custom_id)).toEqual(['topic:relations']);
    expect(replyIssues(safeReply(reply))).toEqual([]);
  });

  it('says so, ephemerally, for an unknown topic, with topics as buttons', () => {
    const result = topic.execute(context(), { name: '<@&1> weather' });
    expect(result).toMatchObject({ outcome: 'unanswered', question: '<@&1> weather', reply: { flags: MessageFlags.Ephemeral } });
    expect(result.reply.content).toContain('\\<@&1>');
    expect(result.reply.components![0]!.components.map((b) => b.custom_id)).toEqual(['topic:taiwan']);
  });

  it('answers a topic button and refuses a stale one', async () => {
    expect((await topic.buttons.topic(context(), { kind: 'topic', topicId: 'taiwan' })).outcome).toBe('answered');
    expect(await topic.buttons.topic(context(), { kind: 'topic', topicId: 'gone' })).toMatchObject({
      outcome: 'stale',
      reply: { flags: MessageFlags.Ephemeral },
    });
  });
});

describe('/help', () => {
  it('says what the bot knows, lists the commands and gives examples to try', async () => {
    const { reply } = await help.execute(context());
    const embed = reply.embeds![0]!;
    expect(embed.description).toContain('BBC');
    expect(embed.description).toContain('US and China pledge to stabilise tense relationship after talks');
    const text = embed.fields!.map((f) => f.value).join('\n');
    for (const command of ['/ask', '/quote', '/topic', '/help']) expect(text).toContain(command);
    expect(embed.fields!.find((f) => f.name === 'Try')!.value).toContain('/ask question:How long did the meeting last?');
    expect(reply.components![0]!.components.length).toBeGreaterThan(0);
    expect(replyIssues(safeReply(reply))).toEqual([]);
  });
});
