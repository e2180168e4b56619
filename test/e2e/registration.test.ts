// `npm run deploy-commands` (src/deploy-commands.ts, run as a process) against the fake Discord:
// one bulk PUT whose payload keeps Discord's rules for command definitions.
import { describe, expect, it } from 'vitest';
import { DEPLOY, botEnv, fakeEnv, fakePerTest, runScript, stackLines } from './harness.ts';

// Discord's rule for command and option names (CHAT_INPUT): 1-32 of these, lowercase where the script has case.
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SUBCOMMAND = 1;
const SUBCOMMAND_GROUP = 2;
const STRING = 3;
const MESSAGE = 3;

type Json = Record<string, unknown>;

function nameProblems(name: unknown, at: string): string[] {
  if (typeof name !== 'string') return [`${at}.name is missing`];
  const out: string[] = [];
  if (!NAME.test(name)) out.push(`${at}.name "${name}" does not match Discord's name pattern`);
  if (name !== name.toLowerCase()) out.push(`${at}.name "${name}" is not lowercase`);
  return out;
}

function descriptionProblems(description: unknown, at: string): string[] {
  if (typeof description !== 'string') return [`${at}.description is missing`];
  return description.length >= 1 && description.length <= 100 ? [] : [`${at}.description has ${description.length} characters (1-100)`];
}

/** Characters Discord counts towards a command's 4000 (names, descriptions, choice names and values). */
function countedLength(node: Json): number {
  let total = String(node['name'] ?? '').length + String(node['description'] ?? '').length;
  for (const choice of (node['choices'] as Json[] | undefined) ?? []) total += String(choice['name']).length + String(choice['value']).length;
  for (const option of (node['options'] as Json[] | undefined) ?? []) total += countedLength(option);
  return total;
}

function optionProblems(options: unknown, at: string): string[] {
  if (options === undefined) return [];
  if (!Array.isArray(options)) return [`${at}.options is not an array`];
  const out: string[] = [];
  if (options.length > 25) out.push(`${at} has ${options.length} options (max 25)`);
  const names = new Set<string>();
  let sawOptional = false;
  (options as Json[]).forEach((option, i) => {
    const where = `${at}.options[${i}] (${String(option['name'])})`;
    out.push(...nameProblems(option['name'], where), ...descriptionProblems(option['description'], where));
    if (names.has(String(option['name']))) out.push(`${where}: duplicate option name`);
    names.add(String(option['name']));
    const type = option['type'];
    if (type === SUBCOMMAND || type === SUBCOMMAND_GROUP) {
      out.push(...optionProblems(option['options'], where));
      return;
    }
    if (option['required'] === true && sawOptional) out.push(`${where}: a required option after an optional one`);
    if (option['required'] !== true) sawOptional = true;
    if (option['autocomplete'] === true && option['choices'] !== undefined) out.push(`${where}: autocomplete together with choices`);
    if (option['autocomplete'] === true && type !== STRING && type !== 4 && type !== 10) out.push(`${where}: autocomplete on a non-text option`);
    const choices = option['choices'];
    if (Array.isArray(choices) && choices.length > 25) out.push(`${where}: ${choices.length} choices (max 25)`);
    if (type === STRING) {
      const min = (option['min_length'] as number | undefined) ?? 0;
      const max = (option['max_length'] as number | undefined) ?? 6000;
      if (min < 0 || max < 1 || max > 6000 || min > max) out.push(`${where}: min_length ${min} / max_length ${max} out of range`);
    }
  });
  return out;
}

/** A message context-menu command (type 3): a name of 1-32 characters (spaces and capitals allowed), no description, no options. */
function messageCommandProblems(command: Json, at: string): string[] {
  const out: string[] = [];
  const name = command['name'];
  if (typeof name !== 'string' || name.length < 1 || name.length > 32) out.push(`${at}.name must be 1-32 characters`);
  if (command['description'] !== undefined && command['description'] !== '') out.push(`${at}: a message command has no description`);
  if (command['options'] !== undefined) out.push(`${at}: a message command has no options`);
  return out;
}

function commandProblems(command: Json, index: number): string[] {
  const at = `commands[${index}]`;
  if (command['type'] === MESSAGE) return messageCommandProblems(command, at);
  const out = [...nameProblems(command['name'], at), ...descriptionProblems(command['description'], at), ...optionProblems(command['options'], at)];
  if (command['type'] !== undefined && command['type'] !== 1) out.push(`${at}.type is ${String(command['type'])}, not CHAT_INPUT`);
  const length = countedLength(command);
  if (length > 4000) out.push(`${at} has ${length} characters of names and descriptions (max 4000)`);
  return out;
}

