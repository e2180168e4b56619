// Every interaction goes through here, whatever the transport: cooldown, the 3-second deadline
// (defer, then edit), errors turned into an ephemeral apology, and one log line. Three steps per
// interaction: dispatch (what to run, or which notice to give), deadline (run it, deferring when
// it is slow) and delivery (send the result the way the interaction allows).
import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { InFlight } from '../lifecycle/in-flight.ts';
import { decodeCustomId } from '../replies/custom-id.ts';
import { apology, invalidOptions, restarting, slowDown, staleButton, unknownCommand } from '../replies/notices.ts';
import { ephemeral, isEphemeral, safeChoices, safeReply } from '../replies/safe-reply.ts';
import type { Reply, ReplyChoice } from '../replies/types.ts';
import { LIMITS } from '../replies/limits.ts';
import { clipInput } from '../text/input.ts';
import { autocompleteOption, clipOptionText, parseArguments } from './arguments.ts';
import {
  buttonRun,
  buttonTable,
  HIDE_OPTION,
  type CommandModule,
  type FeedbackEvent,
  type Handled,
  type HandlerResult,
  type MessageCommandModule,
} from './command.ts';
import type { Cooldown } from './cooldown.ts';
import type { Facts, Incoming, Responder } from './incoming.ts';
import { memberHasher, type MemberHasher } from './member-hash.ts';

export interface RouterOptions<Ctx> {
  commands: readonly CommandModule<Ctx>[];
  /** Message context-menu commands (type 3), answered like slash commands. */
  messageCommands?: readonly MessageCommandModule<Ctx>[];
  /**
   * The context handlers get for one interaction (commands/context.ts: the engine in service, the
   * source, who asked, the message a button is on). Called once per interaction, when it arrives.
   */
  context: (facts: Facts) => Ctx;
  /** How members appear in the log lines (never as their id). Default: keyed by a random per-process secret. */
  hashMember?: MemberHasher;
  logger: Logger;
  /** null: no cooldown (the local console). */
  cooldown: Cooldown | null;
  /**
   * Defer when a handler has not answered within this many ms. Discord allows 3000 from the
   * event, and the event and the callback both spend some of that on the network.
   */
  deadlineMs?: number;
  now?: () => number;
  /** Counts the interactions being answered, for a drained shutdown (src/lifecycle/shutdown.ts). */
  inFlight?: InFlight;
  /** Told of every interaction once it is handled (metrics). Must not throw. */
  onHandled?: (event: HandledEvent) => void;
}

/** What a handled interaction reports outside the router: no user, guild or typed text in it. */
export interface HandledEvent {
  kind: Incoming['kind'];
  /** The command or button kind; undefined when the router did not recognise it. */
  command: string | undefined;
  outcome: Outcome;
  deferred: boolean;
  latencyMs: number;
}

export interface Router {
  /** Answers one interaction. Never throws: failures are answered, or logged when even that fails. */
  handle(incoming: Incoming, responder: Responder): Promise<void>;
  /** Close it to turn new interactions away with a "restarting" notice while those in flight finish. */
  readonly inFlight: InFlight;
}

export type Outcome = HandlerResult['outcome'] | 'invalid' | 'cooldown' | 'unknown-command' | 'draining' | 'error' | 'failed';

