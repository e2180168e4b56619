// Every interaction goes through here, whatever the transport: cooldown, the 3-second deadline
// (defer, then edit), errors turned into an ephemeral apology, and one log line.
import type { Logger } from 'pino';
import type { Engine } from '../engine/types.ts';
import type { SourceInfo } from '../replies/cited-embed.ts';
import { decodeCustomId } from '../replies/custom-id.ts';
import { apology, slowDown, staleButton, unknownCommand } from '../replies/notices.ts';
import { ephemeral, isEphemeral, safeChoices, safeReply } from '../replies/safe-reply.ts';
import type { Reply, ReplyChoice } from '../replies/types.ts';
import { HIDE_OPTION, type CommandContext, type CommandModule, type Handled, type HandlerResult } from './command.ts';
import type { Cooldown } from './cooldown.ts';
import type { Incoming, Responder } from './incoming.ts';

export interface RouterOptions {
  commands: readonly CommandModule[];
  engine: Engine;
  source: SourceInfo;
  logger: Logger;
  /** null: no cooldown (the local console). */
  cooldown: Cooldown | null;
  /**
   * Defer when a handler has not answered within this many ms. Discord allows 3000 from the
   * event, and the event and the callback both spend some of that on the network.
   */
  deadlineMs?: number;
  now?: () => number;
}

export interface Router {
  /** Answers one interaction. Never throws: failures are answered, or logged when even that fails. */
  handle(incoming: Incoming, responder: Responder): Promise<void>;
}

export type Outcome = 'answered' | 'unanswered' | 'stale' | 'cooldown' | 'unknown-command' | 'error' | 'failed';

interface LogLine {
  kind: Incoming['kind'];
  command?: string;
  customId?: string;
  user: string;
  guild: string | null;
  latencyMs?: number;
  answered: boolean;
  outcome?: Outcome;
  deferred?: boolean;
  /** The text of an unanswered question, for the curators. */
  question?: string;
  err?: unknown;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export const DEFAULT_DEADLINE_MS = 2000;

export function createRouter(options: RouterOptions): Router {
  const { commands, engine, source, logger, cooldown } = options;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const now = options.now ?? (() => performance.now());
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const buttonHandlers = new Map<string, (ctx: CommandContext, action: never) => Handled>();
  for (const c of commands) {
    for (const [kind, handler] of Object.entries(c.buttons ?? {})) buttonHandlers.set(kind, handler as (ctx: CommandContext, action: never) => Handled);
  }

  /**
   * Runs the handler; if it is still working at the deadline, calls `onLate` (a defer) and keeps
   * waiting. Only asynchronous work can be overtaken by the timer: the engine is synchronous and
   * fast (npm run bench: p99 well under 1 ms), so today every command answers before the deadline.
   */
  async function withDeadline(run: () => Handled, onLate: () => Promise<void>): Promise<{ settled: Settled<HandlerResult>; deferred: boolean }> {
    // On a microtask, so a synchronous handler finishes before the timer can fire, and throws become rejections.
    const work: Promise<Settled<HandlerResult>> = Promise.resolve()
      .then(run)
      .then(
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

  async function answer(incoming: Exclude<Incoming, { kind: 'autocomplete' }>, responder: Responder, log: LogLine): Promise<void> {
    const wait = cooldown?.take(incoming.userId) ?? 0;
    if (wait > 0) {
      log.outcome = 'cooldown';
      return responder.reply(safeReply(slowDown(wait)));
    }

    const ctx: CommandContext = { engine, source, userId: incoming.userId, guildId: incoming.guildId };
    let run: () => Handled;
    let wantsEphemeral: boolean;
    if (incoming.kind === 'command') {
      const command = byName.get(incoming.name);
      if (!command) {
        log.outcome = 'unknown-command';
        return responder.reply(safeReply(unknownCommand(incoming.name)));
      }
      run = () => command.execute(ctx, incoming.options);
      wantsEphemeral = incoming.options[HIDE_OPTION.name] === true;
    } else {
      const action = decodeCustomId(incoming.customId);
      const handler = action && buttonHandlers.get(action.kind);
      if (!action || !handler) {
        log.outcome = 'stale';
        return responder.reply(safeReply(staleButton()));
      }
      run = () => handler(ctx, action as never);
      log.command = action.kind;
      // Whoever saw the button sees its answer.
      wantsEphemeral = incoming.ephemeral;
    }

    const isButton = incoming.kind === 'button';
    const { settled, deferred } = await withDeadline(run, () => responder.defer(isButton ? { update: true } : { ephemeral: wantsEphemeral }));
    log.deferred = deferred;

    let result: HandlerResult;
    if (settled.ok) {
      result = settled.value;
      log.answered = result.answered;
      log.outcome = result.stale ? 'stale' : result.answered ? 'answered' : 'unanswered';
      if (result.unanswered !== undefined) log.question = result.unanswered;
    } else {
      log.outcome = 'error';
      log.err = settled.error;
      result = { reply: apology(), answered: false };
    }

    // An ephemeral result never edits the (possibly public) message its button sat on.
    const update = isButton && result.update === true && !isEphemeral(result.reply);
    try {
      const reply = safeReply(wantsEphemeral && !update ? ephemeral(result.reply) : result.reply);
      if (!deferred) return await (update ? responder.update(withoutFlags(reply)) : responder.reply(reply));
      if (isButton) return await (update ? responder.editReply(withoutFlags(reply)) : responder.followUp(reply));
      if (isEphemeral(reply) && !wantsEphemeral) {
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

  async function complete(incoming: Extract<Incoming, { kind: 'autocomplete' }>, responder: Responder, log: LogLine): Promise<void> {
    const command = byName.get(incoming.name);
    let choices: ReplyChoice[] = [];
    try {
      const ctx: CommandContext = { engine, source, userId: incoming.userId, guildId: incoming.guildId };
      choices = safeChoices((await command?.autocomplete?.(ctx, incoming.focused, incoming.options)) ?? []);
      log.outcome = command ? 'answered' : 'unknown-command';
      log.answered = choices.length > 0;
    } catch (error) {
      log.outcome = 'error';
      log.err = error;
    }
    await responder.respondChoices(choices);
  }

  return {
    async handle(incoming, responder) {
      const started = now();
      const log: LogLine = { kind: incoming.kind, user: incoming.userId, guild: incoming.guildId, answered: false };
      if (incoming.kind === 'button') log.customId = incoming.customId;
      else log.command = incoming.name;
      try {
        if (incoming.kind === 'autocomplete') await complete(incoming, responder, log);
        else await answer(incoming, responder, log);
      } catch (error) {
        // The transport could not deliver (the interaction expired, Discord is unreachable…).
        log.outcome = 'failed';
        log.err = error;
      } finally {
        log.latencyMs = Math.round(now() - started);
        const level = log.outcome === 'error' || log.outcome === 'failed' ? 'error' : log.outcome === 'unknown-command' ? 'warn' : 'info';
        logger[level](log, log.outcome === 'unanswered' ? 'unanswered question' : 'interaction');
      }
    },
  };
}

/** Discord's "Unknown interaction" (expired) and "already acknowledged": nothing more can be sent. */
function isGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 10062 || code === 40060;
}

function withoutFlags(reply: Reply): Reply {
  const { flags: _flags, ...rest } = reply;
  return rest;
}
