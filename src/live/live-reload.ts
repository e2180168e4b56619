// Wires reloads to their triggers: SIGHUP always, and file changes when KNOWLEDGE_WATCH=1.
import type { Logger } from 'pino';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/load.ts';
import { createReloader } from './reload.ts';
import type { ServedHolder } from './served.ts';
import { watchKnowledge } from './watch.ts';

export interface LiveReloadOptions {
  dir: string | undefined;
  holder: ServedHolder;
  logger: Logger;
  watch: boolean;
}

/** Starts listening; the returned function stops (for a clean shutdown). */
export function startLiveReload(options: LiveReloadOptions): () => void {
  const reloader = createReloader(options);
  const onHangup = () => void reloader.reload('SIGHUP');
  process.on('SIGHUP', onHangup);
  options.logger.info({ pid: process.pid, watch: options.watch }, `kill -HUP ${process.pid} reloads the knowledge`);
  const watcher = options.watch ? watchKnowledge(options.dir ?? DEFAULT_KNOWLEDGE_DIR, () => reloader.reload('watch'), options.logger) : null;
  return () => {
    process.off('SIGHUP', onHangup);
    watcher?.close();
  };
}
