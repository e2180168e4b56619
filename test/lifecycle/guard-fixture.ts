// Run by process-guards.test.ts: a process with the guards installed that first leaves a promise
// rejection unhandled, then throws from a timer. Both errors carry the secret in their message.
import { installProcessGuards } from '../../src/lifecycle/process-guards.ts';
import { createLogger } from '../../src/logger.ts';

const secret = process.env['GUARD_SECRET'] ?? '';
const logger = createLogger({ level: 'info', destination: 1, pretty: false, secrets: [secret] });
installProcessGuards(logger);

void Promise.reject(new Error(`rejected while holding ${secret}`));
setTimeout(() => {
  logger.info('still serving');
  throw new Error(`thrown while holding ${secret}`);
}, 100);
