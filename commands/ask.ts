// /ask question:<text> [hide] — a short answer with the article's passages, cited by paragraph.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import type { AskResult } from '#src/engine/types.ts';
import type { CommandDefinition } from '#src/interactions/arguments.ts';
import { answered, HIDE_OPTION, stale, unanswered, REFUSED_NEAR, REFUSED_NOT_COVERED, type HandlerResult } from '#src/interactions/command.ts';
import { answerRows, suggestionRow } from '#src/replies/buttons.ts';
import { citedEmbed } from '#src/replies/cited-embed.ts';
import { escapeAndFit, escapeText } from '#src/replies/escape.ts';
import { LIMITS } from '#src/replies/limits.ts';
import { staleButton } from '#src/replies/notices.ts';
import { ephemeral } from '#src/replies/safe-reply.ts';
import { withoutMentions } from '#src/text/input.ts';
import { fromEngine, type BotCommand, type CommandContext } from './context.ts';
import { answeredFrom, onFeedback } from './feedback.ts';

export const QUESTION_MAX_LENGTH = 300;

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'ask',
  description: 'Ask about the June 2023 Blinken–Xi talks; answers quote the BBC article',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'question',
      description: 'Your question, e.g. how long did they meet?',
      required: true,
      max_length: QUESTION_MAX_LENGTH,
      autocomplete: true,
    },
    HIDE_OPTION,
  ],
} as const satisfies CommandDefinition;

/**
 * The reply for an engine answer: the cited embed with Helpful / Not helpful and related
 * questions, or an ephemeral "the article doesn't say" with things to try instead.
 */
export function answerReply(ctx: CommandContext, result: AskResult, question: string): HandlerResult {
  if (result.answered) {
    const embed = citedEmbed({ title: question, description: result.answer, citations: result.citations, source: ctx.source });
    return answered({ embeds: [embed], components: answerRows(answeredFrom(result), result.suggestions) });
  }
  const suggestions = result.suggestions;
  if (result.note) {
    // The article comes near without answering: say what it doesn't say, and quote where it comes nearest.
    const embed = citedEmbed({ title: question, description: result.note, citations: result.citations, source: ctx.source });
    return unanswered(ephemeral({ embeds: [embed], components: suggestionRow(suggestions) }), question, REFUSED_NEAR);
  }
  const tryThese = suggestions.length > 0 ? ' You could try one of these:' : '';
  const reply = ephemeral({
    content: `The article doesn't say — I found nothing about “${escapeAndFit(question.trim(), 300)}” in the ${escapeText(ctx.source.outlet)} report.${tryThese}`,
    components: suggestionRow(suggestions),
  });
  return unanswered(reply, question, REFUSED_NOT_COVERED);
}

const ask = {
  data,
  execute(ctx, { question }) {
    return fromEngine(
      question,
      () => ctx.engine.ask(withoutMentions(question)),
      (result) => answerReply(ctx, result, question),
    );
  },
  autocomplete(ctx, focused) {
    return focused.name === 'question' ? ctx.engine.completeQuestion(focused.value, LIMITS.choices) : [];
  },
  buttons: {
    ask(ctx, action) {
      const result = ctx.engine.askEntry(action.entryId);
      if (!result) return stale(staleButton());
      return answerReply(ctx, result, result.query);
    },
    feedback: onFeedback,
  },
} satisfies BotCommand<typeof data>;
export default ask;
