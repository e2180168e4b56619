// npm run bench:discord: how fast the bot answers /ask through Discord's transport, measured
// against the fake Discord in this process. Beside it, an echo router that replies a constant
// through the same discord.js client: the ceiling for this transport. Prints figures, not a test.
//
//   BENCH_BURST    interactions dispatched at once per round (default 300)
//   BENCH_ROUNDS   measured bursts per handler (default 5)
//   BENCH_SERIAL   interactions sent one at a time, for latency without queueing (default 100)
import { fileURLToPath } from 'node:url';
import type { Client } from 'discord.js';
import { contextFor } from '../commands/context.ts';
import { commands } from '../commands/index.ts';
import { createEngine } from '../src/engine/index.ts';
import { AskCaseSchema, readJsonl } from '../src/eval/cases.ts';
import { Cooldown } from '../src/interactions/cooldown.ts';
import { createRouter, type Router } from '../src/interactions/router.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { InFlight } from '../src/lifecycle/in-flight.ts';
import { createLogger } from '../src/logger.ts';
import { startGateway } from '../src/transports/discord-gateway.ts';
import { snowflake, startFakeDiscord, type FakeDiscord } from '../test/fake-discord/index.ts';

const BURST = Number(process.env['BENCH_BURST'] ?? 300);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const SERIAL = Number(process.env['BENCH_SERIAL'] ?? 100);
const WARM_UP = 100;

const questions = readJsonl(fileURLToPath(new URL('../test/data/ask-public.jsonl', import.meta.url)), AskCaseSchema).map((c) => c.q);
// Quiet: the router logs a line per interaction at info.
const logger = createLogger({ level: 'error', destination: 2 });
const knowledge = loadKnowledge();
const engine = createEngine(knowledge);
const source = { title: knowledge.title, outlet: knowledge.outlet, event: knowledge.event };

function realRouter(): Router {
  // As src/main.ts builds it, cooldown included (every interaction here comes from a new user).
  return createRouter({ commands, context: contextFor({ engine, source }), logger, cooldown: new Cooldown(5, 10_000) });
}

/** Replies a constant through the same responder: all transport, no work. */
const echoRouter: Router = {
  inFlight: new InFlight(),
  async handle(incoming, responder) {
    try {
      if (incoming.kind === 'autocomplete') await responder.respondChoices([]);
      else await responder.reply({ content: 'echo', allowed_mentions: { parse: [] } });
    } catch (error) {
      logger.error({ err: error }, 'echo failed');
    }
  },
};

interface Burst {
  seconds: number;
  latencies: number[];
  deferred: number;
  /** Answered with a cited embed rather than a refusal. */
  embeds: number;
}

interface Result {
  name: string;
  perSecond: number[];
  burstLatencies: number[];
  serialLatencies: number[];
  deferred: number;
  embeds: number;
}

let nextQuestion = 0;
function dispatchAsk(fake: FakeDiscord): { id: string; at: number } {
  const question = questions[nextQuestion++ % questions.length]!;
  const payload = fake.build.chatInput({ name: 'ask', options: { question }, user: { id: snowflake() } });
  const at = Date.now();
  return { id: fake.dispatchInteraction(payload), at };
}

/** `count` interactions at once; latency is dispatch → callback recorded at the fake (ms). */
async function burst(fake: FakeDiscord, count: number): Promise<Burst> {
  const first = fake.callbacks.length;
  const started = Date.now();
  const sent = Array.from({ length: count }, () => dispatchAsk(fake));
  await fake.waitFor(() => fake.callbacks.length - first >= count, 120_000, `${count} callbacks`);
  const callbacks = fake.callbacks.slice(first);
  const byId = new Map(callbacks.map((c) => [c.interactionId, c]));
  const latencies = sent.map((s) => byId.get(s.id)!.at - s.at);
  const finished = Math.max(...callbacks.map((c) => c.at));
  const embeds = callbacks.filter((c) => ((c.data as { embeds?: unknown[] } | null)?.embeds ?? []).length > 0).length;
  return { seconds: Math.max(1, finished - started) / 1000, latencies, deferred: callbacks.filter((c) => c.type === 5).length, embeds };
}

