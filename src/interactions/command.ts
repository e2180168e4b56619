// The contract between the router and the command modules in commands/. Handlers are
// transport-neutral: plain values in, plain reply data out. The router is generic over the
// context handlers get (commands/context.ts defines the bot's: the engine and the source), so
// this layer knows nothing of the engine.
import { ApplicationCommandOptionType, type ApplicationCommandType, type APIApplicationCommandBooleanOption } from 'discord-api-types/v10';
import type { ButtonAction } from '../replies/custom-id.ts';
import type { Reply, ReplyChoice } from '../replies/types.ts';
import type { ArgumentsOf, AutocompleteName, CommandDefinition } from './arguments.ts';
import type { TargetMessage } from './incoming.ts';

export type { ArgumentsOf, CommandDefinition, CommandOptions, OptionValue } from './arguments.ts';

/** The `hide` option a command offers; the router makes the reply ephemeral when it is true. */
export const HIDE_OPTION = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'hide',
  description: 'Only you see the answer',
  required: false,
} as const satisfies APIApplicationCommandBooleanOption;

/** A Helpful / Not helpful press, as logged for the curators' report (src/report/log-events.ts). */
export interface FeedbackEvent {
  helpful: boolean;
  source: 'entry' | 'passage';
  id: string;
  /** The question of the answer pressed on (its embed title), when the transport passed the message. */
  question?: string;
  message?: string;
}

/** What a handler made of an interaction: one outcome, each with what the router needs for it. */
export type HandlerResult =
  /**
   * The article answered. `update`: for a button, edit the message it is on instead of sending a
   * new one. `public`: post for everyone even though the button sat on an ephemeral message.
   */
  | { outcome: 'answered'; reply: Reply; update?: boolean; public?: boolean }
  /** A Helpful / Not helpful press: thanked, and logged as one event. */
  | { outcome: 'feedback'; reply: Reply; feedback: FeedbackEvent }
  /** A refusal or "the article doesn't say"; `question` is what the person asked, logged for the curators. */
  | { outcome: 'unanswered'; reply: Reply; question: string; reason?: string }
  /** A button whose ids no longer match the knowledge base. */
  | { outcome: 'stale'; reply: Reply };

export type Handled = HandlerResult | Promise<HandlerResult>;

export type ActionOf<K extends ButtonAction['kind']> = Extract<ButtonAction, { kind: K }>;

export type ButtonHandlers<Ctx> = {
  [K in ButtonAction['kind']]?: (ctx: Ctx, action: ActionOf<K>) => Handled;
};

/**
 * One slash command. Declare it as `{ data, execute, … } satisfies CommandModule<Ctx, typeof data>`
 * with `data` declared `as const`: the handlers' arguments are then typed from the definition.
 */
export interface CommandModule<Ctx, D extends CommandDefinition = CommandDefinition> {
  data: D;
  execute(ctx: Ctx, args: ArgumentsOf<D>): Handled;
  /** `focused.value` is already cut to the option's max_length; `args` holds the other options filled so far. */
  autocomplete?(ctx: Ctx, focused: { name: AutocompleteName<D>; value: string }, args: Partial<ArgumentsOf<D>>): ReplyChoice[] | Promise<ReplyChoice[]>;
  /** The button kinds this command answers (see src/replies/custom-id.ts). */
  buttons?: ButtonHandlers<Ctx>;
}

/** A definition for a message context-menu command (type 3): a name shown in the Apps menu, no options. */
export interface MessageCommandDefinition {
  readonly type: ApplicationCommandType.Message;
  readonly name: string;
}

/** A message context-menu command: run on the text of the message it was used on. */
export interface MessageCommandModule<Ctx> {
  data: MessageCommandDefinition;
  execute(ctx: Ctx, target: TargetMessage): Handled;
  buttons?: ButtonHandlers<Ctx>;
}

/** Every command's button handlers in one table (each kind belongs to one command). */
export function buttonTable<Ctx>(commands: readonly { buttons?: ButtonHandlers<Ctx> }[]): ButtonHandlers<Ctx> {
  const table: ButtonHandlers<Ctx> = {};
  for (const c of commands) Object.assign(table, c.buttons);
  return table;
}

/** The handler for a button's action, bound to it; undefined when no command answers that kind. */
export function buttonRun<Ctx, K extends ButtonAction['kind']>(
  table: ButtonHandlers<Ctx>,
  ctx: Ctx,
  action: ActionOf<K> & { kind: K },
): (() => Handled) | undefined {
  const handler = table[action.kind];
  return handler && (() => handler(ctx, action));
}

export const answered = (reply: Reply, update?: boolean): HandlerResult => (update ? { outcome: 'answered', reply, update } : { outcome: 'answered', reply });
/** Why the article did not answer: it comes near (a passage is cited with a note), or it does not cover it. */
export const REFUSED_NEAR = 'near';
export const REFUSED_NOT_COVERED = 'not covered';

/** `reason`, when given, is logged and `npm run report` counts refusals by it ("near", "not covered"). */
export const unanswered = (reply: Reply, question: string, reason?: string): HandlerResult =>
  reason === undefined ? { outcome: 'unanswered', reply, question } : { outcome: 'unanswered', reply, question, reason };
export const stale = (reply: Reply): HandlerResult => ({ outcome: 'stale', reply });
