// Configuration from the environment (and .env, via dotenv), checked with zod. Every variable is
// documented in .env.example.
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

export const DEFAULT_API_URL = 'https://discord.com/api';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** Unset: the local console instead of Discord. */
  token: string | undefined;
  applicationId: string | undefined;
  guildId: string | undefined;
  /** The REST API base URL without the version, e.g. https://discord.com/api. */
  apiUrl: string;
  logLevel: LogLevel | undefined;
  /** Where the knowledge files are; undefined: the repository's knowledge/. */
  knowledgeDir: string | undefined;
}

/** A bad or missing setting: the message names the variable and what it expects. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Unset and empty (`DISCORD_GUILD_ID=` in .env) mean the same: not set. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

const snowflake = z.string().regex(/^[0-9]{17,20}$/, 'a Discord ID: 17 to 20 digits (Developer Portal, or right-click → Copy ID)');

const EnvSchema = z.object({
  DISCORD_TOKEN: optional(z.string().regex(/^[^\s"']+$/, 'a bot token with no spaces or quotes (Developer Portal → your app → Bot → Reset Token)')),
  DISCORD_APPLICATION_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'an http(s) URL such as https://discord.com/api' })
      .refine((url) => !/\/v\d+\/?$/.test(url), 'the API base URL without the version (https://discord.com/api, not …/api/v10)'),
  ),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `one of ${LOG_LEVELS.join(', ')}` })),
  KNOWLEDGE_DIR: optional(z.string()),
});

/** Reads `.env` (when there is one) into process.env without overriding what is already set. */
export function loadDotenvFile(): void {
  loadDotenv({ quiet: true });
}

/** A Discord bot token: base64 user id, timestamp, signature. */
const TOKEN_SHAPE = /[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/;

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      // Echo what was given, except the token, or a token pasted into the wrong variable.
      const value = String(env[name]).trim();
      const secret = name === 'DISCORD_TOKEN' || TOKEN_SHAPE.test(value);
      const given = secret ? '' : ` (got "${value.slice(0, 60)}")`;
      return `${name} must be ${issue.message}${given}`;
    });
    throw new ConfigError(`Configuration error: ${problems.join('; ')}. See .env.example.`);
  }
  const e = parsed.data;
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: (e.DISCORD_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    knowledgeDir: e.KNOWLEDGE_DIR,
  };
}

/** deploy-commands needs both the token and the application id. */
export function requireDiscordCredentials(config: Config): Config & { token: string; applicationId: string } {
  const missing = [!config.token && 'DISCORD_TOKEN', !config.applicationId && 'DISCORD_APPLICATION_ID'].filter(Boolean);
  if (missing.length > 0 || !config.token || !config.applicationId) {
    throw new ConfigError(`Configuration error: ${missing.join(' and ')} must be set (copy .env.example to .env and fill it in).`);
  }
  return { ...config, token: config.token, applicationId: config.applicationId };
}
