// What an operator's load balancer and Prometheus see of the real process: /healthz, /readyz and
// /metrics in gateway mode (when PORT is set), and SIGTERM in HTTP mode during a burst: whatever
// was received is answered, nothing half-answered, exit 0.
import { describe, expect, it } from 'vitest';
import { answerOf, createAuditor, freshUser } from './checks.ts';
import { fakePerTest, startBot, startHttpBot } from './harness.ts';

const newFake = fakePerTest({ heartbeatIntervalMs: 5000 });

describe.concurrent('operations', () => {
  it('gateway mode with PORT: /healthz, /readyz once connected, /metrics counting what the gateway brought', async () => {
    const fake = await newFake();
    const audit = createAuditor(fake);
    const bot = await startBot(fake, { PORT: '0' });
    try {
      const port = await fake.waitFor(() => bot.logs().find((l) => l['msg'] === 'serving /healthz, /readyz and /metrics')?.['port'] as number | undefined);
      const origin = `http://127.0.0.1:${port}`;
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
      await fake.waitFor(() => bot.logs().some((l) => l['msg'] === 'connected to Discord'), 5000, 'the ready log');
      expect((await fetch(`${origin}/readyz`)).status).toBe(200);
      expect((await fetch(`${origin}/interactions`, { method: 'POST', body: '{}' })).status).toBe(404);

      const id = fake.dispatchInteraction(fake.build.chatInput({ name: 'ask', options: { question: 'how long did they meet?' }, user: freshUser() }));
      await answerOf(fake, id);
      let text = '';
      for (let i = 0; i < 50 && !text.includes('outcome="answered"'); i++) {
        text = await (await fetch(`${origin}/metrics`)).text();
        if (!text.includes('outcome="answered"')) await new Promise((r) => setTimeout(r, 20));
      }
      expect(text).toMatch(/^discord_interactions_total\{kind="command",command="ask",outcome="answered"\} 1$/m);
      expect(audit()).toEqual([]);
    } finally {
      expect(await bot.stop()).toEqual({ code: 0, signal: null });
    }
  });

  it('gateway mode without PORT opens no listener', async () => {
    const fake = await newFake();
    const bot = await startBot(fake);
    try {
      expect(bot.logs().some((l) => String(l['msg']).startsWith('serving /healthz'))).toBe(false);
    } finally {
      expect(await bot.stop()).toEqual({ code: 0, signal: null });
    }
  });

  it('HTTP mode, SIGTERM in the middle of a burst: each interaction is answered or never accepted, and the exit is 0', async () => {
    const fake = await newFake();
    const audit = createAuditor(fake);
    const bot = await startHttpBot(fake);
    const ask = () => fake.build.chatInput({ name: 'ask', options: { question: 'how long did they meet?' }, user: freshUser() });
    const first = Array.from({ length: 40 }, () => fake.postInteraction(bot.endpoint, ask()));
    // Once answers are flowing, the rest of the burst is in flight.
    await Promise.race(first);
    bot.child.kill('SIGTERM');
    const rest = Array.from({ length: 20 }, () => fake.postInteraction(bot.endpoint, ask()));
    const deliveries = await Promise.all([...first, ...rest]);
    const exit = await bot.exited;

    expect(exit).toEqual({ code: 0, signal: null });
    // 200 with a reply, or the connection refused once the server had closed (Discord retries elsewhere): never an error status.
    expect(deliveries.filter((d) => d.status !== 200 && d.status !== 0)).toEqual([]);
    const answered = deliveries.filter((d) => d.status === 200);
    expect(answered.length).toBeGreaterThan(0);
    for (const d of answered) expect(fake.callbacksFor(d.interactionId).map((c) => c.type)).toEqual([4]);
    expect(bot.logs().some((l) => l['msg'] === 'shutting down')).toBe(true);
    expect(bot.stderr()).toBe('');
    expect(audit()).toEqual([]);
  });
});
