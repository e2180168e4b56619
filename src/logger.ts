// pino: pretty in a terminal, one JSON object per line otherwise. Secrets never reach the output:
// token-shaped keys are redacted, and interaction/webhook tokens are cut out of error URLs.
import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import type { LogLevel } from './config.ts';

const requireHere = createRequire(import.meta.url);

/** Fields redacted by name at the top level of a line (pino checks these only where a line has them). */
export const REDACT_PATHS = [
  'token',
  'DISCORD_TOKEN',
  'env',
  'authorization',
  'Authorization',
  'headers.authorization',
  'headers.Authorization',
  'err.requestBody',
];

/**
 * The same names one level down, under any field (pino's `*.token`, `*.DISCORD_TOKEN`, `*.env`),
 * and a header under any field (`*.headers.authorization`, `*.headers.Authorization`). Given to
 * pino as wildcard paths they cost 7 µs on every line, three times what pino takes to write it;
 * redactNested checks them without copying anything unless one is there.
 */
const NESTED_REDACT = ['token', 'DISCORD_TOKEN', 'env'] as const;
const HEADER_REDACT = ['authorization', 'Authorization'] as const;
const CENSOR = '[redacted]';

export interface LoggerOptions {
  level?: LogLevel;
  /** A file descriptor (1 stdout, 2 stderr) or, in tests, a stream. Default 1. */
  destination?: number | DestinationStream;
  /** Default: when the destination is a terminal. */
  pretty?: boolean;
  /** Values never to print, wherever they turn up (the bot token). */
  secrets?: readonly string[];
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? 1;
  const pretty = options.pretty ?? (typeof destination === 'number' && isTerminal(destination));
  const config: pino.LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    serializers: { err: serializeError },
  };
  // Redaction goes by key; a secret can also hide in a message, a nested object or an error.
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 8);
  config.formatters = {
    log: (object) => redactNested(secrets.length > 0 ? (scrubSecrets(object, secrets) as Record<string, unknown>) : object),
  };
  // The formatter sees the fields, not the message: message text (a library's warning logged as
  // is) is scrubbed here, of the token and of interaction tokens in webhook URLs.
  config.hooks = {
    logMethod(args, method) {
      const scrubbed = args.map((arg) => (typeof arg === 'string' ? (scrubSecrets(scrubUrlTokens(arg), secrets) as string) : arg));
      method.apply(this, scrubbed as Parameters<typeof method>);
    },
  };
  if (pretty) {
    return pino(config, prettyOnFirstLine(destination));
  }
  return pino(config, typeof destination === 'number' ? pino.destination({ dest: destination, sync: true }) : destination);
}

/**
 * pino-pretty, loaded when the first line is printed: the local console logs only warnings, so
 * it usually prints nothing and starts without loading it (20 ms of a 0.1 s start). pino-pretty's
 * options match pino's defaults (message key, error key, levels), which is all pino would send it.
 */
function prettyOnFirstLine(destination: number | DestinationStream): DestinationStream & { flush(cb?: (error?: Error) => void): void } {
  let stream: (ReturnType<typeof PinoPretty> & { flush?: (cb: (error?: Error) => void) => void }) | undefined;
  const open = () => {
    if (stream) return stream;
    const pinoPretty = requireHere('pino-pretty') as typeof PinoPretty;
    return (stream = pinoPretty({ destination, sync: true, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' }));
  };
  return {
    write: (line: string) => open().write(line),
    // What pino's logger.flush() does with a stream: its flush, or the callback at once.
    flush(cb = () => {}) {
      if (typeof stream?.flush === 'function') stream.flush(cb);
      else cb();
    },
  };
}

function isTerminal(fd: number): boolean {
  return (fd === 1 && process.stdout.isTTY) || (fd === 2 && process.stderr.isTTY);
}

/** Interaction and webhook URLs embed short-lived tokens that can post as the bot. */
export function scrubUrlTokens(text: string): string {
  return text.replace(/\/(interactions|webhooks)\/(\d+)\/[^/\s?]+/g, '/$1/$2/[redacted]');
}

/**
 * A line's fields with NESTED_REDACT and HEADER_REDACT censored one level down: the line itself
 * when none is there (nearly always), else a copy. As pino's redaction did, it sees `err` as its
 * serializer leaves it, and the other fields as given.
 */
function redactNested(object: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const given = object[key];
    const value = key === 'err' && typeof given === 'object' && given !== null ? serializeError(given) : given;
    if (typeof value !== 'object' || value === null) continue;
    const redacted = withNestedRedacted(value);
    if (redacted === value) continue;
    if (key === 'err') serializedErrors.add(redacted);
    out ??= { ...object };
    out[key] = redacted;
  }
  return out ?? object;
}

function withNestedRedacted(value: object): object {
  const headers = (value as { headers?: unknown }).headers;
  const headersHit = typeof headers === 'object' && headers !== null && HEADER_REDACT.some((k) => k in headers);
  if (!headersHit && !NESTED_REDACT.some((k) => k in value)) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const k of NESTED_REDACT) if (k in value) copy[k] = CENSOR;
  if (headersHit) {
    const h: Record<string, unknown> = { ...headers };
    for (const k of HEADER_REDACT) if (k in headers) h[k] = CENSOR;
    copy['headers'] = h;
  }
  return copy;
}

/** Whether scrubSecrets would change anything: a secret in a string, or an object it copies otherwise (an error). */
function needsScrubbing(value: unknown, secrets: readonly string[], depth: number): boolean {
  if (typeof value === 'string') return secrets.some((secret) => value.includes(secret));
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => needsScrubbing(v, secrets, depth + 1));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return true;
  for (const key in value) {
    if (Object.hasOwn(value, key) && needsScrubbing((value as Record<string, unknown>)[key], secrets, depth + 1)) return true;
  }
  return false;
}

export function scrubSecrets(value: unknown, secrets: readonly string[], depth = 0): unknown {
  // Most lines hold no secret and nothing to serialize: logged as they are, without a copy.
  if (depth === 0 && !needsScrubbing(value, secrets, 0)) return value;
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  // An error's message and stack are not enumerable: serialize it first, or it would log as {}.
  if (value instanceof Error) {
    const scrubbed = scrubSecrets(serializeError(value), secrets, depth + 1);
    if (typeof scrubbed === 'object' && scrubbed !== null) serializedErrors.add(scrubbed);
    return scrubbed;
  }
  if (Array.isArray(value)) return value.map((v) => scrubSecrets(v, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubSecrets(v, secrets, depth + 1)]));
}

/** Errors already serialized (the secret scrubber runs first), so the `err` serializer leaves them be. */
const serializedErrors = new WeakSet<object>();

function serializeError(error: unknown): unknown {
  if (typeof error === 'object' && error !== null && serializedErrors.has(error)) return error;
  const serialized = pino.stdSerializers.err(error as Error) as unknown;
  if (typeof serialized !== 'object' || serialized === null) return serialized;
  const fields = serialized as Record<string, unknown>;
  for (const key of ['message', 'stack', 'url']) {
    if (typeof fields[key] === 'string') fields[key] = scrubUrlTokens(fields[key]);
  }
  serializedErrors.add(serialized);
  return serialized;
}
