// Interactions that used to kill or stall the whole bot (issue 11), through the real bot process
// and discord.js client: each one is answered (or safely ignored) and the bot keeps serving
// everyone else.
import { beforeAll, describe, expect, it } from 'vitest';
import { withoutNewerFields, type FakeDiscord } from '../fake-discord/index.ts';
import { APOLOGY, allText, answerOf, freshUser } from './checks.ts';
import type { Spawned } from './harness.ts';
import { botSession } from './session.ts';

// Discord's 3 seconds, enforced by the fake: a reply that comes later is refused as it would be.
const session = botSession({ interactionTimeoutMs: 3000 });
let fake: FakeDiscord;
let bot: Spawned;
beforeAll(() => {
  ({ fake, bot } = session);
});

const ask = (question: string) => fake.build.chatInput({ name: 'ask', options: { question }, user: freshUser() });

/** A normal /ask right after: the bot is still up and answering. */
async function expectServing(): Promise<void> {
  const { callback, data } = await answerOf(fake, fake.dispatchInteraction(ask('how long did they meet?')), 15_000);
  expect(callback.type).toBe(4);
  expect(data.embeds?.[0]?.description).toMatch(/35/);
  expect(bot.hasExited()).toBe(false);
}

describe('interactions that used to kill the process', () => {
  it('an autocomplete with no focused option gets no choices, and the bot keeps serving', async () => {
    const id = fake.dispatchInteraction(fake.build.autocomplete({ name: 'ask', options: { question: 'how' }, focused: null, user: freshUser() }));
    const callback = await fake.waitForCallback(id, 15_000);
    expect(callback.type).toBe(8);
    expect(callback.data).toEqual({ choices: [] });
    await expectServing();
  });

  it('an interaction without the newer fields (authorizing_integration_owners, entitlements, context…) is answered', async () => {
    const payload = withoutNewerFields(ask('how long did they meet?'));
    expect(payload).not.toHaveProperty('authorizing_integration_owners');
    expect(payload).not.toHaveProperty('entitlements');
    const { callback, data } = await answerOf(fake, fake.dispatchInteraction(payload), 15_000);
    expect(callback.type).toBe(4);
    expect(data.embeds?.[0]?.description).toMatch(/35/);
    const autocomplete = withoutNewerFields(fake.build.autocomplete({ name: 'quote', options: { speaker: 'bli' }, user: freshUser() }));
    expect((await fake.waitForCallback(fake.dispatchInteraction(autocomplete), 15_000)).type).toBe(8);
    await expectServing();
  });
});

describe('an interaction that used to stall everyone', () => {
  it('a 100,000-character question, with other members’ interactions around it: every one is answered', async () => {
    const huge = `how long did they meet? ${'[a](b) **x** `y` '.repeat(7000)}`.slice(0, 100_000);
    expect(huge).toHaveLength(100_000);
    const before = Array.from({ length: 10 }, () => fake.dispatchInteraction(ask('how long did they meet?')));
    const hugeId = fake.dispatchInteraction(ask(huge));
    const after = Array.from({ length: 10 }, () => fake.dispatchInteraction(ask('where did they meet?')));
    const answers = await Promise.all([...before, hugeId, ...after].map((id) => answerOf(fake, id, 20_000)));
    for (const answer of answers) {
      // Answered directly (type 4): nobody's reply had to be deferred behind the long question.
      expect(answer.callback.type).toBe(4);
      expect(allText(answer.data)).not.toMatch(APOLOGY);
    }
    await expectServing();
  });
});
