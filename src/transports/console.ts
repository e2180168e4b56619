// The local console: `npm start` without a token. Lines typed on stdin run the same command
// modules, through the same router, as the Discord bot; replies are printed as text.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { ApplicationCommandOptionType, type APIApplicationCommandBasicOption } from 'discord-api-types/v10';
import type { CommandDefinition, CommandOptions, OptionValue } from '../interactions/arguments.ts';
import type { Incoming, PressedMessage, Responder } from '../interactions/incoming.ts';
import type { Router } from '../interactions/router.ts';
import type { Reply } from '../replies/types.ts';
import { clipInput } from '../text/input.ts';
import { renderReply, type ConsoleButton } from './console-render.ts';

export const CONSOLE_USER_ID = 'console';

/** More than any command's options can hold; a longer line (a paste gone wrong) is cut before it is read. */
const CONSOLE_LINE_MAX = 10_000;

export const CONSOLE_BANNER = [
  'No DISCORD_TOKEN is set, so this is the local console: it runs the same commands as the Discord bot and prints their replies.',
  'To connect to Discord: copy .env.example to .env, set DISCORD_TOKEN and DISCORD_APPLICATION_ID, run `npm run deploy-commands`, then `npm start`.',
  'Type /help, /ask <question>, /quote <speaker> [about:<text>], /topic <name>, /check <a claim> (the message command Check against the article), or a number to press a button. End of input (Ctrl-D) quits.',
].join('\n');

export type ParsedLine =
  { kind: 'empty' } | { kind: 'quit' } | { kind: 'press'; number: number } | { kind: 'problem'; message: string } | { kind: 'incoming'; incoming: Incoming };

/** How the console names a message command: its first word, e.g. /check for "Check against the article". */
export function consoleAlias(name: string): string {
  return (name.split(/\s+/)[0] ?? name).toLowerCase();
}

/**
 * `/ask how long…`, `/ask question:how long… hide:true`, `/quote blinken about:taiwan`,
 * `/topic taiwan`, `/help`, `/check <text>` (a message command on a message with that text), a
 * button number, or a bare question (taken as /ask).
 */
export function parseLine(
  line: string,
  commands: readonly { data: CommandDefinition }[],
  messageCommands: readonly { data: { name: string } }[] = [],
): ParsedLine {
  const text = clipInput(line, CONSOLE_LINE_MAX).trim();
  if (!text) return { kind: 'empty' };
  if (/^(exit|quit|\/exit|\/quit)$/i.test(text)) return { kind: 'quit' };
  if (/^\d+$/.test(text)) return { kind: 'press', number: Number(text) };
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(text);
  const name = match?.[1]?.toLowerCase() ?? 'ask';
  const rest = match ? (match[2] ?? '') : text;
  const who = { userId: CONSOLE_USER_ID, guildId: null };
  const messageCommand = messageCommands.find((c) => consoleAlias(c.data.name) === name);
  if (messageCommand) {
    const target = { id: 'console-message', content: rest, embeds: 0, attachments: 0 };
    return { kind: 'incoming', incoming: { ...who, kind: 'message-command', name: messageCommand.data.name, target } };
  }
  const command = commands.find((c) => c.data.name === name);
  // Unknown commands still go to the router, which answers them as Discord would.
  if (!command) return { kind: 'incoming', incoming: { ...who, kind: 'command', name, options: {} } };

  const defs = command.data.options ?? [];
  const parsed = parseOptions(rest, defs);
  if (typeof parsed === 'string') return { kind: 'problem', message: parsed };
  const missing = defs.find((d) => d.required && parsed[d.name] === undefined);
  if (missing) {
    // What Discord would show while the field is empty: the autocomplete choices.
    if ('autocomplete' in missing && missing.autocomplete) {
      return { kind: 'incoming', incoming: { ...who, kind: 'autocomplete', name, focused: { name: missing.name, value: '' }, options: parsed } };
    }
    return { kind: 'problem', message: `/${name} needs ${missing.name}: ${missing.description}` };
  }
  return { kind: 'incoming', incoming: { ...who, kind: 'command', name, options: parsed } };
}

