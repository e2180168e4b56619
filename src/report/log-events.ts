// Reads the bot's own JSON log lines (pino, one object per line) into the events the curators'
// report counts. Anything else — pretty-printed logs, stack traces, other programs' output — is
// skipped and counted, never fatal.
import * as z from 'zod';

/** A button the bot offered with an unanswered reply (a suggestion to try instead). */
export interface Offered {
  customId: string;
  label: string;
}

export interface FeedbackFields {
  helpful: boolean;
  /** What was answered: a Q&A entry id, or a passage id for answers from a passage alone. */
  source: 'entry' | 'passage';
  id: string;
  /** The question the answer was for, when the transport passed the answer's message along. */
  question?: string;
  /** The answer's message id: one member's presses on one answer count once. */
  message?: string;
}

export interface InteractionEvent {
  type: 'interaction';
  /** When the interaction arrived (the line's time less its latency): lines are written as replies finish. */
  time: number;
  kind: string;
  command?: string;
  customId?: string;
  /** A keyed hash of the member (never the id itself). */
  user?: string;
  outcome: string;
  answered: boolean;
  question?: string;
  /** Why an unanswered question was refused, when the log says. */
  reason?: string;
  offered?: Offered[];
  feedback?: FeedbackFields;
}

export interface ReloadEvent {
  type: 'reload';
  time: number;
  ok: boolean;
}

export type LogEvent = InteractionEvent | ReloadEvent;

const PinoLine = z.object({ level: z.number(), time: z.number(), msg: z.string().optional() });

const Interaction = z.object({
  kind: z.string(),
  outcome: z.string(),
  answered: z.boolean().default(false),
  command: z.string().optional(),
  customId: z.string().optional(),
  user: z.string().optional(),
  question: z.string().optional(),
  reason: z.string().optional(),
  latencyMs: z.number().nonnegative().optional(),
  offered: z.array(z.object({ customId: z.string(), label: z.string() })).optional(),
  feedback: z
    .object({
      helpful: z.boolean(),
      source: z.enum(['entry', 'passage']),
      id: z.string(),
      question: z.string().optional(),
      message: z.string().optional(),
    })
    .optional(),
});

/** The messages src/live/reload.ts logs. */
export const RELOAD_OK = 'knowledge reloaded';
export const RELOAD_REFUSED = 'knowledge reload refused';

export type ParsedLine = { bot: false } | { bot: true; event: LogEvent | null };

/**
 * One line: not the bot's JSON (`bot: false`), the bot's but nothing the report counts
 * (`event: null`, e.g. "connected to Discord"), or an event.
 */
export function parseLogLine(line: string): ParsedLine {
  const text = line.trim();
  if (!text.startsWith('{')) return { bot: false };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { bot: false };
  }
  const pino = PinoLine.safeParse(json);
  if (!pino.success) return { bot: false };
  const { time, msg } = pino.data;
  if (msg === RELOAD_OK || msg === RELOAD_REFUSED) return { bot: true, event: { type: 'reload', time, ok: msg === RELOAD_OK } };
  const interaction = Interaction.safeParse(json);
  if (!interaction.success) return { bot: true, event: null };
  const d = interaction.data;
  const event: InteractionEvent = { type: 'interaction', time: time - (d.latencyMs ?? 0), kind: d.kind, outcome: d.outcome, answered: d.answered };
  for (const key of ['command', 'customId', 'user', 'question', 'reason', 'offered', 'feedback'] as const) {
    if (d[key] !== undefined) (event as unknown as Record<string, unknown>)[key] = d[key];
  }
  return { bot: true, event };
}
