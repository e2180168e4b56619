// The report's counting rules on hand-written log lines; test/e2e/curation.test.ts builds one from a
// real session's log.
import { describe, expect, it } from 'vitest';
import { buildReport, normaliseQuestion } from '../../src/report/build-report.ts';
import { parseLogLine, type LogEvent } from '../../src/report/log-events.ts';
import { renderText } from '../../src/report/render-text.ts';

const T0 = Date.parse('2026-11-29T10:00:00Z');
const line = (minutes: number, fields: Record<string, unknown>, msg = 'interaction') =>
  JSON.stringify({ level: 30, time: T0 + minutes * 60_000, pid: 1, msg, ...fields });
const refusal = (minutes: number, user: string, question: string, offered = [{ customId: 'ask:meeting-length', label: 'How long did they meet?' }]) =>
  line(minutes, { kind: 'command', command: 'ask', user, guild: 'g', answered: false, outcome: 'unanswered', question, offered }, 'unanswered question');
const press = (minutes: number, user: string, customId: string) =>
  line(minutes, { kind: 'button', command: 'ask', customId, user, answered: true, outcome: 'answered' });
const feedback = (minutes: number, user: string, helpful: boolean, id: string, message: string, question = 'how long?') =>
  line(
    minutes,
    { kind: 'button', command: 'feedback', user, answered: true, outcome: 'answered', feedback: { helpful, source: 'entry', id, question, message } },
    'feedback',
  );

function report(lines: string[], since: Date | null = null) {
  const events: LogEvent[] = [];
  let skipped = 0;
  for (const l of lines) {
    const parsed = parseLogLine(l);
    if (!parsed.bot) skipped += 1;
    else if (parsed.event) events.push(parsed.event);
  }
  return buildReport(events, { read: lines.length, skipped }, since);
}

describe('the curators’ report', () => {
  it('groups unanswered questions by their normalised form, most asked first, with first and last seen', () => {
    const r = report([
      refusal(0, 'a', 'What did Biden say?'),
      refusal(1, 'b', 'what did biden say'),
      refusal(2, 'c', 'Who is Wang Yi?'),
      refusal(5, 'd', '  What   did Biden say?? '),
    ]);
    expect(r.unanswered.map((g) => [g.normalised, g.count])).toEqual([
      ['what did biden say', 3],
      ['who is wang yi', 1],
    ]);
    expect(r.unanswered[0]).toMatchObject({ question: 'What did Biden say?', firstSeen: '2026-11-29T10:00:00.000Z', lastSeen: '2026-11-29T10:05:00.000Z' });
    expect(normaliseQuestion('Xi’s “red lines”?')).toBe("xi's red lines");
  });

  it('counts a suggestion as pressed only when the member who was refused pressed it afterwards', () => {
    const r = report([
      press(0, 'a', 'ask:meeting-length'), // before the refusal: does not count
      refusal(1, 'a', 'how long was it'),
      refusal(2, 'b', 'how long was it'),
      press(3, 'a', 'ask:meeting-length'),
      press(3, 'c', 'ask:meeting-length'), // someone else
      press(4, 'b', 'ask:other'),
    ]);
    expect(r.unanswered[0]).toMatchObject({ count: 2, suggestion: { customId: 'ask:meeting-length', label: 'How long did they meet?' }, suggestionPressed: 1 });
  });

  it('counts feedback once per member per answer, the last press winning, and lists Not helpful entries with their questions', () => {
    const r = report([
      feedback(0, 'a', false, 'meeting-length', 'm1', 'how long?'),
      feedback(1, 'a', true, 'meeting-length', 'm1', 'how long?'), // a changed mind
      feedback(2, 'b', false, 'meeting-length', 'm1', 'how long?'),
      feedback(3, 'b', false, 'meeting-length', 'm1', 'how long?'), // twice: once
      feedback(4, 'c', false, 'meeting-length', 'm2', 'length of the meeting'),
      feedback(5, 'c', false, 'venue', 'm3', 'where?'),
    ]);
    expect(r.totals.feedback).toEqual({ helpful: 1, notHelpful: 3, presses: 6 });
    expect(r.notHelpful).toEqual([
      {
        source: 'entry',
        id: 'meeting-length',
        notHelpful: 2,
        helpful: 1,
        questions: [
          { question: 'how long?', count: 1 },
          { question: 'length of the meeting', count: 1 },
        ],
      },
      { source: 'entry', id: 'venue', notHelpful: 1, helpful: 0, questions: [{ question: 'where?', count: 1 }] },
    ]);
  });

  it('totals interactions, the answered share and refusals by reason; skips and counts lines that are not the bot’s JSON', () => {
    const r = report([
      'not json at all',
      '{"broken": ',
      '{"level":30,"msg":"no time"}',
      line(0, { user: 'x' }, 'connected to Discord'),
      line(0, { kind: 'command', command: 'ask', answered: true, outcome: 'answered' }),
      line(0, { kind: 'autocomplete', command: 'ask', answered: true, outcome: 'answered' }),
      refusal(1, 'a', 'q1'),
      line(1, { kind: 'command', command: 'ask', answered: false, outcome: 'unanswered', question: 'q2', reason: 'out-of-scope' }),
      line(2, { kind: 'button', customId: 'zzz', answered: false, outcome: 'stale' }),
      line(2, { kind: 'command', command: 'ask', answered: false, outcome: 'cooldown' }),
      line(3, { ok: true }, 'knowledge reloaded'),
      line(3, { problems: ['x'] }, 'knowledge reload refused'),
    ]);
    expect(r.lines).toEqual({ read: 12, skipped: 3 });
    expect(r.totals).toMatchObject({ interactions: 5, autocomplete: 1, answered: 1, asked: 3, reloads: { ok: 1, refused: 1 } });
    expect(r.totals.answeredShare).toBeCloseTo(1 / 3);
    expect(r.totals.refusals).toEqual({ unanswered: 1, 'unanswered: out-of-scope': 1, stale: 1, cooldown: 1 });
    const text = renderText(r);
    expect(text).toContain('12 lines read, 3 skipped');
    expect(text).toMatch(/answered\s+1 of 3 questions \(33\.3%\)/);
  });

  it('orders by when interactions arrived (time less latency), not when their lines were written', () => {
    const slowRefusal = line(2, {
      kind: 'command',
      command: 'ask',
      user: 'a',
      answered: false,
      outcome: 'unanswered',
      question: 'q',
      latencyMs: 90_000,
      offered: [{ customId: 'ask:x', label: 'X' }],
    });
    const r = report([press(1, 'a', 'ask:x'), slowRefusal]);
    expect(r.unanswered[0]).toMatchObject({ firstSeen: '2026-11-29T10:00:30.000Z', suggestionPressed: 1 });
  });

  it('--since leaves out what came before', () => {
    const r = report([refusal(0, 'a', 'old question'), refusal(10, 'a', 'new question')], new Date(T0 + 5 * 60_000));
    expect(r.unanswered.map((g) => g.question)).toEqual(['new question']);
    expect(r.since).toBe('2026-11-29T10:05:00.000Z');
  });
});
