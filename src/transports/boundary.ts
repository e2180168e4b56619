// A boundary around each event a transport receives: whatever the handler throws or rejects
// with is logged (the logger keeps the token out) and the transport keeps serving.
import type { Logger } from 'pino';

export function guarded<A extends unknown[]>(logger: Logger, what: string, handler: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    try {
      const result = handler(...args);
      if (result instanceof Promise) result.catch((error: unknown) => logger.error({ err: error }, `${what} failed`));
    } catch (error) {
      logger.error({ err: error }, `${what} failed`);
    }
  };
}
