// npm run bench:discord: how fast the bot answers /ask through each Discord door, measured
// against the fake Discord in this process: the gateway (the discord.js client) and the HTTP
// endpoint (src/transports/discord-http.ts, which the fake POSTs signed interactions to). Beside
// each, an echo router that replies a constant through the same door: that door's ceiling (and,
// on the gateway, one that replies /ask's own replies without its work: the payload's share). The
// routers log at info, as in production (to /dev/null, with the token as a secret to scrub, as
// src/main.ts sets it up). Then where /ask's extra time goes, piece by piece, without any
// transport. Prints figures, not a test.
//
// The doors take turns, one burst each per round. The machine this runs on is shared, and a busy
// moment during one burst moves that burst's p99 by more than /ask's work does, so besides the
// p99 over all rounds each comparison gives the median of the per-round ratios: each round's
// bursts ran back to back, under the same load. Every door first runs WARM_UP_BURSTS bursts
// unmeasured, so the figures are the steady state of a bot that has been up a while, not V8
// compiling discord.js, the fake and the bot as the first bursts arrive.
//
//   BENCH_BURST    interactions dispatched at once per round (default 300)
//   BENCH_ROUNDS   measured bursts per handler (default 20)
//   BENCH_SERIAL   interactions sent one at a time, for latency without queueing (default 100)
import { openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contextFor } from '../commands/context.ts';
import { commands } from '../commands/index.ts';
import { analyse } from '../src/engine/analysis.ts';
import { ask as askFresh } from '../src/engine/ask.ts';
import { createEngine } from '../src/engine/index.ts';
import { AskCaseSchema, readJsonl } from '../src/eval/cases.ts';
import { Cooldown } from '../src/interactions/cooldown.ts';
import type { Responder } from '../src/interactions/incoming.ts';
import type { Reply } from '../src/replies/types.ts';
import { createRouter, type Router } from '../src/interactions/router.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { InFlight } from '../src/lifecycle/in-flight.ts';
import { createLogger } from '../src/logger.ts';
import { Readiness } from '../src/ops/health.ts';
import { createMetrics } from '../src/ops/metrics.ts';
import { startGateway } from '../src/transports/discord-gateway.ts';
import { startHttpTransport } from '../src/transports/discord-http.ts';
import { snowflake, startFakeDiscord, type FakeDiscord } from '../test/fake-discord/index.ts';

const BURST = Number(process.env['BENCH_BURST'] ?? 300);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 20);
const SERIAL = Number(process.env['BENCH_SERIAL'] ?? 100);
const WARM_UP_BURSTS = 4;

const questions = readJsonl(fileURLToPath(new URL('../test/data/ask-public.jsonl', import.meta.url)), AskCaseSchema).map((c) => c.q);
// As in production: a JSON line per interaction at info, written synchronously (here to /dev/null).
const devNull = openSync('/dev/null', 'w');
const logger = createLogger({
  level: 'info',
  destination: devNull,
  pretty: false,
  secrets: ['MTA1MjQ4NjQzMzE4ODg1OTk3Ng.GbEnCh.bench-token-scrubbed-from-every-line'],
});
const quiet = createLogger({ level: 'silent', destination: devNull, pretty: false });
const knowledge = loadKnowledge();
const engine = createEngine(knowledge);
const source = { title: knowledge.title, outlet: knowledge.outlet, event: knowledge.event };
const context = contextFor({ engine, source });

function realRouter(): Router {
  // As src/main.ts builds it: cooldown (every interaction here comes from a new user) and metrics.
  const metrics = createMetrics({ commandNames: commands.map((c) => c.data.name) });
  return createRouter({ commands, context, logger, cooldown: new Cooldown(5, 10_000), onHandled: metrics.interactionHandled });
}

