import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_API_URL, parseConfig, requireDiscordCredentials } from '../src/config.ts';

const ID = '123456789012345678';

describe('parseConfig', () => {
  it('needs nothing: without a token it is the local console', () => {
    expect(parseConfig({})).toEqual({
      token: undefined,
      applicationId: undefined,
      guildId: undefined,
      apiUrl: DEFAULT_API_URL,
      logLevel: undefined,
      knowledgeDir: undefined,
      mode: 'console',
      publicKey: undefined,
      port: undefined,
      shards: 'auto',
      knowledgeWatch: false,
      memberHashSecret: undefined,
    });
  });

  it('reads every variable, treating empty as unset and dropping a trailing slash from the API URL', () => {
    const config = parseConfig({
      DISCORD_TOKEN: ' abc.def.ghi ',
      DISCORD_APPLICATION_ID: ID,
      DISCORD_GUILD_ID: '',
      DISCORD_API_URL: 'http://127.0.0.1:3000/api/',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({ token: 'abc.def.ghi', applicationId: ID, guildId: undefined, apiUrl: 'http://127.0.0.1:3000/api', logLevel: 'debug' });
  });

  it.each([
    [{ DISCORD_GUILD_ID: 'my-server' }, /DISCORD_GUILD_ID must be a Discord ID: 17 to 20 digits.*got "my-server"/],
    [{ DISCORD_APPLICATION_ID: '12' }, /DISCORD_APPLICATION_ID must be a Discord ID/],
    [{ DISCORD_API_URL: 'discord.com' }, /DISCORD_API_URL must be an http\(s\) URL/],
    [{ DISCORD_API_URL: 'https://discord.com/api/v10' }, /DISCORD_API_URL must be the API base URL without the version/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
    [{ KNOWLEDGE_WATCH: 'yes' }, /KNOWLEDGE_WATCH must be 1 \(watch the knowledge files and reload on change\) or 0/],
    [{ MEMBER_HASH_SECRET: 'short' }, /MEMBER_HASH_SECRET must be at least 16 characters/],
  ])('stops on a bad value, naming the variable and what it expects: %j', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('reads the curation settings: KNOWLEDGE_WATCH=1 and a member hash secret (never echoed)', () => {
    expect(parseConfig({ KNOWLEDGE_WATCH: '1', MEMBER_HASH_SECRET: 'a-long-enough-secret' })).toMatchObject({
      knowledgeWatch: true,
      memberHashSecret: 'a-long-enough-secret',
    });
    expect(parseConfig({ KNOWLEDGE_WATCH: '0' }).knowledgeWatch).toBe(false);
    expect(() => parseConfig({ MEMBER_HASH_SECRET: 'tiny-secret' })).toThrow(/^(?!.*tiny-secret)/s);
  });

  it('never echoes a malformed token', () => {
    let message = '';
    try {
      parseConfig({ DISCORD_TOKEN: 'secret with spaces' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DISCORD_TOKEN must be a bot token/);
    expect(message).not.toContain('secret');
  });

  it('reports every bad variable at once', () => {
    expect(() => parseConfig({ DISCORD_GUILD_ID: 'x', LOG_LEVEL: 'y' })).toThrow(/DISCORD_GUILD_ID.*LOG_LEVEL/);
  });
});

describe('the door: DISCORD_TRANSPORT, DISCORD_PUBLIC_KEY, PORT, DISCORD_SHARDS', () => {
  const KEY = 'AB'.repeat(32);

  it('is the gateway with a token, the console without, and http when asked (token optional, port 8080 by default)', () => {
    expect(parseConfig({ DISCORD_TOKEN: 't' })).toMatchObject({ mode: 'gateway', port: undefined, shards: 'auto' });
    expect(parseConfig({ DISCORD_TRANSPORT: 'http', DISCORD_PUBLIC_KEY: KEY, DISCORD_APPLICATION_ID: ID })).toMatchObject({
      mode: 'http',
      token: undefined,
      publicKey: KEY.toLowerCase(),
      port: 8080,
    });
    expect(parseConfig({ DISCORD_TOKEN: 't', PORT: '9100', DISCORD_SHARDS: '4' })).toMatchObject({ mode: 'gateway', port: 9100, shards: 4 });
    expect(parseConfig({ DISCORD_TOKEN: 't', DISCORD_SHARDS: 'AUTO' })).toMatchObject({ shards: 'auto' });
  });

  it.each([
    [{ DISCORD_TRANSPORT: 'websocket' }, /DISCORD_TRANSPORT must be one of gateway, http.*got "websocket"/],
    [{ DISCORD_PUBLIC_KEY: 'abc' }, /DISCORD_PUBLIC_KEY must be the application's public key: 64 hex characters/],
    [{ PORT: 'eighty' }, /PORT must be a TCP port number, 0 to 65535/],
    [{ PORT: '70000' }, /PORT must be a TCP port number, 0 to 65535/],
    [{ DISCORD_SHARDS: '0' }, /DISCORD_SHARDS must be "auto".*or a whole number of shards, 1 or more/],
    [{ DISCORD_SHARDS: 'many' }, /DISCORD_SHARDS must be "auto"/],
    [{ DISCORD_TRANSPORT: 'http' }, /DISCORD_PUBLIC_KEY and DISCORD_APPLICATION_ID must be set for DISCORD_TRANSPORT=http/],
    [{ DISCORD_TRANSPORT: 'http', DISCORD_PUBLIC_KEY: 'ab'.repeat(32) }, /^Configuration error: DISCORD_APPLICATION_ID must be set for DISCORD_TRANSPORT=http/],
    [{ DISCORD_TRANSPORT: 'gateway' }, /DISCORD_TOKEN must be set for DISCORD_TRANSPORT=gateway/],
  ])('stops on %j with a message naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});

describe('requireDiscordCredentials', () => {
  it('names what deploy-commands is missing', () => {
    expect(() => requireDiscordCredentials(parseConfig({}))).toThrow(/DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set/);
    expect(() => requireDiscordCredentials(parseConfig({ DISCORD_TOKEN: 't' }))).toThrow(/^Configuration error: DISCORD_APPLICATION_ID must be set/);
    expect(requireDiscordCredentials(parseConfig({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: ID }))).toMatchObject({ token: 't', applicationId: ID });
  });
});

describe('a token in the wrong variable', () => {
  it('is not echoed back in the error', () => {
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secretsecretsecretsecret';
    expect(() => parseConfig({ DISCORD_APPLICATION_ID: token })).toThrow(/^Configuration error: DISCORD_APPLICATION_ID must be a Discord ID/);
    try {
      parseConfig({ DISCORD_APPLICATION_ID: token });
    } catch (error) {
      expect((error as Error).message).not.toContain('secret');
    }
  });
});
