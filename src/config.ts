// Configuration from the environment (and .env, via dotenv), checked with zod. Every variable is
// documented in .env.example.
import { config as loadDotenv } from 'dotenv';
import * as z from 'zod';

export const DEFAULT_API_URL = 'https://discord.com/api';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const TRANSPORTS = ['gateway', 'http'] as const;
export const DEFAULT_PORT = 8080;

/** How `npm start` meets people: the local console, a gateway connection, or the HTTP interactions endpoint. */
export type Mode = 'console' | (typeof TRANSPORTS)[number];

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
  /** DISCORD_TRANSPORT, or gateway with a token and the console without. */
  mode: Mode;
  /** The application's Ed25519 public key, 64 hex characters (HTTP mode). */
  publicKey: string | undefined;
  /** PORT: the HTTP endpoint's port (default 8080), or in gateway mode the health port (unset: none). 0 picks a free port. */
  port: number | undefined;
  /** DISCORD_SHARDS: the gateway shard count, or `auto` for the count Discord recommends. */
  shards: 'auto' | number;
  /** Reload the knowledge when a file in its directory changes (SIGHUP always reloads). */
  knowledgeWatch: boolean;
  /** Keys the hash that stands for a member in the logs; undefined: a random key per process. */
  memberHashSecret: string | undefined;
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
  DISCORD_TRANSPORT: optional(z.enum(TRANSPORTS, { error: `one of ${TRANSPORTS.join(', ')}` })),
  DISCORD_PUBLIC_KEY: optional(
    z.string().regex(/^[0-9a-fA-F]{64}$/, "the application's public key: 64 hex characters (Developer Portal → General Information → Public Key)"),
  ),
  PORT: optional(
    z
      .string()
      .regex(/^\d{1,5}$/, 'a TCP port number, 0 to 65535')
      .transform(Number)
      .refine((n) => n <= 65535, 'a TCP port number, 0 to 65535'),
  ),
  DISCORD_SHARDS: optional(
    z
      .string()
      .regex(/^(auto|[1-9]\d{0,4})$/i, '"auto" (the count Discord recommends) or a whole number of shards, 1 or more')
      .transform((v) => (/^auto$/i.test(v) ? ('auto' as const) : Number(v))),
  ),
  KNOWLEDGE_WATCH: optional(z.enum(['0', '1', 'true', 'false'], { error: '1 (watch the knowledge files and reload on change) or 0' })),
  MEMBER_HASH_SECRET: optional(z.string().min(16, 'at least 16 characters (e.g. openssl rand -hex 32)')),
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
      const secret = name === 'DISCORD_TOKEN' || name === 'MEMBER_HASH_SECRET' || TOKEN_SHAPE.test(value);
      const given = secret ? '' : ` (got "${value.slice(0, 60)}")`;
      return `${name} must be ${issue.message}${given}`;
    });
    throw new ConfigError(`Configuration error: ${problems.join('; ')}. See .env.example.`);
  }
  const e = parsed.data;
  const mode: Mode = e.DISCORD_TRANSPORT ?? (e.DISCORD_TOKEN ? 'gateway' : 'console');
  const needs = (names: Array<[string, unknown]>, why: string) => {
    const missing = names.filter(([, value]) => value === undefined).map(([name]) => name);
    if (missing.length > 0) throw new ConfigError(`Configuration error: ${missing.join(' and ')} must be set ${why}. See .env.example.`);
  };
  if (mode === 'gateway') needs([['DISCORD_TOKEN', e.DISCORD_TOKEN]], 'for DISCORD_TRANSPORT=gateway (the bot token the gateway connection logs in with)');
  if (mode === 'http') {
    needs(
      [
        ['DISCORD_PUBLIC_KEY', e.DISCORD_PUBLIC_KEY],
        ['DISCORD_APPLICATION_ID', e.DISCORD_APPLICATION_ID],
      ],
      "for DISCORD_TRANSPORT=http (the key that checks Discord's signatures, and the application whose webhooks carry follow-ups)",
    );
  }
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: (e.DISCORD_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    knowledgeDir: e.KNOWLEDGE_DIR,
    mode,
    publicKey: e.DISCORD_PUBLIC_KEY?.toLowerCase(),
    port: e.PORT ?? (mode === 'http' ? DEFAULT_PORT : undefined),
    shards: e.DISCORD_SHARDS ?? 'auto',
    knowledgeWatch: e.KNOWLEDGE_WATCH === '1' || e.KNOWLEDGE_WATCH === 'true',
    memberHashSecret: e.MEMBER_HASH_SECRET,
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
