// npm run bench:start: how long the local console takes to answer one piped question, from the
// command to the end of the process, beside what Node alone takes to start and stop. Runs are
// interleaved (one of each in turn) so a busy machine slows them all alike; prints the median and
// the fastest of each. Prints figures, not a test.
//
//   BENCH_RUNS   runs of each command (default 15)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const QUESTION = '/ask how long was the meeting?\n';
// As a person would run it, without a token: the console, whatever the environment says.
const env = { ...process.env, DISCORD_TOKEN: '', DISCORD_TRANSPORT: '', LOG_LEVEL: '' };

const commands: { name: string; file: string; args: string[]; input?: string }[] = [
  { name: 'node -e 0 (Node alone)', file: process.execPath, args: ['-e', '0'] },
  { name: 'node dist/main.js', file: process.execPath, args: ['dist/main.js'], input: QUESTION },
  { name: 'node scripts/start.mjs', file: process.execPath, args: ['scripts/start.mjs'], input: QUESTION },
  { name: 'npm start', file: 'npm', args: ['start'], input: QUESTION },
];

function run(c: (typeof commands)[number]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(c.file, c.args, { cwd: ROOT, env, input: c.input ?? '', encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`${c.name} exited with ${result.status}: ${result.stderr}`);
  // The answer itself, not just a clean exit: the meeting's length is in the article's words.
  if (c.input && !/minutes/.test(result.stdout)) throw new Error(`${c.name} did not answer: ${result.stdout.slice(-500)}`);
  return ms;
}

// Once untimed: builds dist/ if a source is newer, and warms the file cache.
for (const c of commands) run(c);
const times = commands.map(() => [] as number[]);
for (let i = 0; i < RUNS; i++) commands.forEach((c, j) => times[j]!.push(run(c)));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
console.log(`one piped question, ${RUNS} runs each (ms):`);
console.log(`  ${'command'.padEnd(26)} ${'median'.padStart(7)} ${'fastest'.padStart(8)}`);
commands.forEach((c, j) => {
  const xs = times[j]!;
  console.log(
    `  ${c.name.padEnd(26)} ${median(xs).toFixed(0).padStart(7)} ${Math.min(...xs)
      .toFixed(0)
      .padStart(8)}`,
  );
});
