// What a transport hands the router, and how the router answers through it.
import type { APIEmbed } from 'discord-api-types/v10';
import type { Reply, ReplyChoice } from '../replies/types.ts';
import type { CommandOptions } from './arguments.ts';

/** Who sent an interaction, and where from. */
export interface Who {
  userId: string;
  guildId: string | null;
}

/**
 * The bot's message a button sits on, as the interaction carries it (Discord sends it with every
 * component interaction, ephemeral ones included): the answer a Helpful press is about, the answer
 * "Post for everyone" posts.
 */
export interface PressedMessage {
  id: string;
  embeds: APIEmbed[];
}

/**
 * The message a message command (right-click → Apps) was used on. Its text arrives with the
 * interaction, without the privileged message-content intent.
 */
export interface TargetMessage {
  id: string;
  content: string;
  embeds: number;
  attachments: number;
}

export type Incoming =
  | (Who & { kind: 'command'; name: string; options: CommandOptions })
  | (Who & { kind: 'autocomplete'; name: string; focused: { name: string; value: string }; options: CommandOptions })
  /** A button (or any message component) click; `ephemeral` tells whether its message was ephemeral. */
  | (Who & { kind: 'button'; customId: string; ephemeral: boolean; message?: PressedMessage })
  /** A message context-menu command (type 3) on `target`. */
  | (Who & { kind: 'message-command'; name: string; target: TargetMessage });

/** What the router tells the command context about an interaction: who, where, and for a button, its message. */
export type Facts = Who & { message?: PressedMessage };

/** The target of a message command from the message object Discord sends (any door). */
export function targetOf(message: { id: string; content?: unknown; embeds?: unknown; attachments?: unknown }): TargetMessage {
  // An array from Discord's JSON, or a discord.js Collection (which has a size).
  const count = (list: unknown) =>
    Array.isArray(list) ? list.length : typeof (list as { size?: unknown } | null)?.size === 'number' ? (list as { size: number }).size : 0;
  return {
    id: message.id,
    content: typeof message.content === 'string' ? message.content : '',
    embeds: count(message.embeds),
    attachments: count(message.attachments),
  };
}

/**
 * One interaction's ways to answer. The first answer must be `reply`, `update`, `defer` or
 * `respondChoices`, within Discord's 3 seconds; the others come after.
 */
export interface Responder {
  /** A new message (callback type 4). */
  reply(data: Reply): Promise<void>;
  /** Edit the message the button is on (callback type 7). */
  update(data: Reply): Promise<void>;
  /** Acknowledge now, answer later: a "thinking…" reply (type 5), or for a button, no visible change (type 6). */
  defer(options: { ephemeral: boolean } | { update: true }): Promise<void>;
  /** After a defer: the deferred reply, or for a deferred button, the button's message. */
  editReply(data: Reply): Promise<void>;
  /** An extra message after the first answer; may be ephemeral whatever came before. */
  followUp(data: Reply): Promise<void>;
  deleteReply(): Promise<void>;
  /** Autocomplete choices (type 8). */
  respondChoices(choices: ReplyChoice[]): Promise<void>;
}
