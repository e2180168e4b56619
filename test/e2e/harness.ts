// Runs the bot's real entry points (src/main.ts, src/deploy-commands.ts) as child processes
// against the fake Discord, the way `npm start` / `npm run deploy-commands` run them.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../fake-discord/index.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MAIN = 'src/main.ts';
export const DEPLOY = 'src/deploy-commands.ts';

/** Every variable the bot reads (src/config.ts). */
const BOT_VARIABLES = [
  'DISCORD_TOKEN',
  'DISCORD_APPLICATION_ID',
  'DISCORD_GUILD_ID',
  'DISCORD_API_URL',
  'LOG_LEVEL',
  'KNOWLEDGE_DIR',
  'DISCORD_TRANSPORT',
  'DISCORD_PUBLIC_KEY',
  'PORT',
  'DISCORD_SHARDS',
  'KNOWLEDGE_WATCH',
  'MEMBER_HASH_SECRET',
];

/**
 * The parent's environment without anything Discord-related, plus `overrides`. Every variable the
 * bot reads is set (empty means unset to src/config.ts), so a developer's .env — which dotenv
 * reads but never lets override — cannot leak a real token or guild into a test. The API URL
 * defaults to a closed local port: no test can reach discord.com by forgetting to set it.
 */
export function botEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('DISCORD_') && !BOT_VARIABLES.includes(key)) env[key] = value;
  }
  for (const key of BOT_VARIABLES) env[key] = '';
  env['DISCORD_API_URL'] = 'http://127.0.0.1:9/api';
  return { ...env, ...overrides };
}

