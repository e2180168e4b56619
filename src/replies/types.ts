import type { APIActionRowComponent, APIAllowedMentions, APIButtonComponentWithCustomId, APIEmbed, MessageFlags } from 'discord-api-types/v10';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

/**
 * What a handler answers: the body of an interaction callback (a subset of discord-api-types'
 * APIInteractionResponseCallbackData), plain JSON that every transport can send or print.
 */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: ButtonRow[];
  flags?: MessageFlags.Ephemeral;
  allowed_mentions?: APIAllowedMentions;
}

/** An autocomplete choice, as sent in a type 8 callback. */
export interface ReplyChoice {
  name: string;
  value: string;
}
