// pino: pretty in a terminal, one JSON object per line otherwise. Secrets never reach the output:
// token-shaped keys are redacted, and interaction/webhook tokens are cut out of error URLs.
import pino, { type DestinationStream, type Logger } from 'pino';
import pinoPretty from 'pino-pretty';
import type { LogLevel } from './config.ts';

export const REDACT_PATHS = [
  'token',
  '*.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'env',
  '*.env',
  'authorization',
  'headers.authorization',
  '*.headers.authorization',
  'err.requestBody',
];

export interface LoggerOptions {
  level?: LogLevel;
  /** A file descriptor (1 stdout, 2 stderr) or, in tests, a stream. Default 1. */
  destination?: number | DestinationStream;
  /** Default: when the destination is a terminal. */
  pretty?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? 1;
  const pretty = options.pretty ?? (typeof destination === 'number' && isTerminal(destination));
  const config: pino.LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  if (pretty) {
    return pino(config, pinoPretty({ destination, sync: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' }));
  }
  return pino(config, typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination);
}

function isTerminal(fd: number): boolean {
  return (fd === 1 && process.stdout.isTTY) || (fd === 2 && process.stderr.isTTY);
}

/** Interaction and webhook URLs embed short-lived tokens that can post as the bot. */
export function scrubUrlTokens(text: string): string {
  return text.replace(/\/(interactions|webhooks)\/(\d+)\/[^/\s?]+/g, '/$1/$2/[redacted]');
}

function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  for (const key of ['message', 'stack', 'url']) {
    if (typeof serialized[key] === 'string') serialized[key] = scrubUrlTokens(serialized[key] as string);
  }
  return serialized;
}
