// Helpful / Not helpful under every answer (/ask, its suggestion buttons, Check against the article).
// A press is thanked and logged as one event with what was answered and the question asked; the
// member appears in the log only as a keyed hash (the router's), and `npm run report` counts one
// press per member per answer, the last one.
import type { AskResult } from '#src/engine/types.ts';
import type { ActionOf, HandlerResult } from '#src/interactions/command.ts';
import { stale } from '#src/interactions/command.ts';
import type { Answered } from '#src/replies/buttons.ts';
import { unescapeText } from '#src/replies/escape.ts';
import { feedbackThanks, staleButton } from '#src/replies/notices.ts';
import type { CommandContext } from './context.ts';

/** What an engine answer was made from: its Q&A entry, or the passage it quotes first. */
export function answeredFrom(result: AskResult): Answered | null {
  if (result.entryId) return { source: 'entry', id: result.entryId };
  const first = result.citations[0];
  return first ? { source: 'passage', id: first.id } : null;
}

/** Whether the knowledge in service still has what a button names (it may have been reloaded since). */
export function stillKnown(ctx: CommandContext, answered: Answered): boolean {
  if (answered.source === 'entry') return ctx.entryIds ? ctx.entryIds.has(answered.id) : ctx.engine.askEntry(answered.id) !== null;
  return ctx.passageIds ? ctx.passageIds.has(answered.id) : /^p[1-9][0-9]{0,2}$/.test(answered.id);
}

/** The question an answer was for: its embed's title, as the member typed it (quotes of a checked claim taken off). */
function questionOf(ctx: CommandContext): string | undefined {
  const title = ctx.message?.embeds[0]?.title;
  return title === undefined ? undefined : unescapeText(title).replace(/^“([\s\S]*)”$/, '$1');
}

export function onFeedback(ctx: CommandContext, action: ActionOf<'feedback'>): HandlerResult {
  const { helpful, source, id } = action;
  if (!stillKnown(ctx, { source, id })) return stale(staleButton());
  const question = questionOf(ctx);
  return {
    outcome: 'feedback',
    reply: feedbackThanks(helpful),
    feedback: { helpful, source, id, ...(question !== undefined ? { question } : {}), ...(ctx.message ? { message: ctx.message.id } : {}) },
  };
}
