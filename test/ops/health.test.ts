// /healthz, /readyz and /metrics as gateway mode serves them on PORT (startOpsServer): readiness
// follows the process from starting to ready to shutting down; liveness stays 200 throughout.
import type { Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { Readiness, startOpsServer } from '../../src/ops/health.ts';
import { createMetrics } from '../../src/ops/metrics.ts';

const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
});

async function serve(withMetrics = true) {
  const readiness = new Readiness();
  const metrics = withMetrics ? createMetrics({ commandNames: ['ask'] }) : null;
  const { server, port } = await startOpsServer({ port: 0, readiness, metrics });
  servers.push(server);
  const get = async (path: string, method = 'GET') => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method });
    return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
  };
  return { readiness, metrics, get };
}

describe('readiness', () => {
  it('is 503 while starting, 200 once ready, 503 from the moment shutdown begins; /healthz is 200 all along', async () => {
    const { readiness, get } = await serve();
    expect((await get('/readyz')).status).toBe(503);
    expect((await get('/healthz')).status).toBe(200);
    readiness.markReady();
    expect((await get('/readyz')).status).toBe(200);
    readiness.markStopping();
    expect((await get('/readyz')).status).toBe(503);
    readiness.markReady();
    expect((await get('/readyz')).status).toBe(503);
    expect((await get('/healthz')).status).toBe(200);
  });

  it('answers HEAD like GET, other methods 405, other paths 404', async () => {
    const { get } = await serve();
    expect((await get('/healthz', 'HEAD')).status).toBe(200);
    expect((await get('/healthz', 'POST')).status).toBe(405);
    expect((await get('/metrics', 'DELETE')).status).toBe(405);
    expect((await get('/interactions', 'POST')).status).toBe(404);
    expect((await get('/')).status).toBe(404);
  });
});

describe('metrics', () => {
  it('counts what the router reports, with unknown command names folded into "unknown"', async () => {
    const { metrics, get } = await serve();
    metrics!.interactionHandled({ kind: 'command', command: 'ask', outcome: 'cooldown', deferred: false, latencyMs: 12 });
    metrics!.interactionHandled({ kind: 'command', command: 'made-up-by-someone', outcome: 'unknown-command', deferred: false, latencyMs: 1 });
    metrics!.interactionHandled({ kind: 'button', command: 'ask', outcome: 'answered', deferred: true, latencyMs: 2500 });
    metrics!.signatureFailure();
    const { status, text, type } = await get('/metrics');
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toMatch(/^discord_interactions_total\{kind="command",command="ask",outcome="slowed_down"\} 1$/m);
    expect(text).toMatch(/^discord_interactions_total\{kind="command",command="unknown",outcome="refused_input"\} 1$/m);
    expect(text).not.toContain('made-up-by-someone');
    expect(text).toMatch(/^discord_interactions_deferred_total\{kind="button"\} 1$/m);
    expect(text).toMatch(/^discord_interaction_duration_seconds_bucket\{le="2",kind="button"\} 0$/m);
    expect(text).toMatch(/^discord_interaction_duration_seconds_bucket\{le="3",kind="button"\} 1$/m);
    expect(text).toMatch(/^discord_http_signature_failures_total 1$/m);
  });

  it('without metrics, /metrics is 404', async () => {
    const { get } = await serve(false);
    expect((await get('/metrics')).status).toBe(404);
  });
});