/** Replies a constant through the same responder: all transport, no work. */
function echoRouter(): Router {
  return {
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
}

/**
 * Replies, for each question, the very reply /ask gives it, computed beforehand: /ask's payload
 * through the door with none of its work, which splits /ask's extra time into payload and work.
 */
async function sizedEchoRouter(): Promise<Router> {
  const replies = new Map<string, Reply>();
  const quietRouter = createRouter({ commands, context, logger: quiet, cooldown: null });
  for (const question of questions) {
    const capture = silentResponder(async (data) => void replies.set(question, data));
    await quietRouter.handle({ kind: 'command', name: 'ask', options: { question }, userId: '1', guildId: '1' }, capture);
  }
  return {
    inFlight: new InFlight(),
    async handle(incoming, responder) {
      const question = incoming.kind === 'command' ? String(incoming.options['question']) : '';
      await responder
        .reply(replies.get(question) ?? { content: 'echo', allowed_mentions: { parse: [] } })
        .catch((error: unknown) => logger.error({ err: error }, 'echo failed'));
    },
  };
}

interface Result {
  name: string;
  perSecond: number[];
  burstLatencies: number[];
  /** Each measured round's burst p99, in round order (the doors' rounds ran back to back). */
  roundP99: number[];
  serialLatencies: number[];
  deferred: number;
  embeds: number;
  /** Interactions the door did not answer within Discord's 3 s (HTTP: the fake gave up on the request). */
  missed: number;
}

/** One door to one fake: how to send an interaction, and how to hang up. */
interface Setup {
  result: Result;
  fake: FakeDiscord;
  /** Sends one /ask; `done` resolves once it is sent (gateway) or answered (HTTP), false when it was not. */
  send(fake: FakeDiscord): { id: string; at: number; done: Promise<boolean> };
  close(): Promise<void>;
}

let nextQuestion = 0;
function askPayload(fake: FakeDiscord) {
  const question = questions[nextQuestion++ % questions.length]!;
  return fake.build.chatInput({ name: 'ask', options: { question }, user: { id: snowflake() } });
}

/** `count` interactions at once; latency is dispatch → callback recorded at the fake (ms). */
async function burst(setup: Setup, count: number) {
  const { fake } = setup;
  const first = fake.callbacks.length;
  const started = Date.now();
  const sent = Array.from({ length: count }, () => setup.send(fake));
  const delivered = await Promise.all(sent.map((s) => s.done));
  const expected = delivered.filter(Boolean).length;
  await fake.waitFor(() => fake.callbacks.length - first >= expected, 120_000, `${expected} callbacks`);
  const callbacks = fake.callbacks.slice(first);
  const byId = new Map(callbacks.map((c) => [c.interactionId, c]));
  const latencies = sent.flatMap((s) => (byId.has(s.id) ? [byId.get(s.id)!.at - s.at] : []));
  const finished = Math.max(...callbacks.map((c) => c.at));
  const embeds = callbacks.filter((c) => ((c.data as { embeds?: unknown[] } | null)?.embeds ?? []).length > 0).length;
  // Every interaction of the burst is answered: the fake forgets them, so its records do not grow
  // this process's heap round after round (bot and fake share it, and so share its collections).
  fake.forgetInteractions();
  return {
    seconds: Math.max(1, finished - started) / 1000,
    latencies,
    deferred: callbacks.filter((c) => c.type === 5).length,
    embeds,
    missed: count - expected,
  };
}

/** One at a time: latency with nothing queued (ms, sub-millisecond from performance.now()). */
async function serial(setup: Setup, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const { id, done } = setup.send(setup.fake);
    if (!(await done)) continue;
    await setup.fake.waitForCallback(id, 10_000);
    out.push(performance.now() - t);
  }
  setup.fake.forgetInteractions();
  return out;
}

const emptyResult = (name: string): Result => ({
  name,
  perSecond: [],
  burstLatencies: [],
  roundP99: [],
  serialLatencies: [],
  deferred: 0,
  embeds: 0,
  missed: 0,
});

async function gatewayDoor(name: string, router: Router): Promise<Setup> {
  // No spec checking: the fake runs in this process and would bill its own work to the bot.
  const fake = await startFakeDiscord({ validateAgainstSpec: false });
  const client = await startGateway({
    token: fake.token,
    apiUrl: fake.apiUrl,
    applicationId: fake.applicationId,
    router,
    logger,
    onFatal: (m) => logger.fatal(m),
  });
  await fake.waitForReady(10_000);
  return {
    fake,
    result: emptyResult(name),
    send(f) {
      const payload = askPayload(f);
      const at = Date.now();
      return { id: f.dispatchInteraction(payload), at, done: Promise.resolve(true) };
    },
    async close() {
      await client.destroy();
      await fake.close();
    },
  };
}

async function httpDoor(name: string, router: Router): Promise<Setup> {
  const fake = await startFakeDiscord({ validateAgainstSpec: false });
  const http = await startHttpTransport({
    port: 0,
    host: '127.0.0.1',
    publicKey: fake.publicKeyHex,
    applicationId: fake.applicationId,
    apiUrl: fake.apiUrl,
    router,
    logger,
    readiness: new Readiness(),
    metrics: null,
  });
  const endpoint = `http://127.0.0.1:${http.port}/interactions`;
  return {
    fake,
    result: emptyResult(name),
    send(f) {
      const payload = askPayload(f);
      const at = Date.now();
      return { id: payload.id, at, done: f.postInteraction(endpoint, payload).then((d) => d.status === 200) };
    },
    async close() {
      await http.close();
      await fake.close();
    },
  };
}

