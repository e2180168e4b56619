import { AllowedMentionsTypes, ButtonStyle, ComponentType, MessageFlags, type APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { embedLength, ephemeral, isEphemeral, safeChoices, safeReply } from '../../src/replies/safe-reply.ts';
import type { ButtonRow } from '../../src/replies/types.ts';
import { limitIssues, replyIssues } from '../support/discord-spec.ts';

const button = (id: string, label = id) => ({ type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, custom_id: id, label });

describe('safeReply', () => {
  it('always turns mentions off', () => {
    const out = safeReply({ content: '@everyone <@&123> look', allowed_mentions: { parse: [AllowedMentionsTypes.Everyone] } });
    expect(out.allowed_mentions).toEqual({ parse: [] });
    expect(replyIssues(out)).toEqual([]);
  });

  it('cuts content to 2000 characters', () => {
    const out = safeReply({ content: 'x'.repeat(5000) });
    expect(out.content!.length).toBeLessThanOrEqual(2000);
    expect(out.content!.endsWith('…')).toBe(true);
    expect(replyIssues(out)).toEqual([]);
  });

  it('fits every embed limit and the 6000 all embeds share', () => {
    const huge: APIEmbed = {
      title: 't'.repeat(1000),
      description: 'd'.repeat(10_000),
      fields: Array.from({ length: 40 }, (_, i) => ({ name: `n${i}`.repeat(100), value: 'v'.repeat(3000) })),
      footer: { text: 'f'.repeat(5000) },
      author: { name: 'a'.repeat(1000) },
    };
    const out = safeReply({ embeds: [huge, huge, huge] });
    expect(limitIssues(out)).toEqual([]);
    expect(out.embeds!.reduce((sum, e) => sum + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    expect(replyIssues(out)).toEqual([]);
  });

  it('keeps at most 10 embeds', () => {
    const out = safeReply({ embeds: Array.from({ length: 12 }, (_, i) => ({ title: `e${i}` })) });
    expect(out.embeds).toHaveLength(10);
  });

  it('drops buttons Discord would reject: duplicate or over-long custom ids, a sixth in a row', () => {
    const rows: ButtonRow[] = [
      { type: ComponentType.ActionRow, components: [button('a'), button('a'), button('x'.repeat(101)), button('b', 'L'.repeat(200))] },
      { type: ComponentType.ActionRow, components: ['c', 'd', 'e', 'f', 'g', 'h'].map((id) => button(id)) },
    ];
    const out = safeReply({ content: 'hi', components: rows });
    expect(out.components![0]!.components.map((b) => b.custom_id)).toEqual(['a', 'b']);
    expect(out.components![0]!.components[1]!.label!.length).toBeLessThanOrEqual(80);
    expect(out.components![1]!.components).toHaveLength(5);
    expect(replyIssues(out)).toEqual([]);
  });

  it('never sends an empty message', () => {
    expect(replyIssues(safeReply({}))).toEqual([]);
  });

  it('keeps the ephemeral flag', () => {
    const out = safeReply(ephemeral({ content: 'only you' }));
    expect(out.flags).toBe(MessageFlags.Ephemeral);
    expect(isEphemeral(out)).toBe(true);
    expect(isEphemeral(safeReply({ content: 'everyone' }))).toBe(false);
  });
});

describe('safeChoices', () => {
  it('keeps at most 25 choices with names of at most 100 characters', () => {
    const choices = Array.from({ length: 40 }, (_, i) => ({ name: `${i} ${'long '.repeat(50)}`, value: `v${i}` }));
    const out = safeChoices(choices);
    expect(out).toHaveLength(25);
    for (const c of out) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
    }
  });

  it('drops values Discord would reject instead of changing them, and duplicates', () => {
    const out = safeChoices([
      { name: 'ok', value: 'ok' },
      { name: 'again', value: 'ok' },
      { name: 'too long', value: 'v'.repeat(101) },
      { name: '   ', value: 'blank name' },
    ]);
    expect(out).toEqual([{ name: 'ok', value: 'ok' }]);
  });
});
