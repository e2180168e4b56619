// /quote speaker:<name> [about:<text>] [hide] — a speaker's words verbatim, paged with buttons.
import { ApplicationCommandOptionType, ApplicationCommandType, ButtonStyle, ComponentType, type APIEmbed } from 'discord-api-types/v10';
import type { QuoteResult } from '#src/engine/types.ts';
import type { CommandDefinition } from '#src/interactions/arguments.ts';
import { answered, HIDE_OPTION, stale, unanswered, type HandlerResult } from '#src/interactions/command.ts';
import { button, suggestionRow } from '#src/replies/buttons.ts';
import { EMBED_COLOR, sourceLine } from '#src/replies/cited-embed.ts';
import { escapeAndFit } from '#src/replies/escape.ts';
import { LIMITS } from '#src/replies/limits.ts';
import { staleButton } from '#src/replies/notices.ts';
import { quotePages } from '#src/replies/quote-pages.ts';
import { ephemeral } from '#src/replies/safe-reply.ts';
import type { Reply } from '#src/replies/types.ts';
import { fromEngine, type BotCommand, type CommandContext } from './context.ts';

/** Short enough that `about` always fits, uncut, in a page button's custom id. */
export const ABOUT_MAX_LENGTH = 40;

const data = {
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
} as const satisfies CommandDefinition;

/** Page `page` of the speaker's quotes, or an ephemeral "no quotes" with other speakers to try. */
export function quoteReply(ctx: CommandContext, result: QuoteResult, page: number, about: string | undefined): HandlerResult {
  const pages = quotePages(result.quotes);
  if (!result.speaker || pages.length === 0) {
    const reply = ephemeral({ content: escapeAndFit(result.message, 1500), components: suggestionRow(result.suggestions) });
    return unanswered(reply, about ? `${result.query} about ${about}` : result.query);
  }
  const current = Math.min(page, pages.length - 1);
  return answered(quotePage(ctx, result, result.speaker, pages, current, about));
}

function quotePage(ctx: CommandContext, result: QuoteResult, speakerId: string, pages: string[], page: number, about: string | undefined): Reply {
  const who = result.speakerRole ? `${result.speakerName}, ${result.speakerRole}` : (result.speakerName ?? result.query);
  const pageLabel = pages.length > 1 ? `Page ${page + 1} of ${pages.length} · ` : '';
  const embed: APIEmbed = {
    color: EMBED_COLOR,
    title: escapeAndFit(who, LIMITS.embedTitle),
    description: `${escapeAndFit(result.message, 300)}\n\n${pages[page]}`,
    footer: { text: pageLabel + sourceLine(ctx.source) },
  };
  if (pages.length === 1) return { embeds: [embed] };
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

const quote = {
  data,
  execute(ctx, args) {
    const about = args.about?.trim() || undefined;
    return fromEngine(
      args.speaker,
      () => ctx.engine.quote(args.speaker, about),
      (result) => quoteReply(ctx, result, 0, about),
    );
  },
  autocomplete(ctx, focused) {
    return focused.name === 'speaker' ? ctx.engine.completeSpeaker(focused.value, LIMITS.choices) : [];
  },
  buttons: {
    quote(ctx, action) {
      const result = ctx.engine.quote(action.speakerId, action.about);
      // The bot only makes ids whose speaker and filter mean something; anything else was altered.
      if (result.speaker !== action.speakerId || (action.about !== undefined && result.about === undefined)) return stale(staleButton());
      // A suggestion button (no page) opens the quotes in a new reply; Previous/Next turn the page in place.
      if (action.page === undefined) return quoteReply(ctx, result, 0, action.about);
      if (action.page >= quotePages(result.quotes).length) return stale(staleButton());
      const shown = quoteReply(ctx, result, action.page, action.about);
      return shown.outcome === 'answered' ? answered(shown.reply, true) : shown;
    },
  },
} satisfies BotCommand<typeof data>;
export default quote;
