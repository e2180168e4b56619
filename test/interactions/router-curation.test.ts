// The router's part in curation and reach: message commands, feedback events, suggestions offered,
// Post for everyone, DMs, members hashed in the log, and the engine read once per interaction.
import { MessageFlags } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { contextFor, type CommandContext, type Shared } from '../../commands/context.ts';
import type { CommandModule } from '../../src/interactions/command.ts';
import { Cooldown } from '../../src/interactions/cooldown.ts';
import type { Incoming } from '../../src/interactions/incoming.ts';
import { memberHasher } from '../../src/interactions/member-hash.ts';
import type { Reply } from '../../src/replies/types.ts';
import { replyIssues } from '../support/discord-spec.ts';
import { answered, fakeEngine, SOURCE } from '../support/fake-engine.ts';
import { recordingResponder, type Call } from '../support/recording.ts';
import { testRouter } from '../support/router.ts';

const USER = '100000000000000001';
const GUILD = '200000000000000002';

const sent = (call: Call | undefined): Reply => {
  if (!call || !('data' in call)) throw new Error(`expected a message, got ${JSON.stringify(call)}`);
  return call.data;
};

const checkOn = (content: string, where: { guildId: string | null } = { guildId: GUILD }, name = 'Check against the article'): Incoming => ({
  kind: 'message-command',
  name,
  target: { id: '300000000000000003', content, embeds: 0, attachments: 0 },
  userId: USER,
  ...where,
});

describe('router: curation and reach', () => {
  it('runs a message command on its target message and logs it like a command', async () => {
    const { router, log } = testRouter();
    const responder = recordingResponder();
    await router.handle(checkOn('they met for a long time'), responder);
    const reply = sent(responder.calls[0]);
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(reply.embeds?.[0]?.title).toBe('“they met for a long time”');
    expect(replyIssues(reply)).toEqual([]);
    expect(log.lines()[0]).toMatchObject({ kind: 'message-command', command: 'Check against the article', outcome: 'answered', answered: true });
  });

  it('answers an unknown message command with the unknown-command apology', async () => {
    const { router, log } = testRouter();
    const responder = recordingResponder();
    await router.handle(checkOn('x', { guildId: GUILD }, 'Translate'), responder);
    expect(sent(responder.calls[0]).content).toMatch(/^Sorry — I don't know the command/);
    expect(log.lines()[0]).toMatchObject({ outcome: 'unknown-command' });
  });

  it('logs a feedback press as one event, with the member as a keyed hash only', async () => {
    const hash = memberHasher('a-test-secret-of-some-length');
    const { router, log } = testRouter({ hashMember: hash });
    const responder = recordingResponder();
    const message = { id: '600000000000000006', embeds: [{ title: 'how long did they meet?' }] };
    await router.handle({ kind: 'button', customId: 'fb:n:e:meeting-length', ephemeral: false, message, userId: USER, guildId: GUILD }, responder);
    expect(sent(responder.calls[0])).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/^Thanks/) });
    expect(log.lines()).toEqual([
      expect.objectContaining({
        msg: 'feedback',
        kind: 'button',
        command: 'feedback',
        outcome: 'feedback',
        user: hash(USER),
        feedback: { helpful: false, source: 'entry', id: 'meeting-length', question: 'how long did they meet?', message: '600000000000000006' },
      }),
    ]);
    expect(log.text()).not.toContain(USER);
  });

  it('logs the suggestions offered with an unanswered question', async () => {
    const { router, log } = testRouter();
    await router.handle({ kind: 'command', name: 'ask', options: { question: 'what about the weather?' }, userId: USER, guildId: GUILD }, recordingResponder());
    expect(log.lines()[0]).toMatchObject({ outcome: 'unanswered', offered: [{ customId: 'ask:meeting-length', label: 'How long did the meeting last?' }] });
  });

  it('posts an ephemeral check for everyone when its Post button is pressed', async () => {
    const { router } = testRouter();
    const checked = recordingResponder();
    await router.handle(checkOn('they met for a long time'), checked);
    const ephemeralCheck = sent(checked.calls[0]);
    const postId = ephemeralCheck.components!.flatMap((r) => r.components).find((b) => b.label === 'Post for everyone')!.custom_id;

    const responder = recordingResponder();
    const message = { id: '700000000000000007', embeds: ephemeralCheck.embeds! };
    await router.handle({ kind: 'button', customId: postId, ephemeral: true, message, userId: USER, guildId: GUILD }, responder);
    const posted = sent(responder.calls[0]);
    expect(responder.calls[0]!.method).toBe('reply');
    expect(posted.flags).toBeUndefined();
    expect(posted.embeds).toEqual(ephemeralCheck.embeds);
    expect(replyIssues(posted)).toEqual([]);
  });

  it('answers in a DM (no guild): logged with guild null, cooled down per member', async () => {
    const { router, log } = testRouter({ cooldown: new Cooldown(1, 60_000) });
    const dm = (): Incoming => ({ kind: 'command', name: 'ask', options: { question: 'how long did they meet?' }, userId: USER, guildId: null });
    const first = recordingResponder();
    await router.handle(dm(), first);
    const second = recordingResponder();
    await router.handle(dm(), second);
    expect(sent(first.calls[0]).embeds?.[0]?.title).toBe('how long did they meet?');
    expect(sent(second.calls[0]).content).toMatch(/^Slow down/);
    expect(log.lines().map((l) => [l['guild'], l['outcome']])).toEqual([
      [null, 'answered'],
      [null, 'cooldown'],
    ]);
  });

  it('reads the engine once per interaction: a reload during one in flight does not change its answer', async () => {
    let shared: Shared = { engine: fakeEngine({ ask: (q) => answered(q, { answer: 'old knowledge' }) }), source: SOURCE };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: CommandModule<CommandContext> = {
      data: { name: 'slow', description: 'test' },
      async execute(ctx) {
        await gate;
        return { outcome: 'answered', reply: { content: ctx.engine.ask('q').answer ?? '' } };
      },
    };
    const { router } = testRouter({ commands: [slow], context: contextFor(() => shared) });
    const inFlight = recordingResponder();
    const handled = router.handle({ kind: 'command', name: 'slow', options: {}, userId: USER, guildId: GUILD }, inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    shared = { engine: fakeEngine({ ask: (q) => answered(q, { answer: 'new knowledge' }) }), source: SOURCE };
    release();
    await handled;
    expect(sent(inFlight.calls[0]).content).toBe('old knowledge');

    const next = recordingResponder();
    await router.handle({ kind: 'command', name: 'slow', options: {}, userId: USER, guildId: GUILD }, next);
    expect(sent(next.calls[0]).content).toBe('new knowledge');
  });
});