/** One at a time: latency with nothing queued (ms, sub-millisecond from performance.now()). */
async function serial(fake: FakeDiscord, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const { id } = dispatchAsk(fake);
    await fake.waitForCallback(id, 10_000);
    out.push(performance.now() - t);
  }
  return out;
}

interface Setup {
  result: Result;
  fake: FakeDiscord;
  client: Client;
}

async function connect(name: string, router: Router): Promise<Setup> {
  // No spec checking: the fake runs in this process and would bill its own work to the bot.
  const fake = await startFakeDiscord({ validateAgainstSpec: false });
  const client = await startGateway({ token: fake.token, apiUrl: fake.apiUrl, applicationId: fake.applicationId, router, logger, onFatal: (m) => logger.fatal(m) });
  await fake.waitForReady(10_000);
  return { fake, client, result: { name, perSecond: [], burstLatencies: [], serialLatencies: [], deferred: 0, embeds: 0 } };
}

async function measureBurst({ fake, result }: Setup): Promise<void> {
  const b = await burst(fake, BURST);
  result.perSecond.push(BURST / b.seconds);
  result.burstLatencies.push(...b.latencies);
  result.deferred += b.deferred;
  result.embeds += b.embeds;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const median = (values: number[]) => percentile(values, 50);
const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);

function row(r: Result): string {
  return [
    r.name.padEnd(12),
    `${f0(median(r.perSecond)).padStart(5)}/s`,
    `p50 ${f0(percentile(r.burstLatencies, 50)).padStart(4)} ms  p99 ${f0(percentile(r.burstLatencies, 99)).padStart(4)} ms`,
    `p50 ${f1(percentile(r.serialLatencies, 50)).padStart(5)} ms  p99 ${f1(percentile(r.serialLatencies, 99)).padStart(5)} ms`,
    r.perSecond.map(f0).join(', '),
  ].join('   ');
}

console.log(
  `Discord transport benchmark: fake Discord on loopback in this process, discord.js client via startGateway.\n` +
    `${ROUNDS} bursts of ${BURST} /ask interactions dispatched at once (distinct users, ${questions.length} questions from test/data/ask-public.jsonl), ` +
    `then ${SERIAL} one at a time; warm-up ${WARM_UP} + 20. Latency: dispatch → callback recorded at the fake.\n`,
);
// Both clients stay connected (each to its own fake) and take turns, so a busy moment on a
// shared machine lands on both rather than on whichever ran then.
const setups = [await connect('echo', echoRouter), await connect('/ask (real)', realRouter())];
try {
  for (const setup of setups) {
    await burst(setup.fake, WARM_UP);
    await serial(setup.fake, 20);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const setup of round % 2 === 0 ? setups : [...setups].reverse()) await measureBurst(setup);
  }
  for (let i = 0; i < SERIAL; i += 10) {
    for (const setup of setups) setup.result.serialLatencies.push(...(await serial(setup.fake, 10)));
  }
} finally {
  for (const { client, fake } of setups) {
    await client.destroy();
    await fake.close();
  }
}
const [echo, real] = setups.map((s) => s.result) as [Result, Result];

console.log(`${''.padEnd(12)}   answered   burst latency             one-at-a-time latency     answered/s per round`);
for (const r of [echo, real]) console.log(row(r));
console.log(`\n/ask answered ${real.embeds} of ${ROUNDS * BURST} burst interactions with a cited embed (the rest: "the article doesn't say").`);
if (real.deferred > 0) console.log(`/ask deferred ${real.deferred} of ${ROUNDS * BURST} burst interactions (handler past the router's deadline).`);
console.log(
  `\n/ask vs echo: throughput ${(median(real.perSecond) / median(echo.perSecond)).toFixed(2)}× the echo ceiling; ` +
    `burst p50 latency ${(percentile(real.burstLatencies, 50) / Math.max(1, percentile(echo.burstLatencies, 50))).toFixed(2)}×, ` +
    `one-at-a-time p50 ${(percentile(real.serialLatencies, 50) / percentile(echo.serialLatencies, 50)).toFixed(2)}× ` +
    `(+${f1(percentile(real.serialLatencies, 50) - percentile(echo.serialLatencies, 50))} ms per /ask).`,
);