/** The environment that points the bot at `fake` with the fake's credentials. */
export function fakeEnv(fake: FakeDiscord, overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return botEnv({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    LOG_LEVEL: 'info',
    ...overrides,
  });
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Spawned {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** stdout's JSON log lines (pino writes JSON when stdout is not a terminal). */
  logs(): Array<Record<string, unknown>>;
  readonly exited: Promise<Exit>;
  hasExited(): boolean;
  /** SIGTERM, then wait for the exit (SIGKILL to the process group if it hangs). */
  stop(timeoutMs?: number): Promise<Exit>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // Detached: the child leads its own group, which also holds tsx's node grandchild.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export function spawnScript(script: string, env: NodeJS.ProcessEnv): Spawned {
  // node with tsx's loader rather than the tsx CLI: one process, which gets signals itself as in
  // production (the CLI relays them, and gives up on a child busy for more than a few ms).
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  live.add(child);
  let out = '';
  let err = '';
  // Always drain both pipes: the logger writes synchronously and would block on a full pipe.
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  let done = false;
  const exited = new Promise<Exit>((resolve, reject) => {
    child.once('error', reject);
    // 'close' rather than 'exit': by then both pipes are fully read.
    child.once('close', (code, signal) => {
      done = true;
      live.delete(child);
      resolve({ code, signal });
    });
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    logs: () =>
      out
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    exited,
    hasExited: () => done,
    async stop(timeoutMs = 10_000) {
      if (!done) child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<'hung'>((resolve) => {
        timer = setTimeout(() => resolve('hung'), timeoutMs);
      });
      const first = await Promise.race([exited, hung]);
      clearTimeout(timer);
      if (first !== 'hung') return first;
      killGroup(child, 'SIGKILL');
      await exited;
      throw new Error(`the bot did not exit within ${timeoutMs} ms of SIGTERM\nstdout:\n${out.slice(-2000)}\nstderr:\n${err.slice(-2000)}`);
    },
  };
}

/** The exit, or null if the process is still running after `timeoutMs` (it is left running). */
export async function exitWithin(spawned: Spawned, timeoutMs: number): Promise<Exit | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const first = await Promise.race([spawned.exited, late]);
  clearTimeout(timer);
  return first;
}

/** Runs a script to its end (or kills it after `timeoutMs`). */
export async function runScript(script: string, env: NodeJS.ProcessEnv, timeoutMs = 20_000): Promise<Exit & { stdout: string; stderr: string }> {
  const spawned = spawnScript(script, env);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  const first = await Promise.race([spawned.exited, late]);
  clearTimeout(timer);
  if (first === 'late') {
    killGroup(spawned.child, 'SIGKILL');
    await spawned.exited;
    throw new Error(`${script} did not finish within ${timeoutMs} ms\nstdout:\n${spawned.stdout()}\nstderr:\n${spawned.stderr()}`);
  }
  return { ...first, stdout: spawned.stdout(), stderr: spawned.stderr() };
}

/**
 * Starts the bot (`tsx src/main.ts`, or `script`: scripts/start.mjs for the compiled bot) against
 * `fake` and waits for its gateway session. Fails fast, with the bot's output, if it exits during start-up.
 */
export async function startBot(fake: FakeDiscord, overrides: Record<string, string> = {}, timeoutMs = 25_000, script = MAIN): Promise<Spawned> {
  const bot = spawnScript(script, fakeEnv(fake, overrides));
  const readies = fake.stats.readies;
  const exitedEarly = bot.exited.then((exit) => {
    throw new Error(`the bot exited during start-up (${JSON.stringify(exit)})\nstdout:\n${bot.stdout()}\nstderr:\n${bot.stderr()}`);
  });
  exitedEarly.catch(() => undefined);
  try {
    await Promise.race([fake.waitForReady(timeoutMs, readies + 1), exitedEarly]);
  } catch (error) {
    if (!bot.hasExited()) await bot.stop().catch(() => undefined);
    throw error;
  }
  return bot;
}

/** The environment for the HTTP door against `fake`: its public key, no bot token, any free port. */
export function httpEnv(fake: FakeDiscord, overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return botEnv({
    DISCORD_TRANSPORT: 'http',
    DISCORD_PUBLIC_KEY: fake.publicKeyHex,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
    ...overrides,
  });
}

export interface HttpBot extends Spawned {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** `http://127.0.0.1:<port>/interactions`, the Interactions Endpoint URL. */
  readonly endpoint: string;
}

/** Starts the bot with DISCORD_TRANSPORT=http and waits for the port it logs. */
export async function startHttpBot(fake: FakeDiscord, overrides: Record<string, string> = {}, timeoutMs = 25_000, script = MAIN): Promise<HttpBot> {
  const bot = spawnScript(script, httpEnv(fake, overrides));
  const exitedEarly = bot.exited.then((exit) => {
    throw new Error(`the bot exited during start-up (${JSON.stringify(exit)})\nstdout:\n${bot.stdout()}\nstderr:\n${bot.stderr()}`);
  });
  exitedEarly.catch(() => undefined);
  try {
    const port = await Promise.race([
      fake.waitFor(
        () => bot.logs().find((l) => l['msg'] === 'listening for Discord interactions')?.['port'] as number | undefined,
        timeoutMs,
        'the bot to listen',
      ),
      exitedEarly,
    ]);
    const origin = `http://127.0.0.1:${port}`;
    return Object.assign(bot, { origin, endpoint: `${origin}/interactions` });
  } catch (error) {
    if (!bot.hasExited()) await bot.stop().catch(() => undefined);
    throw error;
  }
}

/** Stack-trace lines, as Node prints them. */
export function stackLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s{4}at /.test(line));
}

/**
 * A fake Discord of its own for each test, so a file's tests can run side by side; every fake
 * made is closed after the file's tests. Call it once at the top of a test file.
 */
export function fakePerTest(options: FakeDiscordOptions = {}): () => Promise<FakeDiscord> {
  const fakes: FakeDiscord[] = [];
  afterAll(async () => {
    await Promise.all(fakes.map((f) => f.close()));
  });
  return async () => {
    const fake = await startFakeDiscord(options);
    fakes.push(fake);
    return fake;
  };
}
