// The Discord door: a discord.js client on the gateway (Guilds intent only). Each interaction is
// turned into an Incoming for the router, which answers through a Responder mapped onto
// discord.js' reply/update/deferReply/editReply/respond.
import {
  type APIMessage,
  type AutocompleteInteraction,
  Client,
  type CloseEvent,
  type CommandInteractionOption,
  DiscordAPIError,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type Message,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import type { CommandOptions, OptionValue } from '../interactions/arguments.ts';
import { targetOf, type Incoming, type Responder } from '../interactions/incoming.ts';
import type { Router } from '../interactions/router.ts';
import { apology } from '../replies/notices.ts';
import { NO_MENTIONS, safeReply } from '../replies/safe-reply.ts';
import type { Reply } from '../replies/types.ts';
import { guarded } from './boundary.ts';
import { cacheOptions, DM_CHANNEL_SWEEP_MS } from './discord-cache.ts';

export interface GatewayOptions {
  token: string;
  apiUrl: string;
  applicationId: string | undefined;
  router: Router;
  logger: Logger;
  /** Called when Discord ends the session for good (bad token, disallowed intents). */
  onFatal(message: string): void;
  /** Called once every shard is connected, and again when one is back after all were down. */
  onReady?(): void;
  /** Called when every shard has lost its connection (onReady is called again once one is back). */
  onDown?(): void;
  /** How many shards: `auto` asks Discord (GET /gateway/bot). Default auto. */
  shards?: 'auto' | number;
}

/** Gateway close codes after which discord.js will not reconnect. */
const FATAL_CLOSE_CODES: Record<number, string> = {
  4004: 'Discord rejected DISCORD_TOKEN when connecting to the gateway (authentication failed)',
  4010: 'Discord rejected the shard configuration (invalid shard)',
  4011: 'the bot is in too many guilds for one shard (sharding required)',
  4012: 'Discord does not support the requested gateway version',
  4013: 'Discord rejected the gateway intents (invalid intents)',
  4014: 'Discord refused the gateway intents (disallowed intents): enable them in the Developer Portal',
};

export async function startGateway(options: GatewayOptions): Promise<Client> {
  const { logger, router } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: { api: options.apiUrl },
    // Internal sharding: one process, every shard; discord.js asks Discord for the count with `auto`.
    ...(typeof options.shards === 'number'
      ? { shards: Array.from({ length: options.shards }, (_, id) => id), shardCount: options.shards }
      : { shards: 'auto' as const }),
    ...cacheOptions(),
  });

  // Every listener runs inside a boundary: one bad event is logged, and the bot keeps serving.
  client.on(
    Events.Raw,
    guarded(logger, 'reading a gateway event', (packet: { t?: unknown; d?: unknown }) => {
      if (packet.t === 'INTERACTION_CREATE') withDefaultsForMissingFields(packet.d);
    }),
  );
  client.on(
    Events.InteractionCreate,
    guarded(logger, 'answering an interaction', (interaction: Interaction) => serve(interaction, router, logger)),
  );
  // DM interactions leave their channel in a cache that has no size setting.
  const dmSweep = setInterval(
    guarded(logger, 'sweeping DM channels', () => client.channels.cache.sweep((c) => c.isDMBased())),
    DM_CHANNEL_SWEEP_MS,
  );
  dmSweep.unref();
  // The sweep ends with the client: discord.js has no event for destroy(), so it is wrapped.
  const destroyClient = client.destroy.bind(client);
  client.destroy = () => {
    clearInterval(dmSweep);
    return destroyClient();
  };
  client.once(
    Events.ClientReady,
    guarded(logger, 'connecting', (ready: Client<true>) => {
      logger.info(
        { user: ready.user.tag, applicationId: ready.application.id, guilds: ready.guilds.cache.size, shards: ready.ws.shards.size },
        'connected to Discord',
      );
      presence.clientReady();
      if (options.applicationId && ready.application.id !== options.applicationId) {
        logger.warn(
          { expected: options.applicationId, actual: ready.application.id },
          'DISCORD_APPLICATION_ID does not match the application of DISCORD_TOKEN: commands registered with it will not reach this bot',
        );
      }
    }),
  );
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord.js error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  // Ready while at least one shard is connected: a process with every shard down says so on /readyz.
  const presence = new ShardPresence(
    () => options.onReady?.(),
    () => options.onDown?.(),
  );
  client.on(Events.ShardReady, (shardId: number) => presence.up(shardId));
  client.on(Events.ShardResume, (shardId: number) => presence.up(shardId));
  client.on(Events.ShardReconnecting, (shardId: number) => presence.down(shardId));
  client.on(
    Events.ShardDisconnect,
    guarded(logger, 'handling a disconnect', (event: CloseEvent, shardId: number) => {
      presence.down(shardId);
      const fatal = FATAL_CLOSE_CODES[event.code];
      if (fatal) options.onFatal(`${fatal} (close code ${event.code}).`);
      else logger.warn({ code: event.code, shardId }, 'disconnected from the gateway');
    }),
  );

  try {
    await client.login(options.token);
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw new LoginError(describeDiscordError(error, options.apiUrl));
  }
  return client;
}

