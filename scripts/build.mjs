// Compiles the bot for `npm start`: src/main.ts and everything it imports from this repository,
// bundled by esbuild into one CommonJS script, dist/bot.cjs, with the small packages it uses, and
// run by dist/main.js (scripts/bot-runner.mjs) with V8's code cache, which this build writes by
// answering one question in the local console. Each door's heavy packages (discord.js,
// prom-client) are required only when that door opens, so the console never loads them.
// Runs from `npm ci` (the prepare script) and from scripts/start.mjs when the sources are newer.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
export const ENTRY = 'dist/main.js';
const CODE_CACHE = 'bot.cjs.cache';

const EXTERNAL = ['discord.js', 'prom-client', 'pino-pretty', 'word-list'];

/** A JavaScript literal for a constant: JSON, but BigInts too (PermissionFlagsBits). */
function literal(value) {
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return `[${value.map(literal).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${literal(v)}`)}}`;
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/**
 * discord-api-types/v10 is CommonJS, so a bundle must run all of it (every enum of the API,
 * 11 ms of each start) to read the few the bot uses. This serves the bundle the installed
 * package's constants as an ES module instead, built from the package itself at each build, so
 * esbuild keeps only the enums imported. (It exports no functions; importing one would fail the
 * build, not the bot.) discord.js, external, still loads the package itself.
 */
const discordApiTypesAsConstants = {
  name: 'discord-api-types-as-constants',
  setup(build) {
    build.onResolve({ filter: /^discord-api-types\/v10$/ }, () => ({ path: 'discord-api-types/v10', namespace: 'constants' }));
    build.onLoad({ filter: /.*/, namespace: 'constants' }, () => {
      const api = createRequire(import.meta.url)('discord-api-types/v10');
      const exports = Object.entries(api).filter(([, value]) => typeof value !== 'function');
      return { contents: exports.map(([name, value]) => `export const ${name} = ${literal(value)};`).join('\n'), loader: 'js' };
    });
  },
};

export async function buildBot() {
  // Imported here: scripts/start.mjs reads this file's paths on every start, and needs esbuild only to build.
  const { build } = await import('esbuild');
  // Built beside dist/ and moved in (see the end), so a bot starting meanwhile never sees half a build.
  const staging = `dist.${process.pid}.tmp`;
  rmSync(fileURLToPath(new URL(`../${staging}`, import.meta.url)), { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    // The bot, and the knowledge check that runs once at the end of the build (see precheckKnowledge).
    entryPoints: { bot: 'src/main.ts', 'knowledge-precheck': 'src/cli/knowledge-precheck.ts' },
    outdir: staging,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    // A script, not an ES module: node:vm can cache a script's compiled code (scripts/bot-runner.mjs).
    // A door's `await import()` becomes a require() run when the door opens.
    format: 'cjs',
    target: 'node20',
    // Small pure-JS packages are bundled too (resolving and reading hundreds of module files is
    // most of a cold start); these stay imported at run time, as installed: the doors' heavy
    // packages (loaded only with their door), pino-pretty (loaded at its first line, see
    // src/logger.ts), word-list (a data file). pino is bundled: the bot writes to a stream, and
    // only pino.transport() (worker threads, unused) would look for pino's own files.
    external: EXTERNAL,
    plugins: [discordApiTypesAsConstants],
    // import.meta.url (where the knowledge files and pino-pretty are found from) is the script's own URL.
    define: { 'import.meta.url': '__importMetaUrl' },
    banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    sourcemap: 'linked',
    // Fewer bytes for V8 to parse at every start (the source map keeps stack traces readable).
    minify: true,
    logLevel: 'warning',
  });
  const stagingDir = fileURLToPath(new URL(`../${staging}`, import.meta.url));
  copyFileSync(fileURLToPath(new URL('./bot-runner.mjs', import.meta.url)), join(stagingDir, 'main.js'));
  precheckKnowledge(stagingDir);
  // Moved in over the old build, not in its place. (Files of older builds, from before the bot was
  // one script, are removed once a day old.)
  mkdirSync(DIST, { recursive: true });
  const fresh = new Set([...readdirSync(stagingDir), CODE_CACHE]);
  // The old cache goes first; a bot starting before the new one is written compiles afresh.
  rmSync(join(DIST, CODE_CACHE), { force: true });
  // The entry last: a bot starting meanwhile finds the old entry or the new one with its script.
  const entryLast = [...fresh].filter((name) => name !== CODE_CACHE).sort((a, b) => Number(a.startsWith('main.')) - Number(b.startsWith('main.')));
  for (const name of entryLast) renameSync(join(stagingDir, name), join(DIST, name));
  // In place, not in the staging directory: V8's cache keeps the path of the script it was made
  // from, and stack traces and profiles would name the staging directory.
  writeCodeCache(DIST);
  rmSync(stagingDir, { recursive: true, force: true });
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(DIST)) {
    if (!fresh.has(name) && statSync(join(DIST, name)).mtimeMs < dayAgo) rmSync(join(DIST, name), { recursive: true, force: true });
  }
}

/**
 * Validates the knowledge files and records them as validated (dist/knowledge.checked.json), so the
 * bot does not run zod over the same files at every start (src/knowledge/precheck.ts). Files with
 * problems are not recorded: the bot validates them at start and says what is wrong, as always.
 */
function precheckKnowledge(dir) {
  const script = join(dir, 'knowledge-precheck.cjs');
  spawnSync(process.execPath, [script, join(dir, 'knowledge.checked.json')], { cwd: ROOT, stdio: 'ignore', timeout: 60_000 });
  rmSync(script);
  rmSync(`${script}.map`, { force: true });
}

/**
 * Answers one question in the local console with the new build, which saves V8's code cache
 * (scripts/bot-runner.mjs). Whatever .env or the environment say, this is the console (no token,
 * no transport), on the repository's knowledge, logging nothing. If it fails (broken knowledge
 * files, say) there is no cache: the bot then starts compiling afresh, and reports the problem itself.
 */
function writeCodeCache(dir) {
  const env = {
    ...process.env,
    DISCORD_TOKEN: '',
    DISCORD_TRANSPORT: '',
    KNOWLEDGE_DIR: '',
    KNOWLEDGE_WATCH: '',
    LOG_LEVEL: 'silent',
    BOT_CODE_CACHE: 'write',
  };
  spawnSync(process.execPath, [join(dir, 'main.js')], {
    cwd: ROOT,
    env,
    input: '/ask how long was the meeting?\n',
    stdio: ['pipe', 'ignore', 'ignore'],
    timeout: 60_000,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBot();
