// Start-up and shutdown of `npm start` and `npm run deploy-commands` as processes: bad settings,
// broken knowledge, a token Discord rejects, registration, and a clean exit on SIGTERM.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../src/knowledge/load.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.ts';
import { ROOT, runScript, startScript } from './support/spawn-bot.ts';

const oneLine = (text: string) => text.trim().split('\n').length === 1;
const noStack = (text: string) => !/^\s+at /m.test(text);

describe('npm start refuses to start on bad input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the loader’s KnowledgeError message for a broken knowledge file', async () => {
    cpSync(join(ROOT, 'knowledge'), dir, { recursive: true });
    writeFileSync(join(dir, 'qa.json'), '{ "entries": [ }');
    let expected = '';
    try {
      loadKnowledge(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(KnowledgeError);
      expected = (error as Error).message;
    }
    expect(expected).toMatch(/qa\.json: not valid JSON/);

    const result = await runScript('src/main.ts', { KNOWLEDGE_DIR: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(expected);
    expect(noStack(result.stderr)).toBe(true);
    expect(result.stdout).toBe('');
  });

  it('names the variable and what it expects for a bad setting', async () => {
    const result = await runScript('src/main.ts', { DISCORD_GUILD_ID: 'my-guild' });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe(true);
    expect(result.stderr).toMatch(/^Configuration error: DISCORD_GUILD_ID must be a Discord ID/);
  });

  it('deploy-commands names what it needs', async () => {
    const result = await runScript('src/deploy-commands.ts');
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('Configuration error: DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set (copy .env.example to .env and fill it in).');
  });
});

describe('against a fake Discord', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  const env = (f: FakeDiscord, token = f.token) => ({ DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: f.applicationId, DISCORD_API_URL: f.apiUrl });

  it('a token Discord rejects (401) ends start-up with one clear line and a non-zero exit', async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
    const result = await runScript('src/main.ts', env(fake, 'not-the-token'));
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe(true);
    expect(result.stderr).toMatch(/^Discord rejected DISCORD_TOKEN \(401 Unauthorized\)/);
    expect(result.stderr).not.toContain('not-the-token');
  });

  it('an unreachable Discord ends start-up with one clear line', async () => {
    fake = await startFakeDiscord();
    const apiUrl = fake.apiUrl;
    const token = fake.token;
    await fake.close();
    fake = undefined;
    const result = await runScript('src/main.ts', { DISCORD_TOKEN: token, DISCORD_API_URL: apiUrl });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe(true);
    expect(result.stderr).toMatch(/^Could not connect to Discord at http:\/\/127\.0\.0\.1:\d+\/api: /);
  });

  it('deploy-commands registers every command in one bulk PUT to the guild and prints them', async () => {
    fake = await startFakeDiscord();
    const result = await runScript('src/deploy-commands.ts', { ...env(fake), DISCORD_GUILD_ID: fake.guildId });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(`Registered 4 commands to guild ${fake.guildId}: /ask, /quote, /topic, /help`);
    expect(fake.commands(fake.guildId).map((c) => c['name'])).toEqual(['ask', 'quote', 'topic', 'help']);
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(fake.specIssues).toEqual([]);
  });

  it('deploy-commands registers globally without DISCORD_GUILD_ID, and fails clearly on a bad token', async () => {
    fake = await startFakeDiscord();
    const ok = await runScript('src/deploy-commands.ts', env(fake));
    expect(ok.stdout.trim()).toBe('Registered 4 commands globally: /ask, /quote, /topic, /help');
    expect(fake.commands().map((c) => c['name'])).toEqual(['ask', 'quote', 'topic', 'help']);
    const bad = await runScript('src/deploy-commands.ts', env(fake, 'wrong'));
    expect(bad.code).toBe(1);
    expect(oneLine(bad.stderr)).toBe(true);
    expect(bad.stderr).toMatch(/^Registering the commands globally failed\. Discord rejected DISCORD_TOKEN/);
  });

  it('connects, logs JSON without the token, and exits 0 on SIGTERM', async () => {
    fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
    const bot = startScript('src/main.ts', env(fake));
    await fake.waitForReady(20_000);
    await fake.waitFor(() => bot.output().stdout.includes('connected to Discord'), 10_000, 'the ready log line');
    bot.child.kill('SIGTERM');
    const result = await bot.done;
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['msg'])).toEqual(['connected to Discord', 'shutting down']);
    expect(result.stdout).not.toContain(fake.token);
  });
});
