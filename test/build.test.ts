// `npm start` runs the compiled bot (scripts/start.mjs → dist/, built by scripts/build.mjs): it
// must answer like the sources do, and each door's heavy packages must load only with that door.
// (Every other test runs the TypeScript sources.)
import { spawn } from 'node:child_process';
import { InteractionType } from 'discord-api-types/v10';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allText, answerOf, createAuditor, customIds, freshUser } from './e2e/checks.ts';
import { botEnv, startBot, startHttpBot } from './e2e/harness.ts';
import { snowflake, startFakeDiscord } from './fake-discord/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The static imports of an ES module's source (not `import()`, not `import type`). */
function staticImports(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** The static imports of a bundled (minified) chunk: `import{a as b}from"pino"`, not `import("./x.js")`. */
function bundleImports(source: string): string[] {
  return [...source.matchAll(/(?<![\w$.])import\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]!);
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

  it('the entry chunk imports neither discord.js nor prom-client (they load with their door) nor pino-pretty', () => {
    // The test above has just (re)built dist/ if it was stale.
    const entry = readFileSync(join(ROOT, 'dist', 'main.js'), 'utf8');
    const imports = bundleImports(entry);
    expect(imports).toContain('word-list');
    expect(imports.filter((m) => /discord\.js|prom-client|pino-pretty|discord-api-types/.test(m))).toEqual([]);
    // pino-pretty is required when the first pretty line is printed (src/logger.ts).
    expect(entry).toMatch(/\(["']pino-pretty["']\)/);
    // What the console loads: the entry and its static chunks. Of discord-api-types, only the
    // enums the bot uses are bundled, not the whole API's.
    const loaded = [entry, ...imports.filter((m) => m.startsWith('./')).map((m) => readFileSync(join(ROOT, 'dist', m), 'utf8'))].join('\n');
    expect(loaded).toMatch(/\bPrimary\b/);
    expect(loaded).not.toContain('GuildScheduledEventRecurrenceRuleWeekday');
    const chunks = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.js'));
    const gateway = chunks.find((f) => f.startsWith('discord-gateway-'));
    expect(gateway && bundleImports(readFileSync(join(ROOT, 'dist', gateway), 'utf8'))).toContain('discord.js');
    // The HTTP door's chunk, likewise, loads no discord.js.
    const http = chunks.find((f) => f.startsWith('discord-http-'));
    expect(http && bundleImports(readFileSync(join(ROOT, 'dist', http), 'utf8')).filter((m) => m.includes('discord.js'))).toEqual([]);
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
