// Start-up of `npm start` and `npm run deploy-commands` as processes with bad settings. Start-up
// against Discord (a rejected token, broken knowledge, registration) is in test/e2e.
import { describe, expect, it } from 'vitest';
import { botEnv, DEPLOY, MAIN, runScript } from './e2e/harness.ts';

const oneLine = (text: string) => text.trim().split('\n').length === 1;

describe('npm start refuses to start on bad settings', () => {
  it('names the variable and what it expects for a bad setting', async () => {
    const result = await runScript(MAIN, botEnv({ DISCORD_GUILD_ID: 'my-guild' }));
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toBe(true);
    expect(result.stderr).toMatch(/^Configuration error: DISCORD_GUILD_ID must be a Discord ID/);
  });

  it('deploy-commands names what it needs', async () => {
    const result = await runScript(DEPLOY, botEnv());
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('Configuration error: DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set (copy .env.example to .env and fill it in).');
  });
});