/** Start-up failed talking to Discord; the message is one line for a person. */
export class LoginError extends Error {
  override name = 'LoginError';
}

/** One line for a person about a failed request to Discord (login, command registration). */
export function describeDiscordError(error: unknown, apiUrl: string): string {
  const e = error as { code?: unknown; status?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  if (e.code === DiscordjsErrorCodes.TokenInvalid || e.status === 401) {
    return 'Discord rejected DISCORD_TOKEN (401 Unauthorized). Check the bot token: Developer Portal → your app → Bot → Reset Token.';
  }
  if (error instanceof DiscordAPIError || typeof e.status === 'number') {
    return `Discord answered HTTP ${String(e.status)}: ${String(e.message)}`;
  }
  const cause = e.cause?.code ?? e.cause?.message ?? e.message;
  return `Could not connect to Discord at ${apiUrl}: ${String(cause)}`;
}

/**
 * Hands one interaction to the router. Should turning it into an Incoming fail (a payload
 * discord.js parsed but this code did not expect), the person still gets an apology.
 */
async function serve(interaction: Interaction, router: Router, logger: Logger): Promise<void> {
  let incoming: Incoming | null;
  let responder: Responder;
  try {
    incoming = toIncoming(interaction);
    if (!incoming) return;
    responder = responderFor(interaction);
  } catch (error) {
    logger.error({ err: error, interaction: interaction.id, type: interaction.type }, 'could not read an interaction');
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) await interaction.reply(replyOptions(safeReply(apology())));
    return;
  }
  await router.handle(incoming, responder);
}

/**
 * Fields Discord added over time that discord.js reads without checking (`entitlements.reduce`,
 * `authorizing_integration_owners[…]`): an interaction without them would throw inside
 * discord.js, before any listener of ours. Filled in place on the raw event, which discord.js
 * emits just before it builds the interaction from the same object.
 */
export function withDefaultsForMissingFields(data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  const d = data as Record<string, unknown>;
  if (!Array.isArray(d['entitlements'])) d['entitlements'] = [];
  if (typeof d['authorizing_integration_owners'] !== 'object' || d['authorizing_integration_owners'] === null) d['authorizing_integration_owners'] = {};
}

export function toIncoming(interaction: Interaction): Incoming | null {
  const who = { userId: interaction.user.id, guildId: interaction.guildId };
  if (interaction.isChatInputCommand()) {
    return { ...who, kind: 'command', name: interaction.commandName, options: optionsOf(interaction.options.data) };
  }
  if (interaction.isAutocomplete()) {
    // Discord marks one option focused; without one (a forged or broken payload) the router sees
    // an option name no command has, and answers with no choices.
    const focused = interaction.options.data.flatMap((o) => [o, ...(o.options ?? [])]).find((o) => o.focused);
    return {
      ...who,
      kind: 'autocomplete',
      name: interaction.commandName,
      focused: { name: focused?.name ?? '', value: String(focused?.value ?? '') },
      options: optionsOf(interaction.options.data),
    };
  }
  if (interaction.isMessageContextMenuCommand()) {
    // A payload without its resolved message (forged or broken) is a message with nothing to check.
    const target = interaction.targetMessage as Message | APIMessage | null | undefined;
    return {
      ...who,
      kind: 'message-command',
      name: interaction.commandName,
      target: target ? targetOf(target) : { id: interaction.targetId, content: '', embeds: 0, attachments: 0 },
    };
  }
  // Commands this bot does not define (user context menus) get the router's "unknown command" apology.
  if (interaction.isCommand()) return { ...who, kind: 'command', name: interaction.commandName, options: {} };
  if (interaction.isMessageComponent()) {
    const message = interaction.message;
    return {
      ...who,
      kind: 'button',
      customId: interaction.customId,
      ephemeral: message.flags.has(MessageFlags.Ephemeral),
      message: { id: message.id, embeds: message.embeds.map((e) => e.toJSON()) },
    };
  }
  // No modals are sent, so a submit can only be stale or forged: the router says so.
  if (interaction.isModalSubmit()) return { ...who, kind: 'button', customId: interaction.customId, ephemeral: false };
  return null;
}

