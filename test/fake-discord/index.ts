import { generateKeyPairSync, sign as signEd25519, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIInteraction, APIMessage, APIUser } from 'discord-api-types/v10';
import { Gateway, type ConnectionScope, type GatewayConnectionRecord } from './gateway.ts';
import { createBuilders, snowflake, userObject, type PayloadBuilders } from './payloads.ts';
import { createRestHandler } from './rest.ts';
import { loadSpecChecker } from './spec.ts';
import {
  FakeState,
  type GatewayFrame,
  type GatewayStats,
  type RecordedCallback,
  type RecordedCommandRegistration,
  type RecordedRequest,
  type RecordedWebhookCall,
  type RouteName,
  type SpecIssue,
} from './state.ts';

export type * from './state.ts';
export type { GatewayConnectionRecord, ConnectionScope } from './gateway.ts';
export type {
  PayloadBuilders,
  ChatInputInput,
  MessageCommandInput,
  AutocompleteInput,
  ComponentInput,
  SelectInput,
  OptionsInput,
  InteractionWhere,
} from './payloads.ts';
export { snowflake, withoutNewerFields } from './payloads.ts';

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  /** Sent in HELLO. Default 41250 like Discord; tests want ~100-1000. */
  heartbeatIntervalMs?: number;
  botUsername?: string;
  /** Default guild/channel/user the payload builders use. */
  guildId?: string;
  channelId?: string;
  user?: Partial<APIUser>;
  /** Answer initial callbacks arriving later than this with 404 Unknown interaction (Discord: 3000). Default: no deadline. */
  interactionTimeoutMs?: number | null;
  /** Check bodies against discord-api-spec and record problems in `specIssues`. Default true. */
  validateAgainstSpec?: boolean;
  /** Answer spec-violating bodies with 400 Invalid Form Body (50035) instead of only recording them. Default false. */
  rejectSpecViolations?: boolean;
  port?: number;
  /** The shard count GET /gateway/bot recommends. Default 1. */
  recommendedShards?: number;
  /** The application's Ed25519 key pair, which signs HTTP interactions. Default: a new one. */
  signingKeys?: { publicKey: KeyObject; privateKey: KeyObject };
}

/** What happened to one interaction delivered over HTTP (`postInteraction`). */
export interface HttpDelivery {
  interactionId: string;
  /** The endpoint's HTTP status; 0 when it did not answer within Discord's 3 s (or at all). */
  status: number;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** Set when the fake refused the body as a callback (e.g. a spec violation with rejectSpecViolations). */
  refused: unknown;
}

/** Which REST requests a fault applies to: a route name, `any`, or a predicate. */
export type FaultMatch = RouteName | 'any' | ((request: RecordedRequest) => boolean);

export interface FakeDiscordFaults {
  /** Answer the next `count` matching requests with 429 (default: interaction callbacks, retry after 0.2 s). */
  rateLimitNext(count: number, options?: { match?: FaultMatch; retryAfterSeconds?: number; global?: boolean }): void;
  /** Answer the next `count` matching requests with a 5xx (default: interaction callbacks, 500). */
  failNext(count: number, options?: { match?: FaultMatch; status?: number }): void;
  rateLimitNextCallbacks(count: number, retryAfterSeconds?: number): void;
  failNextCallbacks(count: number, status?: number): void;
  /** Delay every REST response by `ms` (0 turns it off). */
  delayResponses(ms: number): void;
  /** Close gateway sockets with `code` (4000 = resumable unknown error). Returns how many were closed. */
  closeGateway(code?: number, options?: { scope?: ConnectionScope; reason?: string }): number;
  /** Drop gateway sockets without a close frame (the client sees 1006). */
  terminateGateway(scope?: ConnectionScope): number;
  /**
   * Stop answering heartbeats: `current` makes the open socket a zombie (new sockets are fine),
   * `all` stops acks everywhere until `resumeHeartbeatAcks()`.
   */
  stopHeartbeatAcks(scope?: ConnectionScope): void;
  resumeHeartbeatAcks(): void;
  /** Send op 7 RECONNECT. */
  requestReconnect(scope?: ConnectionScope): void;
  /** Send op 9 INVALID_SESSION. A re-IDENTIFY then waits up to 5 s in discord.js's own identify throttle. */
  invalidateSession(resumable?: boolean): void;
  /** Clear pending REST faults and delay, and ack heartbeats again. */
  reset(): void;
}

