// npm run bench: the answer engine's speed. A benchmark that prints figures, not a test.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyse } from '../src/engine/analysis.ts';
import { ask } from '../src/engine/ask.ts';
import { createEngine } from '../src/engine/index.ts';
import { AskCaseSchema, readJsonl } from '../src/eval/cases.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { ASK_SETS } from '../src/eval/sets.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const data = (name: string) => fileURLToPath(new URL(`../test/data/${name}`, import.meta.url));
const questions = ASK_SETS.filter((f) => existsSync(data(f))).flatMap((f) => readJsonl(data(f), AskCaseSchema).map((c) => c.q));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (ns: bigint) => Number(ns) / 1e6;

let t = process.hrtime.bigint();
const knowledge = loadKnowledge();
const loadMs = ms(process.hrtime.bigint() - t);

const builds: number[] = [];
createEngine(knowledge); // warm-up
for (let i = 0; i < 20; i++) {
  t = process.hrtime.bigint();
  createEngine(knowledge);
  builds.push(ms(process.hrtime.bigint() - t));
}
builds.sort((a, b) => a - b);

// The engine remembers recent answers (src/engine/recent.ts); this measures the work itself, as for
// a question asked for the first time.
const analysis = analyse(knowledge);
for (const q of questions) ask(analysis, q); // warm-up
const latencies: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const q of questions) {
    t = process.hrtime.bigint();
    ask(analysis, q);
    latencies.push(ms(process.hrtime.bigint() - t));
  }
}
latencies.sort((a, b) => a - b);
const rssMiB = process.memoryUsage().rss / 2 ** 20;

console.log(`knowledge load + validation: ${loadMs.toFixed(1)} ms`);
console.log(
  `index build (createEngine): median ${percentile(builds, 50).toFixed(2)} ms, max ${builds.at(-1)!.toFixed(2)} ms over ${builds.length} builds (target < 100 ms)`,
);
console.log(`ask(): ${latencies.length} questions (${questions.length} distinct x ${ROUNDS} rounds)`);
console.log(
  `  p50 ${(percentile(latencies, 50) * 1000).toFixed(0)} µs, p99 ${(percentile(latencies, 99) * 1000).toFixed(0)} µs, max ${(latencies.at(-1)! * 1000).toFixed(0)} µs (target p50 < 0.3 ms)`,
);
console.log(`process RSS: ${rssMiB.toFixed(0)} MiB`);
