// The last boundary: whatever escapes every per-interaction boundary is logged here (through the
// logger, which keeps the token out). An uncaught exception may have left the process in any
// state, so it exits non-zero for the supervisor to restart it (README: "Host it"); a rejected
// promise nobody awaited is logged and the bot keeps serving.
import type { Logger } from 'pino';

export function installProcessGuards(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.on('uncaughtException', (error, origin) => {
    logger.fatal({ err: error, origin }, 'uncaught exception: exiting so that the supervisor restarts the bot');
    logger.flush();
    exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection (the bot keeps serving)');
  });
}
