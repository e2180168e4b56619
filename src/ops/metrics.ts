// Prometheus metrics (GET /metrics): interactions by kind, command and outcome, their latency,
// deferred replies, rejected signatures, and prom-client's default process metrics. Labels hold
// only bounded values the bot defines: never a user, a guild or what someone typed.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HandledEvent, Outcome } from '../interactions/router.ts';

/** The router's outcomes, grouped as an operator reads them. */
const OUTCOME_LABEL: Record<Outcome, string> = {
  answered: 'answered',
  unanswered: 'unanswered',
  // A Helpful / Not helpful press.
  feedback: 'feedback',
  stale: 'refused_input',
  'unknown-command': 'refused_input',
  invalid: 'refused_input',
  // Turned away with "restarting" during a drained shutdown.
  draining: 'restarting',
  cooldown: 'slowed_down',
  error: 'error',
  failed: 'error',
};

export interface Metrics {
  readonly registry: Registry;
  /** Pass as the router's onHandled. */
  interactionHandled(event: HandledEvent): void;
  /** A request to the HTTP endpoint refused with 401. */
  signatureFailure(): void;
  /** The Prometheus text exposition. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createMetrics(options: { commandNames: readonly string[] }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const known = new Set(options.commandNames);
  const interactions = new Counter({
    name: 'discord_interactions_total',
    help: 'Interactions handled, by kind (command, autocomplete, button), command and outcome.',
    labelNames: ['kind', 'command', 'outcome'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'discord_interaction_duration_seconds',
    help: 'Time from receiving an interaction to its last reply being sent. Discord allows 3 s for the first.',
    labelNames: ['kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3],
    registers: [registry],
  });
  const deferred = new Counter({
    name: 'discord_interactions_deferred_total',
    help: 'Interactions whose handler ran past the deadline, so the reply was deferred and edited in later.',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const signatures = new Counter({
    name: 'discord_http_signature_failures_total',
    help: 'Requests to POST /interactions refused with 401: signature missing, malformed or wrong.',
    registers: [registry],
  });
  return {
    registry,
    interactionHandled(event) {
      const command = event.command !== undefined && known.has(event.command) ? event.command : 'unknown';
      interactions.inc({ kind: event.kind, command, outcome: OUTCOME_LABEL[event.outcome] });
      latency.observe({ kind: event.kind }, event.latencyMs / 1000);
      if (event.deferred) deferred.inc({ kind: event.kind });
    },
    signatureFailure() {
      signatures.inc();
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
