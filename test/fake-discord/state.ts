import { EventEmitter } from 'node:events';
import type { APIInteraction, APIMessage, APIUser } from 'discord-api-types/v10';
import type { SpecChecker, SpecSchemaName } from './spec.ts';

export type RouteName =
  | 'gateway'
  | 'gatewayBot'
  | 'usersMe'
  | 'applicationsMe'
  | 'applicationCommands'
  | 'guildCommands'
  | 'interactionCallback'
  | 'webhookExecute'
  | 'webhookMessage'
  | 'unknown';

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface RecordedRequest {
  seq: number;
  at: number;
  method: string;
  /** Decoded path below `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  url: string;
  route: RouteName;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body (for multipart, the parsed `payload_json`); `null` when empty. */
  body: unknown;
  files: RecordedFile[];
  /** Filled in when the response is sent. */
  status: number | null;
  responseBody: unknown;
  /** Set when an injected fault answered this request. */
  fault: 'rate-limited' | 'server-error' | null;
}

export interface RecordedCallback {
  interactionId: string;
  token: string;
  /** The interaction callback type: 4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  data: unknown;
  body: unknown;
  withResponse: boolean;
  at: number;
  request: RecordedRequest;
}

export interface RecordedWebhookCall {
  interactionId: string;
  method: string;
  /** `@original`, a message id, or `null` for a follow-up POST. */
  messageId: string | null;
  body: unknown;
  status: number;
  at: number;
  request: RecordedRequest;
}

export interface RecordedCommandRegistration {
  method: 'PUT' | 'POST' | 'DELETE';
  applicationId: string;
  guildId: string | null;
  body: unknown;
  at: number;
}

export interface GatewayFrame {
  connectionId: number;
  op: number;
  d: unknown;
  at: number;
}

export interface SpecIssue {
  method: string;
  path: string;
  direction: 'request' | 'response';
  schema: SpecSchemaName;
  problems: string[];
}

export interface GatewayStats {
  connections: number;
  openConnections: number;
  identifies: number;
  resumes: number;
  /** RESUMEs that were refused with op 9 (unknown session). */
  failedResumes: number;
  readies: number;
  resumed: number;
  heartbeats: number;
  heartbeatAcks: number;
  dispatches: number;
  /** Close codes the clients closed with, in order. */
  clientCloseCodes: number[];
}

export interface InteractionRecord {
  payload: APIInteraction;
  dispatchedAt: number;
  /** The first accepted callback's type; `null` until acknowledged. */
  acknowledgedWith: number | null;
  originalMessageId: string | null;
  messageIds: string[];
}

export interface RestFaultRule {
  remaining: number;
  kind: 'rate-limit' | 'server-error';
  status: number;
  retryAfterSeconds: number;
  global: boolean;
  matches: (request: RecordedRequest) => boolean;
}

export interface FakeWorld {
  token: string;
  applicationId: string;
  botUser: APIUser;
  heartbeatIntervalMs: number;
  interactionTimeoutMs: number | null;
  rejectSpecViolations: boolean;
  /** The shard count GET /gateway/bot recommends. */
  recommendedShards: number;
}

export class FakeState {
  readonly events = new EventEmitter();
  readonly requests: RecordedRequest[] = [];
  readonly callbacks: RecordedCallback[] = [];
  readonly webhookCalls: RecordedWebhookCall[] = [];
  readonly commandRegistrations: RecordedCommandRegistration[] = [];
  readonly unknownRoutes: RecordedRequest[] = [];
  readonly gatewayReceived: GatewayFrame[] = [];
  readonly specIssues: SpecIssue[] = [];
  readonly stats: GatewayStats = {
    connections: 0,
    openConnections: 0,
    identifies: 0,
    resumes: 0,
    failedResumes: 0,
    readies: 0,
    resumed: 0,
    heartbeats: 0,
    heartbeatAcks: 0,
    dispatches: 0,
    clientCloseCodes: [],
  };
  readonly interactions = new Map<string, InteractionRecord>();
  readonly messages = new Map<string, APIMessage>();
  /** Registered commands by scope: `global` or a guild id. */
  readonly commands = new Map<string, Array<Record<string, unknown>>>();
  readonly faults = {
    rest: [] as RestFaultRule[],
    responseDelayMs: 0,
    heartbeatAcks: true,
  };
  private requestSeq = 0;

  constructor(
    readonly world: FakeWorld,
    readonly spec: SpecChecker | null,
  ) {
    this.events.setMaxListeners(0);
  }

  nextRequestSeq(): number {
    return ++this.requestSeq;
  }

  changed(): void {
    this.events.emit('change');
  }

  checkSpec(direction: SpecIssue['direction'], request: RecordedRequest, schema: SpecSchemaName, value: unknown, each = false): string[] {
    if (!this.spec) return [];
    const problems = this.spec.check(schema, value, each);
    if (problems.length > 0) {
      this.specIssues.push({ method: request.method, path: request.path, direction, schema, problems });
      this.changed();
    }
    return problems;
  }

  /**
   * Resolves with the first truthy value `check` returns, re-checking on every recorded event
   * (and every 20 ms, for conditions that depend on state outside the fake).
   */
  waitFor<T>(check: () => T, timeoutMs = 5000, what = 'condition'): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
    type Found = Exclude<T, false | null | undefined | 0 | ''>;
    return new Promise<Found>((resolve, reject) => {
      let poll: NodeJS.Timeout | undefined;
      let timer: NodeJS.Timeout | undefined;
      const finish = () => {
        this.events.off('change', attempt);
        clearInterval(poll);
        clearTimeout(timer);
      };
      function attempt(): boolean {
        let value: T;
        try {
          value = check();
        } catch (error) {
          finish();
          reject(error);
          return true;
        }
        if (!value) return false;
        finish();
        resolve(value as Found);
        return true;
      }
      if (attempt()) return;
      this.events.on('change', attempt);
      poll = setInterval(attempt, 20);
      timer = setTimeout(() => {
        finish();
        reject(new Error(`fake-discord: timed out after ${timeoutMs}ms waiting for ${what}\n${this.describe()}`));
      }, timeoutMs);
    });
  }

  /** A short summary for timeout messages. */
  describe(): string {
    const s = this.stats;
    const lines = [
      `gateway: connections=${s.connections} open=${s.openConnections} identifies=${s.identifies} resumes=${s.resumes} readies=${s.readies} heartbeats=${s.heartbeats} acks=${s.heartbeatAcks} clientCloseCodes=[${s.clientCloseCodes.join(',')}]`,
      'last requests:',
      ...this.requests.slice(-8).map((r) => `  ${r.method} ${r.path} -> ${r.status ?? 'pending'}${r.fault ? ` (${r.fault})` : ''}`),
    ];
    if (this.specIssues.length > 0) lines.push(`spec issues: ${JSON.stringify(this.specIssues.slice(-3))}`);
    return lines.join('\n');
  }
}
