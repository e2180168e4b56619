// A router over the real command modules and a fake engine, as most router and console tests need.
import { contextFor, type CommandContext } from '../../commands/context.ts';
import { commands, messageCommands } from '../../commands/index.ts';
import { createRouter, type RouterOptions } from '../../src/interactions/router.ts';
import { fakeEngine, SOURCE } from './fake-engine.ts';
import { memoryLogger } from './recording.ts';

/** The router, and the log it writes to; `overrides` replace any option (no cooldown by default). */
export function testRouter(overrides: Partial<RouterOptions<CommandContext>> = {}) {
  const log = memoryLogger();
  const router = createRouter({
    commands,
    messageCommands,
    context: contextFor({ engine: fakeEngine(), source: SOURCE }),
    logger: log.logger,
    cooldown: null,
    ...overrides,
  });
  return { router, log };
}
