// KNOWLEDGE_WATCH=1: reload when a file in the knowledge directory changes. Editors save in bursts
// (write, rename, touch), so changes are gathered until the directory has been quiet for a moment.
import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from 'pino';

export const WATCH_DEBOUNCE_MS = 300;

export interface KnowledgeWatcher {
  close(): void;
}

export function watchKnowledge(dir: string, onChange: () => void, logger: Logger, debounceMs = WATCH_DEBOUNCE_MS): KnowledgeWatcher {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
  } catch (error) {
    logger.error({ err: error, dir }, 'cannot watch the knowledge directory; reload with SIGHUP instead');
    return { close() {} };
  }
  watcher.on('error', (error) => logger.error({ err: error, dir }, 'stopped watching the knowledge directory; reload with SIGHUP instead'));
  logger.info({ dir }, 'watching the knowledge directory for changes');
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
