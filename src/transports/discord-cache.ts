// What the discord.js client keeps in memory. By default it caches every user and member an
// interaction carries, so memory grows with every member ever seen (issue 11: 151 → 353 MiB over
// 40,000 members). A bot that only answers interactions reads nothing from those caches: the
// interaction carries who asked. So they are kept empty, apart from the bot's own user and
// member, which discord.js needs. npm run bench:soak holds this.
import { type CacheFactory, type ClientOptions, Options } from 'discord.js';

export function cacheOptions(): Pick<ClientOptions, 'makeCache' | 'sweepers'> {
  const makeCache: CacheFactory = Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
    GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
    // Component interactions carry their message; the bot never reads it back from a cache.
    MessageManager: 0,
    PresenceManager: 0,
    ReactionManager: 0,
    ReactionUserManager: 0,
    ThreadMemberManager: 0,
    VoiceStateManager: 0,
    GuildBanManager: 0,
    GuildInviteManager: 0,
    GuildScheduledEventManager: 0,
    StageInstanceManager: 0,
    AutoModerationRuleManager: 0,
    ApplicationCommandManager: 0,
    BaseGuildEmojiManager: 0,
    GuildEmojiManager: 0,
    GuildStickerManager: 0,
  });
  return { makeCache, sweepers: { ...Options.DefaultSweeperSettings } };
}

/** How often DM channels (which discord.js caches from DM interactions, with no limit setting) are dropped. */
export const DM_CHANNEL_SWEEP_MS = 10 * 60_000;