async function measureBurst(setup: Setup): Promise<void> {
  const b = await burst(setup, BURST);
  const { result } = setup;
  result.perSecond.push((BURST - b.missed) / b.seconds);
  result.missed += b.missed;
  result.burstLatencies.push(...b.latencies);
  result.roundP99.push(percentile(b.latencies, 99));
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
const f2 = (n: number) => n.toFixed(2);
const ratio = (a: number, b: number) => `${(a / Math.max(1e-9, b)).toFixed(2)}×`;

function row(r: Result): string {
  return [
    r.name.padEnd(16),
    `${f0(median(r.perSecond)).padStart(5)}/s`,
    `p50 ${f0(percentile(r.burstLatencies, 50)).padStart(4)} ms  p99 ${f0(percentile(r.burstLatencies, 99)).padStart(4)} ms`,
    `p50 ${f1(percentile(r.serialLatencies, 50)).padStart(5)} ms  p99 ${f1(percentile(r.serialLatencies, 99)).padStart(5)} ms`,
    r.perSecond.map(f0).join(', '),
  ].join('   ');
}

/** Each round's p99 ratio, the two bursts of a round having run back to back. */
function roundRatios(real: Result, echo: Result): number[] {
  return real.roundP99.map((p99, i) => p99 / Math.max(1, echo.roundP99[i] ?? NaN)).filter((r) => Number.isFinite(r));
}

function compare(real: Result, echo: Result): string {
  const rounds = roundRatios(real, echo);
  return (
    `${real.name} vs ${echo.name}: throughput ${ratio(median(real.perSecond), median(echo.perSecond))}; ` +
    `burst p50 ${ratio(percentile(real.burstLatencies, 50), Math.max(1, percentile(echo.burstLatencies, 50)))}, ` +
    `burst p99 ${ratio(percentile(real.burstLatencies, 99), Math.max(1, percentile(echo.burstLatencies, 99)))} ` +
    `(per round: median ${f2(median(rounds))}×, ${f2(Math.min(...rounds))}–${f2(Math.max(...rounds))}×); ` +
    `one-at-a-time p50 ${ratio(percentile(real.serialLatencies, 50), percentile(echo.serialLatencies, 50))} ` +
    `(+${f2(percentile(real.serialLatencies, 50) - percentile(echo.serialLatencies, 50))} ms per /ask)`
  );
}

/** µs per call of `run` over every question, for one pass of `rounds` rounds. */
async function onePass(run: (question: string) => unknown, rounds: number): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < rounds; i++) for (const q of questions) await run(q);
  return ((performance.now() - t) * 1000) / (rounds * questions.length);
}

/**
 * µs per call of each of `runs`: passes taken in turn, the fastest pass of each kept, so a busy
 * moment on a shared machine does not land on one layer only.
 */
async function perCall(runs: Array<(question: string) => unknown>, passes = 7, rounds = 10): Promise<number[]> {
  const best = runs.map(() => Infinity);
  for (const run of runs) await onePass(run, 2);
  for (let p = 0; p < passes; p++) {
    for (const [i, run] of runs.entries()) best[i] = Math.min(best[i]!, await onePass(run, rounds));
  }
  return best;
}

/** Where /ask's time goes without a transport: each step adds one layer to the one before. */
/** A Responder that sends nothing (the reply, if given, is where a first answer goes). */
function silentResponder(reply: Responder['reply'] = async () => {}): Responder {
  const none = async () => {};
  return { reply, update: none, defer: none, editReply: none, followUp: none, deleteReply: none, respondChoices: none };
}

