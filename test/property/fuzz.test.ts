// Property-based: random strings, unicode and option shapes thrown at the router (the real
// commands over the real engine) and at the engine itself. Fixed seed and a bounded number of
// runs, so a failure is reproducible: fast-check prints the counterexample and its path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../commands/context.ts';
import { commands } from '../../commands/index.ts';
import { createEngine } from '../../src/engine/index.ts';
import { EngineInputError } from '../../src/engine/types.ts';
import type { Incoming } from '../../src/interactions/incoming.ts';
import { createRouter } from '../../src/interactions/router.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { callbackIssues, replyIssues } from '../support/discord-spec.ts';
import { memoryLogger, recordingResponder } from '../support/recording.ts';

const SEED = 20230619;
const RUNS = 150;
const knowledge = loadKnowledge();
const engine = createEngine(knowledge);
const passageText = new Map(knowledge.passages.map((p) => [p.id, p.text]));
const names = ['ask', 'quote', 'topic', 'help'];
const optionNames = ['question', 'speaker', 'about', 'name', 'hide', '__proto__', 'constructor'];

/** Text as people (and forgers) type it: unicode, markdown and mention syntax, article words, any length. */
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        '**',
        '`',
        '```',
        '[a](b)',
        '<@&1>',
        '@everyone',
        '\n',
        '> ',
        '# ',
        '😀',
        '\u202e',
        'Blinken',
        'Xi',
        'Taiwan',
        'meet',
        'how',
        'said',
        ' ',
      ),
      { maxLength: 80 },
    )
    .map((parts) => parts.join('')),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)),
);
const optionValue = fc.oneof(text, fc.integer(), fc.double(), fc.boolean());
const options = fc.dictionary(fc.oneof(fc.constantFrom(...optionNames), fc.string({ maxLength: 12 })), optionValue, { maxKeys: 5 });
const who = { userId: '100000000000000001', guildId: '200000000000000002' };

const incoming: fc.Arbitrary<Incoming> = fc.oneof(
  fc.record({ name: fc.oneof(fc.constantFrom(...names), text), options }).map(({ name, options }): Incoming => ({ ...who, kind: 'command', name, options })),
  fc
    .record({ name: fc.oneof(fc.constantFrom(...names), text), focusedName: fc.oneof(fc.constantFrom(...optionNames), text), value: text, options })
    .map(({ name, focusedName, value, options }): Incoming => ({ ...who, kind: 'autocomplete', name, focused: { name: focusedName, value }, options })),
  fc
    .oneof(
      text,
      fc
        .tuple(
          fc.constantFrom('ask', 'topic', 'quote'),
          fc.constantFrom(...knowledge.qa.map((e) => e.id), ...knowledge.topics.map((t) => t.id), 'blinken', 'xi'),
          fc.nat({ max: 5 }),
          text,
        )
        .map(([kind, id, page, about]) => `${kind}:${id}:${page}:${about}`.slice(0, 120)),
    )
    .map((customId): Incoming => ({ ...who, kind: 'button', customId, ephemeral: false })),
);

describe('the router, under random interactions', () => {
  it('answers every one exactly once, within Discord’s limits, pinging nobody, with no error past the boundary', async () => {
    const log = memoryLogger('info');
    const router = createRouter({ commands, context: contextFor({ engine, source: knowledge }), logger: log.logger, cooldown: null });
    await fc.assert(
      fc.asyncProperty(incoming, async (interaction) => {
        const responder = recordingResponder();
        await router.handle(interaction, responder);
        expect(responder.calls).toHaveLength(1);
        const [call] = responder.calls;
        if (call?.method === 'respondChoices') {
          expect(callbackIssues({ type: 8, data: { choices: call.choices } })).toEqual([]);
        } else if (call && 'data' in call) {
          expect(call.data.allowed_mentions).toEqual({ parse: [] });
          expect(replyIssues(call.data)).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const failures = log.lines().filter((l) => l['outcome'] === 'error' || l['outcome'] === 'failed');
    expect(failures).toEqual([]);
  });
});

describe('the engine, under random text', () => {
  const verbatim = (citations: ReadonlyArray<{ id: string; text: string }>) => {
    for (const c of citations) expect(c.text).toBe(passageText.get(c.id));
  };

  it('ask, quote and topic never throw (but for unusable input, said so), and every citation is verbatim', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        try {
          const asked = engine.ask(a);
          verbatim(asked.citations);
          if (asked.answered) expect(asked.answer.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(EngineInputError);
        }
        try {
          const quoted = engine.quote(a, b);
          for (const q of quoted.quotes) {
            verbatim([q.citation]);
            expect(q.citation.text).toContain(q.text);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(EngineInputError);
        }
        try {
          verbatim(engine.topic(a).citations);
        } catch (error) {
          expect(error).toBeInstanceOf(EngineInputError);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('autocomplete returns at most the limit, and only curated values', () => {
    const curated = {
      question: new Set(knowledge.qa.flatMap((e) => e.questions)),
      speaker: new Set(knowledge.speakers.map((s) => s.id)),
      topic: new Set(knowledge.topics.map((t) => t.id)),
    };
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 25 }), (partial, limit) => {
        for (const [kind, choices] of [
          ['question', engine.completeQuestion(partial, limit)],
          ['speaker', engine.completeSpeaker(partial, limit)],
          ['topic', engine.completeTopic(partial, limit)],
        ] as const) {
          expect(choices.length).toBeLessThanOrEqual(limit);
          for (const choice of choices) expect(curated[kind].has(choice.value), `${kind} ${choice.value}`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
