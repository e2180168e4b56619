// The CLI's JSON is a contract: these tests hold its exact shapes.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = (args: string[], input?: string) =>
  spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });

const Citation = z.strictObject({ id: z.string(), text: z.string() });
const AskJson = z.strictObject({
  query: z.string(),
  answered: z.boolean(),
  answer: z.string().nullable(),
  citations: z.array(Citation),
  suggestions: z.array(z.string()),
  note: z.string().nullable(),
});
const QuoteJson = z.strictObject({
  query: z.string(),
  speaker: z.string().nullable(),
  quotes: z.array(z.strictObject({ text: z.string(), speaker: z.string(), citation: Citation })),
  suggestions: z.array(z.string()),
});
const TopicJson = z.strictObject({
  query: z.string(),
  topic: z.string().nullable(),
  title: z.string().nullable(),
  summary: z.string().nullable(),
  citations: z.array(Citation),
  suggestions: z.array(z.string()),
});

describe('npm run cli', () => {
  it('ask --json prints one object of the contract shape, best citation first', () => {
    const r = cli(['ask', 'how long was the meeting?', '--json']);
    expect(r.status).toBe(0);
    const out = AskJson.parse(JSON.parse(r.stdout));
    expect(out.query).toBe('how long was the meeting?');
    expect(out.answered).toBe(true);
    expect(out.citations[0]!.id).toBe('p5');
    expect(out.citations[0]!.text).toContain('35-minute meeting');
  });

  it('ask --json refuses with empty citations', () => {
    const out = AskJson.parse(JSON.parse(cli(['ask', 'How do I bake sourdough bread?', '--json']).stdout));
    expect(out).toMatchObject({ answered: false, answer: null, citations: [], note: null });
  });

  it('ask --json refuses what the article comes near without saying, with the nearest passage and a note', () => {
    const out = AskJson.parse(JSON.parse(cli(['ask', 'what did Xi say about human rights', '--json']).stdout));
    expect(out).toMatchObject({ answered: false, answer: null });
    expect(out.citations.map((c) => c.id)).toEqual(['p10']);
    expect(out.note).toMatch(/doesn't report what Xi Jinping said about human rights.*paragraph 10/);
  });

  it('ask --json without a question reads stdin, one JSON line per question, in order', () => {
    const questions = ['where did they meet', 'play some music', '   ', 'how old is blinken'];
    const r = cli(['ask', '--json'], `${questions.join('\n')}\n`);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => AskJson.parse(JSON.parse(l)));
    expect(lines.map((l) => l.query)).toEqual(questions);
    expect(lines.map((l) => l.answered)).toEqual([true, false, false, true]);
    expect(r.stderr).toMatch(/line 3: .*empty/);
  });

  it('quote --json and topic --json print their contract shapes', () => {
    const q = QuoteJson.parse(JSON.parse(cli(['quote', 'president xi', '--json']).stdout));
    expect(q.speaker).toBe('xi');
    expect(q.quotes.map((x) => x.text)).toContain('This is very good.');
    const unknown = QuoteJson.parse(JSON.parse(cli(['quote', 'nobody at all', '--json']).stdout));
    expect(unknown.speaker).toBeNull();
    const t = TopicJson.parse(JSON.parse(cli(['topic', 'taiwan', '--json']).stdout));
    expect(t.topic).toBe('taiwan');
    expect(t.citations.length).toBeGreaterThan(0);
    const none = TopicJson.parse(JSON.parse(cli(['topic', 'climate change', '--json']).stdout));
    expect(none).toMatchObject({ topic: null, citations: [] });
  });

  it('prints readable text without --json', () => {
    const r = cli(['ask', 'where did they meet']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('[paragraph 5]');
    expect(() => JSON.parse(r.stdout)).toThrow();
  });

  it('bad arguments print usage and exit non-zero', () => {
    for (const args of [[], ['frobnicate', 'x'], ['ask', 'a', 'b'], ['topic', 'x', '--about', 'y'], ['ask', '--nope']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(/usage/);
    }
    const empty = cli(['ask', '   ']);
    expect(empty.status).not.toBe(0);
    expect(empty.stderr).toMatch(/empty/);
  });
});