function payloadProblems(body: unknown): string[] {
  if (!Array.isArray(body)) return ['the payload is not an array'];
  const out = (body as Json[]).flatMap(commandProblems);
  if ((body as Json[]).filter((c) => (c['type'] ?? 1) === 1).length > 100) out.push('over 100 chat input commands');
  if ((body as Json[]).filter((c) => c['type'] === MESSAGE).length > 5) out.push('over 5 message commands');
  const names = (body as Json[]).map((c) => `${String(c['type'] ?? 1)}:${String(c['name'])}`);
  if (new Set(names).size !== names.length) out.push(`duplicate command names: ${names.join(', ')}`);
  return out;
}

/** The options that must offer autocomplete: those whose values are names the knowledge base knows. */
const AUTOCOMPLETED = { ask: ['question'], quote: ['speaker'], topic: ['name'] } as Record<string, string[]>;

function autocompleteProblems(body: unknown): string[] {
  const out: string[] = [];
  for (const [command, optionNames] of Object.entries(AUTOCOMPLETED)) {
    const definition = (body as Json[]).find((c) => c['name'] === command);
    if (!definition) {
      out.push(`/${command} is not registered`);
      continue;
    }
    for (const name of optionNames) {
      const option = ((definition['options'] as Json[] | undefined) ?? []).find((o) => o['name'] === name);
      if (option?.['autocomplete'] !== true) out.push(`/${command} ${name}: no autocomplete`);
    }
  }
  return out;
}

const newFake = fakePerTest();

// Each run of the script costs 1-2 s of mostly start-up work, so these run concurrently.
describe.concurrent('deploy-commands against the fake Discord', () => {
  it('registers every command globally in one bulk PUT that keeps Discord’s rules', async () => {
    const fake = await newFake();
    const run = await runScript(DEPLOY, fakeEnv(fake, { DISCORD_GUILD_ID: '' }));

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Registered 5 commands globally: /ask, /quote, /topic, /help, “Check against the article” (message command)\n');
    const registrations = fake.commandRegistrations;
    expect(registrations.map((r) => [r.method, r.applicationId, r.guildId])).toEqual([['PUT', fake.applicationId, null]]);
    const body = registrations[0]!.body;
    expect(payloadProblems(body)).toEqual([]);
    expect(autocompleteProblems(body)).toEqual([]);
    expect((body as Json[]).map((c) => [c['name'], c['type']])).toEqual([
      ['ask', 1],
      ['quote', 1],
      ['topic', 1],
      ['help', 1],
      ['Check against the article', 3],
    ]);
    // Installable to a server or to a member's account, usable in servers, DMs with the bot and other DMs.
    for (const command of body as Json[])
      expect([command['integration_types'], command['contexts']]).toEqual([
        [0, 1],
        [0, 1, 2],
      ]);
    expect(fake.commands().map((c) => [c['name'], c['integration_types'], c['contexts']])).toEqual(
      ['ask', 'quote', 'topic', 'help', 'Check against the article'].map((name) => [name, [0, 1], [0, 1, 2]]),
    );
    expect(fake.requests.filter((r) => r.route === 'applicationCommands').map((r) => r.headers['authorization'])).toEqual([`Bot ${fake.token}`]);
    expect(fake.specIssues).toEqual([]);
  });

  it('registers to the guild route when DISCORD_GUILD_ID is set', async () => {
    const fake = await newFake();
    const run = await runScript(DEPLOY, fakeEnv(fake, { DISCORD_GUILD_ID: fake.guildId }));

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Registered 5 commands to guild ${fake.guildId}`);
    const registrations = fake.commandRegistrations;
    expect(registrations.map((r) => [r.method, r.guildId])).toEqual([['PUT', fake.guildId]]);
    expect(payloadProblems(registrations[0]!.body)).toEqual([]);
    expect(autocompleteProblems(registrations[0]!.body)).toEqual([]);
    // Discord takes integration_types and contexts on global commands only.
    for (const command of registrations[0]!.body as Json[]) expect([command['integration_types'], command['contexts']]).toEqual([undefined, undefined]);
    expect(fake.commands(fake.guildId).map((c) => [c['name'], c['guild_id']])).toEqual([
      ['ask', fake.guildId],
      ['quote', fake.guildId],
      ['topic', fake.guildId],
      ['help', fake.guildId],
      ['Check against the article', fake.guildId],
    ]);
    expect(fake.specIssues).toEqual([]);
  });

  it('fails with one clear line, no stack trace, when the token is rejected or missing', async () => {
    const fake = await newFake();
    const [rejected, missing] = await Promise.all([
      runScript(DEPLOY, fakeEnv(fake, { DISCORD_TOKEN: 'not-the-token' })),
      runScript(DEPLOY, botEnv({ DISCORD_API_URL: fake.apiUrl })),
    ]);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr.trim().split('\n')).toHaveLength(1);
    expect(rejected.stderr).toMatch(/401/);
    expect(rejected.stderr).not.toContain('not-the-token');
    expect(stackLines(rejected.stderr)).toEqual([]);

    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set/);
    expect(stackLines(missing.stderr)).toEqual([]);
    expect(fake.commandRegistrations).toEqual([]);
  });
});