interface LogLine {
  kind: Incoming['kind'];
  command?: string;
  customId?: string;
  /** A keyed hash of the member's id (src/interactions/member-hash.ts). */
  user: string;
  /** null in DMs and private channels. */
  guild: string | null;
  latencyMs?: number;
  answered: boolean;
  outcome?: Outcome;
  deferred?: boolean;
  /** The text of an unanswered question, for the curators. */
  question?: string;
  /** Why it went unanswered, when the command says: "near" (the article comes near), "not covered". */
  reason?: string;
  /** The buttons offered with an unanswered question: what to try instead (npm run report counts presses). */
  offered?: Array<{ customId: string; label: string }>;
  feedback?: FeedbackEvent;
  err?: unknown;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** What dispatch decided: a handler to run, or a notice to give at once. */
type Plan = { kind: 'run'; run: () => Handled; button: boolean; ephemeral: boolean } | { kind: 'notice'; outcome: Outcome; reply: Reply };

export const DEFAULT_DEADLINE_MS = 2000;

/** Discord's limit on a command name. */
const COMMAND_NAME_MAX = 32;

export function createRouter<Ctx>(options: RouterOptions<Ctx>): Router {
  const { commands, context, logger, cooldown } = options;
  const messageCommands = options.messageCommands ?? [];
  const hashMember = options.hashMember ?? memberHasher();
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const now = options.now ?? (() => performance.now());
  const inFlight = options.inFlight ?? new InFlight();
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const messageByName = new Map(messageCommands.map((c) => [c.data.name, c]));
  const buttons = buttonTable([...commands, ...messageCommands]);

  function dispatch(incoming: Exclude<Incoming, { kind: 'autocomplete' }>, log: LogLine): Plan {
    const wait = cooldown?.take(incoming.userId) ?? 0;
    if (wait > 0) return { kind: 'notice', outcome: 'cooldown', reply: slowDown(wait) };
    const ctx = context(incoming);
    if (incoming.kind === 'command') {
      const command = byName.get(incoming.name);
      if (!command) return { kind: 'notice', outcome: 'unknown-command', reply: unknownCommand(clipInput(incoming.name, COMMAND_NAME_MAX + 1)) };
      const args = parseArguments(command.data, incoming.options);
      if (!args) return { kind: 'notice', outcome: 'invalid', reply: invalidOptions() };
      return { kind: 'run', run: () => command.execute(ctx, args), button: false, ephemeral: incoming.options[HIDE_OPTION.name] === true };
    }
    if (incoming.kind === 'message-command') {
      const command = messageByName.get(incoming.name);
      if (!command) return { kind: 'notice', outcome: 'unknown-command', reply: unknownCommand(clipInput(incoming.name, COMMAND_NAME_MAX + 1)) };
      // The command decides who sees its reply (the reply's own flags).
      return { kind: 'run', run: () => command.execute(ctx, incoming.target), button: false, ephemeral: false };
    }
    const action = decodeCustomId(incoming.customId);
    const run = action && buttonRun(buttons, ctx, action);
    if (!action || !run) return { kind: 'notice', outcome: 'stale', reply: staleButton() };
    log.command = action.kind;
    // Whoever saw the button sees its answer.
    return { kind: 'run', run, button: true, ephemeral: incoming.ephemeral };
  }

  /**
   * Runs the handler; if it is still working at the deadline, calls `onLate` (a defer) and keeps
   * waiting. Only asynchronous work can be overtaken by the timer: the engine is synchronous and
   * fast (npm run bench: p50 about 0.2 ms, p99 about 1–3 ms; pasted nonsense is bounded to tens of
   * ms by the spelling budget), so today every command answers before the deadline.
   */
  async function withDeadline(run: () => Handled, onLate: () => Promise<void>): Promise<{ settled: Settled<HandlerResult>; deferred: boolean }> {
    let handled: Handled;
    try {
      handled = run();
    } catch (error) {
      return { settled: { ok: false, error }, deferred: false };
    }
    // A synchronous handler (every command today) has answered already: no timer can overtake it,
    // so none is set (a timer and three promises per interaction, in a burst of hundreds).
    if (!isThenable(handled)) return { settled: { ok: true, value: handled }, deferred: false };
    const work: Promise<Settled<HandlerResult>> = Promise.resolve(handled).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), deadlineMs);
    });
    try {
      const first = await Promise.race([work, late]);
      if (first !== 'late') return { settled: first, deferred: false };
      await onLate();
      return { settled: await work, deferred: true };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends the result: as the first answer, or after a defer, or as an apology when it is refused. */
  async function deliver(responder: Responder, result: HandlerResult, plan: Extract<Plan, { kind: 'run' }>, deferred: boolean, log: LogLine): Promise<void> {
    // An ephemeral result never edits the (possibly public) message its button sat on.
    const update = plan.button && result.outcome === 'answered' && result.update === true && !isEphemeral(result.reply);
    // "Post for everyone" on an ephemeral answer is the one button whose answer everyone sees.
    const posted = plan.button && result.outcome === 'answered' && result.public === true;
    try {
      const reply = safeReply(plan.ephemeral && !update && !posted ? ephemeral(result.reply) : result.reply);
      if (!deferred) return await (update ? responder.update(withoutFlags(reply)) : responder.reply(reply));
      if (plan.button) return await (update ? responder.editReply(withoutFlags(reply)) : responder.followUp(reply));
      if (isEphemeral(reply) && !plan.ephemeral) {
        // The deferred "thinking…" is public but this answer must not be: swap it for an ephemeral follow-up.
        await responder.deleteReply();
        return await responder.followUp(reply);
      }
      return await responder.editReply(withoutFlags(reply));
    } catch (error) {
      // The reply was refused (or could not be built): the interaction may still be open, so the
      // user gets the apology rather than nothing, unless Discord says it is gone.
      if (isGone(error)) throw error;
      log.outcome = 'failed';
      log.err = error;
      const sorry = safeReply(apology());
      await (deferred ? responder.followUp(sorry) : responder.reply(sorry)).catch(() => undefined);
    }
  }

  async function answer(incoming: Exclude<Incoming, { kind: 'autocomplete' }>, responder: Responder, log: LogLine): Promise<void> {
    const plan = dispatch(incoming, log);
    if (plan.kind === 'notice') {
      log.outcome = plan.outcome;
      return responder.reply(safeReply(plan.reply));
    }
    const { settled, deferred } = await withDeadline(plan.run, () => responder.defer(plan.button ? { update: true } : { ephemeral: plan.ephemeral }));
    log.deferred = deferred;
    let result: HandlerResult;
    if (settled.ok) {
      result = settled.value;
      log.outcome = result.outcome;
      log.answered = result.outcome === 'answered';
      if (result.outcome === 'unanswered') {
        log.question = result.question;
        if (result.reason !== undefined) log.reason = result.reason;
        const offered = (result.reply.components ?? []).flatMap((row) => row.components).map((b) => ({ customId: b.custom_id, label: b.label ?? '' }));
        if (offered.length > 0) log.offered = offered;
      }
      if (result.outcome === 'feedback') log.feedback = result.feedback;
    } else {
      log.outcome = 'error';
      log.err = settled.error;
      result = { outcome: 'unanswered', reply: apology(), question: '' };
    }
    await deliver(responder, result, plan, deferred, log);
  }

  async function complete(incoming: Extract<Incoming, { kind: 'autocomplete' }>, responder: Responder, log: LogLine): Promise<void> {
    const command = byName.get(incoming.name);
    const option = command && autocompleteOption(command.data, incoming.focused.name);
    let choices: ReplyChoice[] = [];
    if (!command) log.outcome = 'unknown-command';
    else if (!option || !command.autocomplete) log.outcome = 'invalid';
    else {
      try {
        // Cut to the option's max_length before anything reads it: Discord's limit can be bypassed.
        const focused = { name: option.name, value: clipOptionText(option, incoming.focused.value) };
        const args = parseArguments(command.data, incoming.options, true) ?? {};
        choices = safeChoices(await command.autocomplete(context(incoming), focused, args));
        log.outcome = 'answered';
        log.answered = choices.length > 0;
      } catch (error) {
        log.outcome = 'error';
        log.err = error;
      }
    }
    await responder.respondChoices(choices);
  }

  async function turnAway(incoming: Incoming, responder: Responder, log: LogLine): Promise<void> {
    log.outcome = 'draining';
    if (incoming.kind === 'autocomplete') await responder.respondChoices([]);
    else await responder.reply(safeReply(restarting()));
  }

  return {
    inFlight,
    handle(incoming, responder) {
      return inFlight.track(async () => {
        const started = now();
        const log: LogLine = { kind: incoming.kind, user: hashMember(incoming.userId), guild: incoming.guildId, answered: false };
        // Cut before logging: a forged id or name can be any length.
        if (incoming.kind === 'button') log.customId = clipInput(incoming.customId, LIMITS.customId + 1);
        else log.command = clipInput(incoming.name, COMMAND_NAME_MAX + 1);
        try {
          if (!inFlight.accepting) await turnAway(incoming, responder, log);
          else if (incoming.kind === 'autocomplete') await complete(incoming, responder, log);
          else await answer(incoming, responder, log);
        } catch (error) {
          // The transport could not deliver (the interaction expired, Discord is unreachable…).
          log.outcome = 'failed';
          log.err = error;
        } finally {
          log.latencyMs = Math.round(now() - started);
          logger[levelOf(log.outcome, incoming.kind)](log, MESSAGES.get(log.outcome ?? '') ?? 'interaction');
          const recognised = log.outcome !== 'unknown-command' && (incoming.kind !== 'button' || log.command !== undefined);
          options.onHandled?.({
            kind: incoming.kind,
            command: recognised ? log.command : undefined,
            outcome: log.outcome ?? 'failed',
            deferred: log.deferred === true,
            latencyMs: now() - started,
          });
        }
      });
    },
  };
}

const MESSAGES = new Map<string, string>([
  ['unanswered', 'unanswered question'],
  ['feedback', 'feedback'],
]);

/** Problems at error or warn; autocomplete, a line per keystroke, at debug (.env.example says so). */
function levelOf(outcome: Outcome | undefined, kind: Incoming['kind']): 'error' | 'warn' | 'info' | 'debug' {
  if (outcome === 'error' || outcome === 'failed') return 'error';
  if (outcome === 'unknown-command' || outcome === 'invalid') return 'warn';
  return kind === 'autocomplete' ? 'debug' : 'info';
}

/** Discord's "Unknown interaction" (expired) and "already acknowledged": nothing more can be sent. */
function isGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === RESTJSONErrorCodes.UnknownInteraction || code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}

function isThenable(value: Handled): value is Promise<HandlerResult> {
  return typeof (value as { then?: unknown }).then === 'function';
}

function withoutFlags(reply: Reply): Reply {
  const { flags: _flags, ...rest } = reply;
  return rest;
}
