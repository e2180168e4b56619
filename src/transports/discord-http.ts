// The HTTP door: Discord POSTs each interaction, signed, to the application's Interactions
// Endpoint URL. Every request is verified (Ed25519) before it is read; the router's first answer
// is the HTTP response body, anything after it goes over REST to the interaction's webhook
// (src/transports/discord-webhooks.ts). No discord.js: node:http, node:crypto and fetch.
//
//   POST /interactions                 the endpoint
//   GET  /healthz, /readyz, /metrics   src/ops/health.ts
import { finished } from 'node:stream';
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InteractionResponseType, InteractionType, MessageFlags, type APIInteraction } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import { incomingFromApi } from '../interactions/from-api.ts';
import type { Responder } from '../interactions/incoming.ts';
import type { Router } from '../interactions/router.ts';
import { answerOps, listen, OPS_PATHS, type Readiness } from '../ops/health.ts';
import type { Metrics } from '../ops/metrics.ts';
import { NO_MENTIONS } from '../replies/safe-reply.ts';
import type { Reply } from '../replies/types.ts';
import { createWebhookClient, WebhookError, type WebhookClient } from './discord-webhooks.ts';

export const INTERACTIONS_PATH = '/interactions';
/** Discord's interactions are a few KiB; anything near this is not from Discord. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long closing waits for requests still open (being read, or a slow /metrics) before cutting them. */
const CLOSE_GRACE_MS = 1000;

export interface HttpTransportOptions {
  port: number;
  /** Default: every interface, as a platform's load balancer needs. */
  host?: string;
  /** The application's public key, 64 hex characters. */
  publicKey: string;
  applicationId: string;
  apiUrl: string;
  router: Router;
  logger: Logger;
  readiness: Readiness;
  metrics: Metrics | null;
}

export interface HttpTransport {
  readonly port: number;
  readonly server: Server;
  /**
   * Stops listening and closes the connections. Shut down with drainAndStop (src/lifecycle/shutdown.ts)
   * first, so the interactions in flight are answered while the server still takes requests
   * (those arriving meanwhile get the router's "restarting" notice rather than a refused connection).
   */
  close(): Promise<void>;
}

