// dist/main.js (scripts/build.mjs copies this file there): runs the compiled bot, dist/bot.cjs,
// with V8's code cache. Node 20 cannot cache compiled ES modules (module.enableCompileCache came
// later), but a script compiled with node:vm can be given the code V8 compiled for it on an
// earlier run, so V8 neither parses the bundle again nor compiles, one by one, the functions a
// start-up calls: 20–30 ms of a 0.2 s start (npm run bench:start). The build writes the cache by
// running the console once (BOT_CODE_CACHE=write). V8 checks the cache against the source and its
// own version and flags and compiles afresh when it does not fit, so a stale cache is only slower.
//
//   BOT_CODE_CACHE=write   (the build) save the cache when the process exits
//   BOT_CODE_CACHE=report  (the tests) say on stderr whether the cache was used
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('./bot.cjs', import.meta.url));
const cacheFile = `${file}.cache`;
const mode = process.env['BOT_CODE_CACHE'];
delete process.env['BOT_CODE_CACHE'];

let cachedData;
try {
  if (mode !== 'write') cachedData = readFileSync(cacheFile);
} catch {
  // No cache (yet): compiled as any script is.
}
// Wrapped as Node wraps a CommonJS module (on one line, so line numbers in stack traces hold).
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
const script = new Script(source, { filename: file, cachedData });
if (mode === 'report') process.stderr.write(`code cache: ${cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
// After the run, so the cache holds every function the start-up compiled, not only the top level.
if (mode === 'write') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
