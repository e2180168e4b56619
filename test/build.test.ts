// `npm start` runs the compiled bot (scripts/start.mjs → dist/, built by scripts/build.mjs): it
// must answer like the sources do, and each door's heavy packages must load only with that door.
// (Every other test runs the TypeScript sources.)
import { spawn, spawnSync } from 'node:child_process';
import { InteractionType } from 'discord-api-types/v10';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allText, answerOf, createAuditor, customIds, freshUser } from './e2e/checks.ts';
import { botEnv, startBot, startHttpBot } from './e2e/harness.ts';
import { editJson } from './knowledge/fixture.ts';
import { loadKnowledge, precheckKnowledge } from '../src/knowledge/load.ts';
import { readPrechecked } from '../src/knowledge/precheck.ts';
import { snowflake, startFakeDiscord } from './fake-discord/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The static imports of an ES module's source (not `import()`, not `import type`). */
function staticImports(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

describe('npm start (the compiled bot)', () => {
  it('answers a piped question in the local console', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env: botEnv() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end('/ask how long was the meeting?\n');
    const code = await new Promise<number | null>((done) => child.on('close', done));

    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('local console');
    expect(stdout).toMatch(/35 minutes/);
    expect(stdout).toMatch(/¶ 5/);
  });

  it('the console loads neither discord.js nor prom-client (they load with their door) nor pino-pretty, and runs on the code cache', () => {
    // The test above has just (re)built dist/ if it was stale. A hook lists, as the process ends,
    // every CommonJS module loaded (the bundle requires its external packages as CommonJS).
    const hook = `data:text/javascript,${encodeURIComponent(
      'import { createRequire } from "node:module"; const r = createRequire(process.cwd() + "/"); process.on("exit", () => process.stderr.write("loaded " + JSON.stringify(Object.keys(r.cache)) + "\\n"));',
    )}`;
    const result = spawnSync(process.execPath, ['--import', hook, 'dist/main.js'], {
      cwd: ROOT,
      env: botEnv({ BOT_CODE_CACHE: 'report' }),
      input: '/ask how long was the meeting?\n',
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/35 minutes/);
    // The build answered a question with this very script to write the cache, so V8 takes it.
    expect(result.stderr).toContain('code cache: used');
    const loaded = JSON.parse(/^loaded (.*)$/m.exec(result.stderr)?.[1] ?? 'null') as string[];
    // word-list is required at start, so the list is not empty for want of looking.
    expect(loaded.some((path) => /node_modules[\\/]word-list[\\/]/.test(path))).toBe(true);
    expect(loaded.filter((path) => /node_modules[\\/](discord\.js|@discordjs|prom-client|pino-pretty|discord-api-types)[\\/]/.test(path))).toEqual([]);
    // Of discord-api-types, only the enums the bot uses are bundled, not the whole API's.
    const bundle = readFileSync(join(ROOT, 'dist', 'bot.cjs'), 'utf8');
    expect(bundle).toMatch(/\bPrimary\b/);
    expect(bundle).not.toContain('GuildScheduledEventRecurrenceRuleWeekday');
    // discord.js and prom-client are required by the doors that use them, found in the bundle.
    expect(bundle).toMatch(/require\(["']discord\.js["']\)/);
    expect(bundle).toMatch(/require\(["']prom-client["']\)/);
    expect(bundle).toMatch(/\(["']pino-pretty["']\)/);
  });
});

describe('npm start (the compiled bot) and the knowledge files', () => {
  it('runs on the knowledge the build validated, and validates edited files at start with the same message as the sources', async () => {
    // The build validated knowledge/ and recorded it (dist/knowledge.checked.json), unchanged since.
    expect(readPrechecked(join(ROOT, 'dist', 'knowledge.checked.json'))?.digest).toBe(precheckKnowledge().digest);
    const dir = mkdtempSync(join(tmpdir(), 'build-knowledge-'));
    try {
      cpSync(join(ROOT, 'knowledge'), dir, { recursive: true });
      editJson(dir, 'quotes.json', (j) => {
        j.quotes[3].text = 'clear eyed';
      });
      let expected = '';
      try {
        loadKnowledge(dir);
      } catch (error) {
        expected = (error as Error).message;
      }
      expect(expected).toMatch(/quotes\.json: quotes\[3\]\.text: not found verbatim/);
      const run = spawnSync(process.execPath, ['dist/main.js'], { cwd: ROOT, env: botEnv({ KNOWLEDGE_DIR: dir }), input: '/help\n', encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('Cannot start: the knowledge files have problems.');
      expect(run.stderr).toContain(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The compiled doors, as `npm start` runs them (dist/ bundles its own copy of discord-api-types'
// constants and pino): replies checked against Discord's spec by the fake, as for the sources.
describe('npm start (the compiled bot) on each Discord door', () => {
  const START = 'scripts/start.mjs';

  it('answers /ask over the gateway, and its Helpful button', async () => {
    const fake = await startFakeDiscord();
    const audit = createAuditor(fake);
    const bot = await startBot(fake, {}, 25_000, START);
    try {
      const user = freshUser();
      const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask', options: { question: 'how long was the meeting?' }, user }));
      const asked = await answerOf(fake, id);
      expect(asked.callback.type).toBe(4);
      expect(allText(asked.data)).toMatch(/35 minutes/);
      const helpful = customIds(asked.data).find((customId) => customId.startsWith('fb:y:'));
      expect(helpful).toBeDefined();
      const message = fake.originalMessage(id);
      const pressed = await answerOf(fake, fake.dispatchInteraction(fake.build.button({ customId: helpful ?? '', user, ...(message ? { message } : {}) })));
      expect(pressed.ephemeral).toBe(true);
      expect(audit()).toEqual([]);
    } finally {
      expect(await bot.stop()).toEqual({ code: 0, signal: null });
      await fake.close();
    }
    expect(bot.stderr()).toBe('');
  });

  it('answers a PING and /ask at the HTTP endpoint', async () => {
    const fake = await startFakeDiscord();
    const audit = createAuditor(fake);
    const bot = await startHttpBot(fake, {}, 25_000, START);
    try {
      const ping = await fake.postInteraction(bot.endpoint, {
        id: snowflake(),
        application_id: fake.applicationId,
        type: InteractionType.Ping,
        token: 'x',
        version: 1,
        entitlements: [],
        authorizing_integration_owners: {},
        app_permissions: '0',
        attachment_size_limit: 10_485_760,
      });
      expect([ping.status, ping.body]).toEqual([200, { type: 1 }]);
      const delivery = await fake.postInteraction(
        bot.endpoint,
        fake.build.chatInput({ name: 'ask', options: { question: 'how long was the meeting?' }, user: freshUser() }),
      );
      expect(delivery.status).toBe(200);
      const asked = await answerOf(fake, delivery.interactionId);
      expect(asked.callback.type).toBe(4);
      expect(allText(asked.data)).toMatch(/35 minutes/);
      expect(audit()).toEqual([]);
    } finally {
      expect(await bot.stop()).toEqual({ code: 0, signal: null });
      await fake.close();
    }
    expect(bot.stderr()).toBe('');
  });
});

describe('the HTTP door', () => {
  it('imports no discord.js, directly or through anything it imports', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of staticImports(readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
        else if (spec.startsWith('#src/')) visit(join(ROOT, 'src', spec.slice('#src/'.length)));
        else packages.add(spec);
      }
    };
    visit(join(ROOT, 'src', 'transports', 'discord-http.ts'));
    expect(seen.size).toBeGreaterThan(5);
    expect(packages).toContain('discord-api-types/v10');
    expect([...packages].filter((p) => p.startsWith('discord.js') || p.startsWith('@discordjs/rest') || p.startsWith('@discordjs/ws'))).toEqual([]);
  });
});
