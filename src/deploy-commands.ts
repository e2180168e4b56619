// npm run deploy-commands: registers every command (slash and message commands) in one bulk PUT —
// to DISCORD_GUILD_ID when set (instant, for development), globally otherwise, where they are
// also offered for user installs and DMs.
import { REST, Routes } from 'discord.js';
import { registrationBody } from '../commands/index.ts';
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
  const registered = (await rest.put(route, { body: registrationBody(config.guildId ? 'guild' : 'global') })) as Array<{ name: string; type?: number }>;
  // Slash commands as /name, message commands as "Name" (Apps menu).
  const names = registered.map((c) => ((c.type ?? 1) === 1 ? `/${c.name}` : `“${c.name}” (message command)`));
  console.log(`Registered ${registered.length} commands ${where}: ${names.join(', ')}`);
} catch (error) {
  fail(`Registering the commands ${where} failed. ${describeDiscordError(error, config.apiUrl)}`);
}
