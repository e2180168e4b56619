// Discord's interaction JSON (as the HTTP endpoint receives it) → the router's Incoming. The
// gateway door gets the same from discord.js objects (src/transports/discord-gateway.ts); this
// one reads the raw payload, so it needs no discord.js.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionType,
  MessageFlags,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
} from 'discord-api-types/v10';
import type { CommandOptions, OptionValue } from './command.ts';
import { targetOf, type Incoming } from './incoming.ts';

/** The Incoming for an interaction, or null for one the router has no use for (PING is the transport's). */
export function incomingFromApi(interaction: APIInteraction): Incoming | null {
  const userId = interaction.member?.user.id ?? interaction.user?.id;
  if (!userId) return null;
  const who = { userId, guildId: interaction.guild_id ?? null };
  switch (interaction.type) {
    case InteractionType.ApplicationCommand: {
      const data = interaction.data;
      if (data.type === ApplicationCommandType.Message) {
        // Without its resolved message (a broken payload) it is a message with nothing to check.
        const message = (data.resolved as typeof data.resolved | undefined)?.messages?.[data.target_id] ?? { id: String(data.target_id) };
        return { ...who, kind: 'message-command', name: data.name, target: targetOf(message) };
      }
      // Commands this bot does not define (user context menus) get the router's "unknown command" apology.
      if (data.type !== ApplicationCommandType.ChatInput) return { ...who, kind: 'command', name: data.name, options: {} };
      return { ...who, kind: 'command', name: data.name, options: optionsOf(data.options ?? []).options };
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      const { options, focused } = optionsOf(interaction.data.options ?? []);
      return { ...who, kind: 'autocomplete', name: interaction.data.name, focused: focused ?? { name: '', value: '' }, options };
    }
    case InteractionType.MessageComponent:
      return {
        ...who,
        kind: 'button',
        customId: interaction.data.custom_id,
        ephemeral: ((interaction.message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
        message: { id: interaction.message.id, embeds: Array.isArray(interaction.message.embeds) ? interaction.message.embeds : [] },
      };
    case InteractionType.ModalSubmit:
      // No modals are sent, so a submit can only be stale or forged: the router says so.
      return { ...who, kind: 'button', customId: interaction.data.custom_id, ephemeral: false };
    default:
      return null;
  }
}

/** Top-level option values (this bot has no subcommands), and the focused one for autocomplete. */
function optionsOf(data: readonly APIApplicationCommandInteractionDataOption[]): { options: CommandOptions; focused?: { name: string; value: string } } {
  // Own properties only, whatever the names: assigning `options.__proto__ = …` would drop it.
  const entries: Array<[string, OptionValue]> = [];
  let focused: { name: string; value: string } | undefined;
  for (const option of data) {
    if (option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup) continue;
    const value = (option as { value?: unknown }).value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      entries.push([option.name, value]);
      if ((option as { focused?: boolean }).focused) focused = { name: option.name, value: String(value) };
    }
  }
  return { options: Object.fromEntries(entries), ...(focused ? { focused } : {}) };
}
