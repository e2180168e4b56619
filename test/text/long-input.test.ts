// User text of any length, through every way it enters: cut to what can be shown before anything
// escapes or scans it. 100k and 1M characters finish like 300 do (a path that was not linear would
// run into the test timeout: issue 11 measured 7-12 s for 100k in the old escaping); the figures
// are in `npm run bench:input`.
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../commands/context.ts';
import { CHECK_COMMAND_NAME } from '../../commands/check.ts';
import { commands, messageCommands } from '../../commands/index.ts';
import { createEngine } from '../../src/engine/index.ts';
import type { Engine } from '../../src/engine/types.ts';
import type { Incoming } from '../../src/interactions/incoming.ts';
import { createRouter } from '../../src/interactions/router.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { escapeAndFit } from '../../src/replies/escape.ts';
import { parseLine } from '../../src/transports/console.ts';
import { clipInput, withoutMentions } from '../../src/text/input.ts';
import { replyIssues } from '../support/discord-spec.ts';
import { fakeEngine, SOURCE } from '../support/fake-engine.ts';
import { memoryLogger, recordingResponder } from '../support/recording.ts';

const SIZES = [100_000, 1_000_000];
/**
 * Markdown, mentions and emoji on one line: everything the escaping and cleaning work on (escapeMarkdown
 * is slowest on long lines; 20,000 characters of backticks took it 9 s).
 */
const hostile = (length: number) => 'how **long** did `they` meet? <@&1> @everyone 😀 ~|_\\ '.repeat(Math.ceil(length / 50)).slice(0, length);
const who = { userId: '100000000000000001', guildId: '200000000000000002' };

/** An engine that records the length of every text it is given. */
function measuringEngine() {
  const seen: number[] = [];
  const base = fakeEngine();
  const engine: Engine = {
    ...base,
    ask: (q) => (seen.push(q.length), base.ask(q)),
    quote: (s, about) => (seen.push(s.length, about?.length ?? 0), base.quote(s, about)),
    topic: (n) => (seen.push(n.length), base.topic(n)),
    completeQuestion: (p, l) => (seen.push(p.length), base.completeQuestion(p, l)),
    completeSpeaker: (p, l) => (seen.push(p.length), base.completeSpeaker(p, l)),
    completeTopic: (p, l) => (seen.push(p.length), base.completeTopic(p, l)),
  };
  return { engine, seen };
}

async function answer(engine: Engine, incoming: Incoming) {
  const log = memoryLogger();
  const router = createRouter({ commands, messageCommands, context: contextFor({ engine, source: SOURCE }), logger: log.logger, cooldown: null });
  const responder = recordingResponder();
  await router.handle(incoming, responder);
  return { calls: responder.calls, log: log.text() };
}

describe.each(SIZES)('%i characters of user text', (size) => {
  const text = hostile(size);

  it('reaches the engine cut to each option’s max_length, from every option and autocomplete', async () => {
    const { engine, seen } = measuringEngine();
    for (const incoming of [
      { ...who, kind: 'command', name: 'ask', options: { question: text } },
      { ...who, kind: 'command', name: 'quote', options: { speaker: text, about: text } },
      { ...who, kind: 'command', name: 'topic', options: { name: text } },
      { ...who, kind: 'autocomplete', name: 'ask', focused: { name: 'question', value: text }, options: {} },
      { ...who, kind: 'autocomplete', name: 'quote', focused: { name: 'speaker', value: text }, options: { about: text } },
      { ...who, kind: 'autocomplete', name: 'topic', focused: { name: 'name', value: text }, options: {} },
    ] satisfies Incoming[]) {
      const { calls, log } = await answer(engine, incoming);
      expect(calls).toHaveLength(1);
      expect(log.length).toBeLessThan(5_000);
      const call = calls[0];
      if (call && 'data' in call) expect(replyIssues(call.data)).toEqual([]);
    }
    expect(seen.length).toBeGreaterThanOrEqual(7);
    expect(Math.max(...seen)).toBeLessThanOrEqual(300);
  });

  it('a message command on a message of that length reads none of it past what it could check', async () => {
    const { engine, seen } = measuringEngine();
    const { calls, log } = await answer(engine, {
      ...who,
      kind: 'message-command',
      name: CHECK_COMMAND_NAME,
      target: { id: '1', content: text, embeds: 0, attachments: 0 },
    });
    expect(calls).toHaveLength(1);
    expect(log.length).toBeLessThan(5_000);
    expect(Math.max(0, ...seen)).toBeLessThanOrEqual(300);
  });

  it('a custom id or command name of that length is refused, and logged cut', async () => {
    const { engine, seen } = measuringEngine();
    for (const incoming of [
      { ...who, kind: 'button', customId: `quote:blinken:1:${text}`, ephemeral: false },
      { ...who, kind: 'command', name: text, options: {} },
    ] satisfies Incoming[]) {
      const { calls, log } = await answer(engine, incoming);
      expect(calls.map((c) => c.method)).toEqual(['reply']);
      expect(log.length).toBeLessThan(2_000);
    }
    expect(seen).toEqual([]);
  });

  it('escapes and fits, cleans mentions, clips and parses a console line', () => {
    const fitted = escapeAndFit(text, 256);
    expect(fitted.length).toBeLessThanOrEqual(256);
    expect(fitted.endsWith('…')).toBe(true);
    expect(withoutMentions(text).length).toBeLessThan(text.length);
    expect(clipInput(text, 300)).toHaveLength(300);
    const line = parseLine(`/ask ${text}`, commands);
    expect(line).toEqual({ kind: 'problem', message: 'question is at most 300 characters' });
  });
});

describe('the real engine', () => {
  it('answers a 1,000,000-character question within every limit', async () => {
    const knowledge = loadKnowledge();
    const engine = createEngine(knowledge);
    const { calls } = await answer(engine, { ...who, kind: 'command', name: 'ask', options: { question: `how long did they meet? ${hostile(1_000_000)}` } });
    const call = calls[0];
    expect(call?.method).toBe('reply');
    if (call && 'data' in call) expect(replyIssues(call.data)).toEqual([]);
  });
});