/** Ed25519 public keys in SPKI DER are this fixed prefix followed by the 32 raw key bytes. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, 'hex');
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes (64 hex characters)');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** Discord's scheme: Ed25519 over the timestamp header followed by the raw body. */
export function isSignedByDiscord(key: KeyObject, body: Buffer, signatureHex: string | undefined, timestamp: string | undefined): boolean {
  if (!signatureHex || !timestamp || !/^[0-9a-fA-F]{128}$/.test(signatureHex)) return false;
  try {
    return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

/** A status with an empty body: refusals say nothing about why. */
function sendStatus(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Length': 0 }).end();
}

type BodyRead = { ok: true; body: Buffer } | { ok: false; tooLarge: true } | { ok: false; tooLarge: false };

/** Reads the body, giving up as soon as it passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyRead) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) finish({ ok: false, tooLarge: true });
      else chunks.push(chunk);
    });
    req.on('end', () => finish({ ok: true, body: Buffer.concat(chunks) }));
    req.on('error', () => finish({ ok: false, tooLarge: false }));
    req.on('close', () => finish({ ok: false, tooLarge: false }));
  });
}

/** Message bodies as the gateway door sends them: mentions off, edits replacing the whole message. */
function messageBody(data: Reply): Record<string, unknown> {
  return {
    ...(data.content !== undefined ? { content: data.content } : {}),
    embeds: data.embeds ?? [],
    components: data.components ?? [],
    ...(data.flags !== undefined ? { flags: data.flags } : {}),
    allowed_mentions: NO_MENTIONS,
  };
}

function editBody(data: Reply): Record<string, unknown> {
  return { content: data.content ?? '', embeds: data.embeds ?? [], components: data.components ?? [], allowed_mentions: NO_MENTIONS };
}

/** Like Discord answering a second callback for the same interaction. */
function alreadyAnswered(): WebhookError {
  return new WebhookError('the interaction has already been acknowledged', 400, 40060);
}

/**
 * One interaction's Responder: the first answer becomes the HTTP response (resolving once it is
 * written), later ones go to the webhook. `answered` tells whether the first answer was given.
 */
function httpResponder(res: ServerResponse, interaction: APIInteraction, webhooks: WebhookClient): Responder & { readonly answered: boolean } {
  let answered = false;
  const component = interaction.type === InteractionType.MessageComponent || interaction.type === InteractionType.ModalSubmit;
  const first = (type: InteractionResponseType, data?: unknown): Promise<void> => {
    if (answered) return Promise.reject(alreadyAnswered());
    answered = true;
    return new Promise((resolve, reject) => {
      // `finished` also settles for a response whose connection closed before we got here (Discord
      // or a proxy gave up waiting): listening for 'close' now would wait for an event long gone.
      finished(res, (error) => {
        if (error || !res.writableFinished) reject(new WebhookError('Discord closed the connection before the response was sent', 0, undefined));
        else resolve();
      });
      if (!res.destroyed) sendJson(res, 200, data === undefined ? { type } : { type, data });
    });
  };
  const later = <T>(run: () => Promise<T>): Promise<T> =>
    answered ? run() : Promise.reject(new WebhookError('nothing can follow an interaction that has not been answered', 404, 10015));
  const token = interaction.token;
  return {
    get answered() {
      return answered;
    },
    reply: (data) => first(InteractionResponseType.ChannelMessageWithSource, messageBody(data)),
    update(data) {
      if (!component) return Promise.reject(new Error('only a component interaction can update its message'));
      return first(InteractionResponseType.UpdateMessage, editBody(data));
    },
    defer(options) {
      if ('update' in options) {
        if (!component) return Promise.reject(new Error('only a component interaction can defer an update'));
        return first(InteractionResponseType.DeferredMessageUpdate);
      }
      return first(InteractionResponseType.DeferredChannelMessageWithSource, options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    },
    editReply: (data) => later(() => webhooks.editOriginal(token, editBody(data))),
    followUp: (data) => later(() => webhooks.followUp(token, messageBody(data))),
    deleteReply: () => later(() => webhooks.deleteOriginal(token)),
    respondChoices(choices) {
      if (interaction.type !== InteractionType.ApplicationCommandAutocomplete) return Promise.reject(new Error('only an autocomplete interaction has choices'));
      return first(InteractionResponseType.ApplicationCommandAutocompleteResult, { choices });
    },
  };
}

function isInteraction(value: unknown): value is APIInteraction {
  const v = value as { type?: unknown; id?: unknown; token?: unknown } | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.type === 'number' &&
    (v.type === InteractionType.Ping || (typeof v.id === 'string' && typeof v.token === 'string'))
  );
}

export async function startHttpTransport(options: HttpTransportOptions): Promise<HttpTransport> {
  const { router, logger, readiness, metrics } = options;
  const key = publicKeyFromHex(options.publicKey);
  const webhooks = createWebhookClient({ apiUrl: options.apiUrl, applicationId: options.applicationId });

  async function interactions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const declared = Number(header(req, 'content-length') ?? 0);
    if (declared > MAX_BODY_BYTES) return sendStatus(res, 413, { Connection: 'close' });
    const read = await readBody(req, MAX_BODY_BYTES);
    if (!read.ok) {
      if (read.tooLarge) sendStatus(res, 413, { Connection: 'close' });
      return;
    }
    if (!isSignedByDiscord(key, read.body, header(req, 'x-signature-ed25519'), header(req, 'x-signature-timestamp'))) {
      metrics?.signatureFailure();
      return sendStatus(res, 401);
    }
    let interaction: unknown;
    try {
      interaction = JSON.parse(read.body.toString('utf8'));
    } catch {
      return sendStatus(res, 400);
    }
    if (!isInteraction(interaction)) return sendStatus(res, 400);
    if (interaction.type === InteractionType.Ping) return sendJson(res, 200, { type: InteractionResponseType.Pong });

    const incoming = incomingFromApi(interaction);
    if (!incoming) return sendStatus(res, 400);
    const responder = httpResponder(res, interaction, webhooks);
    await router.handle(incoming, responder);
    // The router always answers; should it ever not, Discord shows "This interaction failed" rather than waiting.
    if (!responder.answered && !res.headersSent) sendStatus(res, 500);
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    let work: Promise<void>;
    if (path === INTERACTIONS_PATH) {
      if (req.method !== 'POST') return sendStatus(res, 405, { Allow: 'POST' });
      work = interactions(req, res);
    } else if (OPS_PATHS.includes(path)) {
      work = answerOps(path, req, res, readiness, metrics);
    } else {
      return sendStatus(res, 404);
    }
    work.catch((error: unknown) => {
      logger.error({ err: error }, 'HTTP request failed');
      if (!res.headersSent) sendStatus(res, 500);
    });
  });
  // A slow or stalled client cannot hold a connection (and its memory) for long.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;

  await listen(server, options.port, options.host);
  const port = (server.address() as AddressInfo).port;
  readiness.markReady();
  logger.info({ port, path: INTERACTIONS_PATH }, 'listening for Discord interactions');

  let closing: Promise<void> | null = null;
  return {
    port,
    server,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, CLOSE_GRACE_MS);
        });
        await Promise.race([closed, grace]);
        clearTimeout(timer);
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
