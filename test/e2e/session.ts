// One bot process against one fake Discord for a whole test file (each spawn costs 1-2 s), with
// every body the bot sent checked after each test and a clean exit 0 on SIGTERM at the end.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/index.ts';
import { createAuditor } from './checks.ts';
import { startBot, type Spawned } from './harness.ts';

export interface BotSession {
  fake: FakeDiscord;
  bot: Spawned;
  audit: () => string[];
}

export function botSession(
  options: { heartbeatIntervalMs?: number; quietStderr?: boolean; interactionTimeoutMs?: number; env?: Record<string, string> } = {},
): BotSession {
  const session = {} as BotSession;
  beforeAll(async () => {
    session.fake = await startFakeDiscord({
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 5000,
      interactionTimeoutMs: options.interactionTimeoutMs ?? null,
    });
    session.audit = createAuditor(session.fake);
    session.bot = await startBot(session.fake, options.env);
  });
  afterEach(() => {
    session.fake.faults.reset();
    expect(session.audit()).toEqual([]);
  });
  afterAll(async () => {
    const exit = await session.bot?.stop();
    await session.fake?.close();
    expect(exit).toEqual({ code: 0, signal: null });
    if (options.quietStderr ?? true) expect(session.bot.stderr()).toBe('');
  });
  return session;
}