/**
 * discord.js gives a Message when the channel is cached and the raw API object otherwise (a DM, or
 * a server the bot is not in when user-installed): both have content, embeds and attachments.
 */
function optionsOf(data: readonly CommandInteractionOption[]): CommandOptions {
  // Own properties only, whatever the names (an option called __proto__ stays a name).
  const entries: Array<[string, OptionValue]> = [];
  for (const option of data) {
    if (option.value !== undefined && option.value !== null) entries.push([option.name, option.value]);
  }
  return Object.fromEntries(entries);
}

function replyOptions(data: Reply): InteractionReplyOptions {
  return {
    ...(data.content !== undefined ? { content: data.content } : {}),
    embeds: asSent(data.embeds),
    components: asSent(data.components),
    ...(data.flags !== undefined ? { flags: data.flags } : {}),
    allowedMentions: NO_MENTIONS,
  };
}

/** Edits replace the whole message: unset content and components are cleared, not kept. */
function editOptions(data: Reply): InteractionEditReplyOptions {
  return { content: data.content ?? '', embeds: asSent(data.embeds), components: asSent(data.components), allowedMentions: NO_MENTIONS };
}

/**
 * Replies are built in the API's own shape (APIEmbed, API components), so they are handed to
 * discord.js as already-encoded JSON: given plain objects, it would rewrite every key of every
 * embed and button to snake_case (lodash, recursively), which cost more per /ask than the
 * router, the engine's remembered answer and the log line together (npm run bench:discord).
 */
function asSent<T extends object>(items: readonly T[] | undefined): Array<{ toJSON(): T }> {
  return (items ?? []).map((item) => ({ toJSON: () => item }));
}

export function responderFor(interaction: Interaction): Responder {
  if (interaction.isAutocomplete()) return autocompleteResponder(interaction);
  if (!interaction.isRepliable()) throw new Error('this interaction cannot be answered');
  return repliableResponder(interaction);
}

function repliableResponder(interaction: RepliableInteraction): Responder {
  return {
    async reply(data) {
      await interaction.reply(replyOptions(data));
    },
    async update(data) {
      if (!interaction.isMessageComponent()) throw new Error('only a component interaction can update its message');
      await interaction.update(editOptions(data));
    },
    async defer(options) {
      if ('update' in options) {
        if (!interaction.isMessageComponent()) throw new Error('only a component interaction can defer an update');
        await interaction.deferUpdate();
      } else {
        await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      }
    },
    async editReply(data) {
      await interaction.editReply(editOptions(data));
    },
    async followUp(data) {
      await interaction.followUp(replyOptions(data));
    },
    async deleteReply() {
      await interaction.deleteReply();
    },
    async respondChoices() {
      throw new Error('only an autocomplete interaction has choices');
    },
  };
}

function autocompleteResponder(interaction: AutocompleteInteraction): Responder {
  const cannot = async () => {
    throw new Error('an autocomplete interaction can only answer with choices');
  };
  return {
    reply: cannot,
    update: cannot,
    defer: cannot,
    editReply: cannot,
    followUp: cannot,
    deleteReply: cannot,
    async respondChoices(choices) {
      await interaction.respond(choices);
    },
  };
}

/**
 * Which shards are connected. `onUp` fires when the client is ready and the first shard is (back)
 * up; `onAllDown` when the last connected shard goes.
 */
export class ShardPresence {
  private readonly connected = new Set<number>();
  private ready = false;

  constructor(
    private readonly onUp: () => void,
    private readonly onAllDown: () => void,
  ) {}

  /** The client finished its first connection: every shard it started is up. */
  clientReady(): void {
    this.ready = true;
    this.onUp();
  }

  up(shardId: number): void {
    const wasDown = this.connected.size === 0;
    this.connected.add(shardId);
    if (this.ready && wasDown) this.onUp();
  }

  down(shardId: number): void {
    if (!this.connected.delete(shardId)) return;
    if (this.connected.size === 0) this.onAllDown();
  }
}
