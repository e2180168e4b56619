// Replies as terminal text: content, embeds with their fields, and buttons numbered so they can
// be pressed by typing the number.
import type { APIEmbed } from 'discord-api-types/v10';
import { isEphemeral } from '../replies/safe-reply.ts';
import type { Reply } from '../replies/types.ts';

export interface ConsoleButton {
  customId: string;
  label: string;
  /** Whether the message the button sits on is ephemeral. */
  ephemeral: boolean;
}

/** Markdown escapes and mention breakers are for Discord; a terminal shows the plain text. */
export function plain(text: string): string {
  return text
    .replace(/(?<!\\)\*\*/g, '')
    .replace(/\\([^\sA-Za-z0-9])/g, '$1')
    .replace(/\u200b/g, '');
}

function indent(text: string, prefix: string): string[] {
  return plain(text)
    .split('\n')
    .map((line) => `${prefix}${line}`.trimEnd());
}

function renderEmbed(embed: APIEmbed): string[] {
  const lines: string[] = [];
  if (embed.title) lines.push(...indent(embed.title, '┌ '));
  else lines.push('┌');
  if (embed.description) lines.push(...indent(embed.description, '│ '));
  for (const field of embed.fields ?? []) {
    lines.push('│', ...indent(field.name, '│ '), ...indent(field.value, '│ '));
  }
  lines.push(embed.footer ? `└ ${plain(embed.footer.text)}` : '└');
  return lines;
}

/** The reply as text, and its buttons in the order they are numbered (from `firstNumber`). */
export function renderReply(reply: Reply, firstNumber = 1): { text: string; buttons: ConsoleButton[] } {
  const ephemeral = isEphemeral(reply);
  const lines: string[] = [];
  if (ephemeral) lines.push('(only you would see this reply)');
  if (reply.content) lines.push(...indent(reply.content, ''));
  for (const embed of reply.embeds ?? []) lines.push(...renderEmbed(embed));
  const buttons: ConsoleButton[] = [];
  for (const row of reply.components ?? []) {
    for (const b of row.components) {
      const label = plain(b.label ?? b.custom_id);
      if (b.disabled) {
        lines.push(`  [-] ${label}`);
        continue;
      }
      buttons.push({ customId: b.custom_id, label, ephemeral });
      lines.push(`  [${firstNumber + buttons.length - 1}] ${label}`);
    }
  }
  if (buttons.length > 0) lines.push('  (type a number to press that button)');
  return { text: lines.join('\n'), buttons };
}
