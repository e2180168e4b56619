// npm start: configuration → logger → knowledge → engine → Discord (with DISCORD_TOKEN) or the
// local console (without). Start-up problems end the process with one line on stderr.
import { contextFor } from '../commands/context.ts';
import { commands } from '../commands/index.ts';
import { ConfigError, loadDotenvFile, parseConfig, type Config } from './config.ts';
import { createEngine } from './engine/index.ts';
import { Cooldown } from './interactions/cooldown.ts';
import { createRouter } from './interactions/router.ts';
import { KnowledgeError, loadKnowledge } from './knowledge/load.ts';
import type { Knowledge } from './knowledge/types.ts';
import { fail } from './lifecycle/fail.ts';
import { installProcessGuards } from './lifecycle/process-guards.ts';
import { drainAndStop } from './lifecycle/shutdown.ts';
import { createLogger } from './logger.ts';
import { CONSOLE_BANNER, runConsole } from './transports/console.ts';
import { LoginError, startGateway } from './transports/discord-gateway.ts';

loadDotenvFile();
let config: Config;
try {
  config = parseConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const token = config.token;
// The console's stdout is the conversation, so its logs go to stderr and only warnings by default.
const logger = createLogger({ level: config.logLevel ?? (token ? 'info' : 'warn'), destination: token ? 1 : 2, secrets: token ? [token] : [] });
installProcessGuards(logger);

let knowledge: Knowledge;
try {
  knowledge = loadKnowledge(config.knowledgeDir);
} catch (error) {
  if (error instanceof KnowledgeError) fail(`Cannot start: the knowledge files have problems.\n${error.message}`);
  throw error;
}
const engine = createEngine(knowledge);
const context = contextFor({ engine, source: { title: knowledge.title, outlet: knowledge.outlet, event: knowledge.event } });
const router = createRouter({ commands, context, logger, cooldown: token ? new Cooldown(5, 10_000) : null });

let stop: () => Promise<void> = async () => {};
let stopping = false;
/** Drained: new interactions are turned away, those in flight get up to 10 s, then the door closes. */
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  let code = 0;
  try {
    await drainAndStop({ inFlight: router.inFlight, stop: () => stop(), logger });
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    code = 1;
  } finally {
    logger.flush();
    process.exit(code);
  }
}
process.once('SIGINT', (signal) => void shutdown(signal));
process.once('SIGTERM', (signal) => void shutdown(signal));

if (!token) {
  process.stdout.write(`${CONSOLE_BANNER}\n\n`);
  await runConsole({ router, commands, input: process.stdin, output: process.stdout, prompt: process.stdin.isTTY === true });
  logger.flush();
} else {
  try {
    const client = await startGateway({
      token,
      apiUrl: config.apiUrl,
      applicationId: config.applicationId,
      router,
      logger,
      onFatal(message) {
        logger.flush();
        fail(message);
      },
    });
    stop = () => client.destroy();
  } catch (error) {
    if (error instanceof LoginError) fail(error.message);
    throw error;
  }
}
