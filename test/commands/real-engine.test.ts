// The command modules over the real engine and the real knowledge base.
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { createEngine } from '../../src/engine/index.ts';
import type { CommandContext } from '../../commands/context.ts';
import { buttonRun, buttonTable, type HandlerResult } from '../../src/interactions/command.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { decodeCustomId } from '../../src/replies/custom-id.ts';
import { safeChoices, safeReply } from '../../src/replies/safe-reply.ts';
import { callbackIssues, isEphemeralReply, replyIssues } from '../support/discord-spec.ts';

const knowledge = loadKnowledge();
const ctx: CommandContext = {
  engine: createEngine(knowledge),
  source: { title: knowledge.title, outlet: knowledge.outlet, event: knowledge.event },
  userId: '100000000000000001',
  guildId: '200000000000000002',
};
function command(name: string) {
  const found = commands.find((c) => c.data.name === name);
  if (!found) throw new Error(`no command /${name}`);
  return found;
}
const buttons = buttonTable(commands);
const run = async (name: string, options: Record<string, string | boolean>) => command(name).execute(ctx, options);

async function press(customId: string): Promise<HandlerResult> {
  const action = decodeCustomId(customId);
  const run = action && buttonRun(buttons, ctx, action);
  if (!run) throw new Error(`no handler for ${customId}`);
  return run();
}

describe('commands over the real knowledge base', () => {
  it('/ask how long did they meet? answers from paragraph 5', async () => {
    const { reply, outcome } = await run('ask', { question: 'how long did they meet?' });
    expect(outcome).toBe('answered');
    const embed = reply.embeds![0]!;
    expect(embed.description).toMatch(/35/);
    const cited = embed.fields!.find((f) => f.name === '¶ 5');
    expect(cited?.value).toContain('35-minute meeting');
    expect(embed.footer!.text).toBe(`Source: ${knowledge.outlet} — “${knowledge.title}”`);
    expect(replyIssues(safeReply(reply))).toEqual([]);
  });

  it('every cited passage is verbatim from the article', async () => {
    const { reply } = await run('topic', { name: 'taiwan' });
    for (const field of reply.embeds![0]!.fields!) {
      const paragraph = Number(field.name.replace('¶ ', ''));
      const passage = knowledge.passages[paragraph - 1]!;
      expect(field.value).toBe(`> ${passage.text}`);
    }
  });

  it('an off-topic question gets an ephemeral "the article doesn’t say" with buttons that work', async () => {
    const result = await run('ask', { question: 'what is the weather in Paris?' });
    expect(result.outcome).toBe('unanswered');
    expect(isEphemeralReply(result.reply)).toBe(true);
    const buttons = result.reply.components?.[0]?.components ?? [];
    expect(buttons.length).toBeGreaterThan(0);
    for (const b of buttons) expect((await press(b.custom_id)).outcome).toBe('answered');
  });

  it('every curated question answers through its button, within the limits', async () => {
    for (const entry of knowledge.qa) {
      const result = await press(`ask:${entry.id}`);
      expect(result.outcome, entry.id).toBe('answered');
      expect(replyIssues(safeReply(result.reply)), entry.id).toEqual([]);
    }
  });

  it('every speaker and topic gives a valid reply; quotes are verbatim with their paragraph', async () => {
    for (const speaker of knowledge.speakers) {
      const { reply } = await run('quote', { speaker: speaker.name });
      expect(replyIssues(safeReply(reply)), speaker.id).toEqual([]);
      for (const q of knowledge.quotes.filter((q) => q.speaker === speaker.id)) {
        const description = reply.embeds?.[0]?.description ?? '';
        expect(description, q.id).toContain(`¶ ${knowledge.passageById.get(q.passage)!.paragraph}`);
      }
    }
    for (const topic of knowledge.topics) {
      const { reply, outcome } = await run('topic', { name: topic.title });
      expect(outcome, topic.id).toBe('answered');
      expect(replyIssues(safeReply(reply)), topic.id).toEqual([]);
    }
  });

  it('every button reachable from the commands works (no stale ids in what the bot shows)', async () => {
    const queue: string[] = [];
    const seen = new Set<string>();
    const collect = (result: HandlerResult) => {
      for (const row of result.reply.components ?? []) for (const b of row.components) if (!b.disabled && !seen.has(b.custom_id)) queue.push(b.custom_id);
    };
    collect(await run('help', {}));
    collect(await run('ask', { question: 'how long did they meet?' }));
    collect(await run('quote', { speaker: 'nobody at all' }));
    collect(await run('topic', { name: 'nothing like it' }));
    while (queue.length > 0 && seen.size < 300) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const result = await press(id);
      expect(result.outcome, id).not.toBe('stale');
      expect(replyIssues(safeReply(result.reply)), id).toEqual([]);
      collect(result);
    }
    expect(seen.size).toBeGreaterThan(5);
  });

  it('autocomplete stays within 25 choices of at most 100 characters; an empty field suggests starting questions', async () => {
    const empty = safeChoices((await command('ask').autocomplete?.(ctx, { name: 'question', value: '' }, {})) ?? []);
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.length).toBeLessThanOrEqual(25);
    for (const partial of ['', 'how', 'tai', 'blinken xi meeting', 'x'.repeat(300)]) {
      for (const [name, option] of [
        ['ask', 'question'],
        ['quote', 'speaker'],
        ['topic', 'name'],
      ] as const) {
        const choices = safeChoices((await command(name).autocomplete?.(ctx, { name: option, value: partial }, {})) ?? []);
        expect(callbackIssues({ type: 8, data: { choices } }), `${name} ${partial}`).toEqual([]);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('/help is valid and its examples work', async () => {
    const { reply } = await run('help', {});
    expect(replyIssues(safeReply(reply))).toEqual([]);
    const tries = reply.embeds![0]!.fields!.find((f) => f.name === 'Try')!.value;
    const question = /\/ask question:(.+?)`/.exec(tries)![1]!;
    expect((await run('ask', { question })).outcome).toBe('answered');
  });
});
