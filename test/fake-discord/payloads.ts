import { randomBytes } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  type APIActionRowComponent,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIComponentInMessageActionRow,
  type APIInteraction,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIMessageComponentSelectMenuInteraction,
  type APIUser,
  type GuildMemberFlags,
  type MessageFlags,
} from 'discord-api-types/v10';

const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

export function snowflake(at: number = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return String(((BigInt(at) - DISCORD_EPOCH) << 22n) | snowflakeIncrement);
}

export function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(36).toString('base64url')}`;
}

// Permission bitfields as Discord sends them: decimal strings.
export const ALL_PERMISSIONS = '2251799813685247';
export const MEMBER_PERMISSIONS = '2248473465835073';
export const ATTACHMENT_SIZE_LIMIT = 10_485_760;

export function userObject(id: string, username: string, extra: Partial<APIUser> = {}): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: null,
    avatar: null,
    public_flags: 0,
    flags: 0,
    primary_guild: null,
    ...extra,
  } as APIUser;
}

/** What the builders need to know about the fake's world. */
export interface PayloadContext {
  applicationId: string;
  botUser: APIUser;
  guildId: string;
  channelId: string;
  user: APIUser;
}

export interface InteractionWhere {
  /** `null` makes a DM interaction (`user` instead of `member`, context 1; 2 when user-installed). */
  guildId?: string | null;
  /**
   * How the app was installed for this interaction: `guild` (the default, owner key "0") or `user`
   * (installed to the member's account, owner key "1"). A user install outside a guild is a
   * private channel (context 2): a DM or group DM between users, where the bot is not a member.
   */
  install?: 'guild' | 'user';
  channelId?: string;
  user?: Partial<APIUser>;
  locale?: Locale | `${Locale}`;
  roles?: string[];
  memberPermissions?: string;
  appPermissions?: string;
  id?: string;
  token?: string;
}

/**
 * Options as Discord sends them, or a shorthand record: strings become STRING (3),
 * booleans BOOLEAN (5), integers INTEGER (4), other numbers NUMBER (10).
 */
export type OptionsInput = APIApplicationCommandInteractionDataOption[] | Record<string, string | number | boolean>;

export function toOptions(input: OptionsInput | undefined): APIApplicationCommandInteractionDataOption[] {
  if (input === undefined) return [];
  if (Array.isArray(input)) return input;
  return Object.entries(input).map(([name, value]): APIApplicationCommandInteractionDataBasicOption => {
    if (typeof value === 'string') return { name, type: ApplicationCommandOptionType.String, value };
    if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
    return Number.isInteger(value) ? { name, type: ApplicationCommandOptionType.Integer, value } : { name, type: ApplicationCommandOptionType.Number, value };
  });
}

function baseInteraction(ctx: PayloadContext, where: InteractionWhere) {
  const user = { ...ctx.user, ...where.user } as APIUser;
  const channelId = where.channelId ?? ctx.channelId;
  const guildId = where.guildId === undefined ? ctx.guildId : where.guildId;
  const locale = (where.locale ?? Locale.EnglishUS) as Locale;
  const common = {
    id: where.id ?? snowflake(),
    application_id: ctx.applicationId,
    token: where.token ?? interactionToken(),
    version: 1 as const,
    locale,
    channel_id: channelId,
    app_permissions: where.appPermissions ?? ALL_PERMISSIONS,
    entitlements: [],
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
  };
  const userInstall = where.install === 'user';
  if (guildId === null) {
    return {
      ...common,
      user,
      channel: { id: channelId, type: ChannelType.DM, flags: 0, last_message_id: null, recipients: [user] },
      // A guild-installed app in a DM with the bot: the guild owner key is "0". A user-installed
      // app anywhere: the user owner key "1" is the member who installed it.
      authorizing_integration_owners: userInstall ? { '1': user.id } : { '0': '0' },
      context: userInstall ? InteractionContextType.PrivateChannel : InteractionContextType.BotDM,
    };
  }
  const member: APIInteractionGuildMember = {
    user,
    roles: where.roles ?? [],
    permissions: where.memberPermissions ?? MEMBER_PERMISSIONS,
    joined_at: '2023-06-01T00:00:00.000000+00:00',
    premium_since: null,
    nick: null,
    avatar: null,
    banner: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0 as GuildMemberFlags,
    communication_disabled_until: null,
  };
  return {
    ...common,
    guild_id: guildId,
    guild_locale: Locale.EnglishUS,
    guild: { id: guildId, locale: Locale.EnglishUS, features: [] },
    member,
    channel: {
      id: channelId,
      type: ChannelType.GuildText,
      guild_id: guildId,
      name: 'general',
      position: 0,
      flags: 0,
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      permissions: where.memberPermissions ?? MEMBER_PERMISSIONS,
    },
    authorizing_integration_owners: userInstall ? { '1': user.id } : { '0': guildId },
    context: InteractionContextType.Guild,
  };
}

export interface ChatInputInput extends InteractionWhere {
  name: string;
  options?: OptionsInput;
  commandId?: string;
}

export interface MessageCommandInput extends InteractionWhere {
  /** The command's name as registered, e.g. "Check against the article". */
  name: string;
  /** The message right-clicked; by default a member's message with this content. */
  target?: Partial<APIMessage>;
  content?: string;
  commandId?: string;
}

export interface AutocompleteInput extends InteractionWhere {
  name: string;
  /** Values typed so far; the option named by `focused` (default: the last one) gets `focused: true`. */
  options: OptionsInput;
  /** `null`: no option is focused, which Discord never sends but a forged payload can. */
  focused?: string | null;
  commandId?: string;
}

export interface ComponentInput extends InteractionWhere {
  customId: string;
  /** The message the component sits on; defaults to a bot message with one button row. */
  message?: Partial<APIMessage>;
}

export interface SelectInput extends ComponentInput {
  values: string[];
  componentType?: ComponentType.StringSelect;
}

export function messageObject(ctx: Pick<PayloadContext, 'applicationId' | 'botUser' | 'channelId'>, fields: Partial<APIMessage> = {}): APIMessage {
  return {
    id: snowflake(),
    type: MessageType.Default,
    channel_id: ctx.channelId,
    content: '',
    author: ctx.botUser,
    attachments: [],
    embeds: [],
    components: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 0 as MessageFlags,
    application_id: ctx.applicationId,
    webhook_id: ctx.applicationId,
    ...fields,
  };
}

function componentMessage(ctx: PayloadContext, customId: string, type: ComponentType, message: Partial<APIMessage> | undefined): APIMessage {
  const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
    type: ComponentType.ActionRow,
    id: 1,
    components: [
      type === ComponentType.Button
        ? { type: ComponentType.Button, id: 2, style: ButtonStyle.Primary, label: 'Go', custom_id: customId }
        : { type: ComponentType.StringSelect, id: 2, custom_id: customId, options: [{ label: 'One', value: 'one' }] },
    ],
  };
  return messageObject(ctx, { content: 'Pick one', components: [row], ...message });
}

export function createBuilders(ctx: PayloadContext) {
  return {
    chatInput(input: ChatInputInput): APIChatInputApplicationCommandInteraction {
      return {
        ...baseInteraction(ctx, input),
        type: InteractionType.ApplicationCommand,
        data: {
          id: input.commandId ?? snowflake(),
          name: input.name,
          type: ApplicationCommandType.ChatInput,
          options: toOptions(input.options),
          ...(input.guildId !== null ? { guild_id: input.guildId ?? ctx.guildId } : {}),
        },
      } as APIChatInputApplicationCommandInteraction;
    },

    /** A message context-menu command (type 3): the target message arrives in `resolved.messages`. */
    messageCommand(input: MessageCommandInput): APIMessageApplicationCommandInteraction {
      const base = baseInteraction(ctx, input);
      const author = userObject(snowflake(), 'someone');
      const target = messageObject(
        { ...ctx, channelId: base.channel_id },
        { author, application_id: undefined, webhook_id: undefined, content: input.content ?? '', ...input.target },
      );
      delete target.application_id;
      delete target.webhook_id;
      return {
        ...base,
        type: InteractionType.ApplicationCommand,
        data: {
          id: input.commandId ?? snowflake(),
          name: input.name,
          type: ApplicationCommandType.Message,
          target_id: target.id,
          resolved: { messages: { [target.id]: target } },
          ...(input.guildId !== null ? { guild_id: input.guildId ?? ctx.guildId } : {}),
        },
      } as APIMessageApplicationCommandInteraction;
    },

    autocomplete(input: AutocompleteInput): APIApplicationCommandAutocompleteInteraction {
      const given = toOptions(input.options);
      const focused = input.focused === null ? undefined : (input.focused ?? lastLeafName(given));
      const options = given.map((option) => markFocused(option, focused));
      if (input.focused !== null && !JSON.stringify(options).includes('"focused":true')) {
        throw new Error('fake-discord: autocomplete needs a focused option (pass `focused: <option name>`)');
      }
      return {
        ...baseInteraction(ctx, input),
        type: InteractionType.ApplicationCommandAutocomplete,
        data: {
          id: input.commandId ?? snowflake(),
          name: input.name,
          type: ApplicationCommandType.ChatInput,
          options,
        },
      } as APIApplicationCommandAutocompleteInteraction;
    },

    button(input: ComponentInput): APIMessageComponentButtonInteraction {
      const base = baseInteraction(ctx, input);
      return {
        ...base,
        type: InteractionType.MessageComponent,
        data: { custom_id: input.customId, component_type: ComponentType.Button },
        message: componentMessage({ ...ctx, channelId: base.channel_id }, input.customId, ComponentType.Button, input.message),
      } as APIMessageComponentButtonInteraction;
    },

    stringSelect(input: SelectInput): APIMessageComponentSelectMenuInteraction {
      const base = baseInteraction(ctx, input);
      return {
        ...base,
        type: InteractionType.MessageComponent,
        data: { custom_id: input.customId, component_type: ComponentType.StringSelect, values: input.values },
        message: componentMessage({ ...ctx, channelId: base.channel_id }, input.customId, ComponentType.StringSelect, input.message),
      } as APIMessageComponentSelectMenuInteraction;
    },

    message(fields: Partial<APIMessage> = {}): APIMessage {
      return messageObject(ctx, fields);
    },
  };
}

export type PayloadBuilders = ReturnType<typeof createBuilders>;

function markFocused(option: APIApplicationCommandInteractionDataOption, focused: string | undefined): APIApplicationCommandInteractionDataOption {
  if ('options' in option && option.options) {
    return { ...option, options: option.options.map((o) => markFocused(o, focused)) } as APIApplicationCommandInteractionDataOption;
  }
  if (focused !== undefined && option.name === focused) {
    return { ...option, focused: true } as APIApplicationCommandInteractionDataOption;
  }
  return option;
}

function lastLeafName(options: APIApplicationCommandInteractionDataOption[]): string | undefined {
  const last = options.at(-1);
  if (!last) return undefined;
  if ('options' in last && last.options) return lastLeafName(last.options);
  return last.name;
}

/** Interaction fields Discord added in recent years, which older or forged payloads lack. */
export const NEWER_INTERACTION_FIELDS = ['authorizing_integration_owners', 'context', 'entitlements', 'attachment_size_limit'] as const;

/** The payload as an older Discord (or a forger) would send it: without NEWER_INTERACTION_FIELDS. */
export function withoutNewerFields<T extends APIInteraction>(payload: T): T {
  const copy: Record<string, unknown> = { ...payload };
  for (const field of NEWER_INTERACTION_FIELDS) delete copy[field];
  return copy as T;
}
