// npm run deploy-commands: registers every slash command in one bulk PUT — to DISCORD_GUILD_ID
// when set (instant, for development), globally otherwise.
import { REST, Routes } from 'discord.js';
import { commands } from '../commands/index.ts';
import { ConfigError, loadDotenvFile, parseConfig, requireDiscordCredentials } from './config.ts';
import { fail } from './lifecycle/fail.ts';
import { describeDiscordError } from './transports/discord-gateway.ts';

loadDotenvFile();
let config;
try {
  config = requireDiscordCredentials(parseConfig(process.env));
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const rest = new REST({ api: config.apiUrl }).setToken(config.token);
const route = config.guildId ? Routes.applicationGuildCommands(config.applicationId, config.guildId) : Routes.applicationCommands(config.applicationId);
const where = config.guildId ? `to guild ${config.guildId}` : 'globally';

try {
  const registered = (await rest.put(route, { body: commands.map((c) => c.data) })) as Array<{ name: string }>;
  console.log(`Registered ${registered.length} commands ${where}: ${registered.map((c) => `/${c.name}`).join(', ')}`);
} catch (error) {
  fail(`Registering the commands ${where} failed. ${describeDiscordError(error, config.apiUrl)}`);
}
