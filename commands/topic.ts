// /topic name:<text> [hide] — a topic's summary and the passages it rests on.
import { ApplicationCommandOptionType, ApplicationCommandType, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { TopicResult } from '../src/engine/types.ts';
import { fromEngine, HIDE_OPTION, stringOption, type CommandContext, type CommandModule, type CommandOptions, type HandlerResult } from '../src/interactions/command.ts';
import { suggestionRow } from '../src/replies/buttons.ts';
import { citedEmbed } from '../src/replies/cited-embed.ts';
import { escapeAndFit } from '../src/replies/escape.ts';
import { LIMITS } from '../src/replies/limits.ts';
import { staleButton } from '../src/replies/notices.ts';
import { ephemeral } from '../src/replies/safe-reply.ts';

export const data = {
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
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export function execute(ctx: CommandContext, options: CommandOptions): HandlerResult {
  const name = stringOption(options, 'name') ?? '';
  return fromEngine(name, () => ctx.engine.topic(name), (result) => topicReply(ctx, result, name));
}

export function topicReply(ctx: CommandContext, result: TopicResult, asked: string): HandlerResult {
  if (result.topic && result.title && result.summary) {
    const embed = citedEmbed({ title: result.title, description: result.summary, citations: result.citations, source: ctx.source });
    return { reply: { embeds: [embed], components: suggestionRow(result.suggestions) }, answered: true };
  }
  const tryThese = result.suggestions.length > 0 ? ' Topics it covers include:' : '';
  return {
    reply: ephemeral({
      content: `The article has no topic called “${escapeAndFit(asked.trim(), 100)}”.${tryThese}`,
      components: suggestionRow(result.suggestions),
    }),
    answered: false,
    unanswered: asked,
  };
}

const command: CommandModule = {
  data,
  execute,
  autocomplete: (ctx, focused) => (focused.name === 'name' ? ctx.engine.completeTopic(focused.value, LIMITS.choices) : []),
  buttons: {
    topic(ctx, action) {
      const result = ctx.engine.topic(action.topicId);
      if (result.topic !== action.topicId) return { reply: staleButton(), answered: false, stale: true };
      return topicReply(ctx, result, action.topicId);
    },
  },
};
export default command;
