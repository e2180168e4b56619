import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { contextFor, type CommandContext } from '../../commands/context.ts';
import { commands } from '../../commands/index.ts';
import type { CommandModule, HandlerResult } from '../../src/interactions/command.ts';
import type { Engine } from '../../src/engine/types.ts';
import { Cooldown } from '../../src/interactions/cooldown.ts';
import type { Incoming } from '../../src/interactions/incoming.ts';
import { createRouter, type RouterOptions } from '../../src/interactions/router.ts';
import type { Reply } from '../../src/replies/types.ts';
import { callbackIssues, editIssues, replyIssues } from '../support/discord-spec.ts';
import { fakeEngine, SOURCE } from '../support/fake-engine.ts';
import { memoryLogger, recordingResponder, type Call } from '../support/recording.ts';

const USER = '100000000000000001';
const GUILD = '200000000000000002';
const cmd = (name: string, options: Record<string, string | boolean> = {}, userId = USER): Incoming => ({
  kind: 'command',
  name,
  options,
  userId,
  guildId: GUILD,
});
const click = (customId: string, ephemeral = false): Incoming => ({ kind: 'button', customId, ephemeral, userId: USER, guildId: GUILD });

function setup({ engine = fakeEngine(), ...overrides }: Partial<RouterOptions<CommandContext>> & { engine?: Engine } = {}) {
  const log = memoryLogger();
  const router = createRouter({ commands, context: contextFor({ engine, source: SOURCE }), logger: log.logger, cooldown: null, ...overrides });
  return { router, log };
}

/** A command whose handler runs `body`; registered alongside the real ones. */
function probe(body: () => HandlerResult | Promise<HandlerResult>): CommandModule<CommandContext> {
  return { data: { name: 'probe', description: 'test' }, execute: body };
}

const sent = (call: Call | undefined): Reply => {
  if (!call || !('data' in call)) throw new Error(`expected a message, got ${JSON.stringify(call)}`);
  return call.data;
};

