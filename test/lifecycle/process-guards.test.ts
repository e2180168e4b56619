// Issue 11, point 1: what escapes every boundary is logged without the token; an unhandled
// rejection leaves the process serving, an uncaught exception ends it non-zero for the supervisor.
import { describe, expect, it } from 'vitest';
import { botEnv, runScript } from '../e2e/harness.ts';

describe('process guards', () => {
  it('log a stray rejection and keep going, then log an uncaught exception and exit 1, never printing the secret', async () => {
    const secret = 'MTAwMDAwMDAwMDAwMDAwMDAx.GuArDs.secret-secret-secret-secret';
    const run = await runScript('test/lifecycle/guard-fixture.ts', botEnv({ GUARD_SECRET: secret }));
    expect(run.code).toBe(1);
    const lines = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l['level'], l['msg']])).toEqual([
      [50, 'unhandled promise rejection (the bot keeps serving)'],
      [30, 'still serving'],
      [60, 'uncaught exception: exiting so that the supervisor restarts the bot'],
    ]);
    expect(JSON.stringify(lines[2])).toContain('thrown while holding [redacted]');
    expect(run.stdout + run.stderr).not.toContain(secret);
  });
});
