// Every slash command, in the order /help lists them and deploy-commands registers them.
import ask from './ask.ts';
import type { BotCommand } from './context.ts';
import help from './help.ts';
import quote from './quote.ts';
import topic from './topic.ts';

export const commands: readonly BotCommand[] = [ask, quote, topic, help];