export interface FakeDiscord {
  readonly port: number;
  /** `http://127.0.0.1:<port>/api`, for `new Client({ rest: { api } })` / DISCORD_API_URL. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guildId: string;
  readonly channelId: string;
  readonly user: APIUser;
  readonly build: PayloadBuilders;
  readonly faults: FakeDiscordFaults;

  readonly requests: readonly RecordedRequest[];
  /** Accepted interaction callbacks, in arrival order. */
  readonly callbacks: readonly RecordedCallback[];
  /** Follow-ups and @original GET/PATCH/DELETE, keyed to the interaction by its token. */
  readonly webhookCalls: readonly RecordedWebhookCall[];
  readonly commandRegistrations: readonly RecordedCommandRegistration[];
  /** Requests answered 404/405 because no route matched. */
  readonly unknownRoutes: readonly RecordedRequest[];
  readonly gatewayReceived: readonly GatewayFrame[];
  readonly gatewayConnections: readonly GatewayConnectionRecord[];
  readonly specIssues: readonly SpecIssue[];
  readonly stats: Readonly<GatewayStats>;
  readonly currentSessionId: string | null;

  /** Registered commands: global, or for one guild. */
  commands(guildId?: string): Array<Record<string, unknown>>;
  callbacksFor(interactionId: string): RecordedCallback[];
  /**
   * Forgets every interaction so far and what was recorded of it (callbacks, messages, requests,
   * webhook calls, gateway frames received), for a benchmark that sends tens of thousands: kept,
   * they grow the heap of the process the fake shares with the bot, and its pauses to collect it
   * land on whichever burst is running. Only between bursts: a late callback for a forgotten
   * interaction is answered 404 Unknown interaction.
   */
  forgetInteractions(): void;
  /** The messages an interaction produced (original response first), as they are now. */
  messagesFor(interactionId: string): APIMessage[];
  originalMessage(interactionId: string): APIMessage | null;

  /** Sends any gateway dispatch on the current session; returns its sequence number. */
  dispatch(eventName: string, data: unknown): number;
  /**
   * Sends INTERACTION_CREATE and accepts callbacks for it; returns the interaction id. Without a
   * shard it goes where Discord sends it: the guild's shard ((guild_id >> 22) % shards), DMs on 0.
   */
  dispatchInteraction(payload: APIInteraction, options?: { shard?: number }): string;

  /** The application's public key as the Developer Portal shows it: 64 hex characters. */
  readonly publicKeyHex: string;
  /** Discord's signature headers for a body: Ed25519 over timestamp + body. */
  sign(body: string | Buffer, timestamp?: string): { 'X-Signature-Ed25519': string; 'X-Signature-Timestamp': string };
  /**
   * Discord's HTTP delivery: registers the interaction, POSTs it signed to `endpointUrl`, and takes
   * a 200 JSON response as its callback (recorded in `callbacks` and checked like a REST one), so
   * webhook follow-ups and `answerOf` work as for the gateway.
   */
  postInteraction(endpointUrl: string, payload: APIInteraction): Promise<HttpDelivery>;

  waitFor<T>(check: () => T, timeoutMs?: number, what?: string): Promise<Exclude<T, false | null | undefined | 0 | ''>>;
  /** Resolves with the session id once `count` READYs have been sent. */
  waitForReady(timeoutMs?: number, count?: number): Promise<string>;
  waitForCallback(interactionId: string, timeoutMs?: number): Promise<RecordedCallback>;
  waitForWebhook(interactionId: string, match?: { method?: string; messageId?: string | null }, timeoutMs?: number): Promise<RecordedWebhookCall>;

  /** Stops the servers and drops every socket. Destroy the discord.js client first, or it keeps reconnecting. */
  close(): Promise<void>;
}

