// What every command handler gets: the engine, the article it answers from, and who asked. The
// router is generic over this; the commands and their entry points (src/main.ts) share it here.
import { EngineInputError, type Engine } from '#src/engine/types.ts';
import { unanswered, type CommandModule, type CommandDefinition, type HandlerResult } from '#src/interactions/command.ts';
import type { SourceInfo } from '#src/replies/cited-embed.ts';
import { ephemeral } from '#src/replies/safe-reply.ts';

export interface CommandContext {
  engine: Engine;
  source: SourceInfo;
  userId: string;
  guildId: string | null;
}

/** A command of this bot; `D` is its definition (`typeof data`). */
export type BotCommand<D extends CommandDefinition = CommandDefinition> = CommandModule<CommandContext, D>;

/** The context for one interaction, given the bot's engine and source. */
export function contextFor(shared: Pick<CommandContext, 'engine' | 'source'>): (who: { userId: string; guildId: string | null }) => CommandContext {
  return (who) => ({ engine: shared.engine, source: shared.source, userId: who.userId, guildId: who.guildId });
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
