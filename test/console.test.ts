import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contextFor } from '../commands/context.ts';
import { commands, messageCommands } from '../commands/index.ts';
import { createRouter } from '../src/interactions/router.ts';
import { plain, renderReply } from '../src/transports/console-render.ts';
import { parseLine, runConsole } from '../src/transports/console.ts';
import { fakeEngine, SOURCE } from './support/fake-engine.ts';
import { memoryLogger } from './support/recording.ts';
import { testRouter } from './support/router.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

describe('parseLine', () => {
  const incoming = (line: string) => {
    const parsed = parseLine(line, commands);
    if (parsed.kind !== 'incoming') throw new Error(`not a command: ${JSON.stringify(parsed)}`);
    return parsed.incoming;
  };

  it('reads a command with its text as the first option', () => {
    expect(incoming('/ask how long was the meeting?')).toMatchObject({ kind: 'command', name: 'ask', options: { question: 'how long was the meeting?' } });
    expect(incoming('/topic taiwan')).toMatchObject({ name: 'topic', options: { name: 'taiwan' } });
    expect(incoming('/help')).toMatchObject({ name: 'help', options: {} });
  });

  it('reads name:value options, in any order', () => {
    expect(incoming('/quote blinken about:taiwan')).toMatchObject({ options: { speaker: 'blinken', about: 'taiwan' } });
    expect(incoming('/quote about:taiwan speaker:Xi Jinping hide:true')).toMatchObject({ options: { speaker: 'Xi Jinping', about: 'taiwan', hide: true } });
    expect(incoming('/ask question:what is 2:1? hide:no')).toMatchObject({ options: { question: 'what is 2:1?', hide: false } });
  });

  it('takes a bare question as /ask, and a number as a button press', () => {
    expect(incoming('how long did they meet?')).toMatchObject({ name: 'ask', options: { question: 'how long did they meet?' } });
    expect(parseLine(' 2 ', commands)).toEqual({ kind: 'press', number: 2 });
    expect(parseLine('   ', commands)).toEqual({ kind: 'empty' });
    expect(parseLine('quit', commands)).toEqual({ kind: 'quit' });
  });

  it('runs a message command as /<its first word> <the message text>', () => {
    expect(parseLine('/check They met for an hour', commands, messageCommands)).toEqual({
      kind: 'incoming',
      incoming: {
        kind: 'message-command',
        name: 'Check against the article',
        target: { id: 'console-message', content: 'They met for an hour', embeds: 0, attachments: 0 },
        userId: 'console',
        guildId: null,
      },
    });
  });

  it('offers autocomplete suggestions when the required option is empty', () => {
    expect(incoming('/ask')).toMatchObject({ kind: 'autocomplete', name: 'ask', focused: { name: 'question', value: '' } });
  });

  it('checks option values the way Discord would', () => {
    expect(parseLine('/ask hi hide:maybe', commands)).toEqual({ kind: 'problem', message: 'hide must be true or false' });
    expect(parseLine(`/ask ${'x'.repeat(301)}`, commands)).toEqual({ kind: 'problem', message: 'question is at most 300 characters' });
    expect(parseLine('/help me', commands)).toMatchObject({ kind: 'problem' });
  });

  it('hands an unknown command to the router like Discord would', () => {
    expect(incoming('/nope x')).toMatchObject({ kind: 'command', name: 'nope' });
  });
});

describe('renderReply', () => {
  it('prints embeds, fields and numbered buttons as text, without Discord escapes', () => {
    const { text, buttons } = renderReply({
      flags: 64,
      content: 'about \\*this\\* @\u200beveryone',
      embeds: [{ title: 'T', description: 'D', fields: [{ name: '¶ 5', value: '> passage' }], footer: { text: 'Source' } }],
      components: [
        {
          type: 1,
          components: [
            { type: 2, style: 2, custom_id: 'quote:x:0', label: 'Prev', disabled: true },
            { type: 2, style: 2, custom_id: 'quote:x:1', label: 'Next' },
          ],
        },
      ],
    });
    expect(text).toBe(
      [
        '(only you would see this reply)',
        'about *this* @everyone',
        '┌ T',
        '│ D',
        '│',
        '│ ¶ 5',
        '│ > passage',
        '└ Source',
        '  [-] Prev',
        '  [1] Next',
        '  (type a number to press that button)',
      ].join('\n'),
    );
    expect(buttons).toEqual([{ customId: 'quote:x:1', label: 'Next', ephemeral: true }]);
  });

  it('plain() drops our bold markers but keeps escaped characters', () => {
    expect(plain('**¶ 5** a\\_b \\*\\*x\\*\\*')).toBe('¶ 5 a_b **x**');
  });
});

describe('runConsole: curation', () => {
  it('checks a claim, and passes the answer a button is on with a press, as Discord does', async () => {
    const { router, log } = testRouter();
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    input.end(['/check they met for a long time', '2'].join('\n'));
    await runConsole({ router, commands, messageCommands, input, output });
    expect(text).toContain('┌ “they met for a long time”');
    expect(text).toContain('(pressed “Not helpful”)');
    expect(log.lines().at(-1)).toMatchObject({
      msg: 'feedback',
      feedback: { helpful: false, id: 'meeting-length', question: 'they met for a long time', message: 'console-1' },
    });
  });
});

describe('runConsole', () => {
  it('answers each line through the router and presses buttons by number', async () => {
    const log = memoryLogger();
    const router = createRouter({ commands, context: contextFor({ engine: fakeEngine(), source: SOURCE }), logger: log.logger, cooldown: null });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString()));
    input.end(['/ask how long did they meet?', '3', '9', '/quote nobody', '/ask', 'quit', '/help'].join('\n'));
    await runConsole({ router, commands, input, output });
    expect(text).toContain('┌ how long did they meet?');
    expect(text).toContain('│ ¶ 5');
    expect(text).toContain('  [1] Helpful\n  [2] Not helpful\n  [3] On which day did they meet?');
    expect(text).toContain('(pressed “On which day did they meet?”)');
    expect(text).toContain('There is no button 9: pick 1 to 4.');
    expect(text).toContain('The article names nobody called “nobody”.');
    expect(text).toContain('Suggestions:\n  • How long did the meeting last?');
    // `quit` ends the session: /help after it never runs.
    expect(text).not.toContain('About this bot');
  });
});

describe('npm start without DISCORD_TOKEN', () => {
  it('is a local console over the real engine that exits 0 at end of input', async () => {
    const script = ['/ask how long was the meeting?', '1', '/quote blinken about:taiwan', '/topic taiwan', '/help', ''].join('\n');
    const env = { ...process.env, DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', LOG_LEVEL: '', KNOWLEDGE_DIR: '' };
    const child = spawn(`${ROOT}node_modules/.bin/tsx`, ['src/main.ts'], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(script);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^No DISCORD_TOKEN is set/);
    expect(stdout).toContain('copy .env.example to .env');
    expect(stdout).toMatch(/┌ how long was the meeting\?\n│ .*35/);
    expect(stdout).toContain('│ ¶ 5');
    expect(stdout).toContain('(pressed “');
    expect(stdout).toContain('“disabuse”');
    expect(stdout).toContain('┌ Taiwan');
    expect(stdout).toContain('┌ About this bot');
  });
});
