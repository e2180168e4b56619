// npm run bench:input: what a question's length costs through the router and the real engine
// (/ask, reply built and checked), for 300, 100,000 and 1,000,000 characters. Prints figures, not
// a test: every length should cost about what 300 does, as user text is cut before it is read.
import { contextFor } from '../commands/context.ts';
import { commands } from '../commands/index.ts';
import { createEngine } from '../src/engine/index.ts';
import { createRouter } from '../src/interactions/router.ts';
import type { Responder } from '../src/interactions/incoming.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createLogger } from '../src/logger.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 50);
const knowledge = loadKnowledge();
const engine = createEngine(knowledge);
const router = createRouter({
  commands,
  context: contextFor({ engine, source: { title: knowledge.title, outlet: knowledge.outlet, event: knowledge.event } }),
  logger: createLogger({ level: 'silent' }),
  cooldown: null,
});
const ignore = async () => undefined;
const responder: Responder = { reply: ignore, update: ignore, defer: ignore, editReply: ignore, followUp: ignore, deleteReply: ignore, respondChoices: ignore };

// One long line of words and markdown: the slowest shape for Discord's markdown escaping.
const text = (length: number) => 'how long did `they` meet? **Blinken** and Xi '.repeat(Math.ceil(length / 45)).slice(0, length);

console.log(`/ask through the router, median of ${RUNS} runs`);
for (const length of [300, 100_000, 1_000_000]) {
  const question = text(length);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await router.handle({ kind: 'command', name: 'ask', options: { question }, userId: 'bench', guildId: null }, responder);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  const worst = times.at(-1) ?? NaN;
  console.log(`  ${String(length).padStart(9)} characters: median ${median.toFixed(2)} ms, worst ${worst.toFixed(2)} ms`);
}