function matcher(match: FaultMatch): (request: RecordedRequest) => boolean {
  if (typeof match === 'function') return match;
  if (match === 'any') return () => true;
  return (request) => request.route === match;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? snowflake();
  const botUser = userObject(applicationId, options.botUsername ?? 'fake-bot', { bot: true });
  const user = userObject(options.user?.id ?? snowflake(), 'tester', options.user);
  const guildId = options.guildId ?? snowflake();
  const channelId = options.channelId ?? snowflake();
  const spec = options.validateAgainstSpec === false ? null : await loadSpecChecker();
  const keys = options.signingKeys ?? generateKeyPairSync('ed25519');
  // SPKI DER of an Ed25519 key ends with the 32 raw key bytes, which Discord shows as hex.
  const publicKeyHex = (keys.publicKey.export({ format: 'der', type: 'spki' }) as Buffer).subarray(-32).toString('hex');
  const state = new FakeState(
    {
      token: options.token ?? 'fake-bot-token',
      applicationId,
      botUser,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      interactionTimeoutMs: options.interactionTimeoutMs ?? null,
      rejectSpecViolations: options.rejectSpecViolations ?? false,
      recommendedShards: options.recommendedShards ?? 1,
    },
    spec,
  );

  let port = 0;
  const origin = () => `http://127.0.0.1:${port}`;
  const gatewayUrl = () => `ws://127.0.0.1:${port}`;
  const gateway = new Gateway(state, gatewayUrl);
  const rest = createRestHandler(state, { gatewayUrl, origin });
  const handle = rest.handle;
  const server = createServer((req, res) => void handle(req, res));
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'ws://127.0.0.1').pathname === '/') gateway.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  const ctx = { applicationId, botUser, guildId, channelId, user };
  const build = createBuilders(ctx);

  const faults: FakeDiscordFaults = {
    rateLimitNext(count, { match = 'interactionCallback', retryAfterSeconds = 0.2, global = false } = {}) {
      state.faults.rest.push({ remaining: count, kind: 'rate-limit', status: 429, retryAfterSeconds, global, matches: matcher(match) });
    },
    failNext(count, { match = 'interactionCallback', status = 500 } = {}) {
      state.faults.rest.push({ remaining: count, kind: 'server-error', status, retryAfterSeconds: 0, global: false, matches: matcher(match) });
    },
    rateLimitNextCallbacks(count, retryAfterSeconds = 0.2) {
      faults.rateLimitNext(count, { retryAfterSeconds });
    },
    failNextCallbacks(count, status = 500) {
      faults.failNext(count, { status });
    },
    delayResponses(ms) {
      state.faults.responseDelayMs = ms;
    },
    closeGateway(code = 4000, { scope = 'all', reason = 'fake-discord: closed by test' } = {}) {
      return gateway.closeConnections(code, reason, scope);
    },
    terminateGateway(scope = 'all') {
      return gateway.terminateConnections(scope);
    },
    stopHeartbeatAcks(scope = 'current') {
      gateway.stopHeartbeatAcks(scope);
    },
    resumeHeartbeatAcks() {
      gateway.resumeHeartbeatAcks();
    },
    requestReconnect(scope = 'current') {
      gateway.requestReconnect(scope);
    },
    invalidateSession(resumable = false) {
      gateway.invalidateSession(resumable);
    },
    reset() {
      state.faults.rest.length = 0;
      state.faults.responseDelayMs = 0;
      gateway.resumeHeartbeatAcks();
    },
  };

  const messagesFor = (interactionId: string): APIMessage[] => {
    const record = state.interactions.get(interactionId);
    if (!record) return [];
    const ids = [...record.messageIds].sort((a, b) => (a === record.originalMessageId ? -1 : b === record.originalMessageId ? 1 : 0));
    return ids.flatMap((id) => state.messages.get(id) ?? []);
  };

  const register = (payload: APIInteraction) => {
    if (state.interactions.has(payload.id)) throw new Error(`fake-discord: interaction ${payload.id} was already dispatched`);
    state.interactions.set(payload.id, { payload, dispatchedAt: Date.now(), acknowledgedWith: null, originalMessageId: null, messageIds: [] });
  };
  const sign = (body: string | Buffer, timestamp = String(Math.floor(Date.now() / 1000))) => ({
    'X-Signature-Ed25519': signEd25519(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), keys.privateKey).toString('hex'),
    'X-Signature-Timestamp': timestamp,
  });

  let closed = false;
  const fake: FakeDiscord = {
    port,
    apiUrl: `${origin()}/api`,
    gatewayUrl: gatewayUrl(),
    token: state.world.token,
    applicationId,
    botUser,
    guildId,
    channelId,
    user,
    build,
    faults,
    requests: state.requests,
    callbacks: state.callbacks,
    webhookCalls: state.webhookCalls,
    commandRegistrations: state.commandRegistrations,
    unknownRoutes: state.unknownRoutes,
    gatewayReceived: state.gatewayReceived,
    gatewayConnections: gateway.connections,
    specIssues: state.specIssues,
    stats: state.stats,
    get currentSessionId() {
      return gateway.currentSessionId;
    },

    commands: (scopeGuildId) => [...(state.commands.get(scopeGuildId ?? 'global') ?? [])],
    callbacksFor: (interactionId) => state.callbacks.filter((c) => c.interactionId === interactionId),
    forgetInteractions() {
      for (const list of [state.requests, state.callbacks, state.webhookCalls, state.gatewayReceived]) list.length = 0;
      state.interactions.clear();
      state.messages.clear();
    },
    messagesFor,
    originalMessage(interactionId) {
      const id = state.interactions.get(interactionId)?.originalMessageId;
      return (id && state.messages.get(id)) || null;
    },

    dispatch: (eventName, data) => gateway.dispatch(eventName, data),
    dispatchInteraction(payload, { shard } = {}) {
      register(payload);
      const count = gateway.shardCount;
      const target = shard ?? (payload.guild_id && count > 1 ? Number((BigInt(payload.guild_id) >> 22n) % BigInt(count)) : undefined);
      gateway.dispatch('INTERACTION_CREATE', payload, target);
      return payload.id;
    },

    publicKeyHex,
    sign,
    async postInteraction(endpointUrl, payload) {
      register(payload);
      const body = JSON.stringify(payload);
      let status: number;
      let text: string;
      try {
        // Discord waits 3 s for the response, then shows "This interaction failed".
        const res = await fetch(endpointUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'User-Agent': 'Discord-Interactions/1.0 (+https://discord.com)', ...sign(body) },
          body,
          signal: AbortSignal.timeout(3000),
        });
        status = res.status;
        text = await res.text();
      } catch {
        return { interactionId: payload.id, status: 0, body: null, refused: null };
      }
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // Not JSON: kept as text.
      }
      let refused: unknown = null;
      if (status === 200) {
        const request: RecordedRequest = {
          seq: state.nextRequestSeq(),
          at: Date.now(),
          method: 'POST',
          path: `/interactions/${payload.id}/[http response]/callback`,
          url: endpointUrl,
          route: 'interactionCallback',
          query: {},
          headers: {},
          body: parsed,
          files: [],
          status: 200,
          responseBody: null,
          fault: null,
        };
        const reply = rest.interactionCallback(request, payload.id, payload.token);
        if (reply.status >= 300) refused = reply.body ?? reply.status;
      }
      return { interactionId: payload.id, status, body: parsed, refused };
    },

    waitFor: (check, timeoutMs, what) => state.waitFor(check, timeoutMs, what),
    async waitForReady(timeoutMs = 5000, count = 1) {
      await state.waitFor(() => state.stats.readies >= count, timeoutMs, `${count} READY`);
      return gateway.currentSessionId ?? '';
    },
    waitForCallback: (interactionId, timeoutMs = 5000) =>
      state.waitFor(() => state.callbacks.find((c) => c.interactionId === interactionId), timeoutMs, `a callback for interaction ${interactionId}`),
    waitForWebhook: (interactionId, match = {}, timeoutMs = 5000) =>
      state.waitFor(
        () =>
          state.webhookCalls.find(
            (w) =>
              w.interactionId === interactionId &&
              (match.method === undefined || w.method === match.method.toUpperCase()) &&
              (match.messageId === undefined || w.messageId === match.messageId),
          ),
        timeoutMs,
        `a webhook call ${JSON.stringify(match)} for interaction ${interactionId}`,
      ),

    async close() {
      if (closed) return;
      closed = true;
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
