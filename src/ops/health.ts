// GET /healthz, /readyz and /metrics: what a load balancer, an orchestrator and Prometheus ask.
// Served beside POST /interactions in HTTP mode, and on PORT in gateway mode when it is set.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics.ts';

/**
 * Ready once the knowledge is loaded and the door is open (gateway client ready, or the HTTP
 * server listening); not ready again from the moment shutdown begins.
 */
export class Readiness {
  private ready = false;
  private stopping = false;
  get isReady(): boolean {
    return this.ready && !this.stopping;
  }
  markReady(): void {
    this.ready = true;
  }
  /** Not ready, for good: the process is shutting down. */
  markStopping(): void {
    this.stopping = true;
  }
  /** Not ready until markReady again (the gateway lost every shard). */
  markNotReady(): void {
    this.ready = false;
  }
}

export const OPS_PATHS = ['/healthz', '/readyz', '/metrics'];

function text(res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) }).end(body);
}

/** Answers one of OPS_PATHS (the caller has checked the path). HEAD is answered like GET, without a body. */
export async function answerOps(path: string, req: IncomingMessage, res: ServerResponse, readiness: Readiness, metrics: Metrics | null): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Length': 0 }).end();
    return;
  }
  if (path === '/healthz') return text(res, 200, 'ok\n');
  if (path === '/readyz') return readiness.isReady ? text(res, 200, 'ready\n') : text(res, 503, 'not ready\n');
  if (!metrics) return text(res, 404, 'not found\n');
  const { contentType, body } = await metrics.render();
  text(res, 200, body, contentType);
}

/** Gateway mode's listener: only the ops paths. */
export async function startOpsServer(options: { port: number; readiness: Readiness; metrics: Metrics | null }): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!OPS_PATHS.includes(path)) return text(res, 404, 'not found\n');
    answerOps(path, req, res, options.readiness, options.metrics).catch(() => {
      if (!res.headersSent) text(res, 500, 'error\n');
    });
  });
  await listen(server, options.port);
  return { server, port: (server.address() as AddressInfo).port };
}

/** `host` undefined: every interface. */
export function listen(server: Server, port: number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
