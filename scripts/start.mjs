// npm start: runs the compiled bot (dist/, see scripts/build.mjs), compiling it first when it is
// missing or older than any source file, so an edited source is never run stale. Compiled
// JavaScript starts in a fraction of the time TypeScript through tsx takes.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildBot, ENTRY, ROOT } from './build.mjs';

function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

const built = statSync(join(ROOT, ENTRY), { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sources = Math.max(...['src', 'commands', 'package.json', 'scripts/build.mjs', 'scripts/bot-runner.mjs'].map((p) => newest(join(ROOT, p))));
if (built < sources) await buildBot();
await import(pathToFileURL(join(ROOT, ENTRY)).href);