/** `name:value` pairs; text before the first pair belongs to the first option. */
function parseOptions(rest: string, defs: readonly APIApplicationCommandBasicOption[]): CommandOptions | string {
  const raw: Record<string, string> = {};
  if (defs.length === 0) return rest.trim() ? `this command takes no options` : {};
  const names = defs.map((d) => d.name.replace(/[-]/g, '\\-')).join('|');
  const marker = new RegExp(`(?:^|\\s)(${names}):`, 'g');
  const marks = [...rest.matchAll(marker)];
  const leading = rest.slice(0, marks[0]?.index ?? rest.length).trim();
  const first = defs[0];
  if (leading && first) raw[first.name] = leading;
  marks.forEach((m, i) => {
    const start = m.index + m[0].length;
    if (m[1]) raw[m[1]] = rest.slice(start, marks[i + 1]?.index ?? rest.length).trim();
  });

  const options: Record<string, OptionValue> = {};
  for (const def of defs) {
    const value = raw[def.name];
    if (value === undefined || value === '') continue;
    if (def.type === ApplicationCommandOptionType.Boolean) {
      if (!/^(true|false|yes|no)$/i.test(value)) return `${def.name} must be true or false`;
      options[def.name] = /^(true|yes)$/i.test(value);
    } else if (def.type === ApplicationCommandOptionType.String) {
      if (def.max_length !== undefined && value.length > def.max_length) return `${def.name} is at most ${def.max_length} characters`;
      options[def.name] = value;
    }
  }
  return options;
}

export interface ConsoleOptions {
  router: Router;
  commands: readonly { data: CommandDefinition }[];
  /** Message commands, typed as /<first word of the name> <the message's text>. */
  messageCommands?: readonly { data: { name: string } }[];
  input: Readable;
  output: Writable;
  /** Show a prompt (when a person is typing in a terminal). */
  prompt?: boolean;
}

/** Reads lines until the end of input (or `quit`), answering each in turn. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { router, commands, output } = options;
  const write = (text: string) => output.write(`${text}\n`);
  const lines = createInterface({ input: options.input, output: options.prompt ? output : undefined, terminal: options.prompt ?? false });
  let buttons: ConsoleButton[] = [];
  // The message the buttons sit on, passed with a press as Discord passes it (Helpful reads its question).
  let shownMessage: PressedMessage = { id: 'console-0', embeds: [] };
  let shownCount = 0;

  const show = (text: string, shown: ConsoleButton[], data: Reply) => {
    write(text);
    buttons = shown;
    shownMessage = { id: `console-${++shownCount}`, embeds: data.embeds ?? [] };
  };
  const responder: Responder = {
    async reply(data) {
      const r = renderReply(data);
      show(r.text, r.buttons, data);
    },
    async update(data) {
      const r = renderReply(data);
      show(`(the message above is updated)\n${r.text}`, r.buttons, data);
    },
    async defer() {},
    async editReply(data) {
      const r = renderReply(data);
      show(r.text, r.buttons, data);
    },
    async followUp(data) {
      const r = renderReply(data);
      show(r.text, r.buttons, data);
    },
    async deleteReply() {},
    async respondChoices(choices) {
      write(choices.length > 0 ? `Suggestions:\n${choices.map((c) => `  • ${c.name}`).join('\n')}` : 'No suggestions.');
    },
  };

  // In a terminal, Ctrl-C reaches readline rather than the process: treat it as the end of input.
  lines.on('SIGINT', () => lines.close());
  if (options.prompt) lines.setPrompt('> ');
  lines.prompt();
  for await (const line of lines) {
    const parsed = parseLine(line, commands, options.messageCommands);
    if (parsed.kind === 'quit') break;
    if (parsed.kind === 'problem') write(parsed.message);
    if (parsed.kind === 'press') {
      const pressed = buttons[parsed.number - 1];
      if (!pressed) write(buttons.length > 0 ? `There is no button ${parsed.number}: pick 1 to ${buttons.length}.` : 'There are no buttons to press.');
      else {
        write(`(pressed “${pressed.label}”)`);
        const message = shownMessage;
        await router.handle(
          { kind: 'button', userId: CONSOLE_USER_ID, guildId: null, customId: pressed.customId, ephemeral: pressed.ephemeral, message },
          responder,
        );
      }
    }
    if (parsed.kind === 'incoming') await router.handle(parsed.incoming, responder);
    if (parsed.kind !== 'empty') write('');
    lines.prompt();
  }
  lines.close();
}
