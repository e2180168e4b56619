// /help — what the bot knows, its commands, and examples to try.
import { ApplicationCommandType } from 'discord-api-types/v10';
import type { CommandDefinition } from '#src/interactions/arguments.ts';
import { answered, type HandlerResult } from '#src/interactions/command.ts';
import { suggestionRow } from '#src/replies/buttons.ts';
import { EMBED_COLOR, sourceLine } from '#src/replies/cited-embed.ts';
import { escapeText } from '#src/replies/escape.ts';
import { truncate } from '#src/replies/limits.ts';
import { ephemeral } from '#src/replies/safe-reply.ts';
import ask from './ask.ts';
import { CHECK_COMMAND_NAME } from './check.ts';
import type { BotCommand, CommandContext } from './context.ts';
import quote from './quote.ts';
import topic from './topic.ts';

const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'help',
  description: 'What this bot knows, its commands, and examples to try',
} as const satisfies CommandDefinition;

const USAGE = [
  `\`/ask question:<text> [hide]\` — ${ask.data.description}`,
  `\`/quote speaker:<name> [about:<text>] [hide]\` — ${quote.data.description}`,
  `\`/topic name:<text> [hide]\` — ${topic.data.description}`,
  '`/help` — this message',
  `**${CHECK_COMMAND_NAME}** (right-click or long-press a message → Apps) — what the article says on a claim made in chat`,
  '`hide:true` shows the answer to you alone.',
].join('\n');

function execute(ctx: CommandContext): HandlerResult {
  const { engine, source } = ctx;
  // Examples come from the knowledge base, so they always work.
  const question = engine.completeQuestion('', 1)[0]?.value;
  const speaker = engine.completeSpeaker('', 1)[0]?.name;
  const topicName = engine.completeTopic('', 3).at(-1)?.name;
  const examples = [
    question && `\`/ask question:${question}\``,
    speaker && `\`/quote speaker:${speaker}\``,
    topicName && `\`/topic name:${topicName}\``,
  ].filter(Boolean);

  const description =
    `I answer questions from one ${escapeText(source.outlet)} article, “${escapeText(source.title)}”: ${escapeText(source.event)}.\n` +
    'Every answer quotes the article’s own paragraphs, numbered ¶, so you can check it. ' +
    'When the article doesn’t say, I tell you so. Start typing a question and I suggest ones I can answer.';
  const fields = [{ name: 'Commands', value: truncate(USAGE, 1024) }];
  if (examples.length > 0) fields.push({ name: 'Try', value: truncate(examples.join('\n'), 1024) });
  return answered(
    ephemeral({
      embeds: [{ color: EMBED_COLOR, title: 'About this bot', description, fields, footer: { text: sourceLine(source) } }],
      components: suggestionRow(engine.starters()),
    }),
  );
}

const help = { data, execute } satisfies BotCommand<typeof data>;
export default help;
