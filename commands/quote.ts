// /quote speaker:<name> [about:<text>] [hide] — a speaker's words verbatim, paged with buttons.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
  type APIEmbed,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { QuoteResult } from '../src/engine/types.ts';
import { fromEngine, HIDE_OPTION, stringOption, type CommandContext, type CommandModule, type CommandOptions, type HandlerResult } from '../src/interactions/command.ts';
import { button, suggestionRow } from '../src/replies/buttons.ts';
import { EMBED_COLOR, sourceLine } from '../src/replies/cited-embed.ts';
import { escapeAndFit } from '../src/replies/escape.ts';
import { LIMITS } from '../src/replies/limits.ts';
import { staleButton } from '../src/replies/notices.ts';
import { quotePages } from '../src/replies/quote-pages.ts';
import { ephemeral } from '../src/replies/safe-reply.ts';
import type { Reply } from '../src/replies/types.ts';

/** Short enough that `about` always fits, uncut, in a page button's custom id. */
export const ABOUT_MAX_LENGTH = 40;

export const data = {
  type: ApplicationCommandType.ChatInput,
  name: 'quote',
  description: 'What someone said in the article, quoted word for word',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'speaker',
      description: 'Who, e.g. Blinken or Xi',
      required: true,
      max_length: 100,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'about',
      description: 'Only quotes about this, e.g. taiwan',
      required: false,
      max_length: ABOUT_MAX_LENGTH,
    },
    HIDE_OPTION,
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export function execute(ctx: CommandContext, options: CommandOptions): HandlerResult {
  const speaker = stringOption(options, 'speaker') ?? '';
  const about = stringOption(options, 'about')?.trim() || undefined;
  return fromEngine(speaker, () => ctx.engine.quote(speaker, about), (result) => quoteReply(ctx, result, 0, about));
}

/** Page `page` of the speaker's quotes, or an ephemeral "no quotes" with other speakers to try. */
export function quoteReply(ctx: CommandContext, result: QuoteResult, page: number, about: string | undefined): HandlerResult {
  const pages = quotePages(result.quotes);
  if (!result.speaker || pages.length === 0) {
    return {
      reply: ephemeral({ content: escapeAndFit(result.message, 1500), components: suggestionRow(result.suggestions) }),
      answered: false,
      unanswered: about ? `${result.query} about ${about}` : result.query,
    };
  }
  const current = Math.min(page, pages.length - 1);
  return { reply: quotePage(ctx, result, pages, current, about), answered: true };
}

function quotePage(ctx: CommandContext, result: QuoteResult, pages: string[], page: number, about: string | undefined): Reply {
  const who = result.speakerRole ? `${result.speakerName}, ${result.speakerRole}` : (result.speakerName ?? result.query);
  const pageLabel = pages.length > 1 ? `Page ${page + 1} of ${pages.length} · ` : '';
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    title: escapeAndFit(who, LIMITS.embedTitle),
    description: `${escapeAndFit(result.message, 300)}\n\n${pages[page]}`,
    footer: { text: pageLabel + sourceLine(ctx.source) },
  };
  if (pages.length === 1) return { embeds: [embed] };
  const speakerId = result.speaker!;
  // Disabled ends still need distinct custom ids, so they point at the pages they would show.
  const previous = button({ kind: 'quote', speakerId, page: Math.max(0, page - 1), about }, '◀ Previous', { disabled: page === 0 });
  const next = button({ kind: 'quote', speakerId, page: Math.min(pages.length - 1, page + 1), about }, 'Next ▶', {
    disabled: page === pages.length - 1,
    style: ButtonStyle.Primary,
  });
  // An `about` too long for a button id (emoji count double) gets no paging rather than a wrong one.
  if (!previous || !next) return { embeds: [embed] };
  return { embeds: [embed], components: [{ type: ComponentType.ActionRow, components: [previous, next] }] };
}

const command: CommandModule = {
  data,
  execute,
  autocomplete: (ctx, focused) => (focused.name === 'speaker' ? ctx.engine.completeSpeaker(focused.value, LIMITS.choices) : []),
  buttons: {
    quote(ctx, action) {
      const result = ctx.engine.quote(action.speakerId, action.about);
      // The bot only makes ids whose speaker and filter mean something; anything else was altered.
      if (result.speaker !== action.speakerId || (action.about !== undefined && result.about === undefined)) {
        return { reply: staleButton(), answered: false, stale: true };
      }
      // A suggestion button (no page) opens the quotes in a new reply; Previous/Next turn the page in place.
      if (action.page === undefined) return quoteReply(ctx, result, 0, action.about);
      if (action.page >= quotePages(result.quotes).length) return { reply: staleButton(), answered: false, stale: true };
      return { ...quoteReply(ctx, result, action.page, action.about), update: true };
    },
  },
};
export default command;
