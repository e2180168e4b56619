// A Responder that records what the router sent, and a logger that keeps its lines.
import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { Responder } from '../../src/interactions/incoming.ts';
import { createLogger } from '../../src/logger.ts';
import type { Reply, ReplyChoice } from '../../src/replies/types.ts';

export type Call =
  | { method: 'reply' | 'update' | 'editReply' | 'followUp'; data: Reply }
  | { method: 'defer'; options: { ephemeral: boolean } | { update: true } }
  | { method: 'deleteReply' }
  | { method: 'respondChoices'; choices: ReplyChoice[] };

export function recordingResponder(hooks: { onDefer?: () => void; fail?: boolean } = {}): Responder & { calls: Call[] } {
  const calls: Call[] = [];
  const record = async (call: Call) => {
    calls.push(call);
    if (hooks.fail) throw new Error('Unknown interaction');
  };
  return {
    calls,
    reply: (data) => record({ method: 'reply', data }),
    update: (data) => record({ method: 'update', data }),
    async defer(options) {
      await record({ method: 'defer', options });
      hooks.onDefer?.();
    },
    editReply: (data) => record({ method: 'editReply', data }),
    followUp: (data) => record({ method: 'followUp', data }),
    deleteReply: () => record({ method: 'deleteReply' }),
    respondChoices: (choices) => record({ method: 'respondChoices', choices }),
  };
}

export function memoryLogger(
  level: 'debug' | 'info' = 'debug',
  secrets: string[] = [],
): { logger: Logger; lines: () => Array<Record<string, unknown>>; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  const logger = createLogger({ level, destination: stream, pretty: false, secrets });
  return {
    logger,
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
