// Start-up failures of the real bot process: each ends it non-zero with one clear line on stderr,
// never a stack trace.
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.ts';
import { MAIN, ROOT, exitWithin, fakeEnv, fakePerTest, runScript, stackLines, startBot } from './harness.ts';

const dirs: string[] = [];
const newFake = fakePerTest({ heartbeatIntervalMs: 5000 });

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of knowledge/ that `breakIt` damages. */
function brokenKnowledge(breakIt: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-knowledge-'));
  dirs.push(dir);
  cpSync(join(ROOT, 'knowledge'), dir, { recursive: true });
  breakIt(dir);
  return dir;
}

function loaderMessage(dir: string): string {
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) return error.message;
    throw error;
  }
  throw new Error(`the knowledge in ${dir} loaded without a problem`);
}

// Each spawn costs 1-2 s of mostly start-up work, so these run concurrently.
describe.concurrent('start-up failures', () => {
  it('a token Discord rejects (401 on gateway/bot): exit 1, one line, no stack trace', async () => {
    const fake = await newFake();
    const run = await runScript(MAIN, fakeEnv(fake, { DISCORD_TOKEN: 'not-the-token' }));

    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/DISCORD_TOKEN/);
    expect(lines[0]).toMatch(/401/);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(run.stderr + run.stdout).not.toContain('not-the-token');
    const gatewayBot = fake.requests.filter((r) => r.route === 'gatewayBot');
    expect(gatewayBot.map((r) => r.status)).toEqual([401]);
    expect(fake.stats.identifies).toBe(0);
  });

  it.each([
    ['qa.json is not JSON', (dir: string) => writeFileSync(join(dir, 'qa.json'), '{ "entries": [ }')],
    ['speakers.json breaks its schema', (dir: string) => writeFileSync(join(dir, 'speakers.json'), '{ "speakers": [ { "id": "Not An Id" } ] }')],
    ['source.json is missing', (dir: string) => unlinkSync(join(dir, 'source.json'))],
  ])('broken knowledge (%s): stops before connecting, with the loader’s message', async (_what, breakIt) => {
    const dir = brokenKnowledge(breakIt);
    const expected = loaderMessage(dir);
    const fake = await newFake();

    const run = await runScript(MAIN, fakeEnv(fake, { KNOWLEDGE_DIR: dir }));

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cannot start: the knowledge files have problems.');
    expect(run.stderr).toContain(expected);
    expect(stackLines(run.stderr)).toEqual([]);
    expect(fake.requests).toEqual([]);
  });

  it('an unreachable Discord API: exit 1, one line naming the URL', async () => {
    const fake = await newFake();
    const run = await runScript(MAIN, fakeEnv(fake, { DISCORD_API_URL: 'http://127.0.0.1:9/api' }), 25_000);

    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/http:\/\/127\.0\.0\.1:9\/api/);
    expect(stackLines(run.stderr)).toEqual([]);
  });

  it('the gateway refusing the token after connecting (close 4004): exit 1, one line', async () => {
    const fake = await newFake();
    const bot = await startBot(fake);
    expect(fake.faults.closeGateway(4004, { reason: 'Authentication failed.' })).toBe(1);
    const exit = await exitWithin(bot, 15_000);
    if (!exit) await bot.stop().catch(() => undefined);

    expect(exit?.code).toBe(1);
    const lines = bot.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/4004/);
    expect(stackLines(bot.stderr())).toEqual([]);
  });
});
