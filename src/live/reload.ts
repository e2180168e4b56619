// Live knowledge reload: re-read and re-check the knowledge files exactly as at start-up
// (loadKnowledge), build a new engine, and swap it in. A broken edit is refused — logged at error
// level with the loader's named-field message — and the bot keeps answering from what it had.
import type { Logger } from 'pino';
import { KnowledgeError, loadKnowledge } from '../knowledge/load.ts';
import type { Knowledge } from '../knowledge/types.ts';
import { RELOAD_OK, RELOAD_REFUSED } from '../report/log-events.ts';
import { knowledgeCounts, serve, type ServedHolder } from './served.ts';

export type ReloadTrigger = 'SIGHUP' | 'watch' | 'test';

export interface ReloaderOptions {
  dir: string | undefined;
  holder: ServedHolder;
  logger: Logger;
  load?: (dir: string | undefined) => Knowledge;
}

export interface Reloader {
  /** Loads, checks and swaps; false (and the old engine kept) when the knowledge has problems. */
  reload(trigger: ReloadTrigger): boolean;
}

export function createReloader(options: ReloaderOptions): Reloader {
  const { dir, holder, logger } = options;
  const load = options.load ?? loadKnowledge;
  return {
    reload(trigger) {
      const started = performance.now();
      // Synchronous from reading to swapping: no interaction can run in between and see half of it.
      try {
        const knowledge = load(dir);
        holder.swap(serve(knowledge));
        logger.info({ trigger, counts: knowledgeCounts(knowledge), ms: Math.round(performance.now() - started) }, RELOAD_OK);
        return true;
      } catch (error) {
        if (error instanceof KnowledgeError) {
          logger.error({ trigger, problems: error.problems, detail: error.message }, RELOAD_REFUSED);
        } else {
          logger.error({ trigger, err: error }, RELOAD_REFUSED);
        }
        return false;
      }
    },
  };
}
