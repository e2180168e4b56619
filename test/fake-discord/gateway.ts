import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { FakeState } from './state.ts';

export interface GatewayConnectionRecord {
  id: number;
  /** The URL query discord.js connected with, e.g. `{ v: '10', encoding: 'json' }`. */
  query: Record<string, string>;
  openedAt: number;
  closedAt: number | null;
  closeCode: number | null;
  closedBy: 'client' | 'server' | null;
  sessionId: string | null;
}

interface Session {
  id: string;
  seq: number;
  log: Array<{ s: number; t: string; d: unknown }>;
  connection: Connection | null;
  shard: [number, number];
}

interface Connection {
  record: GatewayConnectionRecord;
  ws: WebSocket;
  session: Session | null;
  acksHeartbeats: boolean;
  closingByServer: boolean;
}

/** `current`: the newest session's socket; `all`; or the socket of one shard's session. */
export type ConnectionScope = 'current' | 'all' | { shard: number };

const MAX_REPLAY_LOG = 1000;
const TRACE = ['["fake-discord-gateway",{"micros":0}]'];

export class Gateway {
  readonly connections: GatewayConnectionRecord[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly open = new Set<Connection>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private current: Session | null = null;

  constructor(
    private readonly state: FakeState,
    private readonly gatewayUrl: () => string,
  ) {}

  get currentSessionId(): string | null {
    return this.current?.id ?? null;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req));
  }

  /** The live session of shard `id` (the newest, should there be several). */
  sessionOfShard(id: number): Session | null {
    let found: Session | null = null;
    for (const session of this.sessions.values()) if (session.shard[0] === id) found = session;
    return found;
  }

  /** How many shards the bot identified with (the count in its newest session). */
  get shardCount(): number {
    return this.current?.shard[1] ?? 1;
  }

  /**
   * Sends a dispatch on the current session, or on shard `shardId`'s, or keeps it for replay if
   * that session is between sockets.
   */
  dispatch(t: string, d: unknown, shardId?: number): number {
    const session = shardId === undefined ? this.current : this.sessionOfShard(shardId);
    if (!session)
      throw new Error(
        `fake-discord: no gateway session${shardId === undefined ? '' : ` for shard ${shardId}`} yet; await fake.waitForReady() before dispatching`,
      );
    const s = ++session.seq;
    session.log.push({ s, t, d });
    if (session.log.length > MAX_REPLAY_LOG) session.log.shift();
    if (session.connection) this.send(session.connection, { op: 0, t, s, d });
    this.state.stats.dispatches += 1;
    this.state.changed();
    return s;
  }

  closeConnections(code: number, reason: string, scope: ConnectionScope): number {
    const targets = this.targets(scope);
    for (const connection of targets) {
      connection.closingByServer = true;
      connection.ws.close(code, reason);
    }
    return targets.length;
  }

  /** Drops the TCP connection without a close frame; the client sees 1006. */
  terminateConnections(scope: ConnectionScope): number {
    const targets = this.targets(scope);
    for (const connection of targets) {
      connection.closingByServer = true;
      connection.ws.terminate();
    }
    return targets.length;
  }

  stopHeartbeatAcks(scope: ConnectionScope): void {
    if (scope === 'all') this.state.faults.heartbeatAcks = false;
    for (const connection of this.targets(scope)) connection.acksHeartbeats = false;
  }

  resumeHeartbeatAcks(): void {
    this.state.faults.heartbeatAcks = true;
    for (const connection of this.open) connection.acksHeartbeats = true;
  }

  /** op 7: tells the client to reconnect and resume. */
  requestReconnect(scope: ConnectionScope): void {
    for (const connection of this.targets(scope)) this.send(connection, { op: 7, d: null, s: null, t: null });
  }

  /** op 9. When not resumable, the session is forgotten so a RESUME would fail anyway. */
  invalidateSession(resumable: boolean): void {
    const session = this.current;
    if (!session) return;
    if (session.connection) this.send(session.connection, { op: 9, d: resumable, s: null, t: null });
    if (!resumable) {
      this.sessions.delete(session.id);
      if (session.connection) session.connection.session = null;
      session.connection = null;
      this.current = null;
    }
  }

  close(): Promise<void> {
    for (const connection of this.open) {
      connection.closingByServer = true;
      connection.ws.terminate();
    }
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private targets(scope: ConnectionScope): Connection[] {
    if (scope === 'all') return [...this.open];
    if (typeof scope === 'object') {
      const connection = this.sessionOfShard(scope.shard)?.connection;
      return connection ? [connection] : [];
    }
    const connection = this.current?.connection;
    if (connection) return [connection];
    // No session yet (e.g. before IDENTIFY): the newest socket is the current one.
    const newest = [...this.open].at(-1);
    return newest ? [newest] : [];
  }

  private send(connection: Connection, payload: unknown): void {
    if (connection.ws.readyState === WebSocket.OPEN) connection.ws.send(JSON.stringify(payload));
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const { stats } = this.state;
    const query = Object.fromEntries(new URL(req.url ?? '/', 'ws://127.0.0.1').searchParams);
    const record: GatewayConnectionRecord = {
      id: this.connections.length + 1,
      query,
      openedAt: Date.now(),
      closedAt: null,
      closeCode: null,
      closedBy: null,
      sessionId: null,
    };
    const connection: Connection = { record, ws, session: null, acksHeartbeats: true, closingByServer: false };
    this.connections.push(record);
    this.open.add(connection);
    stats.connections += 1;
    stats.openConnections += 1;

    ws.on('error', () => {});
    ws.on('close', (code) => {
      this.open.delete(connection);
      stats.openConnections -= 1;
      record.closedAt = Date.now();
      record.closeCode = code;
      record.closedBy = connection.closingByServer ? 'server' : 'client';
      if (!connection.closingByServer) stats.clientCloseCodes.push(code);
      if (connection.session?.connection === connection) connection.session.connection = null;
      this.state.changed();
    });
    ws.on('message', (data, isBinary) => this.onMessage(connection, data, isBinary));

    // Compression (`compress=zlib-stream`, identify `compress: true`) is never applied: discord.js
    // parses text frames as plain JSON whatever it asked for.
    if (query['encoding'] !== undefined && query['encoding'] !== 'json') {
      this.closeWith(connection, 4002, 'Error while decoding payload.');
    } else if (query['v'] !== undefined && query['v'] !== '10') {
      this.closeWith(connection, 4012, 'Invalid API version.');
    } else {
      this.send(connection, { op: 10, d: { heartbeat_interval: this.state.world.heartbeatIntervalMs, _trace: TRACE }, s: null, t: null });
    }
    this.state.changed();
  }

  private closeWith(connection: Connection, code: number, reason: string): void {
    connection.closingByServer = true;
    connection.ws.close(code, reason);
  }

  private onMessage(connection: Connection, data: RawData, isBinary: boolean): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      if (isBinary) throw new Error('binary frames are not supported');
      payload = JSON.parse(data.toString()) as { op?: unknown; d?: unknown };
    } catch {
      this.closeWith(connection, 4002, 'Error while decoding payload.');
      return;
    }
    const op = typeof payload.op === 'number' ? payload.op : -1;
    this.state.gatewayReceived.push({ connectionId: connection.record.id, op, d: payload.d ?? null, at: Date.now() });
    const d = (typeof payload.d === 'object' && payload.d !== null ? payload.d : {}) as Record<string, unknown>;

    switch (op) {
      case 1:
        this.state.stats.heartbeats += 1;
        if (connection.acksHeartbeats && this.state.faults.heartbeatAcks) {
          this.send(connection, { op: 11, d: null, s: null, t: null });
          this.state.stats.heartbeatAcks += 1;
        }
        break;
      case 2:
        this.identify(connection, d);
        break;
      case 6:
        this.resume(connection, d);
        break;
      case 3: // presence update
      case 4: // voice state update
      case 8: // request guild members
      case 31: // request soundboard sounds
        if (!connection.session) this.closeWith(connection, 4003, 'Not authenticated.');
        break;
      default:
        this.closeWith(connection, 4001, 'Unknown opcode.');
    }
    this.state.changed();
  }

  private tokenMatches(token: unknown): boolean {
    return typeof token === 'string' && token.replace(/^Bot\s+/i, '') === this.state.world.token;
  }

  private identify(connection: Connection, d: Record<string, unknown>): void {
    const { stats, world } = this.state;
    stats.identifies += 1;
    if (connection.session) return this.closeWith(connection, 4005, 'Already authenticated.');
    if (!this.tokenMatches(d['token'])) return this.closeWith(connection, 4004, 'Authentication failed.');
    if (typeof d['intents'] !== 'number') return this.closeWith(connection, 4013, 'Invalid intent(s).');
    const shard: [number, number] =
      Array.isArray(d['shard']) && typeof d['shard'][0] === 'number' && typeof d['shard'][1] === 'number' ? [d['shard'][0], d['shard'][1]] : [0, 1];
    if (shard[0] < 0 || shard[0] >= shard[1]) return this.closeWith(connection, 4010, 'Invalid shard.');

    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, log: [], connection, shard };
    this.sessions.set(session.id, session);
    this.current = session;
    connection.session = session;
    connection.record.sessionId = session.id;

    const ready = {
      v: 10,
      user_settings: {},
      user: { ...world.botUser, verified: true, mfa_enabled: false, email: null },
      guilds: [],
      guild_join_requests: [],
      relationships: [],
      private_channels: [],
      presences: [],
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.gatewayUrl(),
      shard,
      application: { id: world.applicationId, flags: 0 },
      geo_ordered_rtc_regions: ['us-east'],
      auth: {},
      _trace: TRACE,
    };
    // READY is not kept for replay: Discord never replays it on RESUME.
    this.send(connection, { op: 0, t: 'READY', s: ++session.seq, d: ready });
    stats.readies += 1;
  }

  private resume(connection: Connection, d: Record<string, unknown>): void {
    const { stats } = this.state;
    stats.resumes += 1;
    if (connection.session) return this.closeWith(connection, 4005, 'Already authenticated.');
    if (!this.tokenMatches(d['token'])) return this.closeWith(connection, 4004, 'Authentication failed.');
    const session = typeof d['session_id'] === 'string' ? this.sessions.get(d['session_id']) : undefined;
    if (!session) {
      stats.failedResumes += 1;
      this.send(connection, { op: 9, d: false, s: null, t: null });
      return;
    }
    if (session.connection && session.connection !== connection) session.connection.session = null;
    session.connection = connection;
    connection.session = session;
    connection.record.sessionId = session.id;
    this.current = session;

    const since = typeof d['seq'] === 'number' ? d['seq'] : 0;
    for (const event of session.log) {
      if (event.s > since) this.send(connection, { op: 0, t: event.t, s: event.s, d: event.d });
    }
    this.send(connection, { op: 0, t: 'RESUMED', s: ++session.seq, d: { _trace: TRACE } });
    stats.resumed += 1;
  }
}