describe('router', () => {
  it('answers a command with one reply that pings nobody and passes Discord’s schema', async () => {
    const { router, log } = setup();
    const responder = recordingResponder();
    await router.handle(cmd('ask', { question: 'how long did they meet? @everyone <@&123>' }), responder);
    expect(responder.calls.map((c) => c.method)).toEqual(['reply']);
    const reply = sent(responder.calls[0]);
    expect(reply.allowed_mentions).toEqual({ parse: [] });
    expect(replyIssues(reply)).toEqual([]);
    expect(reply.flags).toBeUndefined();

    const [line] = log.lines();
    expect(line).toMatchObject({ msg: 'interaction', kind: 'command', command: 'ask', guild: GUILD, answered: true, outcome: 'answered', deferred: false });
    // The member as a keyed hash, never the id.
    expect(line!['user']).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(log.text()).not.toContain(USER);
    expect(line!['latencyMs']).toBeTypeOf('number');
    expect(line!['question']).toBeUndefined();
  });

  it('hide:true makes the answer ephemeral', async () => {
    const { router } = setup();
    const responder = recordingResponder();
    await router.handle(cmd('ask', { question: 'how long did they meet?', hide: true }), responder);
    expect(sent(responder.calls[0]).flags).toBe(MessageFlags.Ephemeral);
  });

  it('logs an unanswered question with its text, for the curators', async () => {
    const { router, log } = setup();
    const responder = recordingResponder();
    await router.handle(cmd('ask', { question: 'what about the weather?' }), responder);
    expect(sent(responder.calls[0]).flags).toBe(MessageFlags.Ephemeral);
    expect(log.lines()).toEqual([
      expect.objectContaining({
        msg: 'unanswered question',
        answered: false,
        outcome: 'unanswered',
        question: 'what about the weather?',
        // Why, for npm run report's refusals by reason.
        reason: 'not covered',
      }),
    ]);
  });

  it('answers an unknown command with an ephemeral apology and a warning', async () => {
    const { router, log } = setup();
    const responder = recordingResponder();
    await router.handle(cmd('gone'), responder);
    const reply = sent(responder.calls[0]);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.content).toMatch(/^Sorry/);
    expect(replyIssues(reply)).toEqual([]);
    expect(log.lines()[0]).toMatchObject({ level: 40, command: 'gone', outcome: 'unknown-command' });
  });

  it('turns a handler that throws into an ephemeral apology and an error line with the stack', async () => {
    const { router, log } = setup({
      commands: [
        probe(() => {
          throw new Error('kaboom');
        }),
      ],
    });
    const responder = recordingResponder();
    await router.handle(cmd('probe', {}), responder);
    expect(responder.calls).toHaveLength(1);
    const reply = sent(responder.calls[0]);
    expect(reply).toMatchObject({ flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } });
    expect(reply.content).toMatch(/^Sorry — something went wrong/);
    const [line] = log.lines();
    expect(line).toMatchObject({ level: 50, outcome: 'error', err: { message: 'kaboom' } });
    expect((line!['err'] as { stack: string }).stack).toContain('kaboom');
  });

  it('also catches a handler that rejects', async () => {
    const { router } = setup({ commands: [probe(async () => Promise.reject(new Error('later')))] });
    const responder = recordingResponder();
    await router.handle(cmd('probe'), responder);
    expect(sent(responder.calls[0]).content).toMatch(/^Sorry/);
  });

  describe('the 3-second deadline', () => {
    /** A handler that cannot finish before the router has deferred. */
    function slow(result: () => HandlerResult) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const responder = recordingResponder({ onDefer: () => release() });
      return { responder, handler: async () => (await released, result()) };
    }

    it('defers a slow command, then edits the deferred reply', async () => {
      const { responder, handler } = slow(() => ({ outcome: 'answered' as const, reply: { content: 'done' } }));
      const { router, log } = setup({ commands: [probe(handler)], deadlineMs: 1 });
      await router.handle(cmd('probe', { hide: true }), responder);
      expect(responder.calls.map((c) => c.method)).toEqual(['defer', 'editReply']);
      expect(responder.calls[0]).toEqual({ method: 'defer', options: { ephemeral: true } });
      const edit = sent(responder.calls[1]);
      expect(edit).toEqual({ content: 'done', allowed_mentions: { parse: [] } });
      expect(callbackIssues({ type: 5, data: { flags: MessageFlags.Ephemeral } })).toEqual([]);
      expect(editIssues(edit)).toEqual([]);
      expect(log.lines()[0]).toMatchObject({ deferred: true, outcome: 'answered' });
    });

    it('swaps a public "thinking…" for an ephemeral follow-up when the late answer is a refusal', async () => {
      const { responder, handler } = slow(() => ({ outcome: 'unanswered' as const, reply: { content: 'no', flags: MessageFlags.Ephemeral }, question: 'q' }));
      const { router } = setup({ commands: [probe(handler)], deadlineMs: 1 });
      await router.handle(cmd('probe'), responder);
      expect(responder.calls.map((c) => c.method)).toEqual(['defer', 'deleteReply', 'followUp']);
      expect(responder.calls[0]).toEqual({ method: 'defer', options: { ephemeral: false } });
      expect(sent(responder.calls[2]).flags).toBe(MessageFlags.Ephemeral);
    });

    it('apologises ephemerally when a slow handler fails after the defer', async () => {
      const { responder, handler } = slow(() => {
        throw new Error('late failure');
      });
      const { router, log } = setup({ commands: [probe(handler)], deadlineMs: 1 });
      await router.handle(cmd('probe'), responder);
      expect(responder.calls.map((c) => c.method)).toEqual(['defer', 'deleteReply', 'followUp']);
      expect(sent(responder.calls[2])).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/^Sorry/) });
      expect(log.lines()[0]).toMatchObject({ outcome: 'error', deferred: true });
    });

    it('defers a slow button without changing its message, then edits it in place', async () => {
      const { responder, handler } = slow(() => ({ outcome: 'answered' as const, reply: { content: 'page 2' }, update: true }));
      const { router } = setup({ commands: [{ ...probe(handler), buttons: { quote: handler } }], deadlineMs: 1 });
      await router.handle(click('quote:blinken:1'), responder);
      expect(responder.calls.map((c) => c.method)).toEqual(['defer', 'editReply']);
      expect(responder.calls[0]).toEqual({ method: 'defer', options: { update: true } });
      expect(callbackIssues({ type: 6 })).toEqual([]);
    });

    it('sends a slow button’s new answer as a follow-up', async () => {
      const { responder, handler } = slow(() => ({ outcome: 'answered' as const, reply: { content: 'answer' } }));
      const { router } = setup({ commands: [{ ...probe(handler), buttons: { ask: handler } }], deadlineMs: 1 });
      await router.handle(click('ask:meeting-length', true), responder);
      expect(responder.calls.map((c) => c.method)).toEqual(['defer', 'followUp']);
      expect(sent(responder.calls[1]).flags).toBe(MessageFlags.Ephemeral);
    });
  });

  describe('buttons', () => {
    it('answers a related-question button as a new reply, visible like the message it was on', async () => {
      const { router } = setup();
      const publicClick = recordingResponder();
      await router.handle(click('ask:meeting-day'), publicClick);
      expect(publicClick.calls[0]).toMatchObject({ method: 'reply', data: { embeds: [expect.anything()] } });
      expect(sent(publicClick.calls[0]).flags).toBeUndefined();

      const privateClick = recordingResponder();
      await router.handle(click('ask:meeting-day', true), privateClick);
      expect(sent(privateClick.calls[0]).flags).toBe(MessageFlags.Ephemeral);
    });

    it('turns a quote page in place (callback type 7), valid against the spec', async () => {
      const engine = fakeEngine();
      const base = engine.quote('blinken');
      const many = {
        ...base,
        quotes: Array.from({ length: 20 }, (_, i) => ({
          ...base.quotes[0]!,
          id: `q${i}`,
          text: `${i} ${'word '.repeat(120)}`,
          citation: { ...base.quotes[0]!.citation, paragraph: i + 1 },
        })),
      };
      const { router } = setup({ engine: fakeEngine({ quote: () => many }) });
      const responder = recordingResponder();
      await router.handle(click('quote:blinken:1'), responder);
      expect(responder.calls.map((c) => c.method)).toEqual(['update']);
      const data = sent(responder.calls[0]);
      expect(data.flags).toBeUndefined();
      expect(callbackIssues({ type: 7, data })).toEqual([]);
    });

    it.each(['ask:Meeting-Length', 'totally-made-up', 'quote:blinken:abc', 'ask:' + 'x'.repeat(200), ''])(
      'answers the tampered id %j politely and ephemerally',
      async (customId) => {
        const { router, log } = setup();
        const responder = recordingResponder();
        await router.handle(click(customId), responder);
        const reply = sent(responder.calls[0]);
        expect(reply.flags).toBe(MessageFlags.Ephemeral);
        expect(reply.content).toMatch(/expired|recognise/);
        expect(replyIssues(reply)).toEqual([]);
        expect(log.lines()[0]).toMatchObject({ kind: 'button', outcome: 'stale' });
      },
    );

    it('answers a stale id (well formed, no longer in the knowledge base) politely and ephemerally', async () => {
      const { router, log } = setup();
      const responder = recordingResponder();
      await router.handle(click('ask:deleted-entry'), responder);
      expect(sent(responder.calls[0])).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/expired/) });
      expect(log.lines()[0]).toMatchObject({ outcome: 'stale', customId: 'ask:deleted-entry' });
    });
  });

  describe('cooldown', () => {
    it('lets a few commands through per ten seconds, then says slow down, ephemerally', async () => {
      let now = 0;
      const { router, log } = setup({ cooldown: new Cooldown(3, 10_000, () => now) });
      const replies: Reply[] = [];
      for (let i = 0; i < 4; i++) {
        const responder = recordingResponder();
        await router.handle(cmd('ask', { question: 'how long did they meet?' }), responder);
        replies.push(sent(responder.calls[0]));
      }
      expect(replies.slice(0, 3).every((r) => r.embeds?.length === 1)).toBe(true);
      expect(replies[3]).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/^Slow down.* 10 seconds/) });
      expect(log.lines()[3]).toMatchObject({ outcome: 'cooldown' });

      // Another user is not held up, buttons count too, and the window passes.
      const other = recordingResponder();
      await router.handle(cmd('ask', { question: 'how long did they meet?' }, '100000000000000009'), other);
      expect(sent(other.calls[0]).embeds).toHaveLength(1);
      const button = recordingResponder();
      await router.handle(click('ask:meeting-day'), button);
      expect(sent(button.calls[0]).content).toMatch(/^Slow down/);
      now = 10_000;
      const later = recordingResponder();
      await router.handle(cmd('ask', { question: 'how long did they meet?' }), later);
      expect(sent(later.calls[0]).embeds).toHaveLength(1);
    });

    it('does not count autocomplete, which fires on every keystroke', async () => {
      const { router } = setup({ cooldown: new Cooldown(1, 10_000, () => 0) });
      for (let i = 0; i < 5; i++) {
        await router.handle(
          { kind: 'autocomplete', name: 'ask', focused: { name: 'question', value: 'me' }, options: {}, userId: USER, guildId: GUILD },
          recordingResponder(),
        );
      }
      const responder = recordingResponder();
      await router.handle(cmd('help'), responder);
      expect(sent(responder.calls[0]).embeds).toHaveLength(1);
    });
  });

  describe('autocomplete', () => {
    const typing = (name: string, value: string): Incoming => ({
      kind: 'autocomplete',
      name,
      focused: { name: name === 'ask' ? 'question' : 'speaker', value },
      options: {},
      userId: USER,
      guildId: GUILD,
    });

    it('answers with choices within Discord’s limits, with its log line like any interaction', async () => {
      const long = Array.from({ length: 40 }, (_, i) => ({ name: `${i} ${'very long question '.repeat(10)}`, value: `v${i}` }));
      const { router, log } = setup({ engine: fakeEngine({ completeQuestion: () => long }) });
      const responder = recordingResponder();
      await router.handle(typing('ask', 'q'), responder);
      const call = responder.calls[0]!;
      expect(call.method).toBe('respondChoices');
      const choices = (call as { choices: Array<{ name: string }> }).choices;
      expect(choices).toHaveLength(25);
      expect(choices.every((c) => c.name.length <= 100)).toBe(true);
      expect(callbackIssues({ type: 8, data: { choices } })).toEqual([]);
      // At debug: one line per keystroke would drown the info log (.env.example: debug adds autocomplete).
      expect(log.lines()[0]).toMatchObject({ level: 20, kind: 'autocomplete', command: 'ask' });
    });

    it('answers with no choices when completion fails, and logs the error', async () => {
      const { router, log } = setup({
        engine: fakeEngine({
          completeSpeaker: () => {
            throw new Error('index broken');
          },
        }),
      });
      const responder = recordingResponder();
      await router.handle(typing('quote', 'x'), responder);
      expect(responder.calls).toEqual([{ method: 'respondChoices', choices: [] }]);
      expect(log.lines()[0]).toMatchObject({ level: 50, outcome: 'error' });
    });
  });

  it('never throws when the transport cannot deliver, and logs it', async () => {
    const { router, log } = setup();
    await expect(router.handle(cmd('help'), recordingResponder({ fail: true }))).resolves.toBeUndefined();
    expect(log.lines()[0]).toMatchObject({ level: 50, outcome: 'failed', err: { message: 'Unknown interaction' } });
  });

  it('sends the apology when Discord refuses the reply itself, unless the interaction is gone', async () => {
    const refusing = (code: number) => {
      const r = recordingResponder();
      const reply = r.reply;
      let first = true;
      r.reply = async (data) => {
        if (first) {
          first = false;
          await reply(data);
          throw Object.assign(new Error('Invalid Form Body'), { code });
        }
        return reply(data);
      };
      return r;
    };
    const { router, log } = setup();
    const refused = refusing(50035);
    await router.handle(cmd('help'), refused);
    expect(refused.calls.map((c) => c.method)).toEqual(['reply', 'reply']);
    expect(sent(refused.calls[1]).flags).toBe(64);
    expect(log.lines()[0]).toMatchObject({ level: 50, outcome: 'failed' });

    const gone = refusing(10062);
    await router.handle(cmd('help'), gone);
    expect(gone.calls.map((c) => c.method)).toEqual(['reply']);
  });

  it('never turns an ephemeral button answer into an edit of the message the button sat on', async () => {
    const secret: CommandModule<CommandContext> = {
      data: { name: 'probe', description: 'test' },
      execute: () => ({ outcome: 'answered' as const, reply: { content: 'x' } }),
      buttons: { ask: () => ({ outcome: 'answered' as const, reply: { content: 'only for you', flags: 64 }, update: true }) },
    };
    const { router } = setup({ commands: [secret] });
    const responder = recordingResponder();
    await router.handle(click('ask:meeting-length'), responder);
    expect(responder.calls.map((c) => c.method)).toEqual(['reply']);
    expect(sent(responder.calls[0]).flags).toBe(64);
  });

  it('answers a command missing a required option with an ephemeral notice and a warning, without running it', async () => {
    const { router, log } = setup();
    const responder = recordingResponder();
    await router.handle(cmd('ask', { hide: true }), responder);
    expect(sent(responder.calls[0])).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/^Sorry — that command arrived without/) });
    expect(log.lines()[0]).toMatchObject({ level: 40, outcome: 'invalid', command: 'ask' });
  });

  it('gives no choices for an autocomplete on an option that does not offer it', async () => {
    const { router, log } = setup();
    const responder = recordingResponder();
    await router.handle({ kind: 'autocomplete', name: 'ask', focused: { name: 'hide', value: 'x' }, options: {}, userId: USER, guildId: GUILD }, responder);
    expect(responder.calls).toEqual([{ method: 'respondChoices', choices: [] }]);
    expect(log.lines()[0]).toMatchObject({ outcome: 'invalid' });
  });

  describe('draining', () => {
    it('turns new interactions away with a "restarting" notice once closed, and lets those in flight finish', async () => {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const { router, log } = setup({
        commands: [...commands, probe(async () => (await released, { outcome: 'answered' as const, reply: { content: 'late but delivered' } }))],
      });
      const first = recordingResponder();
      const inFlight = router.handle(cmd('probe'), first);
      expect(router.inFlight.size).toBe(1);
      router.inFlight.close();
      const drained = router.inFlight.drained(5_000);

      const later = recordingResponder();
      await router.handle(cmd('ask', { question: 'how long did they meet?' }), later);
      expect(sent(later.calls[0])).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/restarting/) });
      const typing = recordingResponder();
      await router.handle(
        { kind: 'autocomplete', name: 'ask', focused: { name: 'question', value: 'how' }, options: {}, userId: USER, guildId: GUILD },
        typing,
      );
      expect(typing.calls).toEqual([{ method: 'respondChoices', choices: [] }]);

      release();
      await inFlight;
      expect(await drained).toBe(true);
      expect(sent(first.calls[0]).content).toBe('late but delivered');
      expect(log.lines().map((l) => l['outcome'])).toEqual(['draining', 'draining', 'answered']);
    });

    it('gives up waiting after the timeout', async () => {
      const { router } = setup({ commands: [probe(() => new Promise(() => undefined))] });
      void router.handle(cmd('probe'), recordingResponder());
      router.inFlight.close();
      expect(await router.inFlight.drained(20)).toBe(false);
    });
  });
});
