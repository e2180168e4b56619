// What every command handler gets: the engine, the article it answers from, and who asked. The
// router is generic over this; the commands and their entry points (src/main.ts) share it here.
import { EngineInputError, type Engine } from '#src/engine/types.ts';
import { unanswered, type CommandModule, type CommandDefinition, type HandlerResult, type MessageCommandModule } from '#src/interactions/command.ts';
import type { Facts, PressedMessage } from '#src/interactions/incoming.ts';
import type { SourceInfo } from '#src/replies/cited-embed.ts';
import { ephemeral } from '#src/replies/safe-reply.ts';

export interface CommandContext {
  engine: Engine;
  source: SourceInfo;
  /** The article's passage ids, for checking ids that come back in buttons (absent: only their form is checked). */
  passageIds?: ReadonlySet<string>;
  /** The curated entries' ids, likewise (absent: asked of the engine). */
  entryIds?: ReadonlySet<string>;
  userId: string;
  guildId: string | null;
  /** For a button: the message it is on, when the transport passed it along. */
  message?: PressedMessage;
}

/** A command of this bot; `D` is its definition (`typeof data`). */
export type BotCommand<D extends CommandDefinition = CommandDefinition> = CommandModule<CommandContext, D>;
export type BotMessageCommand = MessageCommandModule<CommandContext>;

/** What the bot answers from: one engine and its article (src/live/served.ts; swapped whole on a reload). */
export type Shared = Pick<CommandContext, 'engine' | 'source' | 'passageIds' | 'entryIds'>;

/**
 * The context for one interaction. `shared` is read once, when the interaction arrives, so an
 * interaction in flight during a knowledge reload finishes on the engine it started with.
 */
export function contextFor(shared: Shared | (() => Shared)): (facts: Facts) => CommandContext {
  const current = typeof shared === 'function' ? shared : () => shared;
  return (facts) => {
    const { engine, source, passageIds, entryIds } = current();
    return {
      engine,
      source,
      userId: facts.userId,
      guildId: facts.guildId,
      ...(passageIds ? { passageIds } : {}),
      ...(entryIds ? { entryIds } : {}),
      ...(facts.message ? { message: facts.message } : {}),
    };
  };
}

/**
 * Runs an engine call for what a person typed and turns its result into a reply; input the engine
 * cannot use (an empty question) gets the engine's message, ephemerally, and is logged as unanswered.
 */
export function fromEngine<T>(typed: string, call: () => T, toReply: (result: T) => HandlerResult): HandlerResult {
  let result: T;
  try {
    result = call();
  } catch (error) {
    if (error instanceof EngineInputError) return unanswered(ephemeral({ content: error.message }), typed);
    throw error;
  }
  return toReply(result);
}
