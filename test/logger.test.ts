import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubUrlTokens } from '../src/logger.ts';
import { memoryLogger } from './support/recording.ts';

describe('logger', () => {
  it('writes one JSON object per line', () => {
    const log = memoryLogger('info');
    log.logger.info({ command: 'ask' }, 'interaction');
    log.logger.debug('hidden at info');
    expect(log.lines()).toEqual([expect.objectContaining({ level: 30, command: 'ask', msg: 'interaction' })]);
  });

  it('redacts tokens and never prints the environment', () => {
    const log = memoryLogger('info');
    const secret = 'MTIz.secret-token.value';
    log.logger.info(
      { token: secret, config: { token: secret, DISCORD_TOKEN: secret }, env: { DISCORD_TOKEN: secret }, headers: { authorization: `Bot ${secret}` } },
      'start',
    );
    expect(log.text()).not.toContain(secret);
    expect(log.lines()[0]).toMatchObject({ token: '[redacted]', config: { token: '[redacted]' }, env: '[redacted]' });
  });

  it('redacts a capitalised Authorization header, and the token by value wherever it turns up', () => {
    const secret = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secretsecretsecretsecret';
    const log = memoryLogger('info', [secret]);
    log.logger.info({ headers: { Authorization: 'Bot other-secret-value' } }, 'request');
    log.logger.info({ a: { b: { note: `token=${secret}` } }, list: [secret] }, 'nested');
    log.logger.error({ err: new Error(`Bot ${secret} rejected`) }, 'failed');
    expect(log.text()).not.toContain('other-secret-value');
    expect(log.text()).not.toContain(secret);
    expect(log.lines()[1]).toMatchObject({ a: { b: { note: 'token=[redacted]' } }, list: ['[redacted]'] });
    // The error keeps its message and stack (scrubbed), rather than logging as {}.
    expect(log.lines()[2]).toMatchObject({
      err: { type: 'Error', message: 'Bot [redacted] rejected', stack: expect.stringContaining('Bot [redacted] rejected') },
    });
  });

  it('redacts token-named fields and authorization headers one level down, under any field, errors included', () => {
    for (const secrets of [[], ['some-long-secret']]) {
      const log = memoryLogger('info', secrets);
      const err = Object.assign(new Error('refused'), { token: 'interaction-token-value', requestBody: { json: { token: 'x' } } });
      log.logger.info(
        {
          request: { method: 'POST', headers: { Authorization: 'Bot header-secret', accept: 'json' }, token: 'nested-token-value' },
          options: { env: { DISCORD_TOKEN: 'env-secret-value' }, DISCORD_TOKEN: 'other-secret-value', kept: 1 },
          list: [{ token: 'deeper-is-not-a-path' }],
          err,
        },
        'request failed',
      );
      const line = log.lines()[0]!;
      expect(line['request']).toEqual({ method: 'POST', headers: { Authorization: '[redacted]', accept: 'json' }, token: '[redacted]' });
      expect(line['options']).toEqual({ env: '[redacted]', DISCORD_TOKEN: '[redacted]', kept: 1 });
      expect(line['err']).toMatchObject({ type: 'Error', message: 'refused', token: '[redacted]', requestBody: '[redacted]', stack: expect.any(String) });
      // Two levels down is not a redacted path (as before): only named fields one level under a field are.
      expect(line['list']).toEqual([{ token: 'deeper-is-not-a-path' }]);
      expect(log.text()).not.toMatch(/interaction-token-value|header-secret|nested-token-value|env-secret-value|other-secret-value/);
      // The logged objects themselves are left as they were.
      expect(err.token).toBe('interaction-token-value');
    }
  });

  it('scrubs the token and webhook tokens out of the message text too (a library warning logged as is)', () => {
    const secret = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secretsecretsecretsecret';
    const log = memoryLogger('info', [secret]);
    log.logger.warn(`discord.js warning mentioning ${secret}`);
    log.logger.warn('retrying https://discord.com/api/v10/webhooks/123/aW50ZXJhY3Rpb24/messages/@original');
    expect(log.text()).not.toContain(secret);
    expect(log.lines()[0]).toMatchObject({ msg: 'discord.js warning mentioning [redacted]' });
    expect(log.lines()[1]).toMatchObject({ msg: 'retrying https://discord.com/api/v10/webhooks/123/[redacted]/messages/@original' });
  });

  it('cuts interaction and webhook tokens out of logged errors', () => {
    const log = memoryLogger('info');
    const error = Object.assign(new Error('Unknown interaction at https://discord.com/api/v10/interactions/123/aW50ZXJhY3Rpb24/callback'), {
      url: 'https://discord.com/api/v10/webhooks/456/aW50ZXJhY3Rpb24/messages/@original',
    });
    log.logger.error({ err: error }, 'failed');
    expect(log.text()).not.toContain('aW50ZXJhY3Rpb24');
    expect(log.lines()[0]).toMatchObject({ err: { url: 'https://discord.com/api/v10/webhooks/456/[redacted]/messages/@original' } });
  });

  it('scrubUrlTokens leaves other URLs alone', () => {
    expect(scrubUrlTokens('https://discord.com/api/v10/applications/1/commands')).toBe('https://discord.com/api/v10/applications/1/commands');
  });
});

describe('logger, pretty (in a terminal)', () => {
  it('prints readable lines, still redacted, through pino-pretty loaded at the first line', async () => {
    let text = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    const secret = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secretsecretsecretsecret';
    const logger = createLogger({ level: 'info', destination: stream, pretty: true, secrets: [secret] });
    logger.debug('hidden at info');
    logger.flush();
    expect(text).toBe('');
    logger.info({ command: 'ask', token: secret }, 'interaction');
    logger.warn(`rejected Bot ${secret}`);
    // pino-pretty's pipeline is asynchronous.
    await expect.poll(() => text.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(text).toMatch(/INFO.*: interaction\n\s+command: "ask"\n\s+token: "\[redacted\]"/);
    expect(text).toMatch(/WARN.*: rejected Bot \[redacted\]/);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('{"level"');
  });
});

describe('logger, odd error values', () => {
  it('logs a thrown string or null as itself', () => {
    const log = memoryLogger('info', ['some-long-secret']);
    log.logger.error({ err: 'just a string with some-long-secret' }, 'failed');
    log.logger.error({ err: null }, 'failed');
    expect(log.lines().map((l) => l['err'])).toEqual(['just a string with [redacted]', null]);
  });
});