async function breakdown(): Promise<void> {
  const ask = commands.find((c) => c.data.name === 'ask')!;
  const ctx = context({ userId: '1', guildId: null });
  const noop = silentResponder();
  const incoming = (question: string) => ({ kind: 'command' as const, name: 'ask', options: { question }, userId: snowflake(), guildId: '1' });
  const silentRouter = createRouter({ commands, context, logger: quiet, cooldown: new Cooldown(5, 10_000) });
  const metrics = createMetrics({ commandNames: ['ask'] });
  const loudRouter = createRouter({ commands, context, logger, cooldown: new Cooldown(5, 10_000), onHandled: metrics.interactionHandled });

  // The engine remembers recent answers (src/engine/recent.ts): the rows below are for questions
  // asked before, as in this bench's bursts; the first time a question is asked costs `fresh`.
  const analysis = analyse(knowledge);
  const [fresh, engineOnly, command, routed, logged] = (await perCall([
    (q) => askFresh(analysis, q),
    (q) => engine.ask(q),
    (q) => ask.execute(ctx, { question: q }),
    (q) => silentRouter.handle(incoming(q), noop),
    (q) => loudRouter.handle(incoming(q), noop),
  ])) as [number, number, number, number, number];
  console.log(
    `\nWhere /ask's time goes (µs per question over ${questions.length} questions, fastest of 7 passes, no transport):\n` +
      `  engine.ask, a question asked for the first time ${f0(fresh).padStart(3)} µs\n` +
      `  engine.ask, asked before (remembered)        ${f0(engineOnly).padStart(5)} µs\n` +
      `  + reply building (commands/ask.ts)           ${f0(command - engineOnly).padStart(5)} µs   (command total ${f0(command)})\n` +
      `  + router (cooldown, deadline, safeReply)     ${f0(routed - command).padStart(5)} µs   (routed total ${f0(routed)})\n` +
      `  + info log line and metrics                  ${f0(logged - routed).padStart(5)} µs   (as in production ${f0(logged)})`,
  );
}

console.log(
  `Discord transport benchmark: fake Discord on loopback in this process; the gateway door (discord.js via startGateway) and the HTTP door (startHttpTransport, the fake POSTing signed interactions).\n` +
    `${ROUNDS} bursts of ${BURST} /ask interactions dispatched at once (distinct users, ${questions.length} questions from test/data/ask-public.jsonl), ` +
    `then ${SERIAL} one at a time; warm-up ${WARM_UP_BURSTS} bursts + 20 one at a time. Latency: dispatch → callback recorded at the fake. Routers log at info.\n`,
);
// Every door stays connected (each to its own fake) and they take turns, so a busy moment on a
// shared machine lands on all rather than on whichever ran then.
const setups = [
  await gatewayDoor('echo (gateway)', echoRouter()),
  await gatewayDoor('/ask (gateway)', realRouter()),
  await gatewayDoor('echo /ask-size', await sizedEchoRouter()),
  await httpDoor('echo (http)', echoRouter()),
  await httpDoor('/ask (http)', realRouter()),
];
try {
  for (let round = 0; round < WARM_UP_BURSTS; round++) {
    for (const setup of setups) await burst(setup, BURST);
  }
  for (const setup of setups) await serial(setup, 20);
  for (let round = 0; round < ROUNDS; round++) {
    for (const setup of round % 2 === 0 ? setups : [...setups].reverse()) await measureBurst(setup);
  }
  for (let i = 0; i < SERIAL; i += 10) {
    for (const setup of setups) setup.result.serialLatencies.push(...(await serial(setup, 10)));
  }
} finally {
  for (const setup of setups) await setup.close();
}
const [echoGateway, askGateway, sizedGateway, echoHttp, askHttp] = setups.map((s) => s.result) as [Result, Result, Result, Result, Result];

console.log(`${''.padEnd(16)}   answered   burst latency             one-at-a-time latency     answered/s per round`);
for (const r of [echoGateway, askGateway, sizedGateway, echoHttp, askHttp]) console.log(row(r));
for (const r of [askGateway, askHttp]) {
  console.log(`\n${r.name} answered ${r.embeds} of ${ROUNDS * BURST} burst interactions with a cited embed (the rest: "the article doesn't say").`);
  if (r.deferred > 0) console.log(`${r.name} deferred ${r.deferred} of ${ROUNDS * BURST} burst interactions (handler past the router's deadline).`);
}
for (const r of setups.map((s) => s.result)) {
  if (r.missed > 0)
    console.log(`${r.name}: ${r.missed} of ${ROUNDS * BURST} burst interactions not answered within Discord's 3 s (left out of the latencies).`);
}
console.log('');
console.log(compare(askGateway, echoGateway));
// The gateway gap in two: /ask's bigger payload through discord.js and the fake, then /ask's work.
console.log(compare(sizedGateway, echoGateway));
console.log(compare(askGateway, sizedGateway));
console.log(compare(askHttp, echoHttp));
console.log(compare(askHttp, echoGateway));
console.log(compare(echoHttp, echoGateway));
await breakdown();
