// The contract between the router and the command modules in commands/. Handlers are
// transport-neutral: plain values in, plain reply data out.
import { ApplicationCommandOptionType, type APIApplicationCommandBooleanOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { EngineInputError, type Engine } from '../engine/types.ts';
import type { SourceInfo } from '../replies/cited-embed.ts';
import type { ButtonAction } from '../replies/custom-id.ts';
import { ephemeral } from '../replies/safe-reply.ts';
import type { Reply, ReplyChoice } from '../replies/types.ts';

export interface CommandContext {
  engine: Engine;
  source: SourceInfo;
  userId: string;
  guildId: string | null;
}

/** The `hide` option a command offers; the router makes the reply ephemeral when it is true. */
export const HIDE_OPTION: APIApplicationCommandBooleanOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'hide',
  description: 'Only you see the answer',
  required: false,
};

export type OptionValue = string | number | boolean;
export type CommandOptions = Readonly<Record<string, OptionValue | undefined>>;

export interface HandlerResult {
  reply: Reply;
  /** For a button: edit the message the button is on instead of sending a new one. */
  update?: boolean;
  /** Whether the article answered (false for refusals and "the article doesn't say"). */
  answered: boolean;
  /** What the person asked, when it went unanswered: logged for the curators. */
  unanswered?: string;
  /** A button whose ids no longer match the knowledge base. */
  stale?: boolean;
}

export type Handled = HandlerResult | Promise<HandlerResult>;

export type ButtonHandlers = {
  [K in ButtonAction['kind']]?: (ctx: CommandContext, action: Extract<ButtonAction, { kind: K }>) => Handled;
};

export interface CommandModule {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(ctx: CommandContext, options: CommandOptions): Handled;
  autocomplete?(ctx: CommandContext, focused: { name: string; value: string }, options: CommandOptions): ReplyChoice[] | Promise<ReplyChoice[]>;
  /** The button kinds this command answers (see src/replies/custom-id.ts). */
  buttons?: ButtonHandlers;
}

export function stringOption(options: CommandOptions, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
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
    if (error instanceof EngineInputError) return { reply: ephemeral({ content: error.message }), answered: false, unanswered: typed };
    throw error;
  }
  return toReply(result);
}
