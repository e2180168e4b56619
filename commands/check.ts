// "Check against the article" — a message command (right-click a message → Apps). It sets what the
// article says beside a claim made in chat: the passages that speak to it, quoted and cited like
// /ask, or that the article doesn't cover it. It never rules a claim true or false itself, so it
// shows the article's words only — not the curated short answer, which may read as a verdict.
// Ephemeral, with a button to post it for everyone.
import { ApplicationCommandType, ButtonStyle, type APIEmbed } from 'discord-api-types/v10';
import type { AskResult, Suggestion } from '#src/engine/types.ts';
import {
  answered,
  REFUSED_NEAR,
  REFUSED_NOT_COVERED,
  stale,
  unanswered,
  type ActionOf,
  type HandlerResult,
  type MessageCommandDefinition,
} from '#src/interactions/command.ts';
import type { TargetMessage } from '#src/interactions/incoming.ts';
import { answerRows, button, type Answered } from '#src/replies/buttons.ts';
import { citedEmbed, EMBED_COLOR, sourceLine } from '#src/replies/cited-embed.ts';
import { escapeAndFit, escapeText } from '#src/replies/escape.ts';
import { LIMITS } from '#src/replies/limits.ts';
import { staleButton } from '#src/replies/notices.ts';
import { ephemeral } from '#src/replies/safe-reply.ts';
import type { ButtonRow } from '#src/replies/types.ts';
import { clipInput, withoutMentions } from '#src/text/input.ts';
import { fromEngine, type BotMessageCommand, type CommandContext } from './context.ts';
import { answeredFrom, stillKnown } from './feedback.ts';

export const CHECK_COMMAND_NAME = 'Check against the article';

/** A claim is checked like a question; longer than an /ask question is more than one claim. */
export const CLAIM_MAX_LENGTH = 300;

const data = { type: ApplicationCommandType.Message, name: CHECK_COMMAND_NAME } as const satisfies MessageCommandDefinition;

const HEADER = 'Checked against the article';

/** The claim as the reply's title, in quotation marks: someone's words, not the bot's. */
function claimTitle(claim: string): string {
  return `“${escapeAndFit(claim, LIMITS.embedTitle - 2)}”`;
}

/** Helpful / Not helpful (for an answer) and Post for everyone, then any suggestions. */
function rows(answeredId: Answered | null, suggestions: readonly Suggestion[] = []): ButtonRow[] {
  const post = button({ kind: 'post', ...(answeredId ? { answered: answeredId } : {}) }, 'Post for everyone', { style: ButtonStyle.Primary });
  return answerRows(answeredId, suggestions, post ? [post] : []);
}

export function checkReply(ctx: CommandContext, result: AskResult, claim: string): HandlerResult {
  if (result.citations.length > 0) {
    // A refusal with a passage: the article comes near without settling it; the engine's note says what it doesn't say.
    const intro = result.answered
      ? 'What the article says on this, in its own words — read it beside the claim:'
      : `${result.note ? `${escapeAndFit(result.note, 1000)}\n\n` : 'The article touches on this but does not settle it. '}The nearest passage, in its own words:`;
    const embed: APIEmbed = {
      ...citedEmbed({ title: '', description: intro, citations: result.citations, source: ctx.source }),
      author: { name: HEADER },
      title: claimTitle(claim),
    };
    // Helpful / Not helpful go with answers, as on /ask; a near miss is for the report's unanswered list.
    const reply = ephemeral({ embeds: [embed], components: rows(result.answered ? answeredFrom(result) : null) });
    // A passage that only touches on the claim is still a refusal, for the curators' report.
    return result.answered ? answered(reply) : unanswered(reply, claim, REFUSED_NEAR);
  }
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    author: { name: HEADER },
    title: claimTitle(claim),
    description: `The article doesn’t cover this: nothing in the ${escapeText(ctx.source.outlet)} report speaks to it, so it can neither back nor contradict it.`,
    footer: { text: sourceLine(ctx.source) },
  };
  return unanswered(ephemeral({ embeds: [embed], components: rows(null, result.suggestions) }), claim, REFUSED_NOT_COVERED);
}

/** What to say when the message gives nothing to check, or too much. */
function unusable(target: TargetMessage, text: string): string | null {
  if (text === '') {
    if (target.embeds > 0 || target.attachments > 0) {
      return 'That message has no text of its own to check — only embeds or attachments. Use it on a message with a claim in words, or ask with /ask.';
    }
    return 'That message has no text to check.';
  }
  if (text.length > CLAIM_MAX_LENGTH) {
    return `That message is too long to check as one claim (over ${CLAIM_MAX_LENGTH} characters). Put the sentence you want checked into /ask question:…`;
  }
  return null;
}

/** Reposts the ephemeral check it sits on (carried by the interaction) for everyone to see. */
function post(ctx: CommandContext, action: ActionOf<'post'>): HandlerResult {
  const embeds = (ctx.message?.embeds ?? []).slice(0, 1).map(repostable);
  if (embeds.length === 0 || embeds[0]?.author?.name !== HEADER) return stale(staleButton());
  if (action.answered && !stillKnown(ctx, action.answered)) return stale(staleButton());
  const components: ButtonRow[] = answerRows(action.answered ?? null, []);
  return { outcome: 'answered', reply: { embeds, components }, public: true };
}

/** Only the parts of an embed this command writes (Discord adds others, such as `type`). */
function repostable(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = {};
  if (embed.color !== undefined) out.color = embed.color;
  if (embed.author?.name) out.author = { name: embed.author.name };
  if (embed.title) out.title = embed.title;
  if (embed.description) out.description = embed.description;
  if (embed.fields?.length) out.fields = embed.fields.map((f) => ({ name: f.name, value: f.value }));
  if (embed.footer?.text) out.footer = { text: embed.footer.text };
  return out;
}

const check = {
  data,
  execute(ctx, target) {
    // Cut before anything else reads it: a message may be 4000 characters.
    const text = withoutMentions(clipInput(target.content, CLAIM_MAX_LENGTH * 4)).trim();
    const problem = unusable(target, text);
    if (problem) return unanswered(ephemeral({ content: problem }), clipInput(text, CLAIM_MAX_LENGTH));
    return fromEngine(
      text,
      () => ctx.engine.ask(text),
      (result) => checkReply(ctx, result, text),
    );
  },
  buttons: { post },
} satisfies BotMessageCommand;
export default check;
