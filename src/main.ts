// npm start: configuration → logger → knowledge → engine → one door: the gateway (DISCORD_TOKEN),
// the HTTP interactions endpoint (DISCORD_TRANSPORT=http) or the local console (neither).
// Start-up problems end the process with one line on stderr. Each door's modules (discord.js,
// prom-client, node:http) are imported only when that door opens, so the console starts fast.
import { contextFor } from '../commands/context.ts';
import { commands, messageCommands } from '../commands/index.ts';
import { ConfigError, loadDotenvFile, parseConfig, type Config } from './config.ts';
import { Cooldown } from './interactions/cooldown.ts';
import { memberHasher } from './interactions/member-hash.ts';
import { createRouter } from './interactions/router.ts';
import { KnowledgeError, loadKnowledge } from './knowledge/load.ts';
import { readPrechecked } from './knowledge/precheck.ts';
import type { Knowledge } from './knowledge/types.ts';
import { fail } from './lifecycle/fail.ts';
import { installProcessGuards } from './lifecycle/process-guards.ts';
import { drainAndStop } from './lifecycle/shutdown.ts';
import { startLiveReload } from './live/live-reload.ts';
import { serve, ServedHolder } from './live/served.ts';
import { createLogger } from './logger.ts';
import type { Readiness } from './ops/health.ts';
import type { Metrics } from './ops/metrics.ts';
import { CONSOLE_BANNER, runConsole } from './transports/console.ts';

// In a function, not at the module's top level: scripts/build.mjs compiles the bot to one CommonJS
// script (which V8 can cache compiled, see there), and CommonJS has no top-level await.
async function main(): Promise<void> {
  loadDotenvFile();
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  const token = config.token;
  const onConsole = config.mode === 'console';
  // The console's stdout is the conversation, so its logs go to stderr and only warnings by default.
  const logger = createLogger({ level: config.logLevel ?? (onConsole ? 'warn' : 'info'), destination: onConsole ? 2 : 1, secrets: token ? [token] : [] });
  installProcessGuards(logger);

  let knowledge: Knowledge;
  try {
    // Files the build validated (dist/knowledge.checked.json) are not validated again; edited ones are.
    knowledge = loadKnowledge(config.knowledgeDir, { prechecked: readPrechecked() });
  } catch (error) {
    if (error instanceof KnowledgeError) fail(`Cannot start: the knowledge files have problems.\n${error.message}`);
    throw error;
  }
  // The engine in service; SIGHUP (and KNOWLEDGE_WATCH=1) swap in a new one between interactions.
  const served = new ServedHolder(serve(knowledge));
  const stopReloading = startLiveReload({ dir: config.knowledgeDir, holder: served, logger, watch: config.knowledgeWatch });
  const context = contextFor(() => served.current);
  let readiness: Readiness | null = null;
  let metrics: Metrics | null = null;
  if (!onConsole) {
    readiness = new (await import('./ops/health.ts')).Readiness();
    // Metrics only where something can read them: the HTTP door, or the gateway with PORT set.
    if (config.mode === 'http' || config.port !== undefined) {
      const prometheus = await import('./ops/metrics.ts');
      // Command and button names: the only values the metrics may use as a command label.
      const all = [...commands, ...messageCommands];
      metrics = prometheus.createMetrics({ commandNames: [...all.map((c) => c.data.name), ...all.flatMap((c) => Object.keys(c.buttons ?? {}))] });
    }
  }
  const router = createRouter({
    commands,
    messageCommands,
    context,
    logger,
    // Per process: behind a load balancer each replica keeps its own count (README: Scale out).
    cooldown: onConsole ? null : new Cooldown(5, 10_000),
    hashMember: memberHasher(config.memberHashSecret),
    ...(metrics ? { onHandled: metrics.interactionHandled } : {}),
  });

  let stop: () => Promise<void> = async () => {};
  let stopping = false;
  /** Drained: new interactions are turned away, those in flight get up to 10 s, then the door closes. */
  async function shutdown(signal: NodeJS.Signals): Promise<void> {
    if (stopping) {
      // A second Ctrl-C (or SIGTERM) while draining: the operator wants out now.
      logger.warn({ signal }, 'second signal while shutting down: exiting without waiting');
      logger.flush();
      process.exit(1);
    }
    stopping = true;
    // /readyz says 503 from now on, so a load balancer sends no more; what already came is answered.
    readiness?.markStopping();
    logger.info({ signal }, 'shutting down');
    let code = 0;
    try {
      stopReloading();
      await drainAndStop({ inFlight: router.inFlight, stop: () => stop(), logger });
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      code = 1;
    } finally {
      logger.flush();
      process.exit(code);
    }
  }
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));

  /** Starts a listener, or ends start-up with one line naming PORT. */
  async function listening<T>(start: () => Promise<T>): Promise<T> {
    try {
      return await start();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EADDRINUSE' || code === 'EACCES')
        fail(`Cannot listen on PORT ${config.port}: ${code === 'EADDRINUSE' ? 'the port is in use' : 'permission denied'}.`);
      throw error;
    }
  }

  if (onConsole || !readiness) {
    process.stdout.write(`${CONSOLE_BANNER}\n\n`);
    await runConsole({ router, commands, messageCommands, input: process.stdin, output: process.stdout, prompt: process.stdin.isTTY === true });
    logger.flush();
  } else if (config.mode === 'http') {
    const ready = readiness;
    const { startHttpTransport } = await import('./transports/discord-http.ts');
    const http = await listening(() =>
      startHttpTransport({
        port: config.port ?? 8080,
        publicKey: config.publicKey!,
        applicationId: config.applicationId!,
        apiUrl: config.apiUrl,
        router,
        logger,
        readiness: ready,
        metrics,
      }),
    );
    stop = () => http.close();
  } else {
    const ready = readiness;
    const { startOpsServer } = await import('./ops/health.ts');
    const ops = config.port === undefined ? null : await listening(() => startOpsServer({ port: config.port!, readiness: ready, metrics }));
    if (ops) logger.info({ port: ops.port }, 'serving /healthz, /readyz and /metrics');
    const { LoginError, startGateway } = await import('./transports/discord-gateway.ts');
    try {
      const client = await startGateway({
        token: token!,
        apiUrl: config.apiUrl,
        applicationId: config.applicationId,
        shards: config.shards,
        router,
        logger,
        onReady: () => ready.markReady(),
        onDown: () => ready.markNotReady(),
        onFatal(message) {
          logger.flush();
          fail(message);
        },
      });
      stop = async () => {
        await client.destroy();
        ops?.server.close();
      };
    } catch (error) {
      if (error instanceof LoginError) fail(error.message);
      throw error;
    }
  }
}

// A failure main() does not handle itself is thrown again as an uncaught exception, as a top-level
// await's would be: logged by the process guards (once installed) and the process exits 1.
main().catch((error: unknown) => {
  process.nextTick(() => {
    throw error;
  });
});
