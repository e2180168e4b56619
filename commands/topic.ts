// /topic name:<text> [hide] — a topic's summary and the passages it rests on.
import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord-api-types/v10';
import type { TopicResult } from '#src/engine/types.ts';
import type { CommandDefinition } from '#src/interactions/arguments.ts';
import { answered, HIDE_OPTION, stale, unanswered, type HandlerResult } from '#src/interactions/command.ts';
import { suggestionRow } from '#src/replies/buttons.ts';
import { citedEmbed } from '#src/replies/cited-embed.ts';
import { escapeAndFit } from '#src/replies/escape.ts';
import { LIMITS } from '#src/replies/limits.ts';
import { staleButton } from '#src/replies/notices.ts';
import { ephemeral } from '#src/replies/safe-reply.ts';
import { fromEngine, type BotCommand, type CommandContext } from './context.ts';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'topic',
  description: 'A topic from the talks: a summary and the article’s passages on it',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'name',
      description: 'The topic, e.g. taiwan',
      required: true,
      max_length: 100,
      autocomplete: true,
    },
    HIDE_OPTION,
  ],
} as const satisfies CommandDefinition;

export function topicReply(ctx: CommandContext, result: TopicResult, asked: string): HandlerResult {
  if (result.topic !== null) {
    const embed = citedEmbed({ title: result.title, description: result.summary, citations: result.citations, source: ctx.source });
    return answered({ embeds: [embed], components: suggestionRow(result.suggestions) });
  }
  const tryThese = result.suggestions.length > 0 ? ' Topics it covers include:' : '';
  const reply = ephemeral({
    content: `The article has no topic called “${escapeAndFit(asked.trim(), 100)}”.${tryThese}`,
    components: suggestionRow(result.suggestions),
  });
  return unanswered(reply, asked);
}

const topic = {
  data,
  execute(ctx, { name }) {
    return fromEngine(
      name,
      () => ctx.engine.topic(name),
      (result) => topicReply(ctx, result, name),
    );
  },
  autocomplete(ctx, focused) {
    return focused.name === 'name' ? ctx.engine.completeTopic(focused.value, LIMITS.choices) : [];
  },
  buttons: {
    topic(ctx, action) {
      const result = ctx.engine.topic(action.topicId);
      if (result.topic !== action.topicId) return stale(staleButton());
      return topicReply(ctx, result, action.topicId);
    },
  },
} satisfies BotCommand<typeof data>;
export default topic;
