// Every command, in the order /help lists them and deploy-commands registers them.
import { ApplicationIntegrationType, InteractionContextType, type RESTPutAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import ask from './ask.ts';
import check from './check.ts';
import type { BotCommand, BotMessageCommand } from './context.ts';
import help from './help.ts';
import quote from './quote.ts';
import topic from './topic.ts';

export const commands: readonly BotCommand[] = [ask, quote, topic, help];
/** Message context-menu commands (right-click a message → Apps). */
export const messageCommands: readonly BotMessageCommand[] = [check];

/**
 * Where a globally registered command can be used: installed to a server or to a member's own
 * account (a user install), in servers, in DMs with the bot, and in other DMs and group DMs.
 * Discord only accepts these on global commands.
 */
export const EVERYWHERE = {
  integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
};

/** The bulk-registration body: every command, with EVERYWHERE when registered globally. */
export function registrationBody(scope: 'global' | 'guild'): RESTPutAPIApplicationCommandsJSONBody {
  return [...commands, ...messageCommands].map((c) =>
    scope === 'global' ? { ...c.data, ...EVERYWHERE } : { ...c.data },
  ) as RESTPutAPIApplicationCommandsJSONBody;
}
