// Every slash command, in the order /help lists them and deploy-commands registers them.
import type { CommandModule } from '../src/interactions/command.ts';
import ask from './ask.ts';
import help from './help.ts';
import quote from './quote.ts';
import topic from './topic.ts';

export const commands: readonly CommandModule[] = [ask, quote, topic, help];
