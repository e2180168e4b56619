// Issue 11, point 5: words that are also properties of every JavaScript object (constructor,
// __proto__, toString…) typed anywhere — options, option names, autocomplete, custom ids — are
// just words: every lookup keyed by user text uses a Map or Object.hasOwn.
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../commands/context.ts';
import { commands } from '../../commands/index.ts';
import { createEngine } from '../../src/engine/index.ts';
import type { Incoming } from '../../src/interactions/incoming.ts';
import { createRouter } from '../../src/interactions/router.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { decodeCustomId } from '../../src/replies/custom-id.ts';
import { replyIssues } from '../support/discord-spec.ts';
import { memoryLogger, recordingResponder } from '../support/recording.ts';

const WORDS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
  'propertyIsEnumerable',
  'toLocaleString',
];
const knowledge = loadKnowledge();
const engine = createEngine(knowledge);
const who = { userId: '100000000000000001', guildId: '200000000000000002' };

function incomings(word: string): Incoming[] {
  const lower = word.toLowerCase();
  return [
    { ...who, kind: 'command', name: 'ask', options: { question: word } },
    { ...who, kind: 'command', name: 'ask', options: { question: `what did ${word} say about ${word}?` } },
    { ...who, kind: 'command', name: 'quote', options: { speaker: word, about: word } },
    { ...who, kind: 'command', name: 'quote', options: { speaker: 'blinken', about: word } },
    { ...who, kind: 'command', name: 'topic', options: { name: word } },
    { ...who, kind: 'command', name: word, options: {} },
    // An option named like an object property, beside the real one.
    { ...who, kind: 'command', name: 'ask', options: JSON.parse(`{"question": "how long did they meet?", "${word}": "x"}`) as Record<string, string> },
    { ...who, kind: 'autocomplete', name: 'ask', focused: { name: 'question', value: word }, options: {} },
    { ...who, kind: 'autocomplete', name: 'quote', focused: { name: 'speaker', value: word }, options: {} },
    { ...who, kind: 'autocomplete', name: 'topic', focused: { name: 'name', value: word }, options: {} },
    { ...who, kind: 'autocomplete', name: 'ask', focused: { name: word, value: 'how' }, options: {} },
    { ...who, kind: 'autocomplete', name: word, focused: { name: 'question', value: 'how' }, options: {} },
    ...[`ask:${lower}`, `topic:${lower}`, `quote:${lower}`, `quote:blinken:0:${word}`, `${word}:meeting-length`].map((customId): Incoming => ({
      ...who,
      kind: 'button',
      customId,
      ephemeral: false,
    })),
  ];
}

describe.each(WORDS)('the word %s', (word) => {
  it('gets an answer, a refusal or no choices everywhere it can be typed, never an error', async () => {
    const log = memoryLogger();
    const router = createRouter({ commands, context: contextFor({ engine, source: knowledge }), logger: log.logger, cooldown: null });
    for (const incoming of incomings(word)) {
      const responder = recordingResponder();
      await router.handle(incoming, responder);
      expect(responder.calls, JSON.stringify(incoming)).toHaveLength(1);
      const call = responder.calls[0];
      if (call && 'data' in call) expect(replyIssues(call.data)).toEqual([]);
    }
    const outcomes = log.lines().map((l) => l['outcome']);
    expect(
      outcomes.filter((o) => o === 'error' || o === 'failed'),
      log.text(),
    ).toEqual([]);
  });

  it('a custom id made of it decodes to an action only where the id format allows, and never to an inherited value', () => {
    expect(decodeCustomId(`${word}:x`)).toBeNull();
    const action = decodeCustomId(`quote:blinken:0:${word}`);
    expect(action).toEqual({ kind: 'quote', speakerId: 'blinken', page: 0, about: word });
  });
});
