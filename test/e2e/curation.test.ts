// The curators' loop and the new ways in, end to end: the real bot process against the fake
// Discord, on a copy of knowledge/ it may edit. Feedback buttons on every answer kind, a press
// logged without the member's id, the report built from this session's own log, live reload (an
// added entry; a broken file the bot survives; SIGHUP), Check against the article, DMs and user installs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIMessage } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../fake-discord/index.ts';
import { copyKnowledge, editJson } from '../knowledge/fixture.ts';
import { NEW_ENTRY, NEW_QUESTION } from '../support/knowledge-edits.ts';
import { APOLOGY, STALE, allText, answerOf, buttons, customIds, freshUser } from './checks.ts';
import { ROOT, type Spawned } from './harness.ts';
import { botSession } from './session.ts';

const knowledgeDir = copyKnowledge();
const session = botSession({ env: { KNOWLEDGE_DIR: knowledgeDir, KNOWLEDGE_WATCH: '1' } });
let fake: FakeDiscord;
let bot: Spawned;
beforeAll(() => {
  ({ fake, bot } = session);
});
afterAll(() => rmSync(knowledgeDir, { recursive: true, force: true }));

type User = ReturnType<typeof freshUser>;
type Where = { guildId?: string | null; install?: 'guild' | 'user' };

function command(name: string, options: Record<string, string | boolean>, user: User = freshUser(), where: Where = {}) {
  return fake.dispatchInteraction(fake.build.chatInput({ name, options, user, ...where }));
}

function check(content: string, user: User = freshUser(), where: Where = {}) {
  return fake.dispatchInteraction(fake.build.messageCommand({ name: 'Check against the article', content, user, ...where }));
}

/** Presses a button on the message the bot sent (its stored copy at the fake), as `user`. */
function press(customId: string, message: APIMessage | null, user: User = freshUser()) {
  return fake.dispatchInteraction(fake.build.button({ customId, user, ...(message ? { message } : {}) }));
}

const feedbackIds = (ids: string[]) => ids.filter((id) => id.startsWith('fb:'));

/** Waits for a log line of the bot's matching `match`, after the first `after` lines. */
function logLine(match: (line: Record<string, unknown>) => boolean, after = 0, what = 'a log line') {
  return fake.waitFor(() => bot.logs().slice(after).find(match), 10_000, what);
}

describe('feedback buttons', () => {
  it('sit under every answer kind: /ask from an entry or a passage, a suggestion button, a checked claim', async () => {
    const asked = await answerOf(fake, command('ask', { question: 'how long did they meet?' }));
    expect(feedbackIds(customIds(asked.data))).toEqual(['fb:y:e:meeting-length', 'fb:n:e:meeting-length']);

    // However the engine answers this one (an entry, or a passage alone), the buttons name what it answered from.
    const fromPassage = await answerOf(fake, command('ask', { question: 'what did Mr Xi suggest' }));
    const [yes, no] = feedbackIds(customIds(fromPassage.data));
    expect(yes).toMatch(/^fb:y:(e:[a-z0-9-]+|p:p\d+)$/);
    expect(no).toBe(yes!.replace('fb:y:', 'fb:n:'));
    if (yes!.startsWith('fb:y:p:')) expect(fromPassage.data.embeds?.[0]?.fields?.some((f) => f.name === `¶ ${yes!.slice('fb:y:p:p'.length)}`)).toBe(true);

    const first = command('ask', { question: 'how long did they meet?' });
    const related = customIds((await answerOf(fake, first)).data).find((id) => id.startsWith('ask:'))!;
    const suggested = await answerOf(fake, press(related, fake.originalMessage(first)));
    expect(feedbackIds(customIds(suggested.data))).toEqual([`fb:y:e:${related.slice(4)}`, `fb:n:e:${related.slice(4)}`]);

    const checked = await answerOf(fake, check('Blinken said the US supports Taiwan independence'));
    expect(feedbackIds(customIds(checked.data))).toHaveLength(2);
  });

  it('a press is thanked ephemerally and logged once, with the entry and the question, never the member', async () => {
    const member = freshUser();
    const asked = command('ask', { question: 'How long did they meet?' });
    await answerOf(fake, asked);
    const message = fake.originalMessage(asked)!;
    const before = bot.logs().length;

    const pressed = await answerOf(fake, press('fb:n:e:meeting-length', message, member));
    expect(pressed.callback.type).toBe(4);
    expect(pressed.ephemeral).toBe(true);
    expect(pressed.data.content).toMatch(/^Thanks — noted that this answer didn’t help/);

    const line = await logLine((l) => l['msg'] === 'feedback', before, 'the feedback event');
    expect(line).toMatchObject({
      kind: 'button',
      outcome: 'feedback',
      feedback: { helpful: false, source: 'entry', id: 'meeting-length', question: 'How long did they meet?', message: message.id },
    });
    expect(line['user']).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(bot.stdout()).not.toContain(member.id);
    expect(bot.stdout()).not.toContain(member.username);
  });

  it('a forged feedback id gets the stale-button notice', async () => {
    const forged = await answerOf(fake, press('fb:y:e:no-such-entry', null));
    expect(forged.data.content).toMatch(STALE);
  });
});

describe('Check against the article', () => {
  it('sets the article’s words beside a claim it speaks to, and can post them for everyone', async () => {
    const claim = 'Blinken said the US supports Taiwan independence';
    const id = check(claim);
    const { callback, data, ephemeral } = await answerOf(fake, id);
    expect(callback.type).toBe(4);
    expect(ephemeral).toBe(true);
    const embed = data.embeds![0]!;
    expect(embed.title).toBe(`“${claim}”`);
    expect(allText(data)).toContain('Washington does not support Taiwan independence');
    expect(embed.fields?.[0]?.name).toMatch(/^¶ \d+$/);
    // The article's words, not a verdict.
    expect(allText(data)).not.toMatch(/\b(true|false|correct|wrong)\b/i);

    const post = buttons(data).find((b) => b.label === 'Post for everyone')!;
    const posted = await answerOf(fake, press(post.custom_id!, fake.originalMessage(id)));
    expect(posted.callback.type).toBe(4);
    expect(posted.ephemeral).toBe(false);
    expect(posted.data.embeds?.[0]?.title).toBe(embed.title);
    expect(posted.data.embeds?.[0]?.fields).toEqual(embed.fields);
    expect(feedbackIds(customIds(posted.data))).toHaveLength(2);
  });

  it('says so when the article doesn’t cover a claim, and answers empty and embed-only messages sensibly', async () => {
    const uncovered = await answerOf(fake, check('Bitcoin hit a new high today'));
    expect(uncovered.ephemeral).toBe(true);
    expect(uncovered.data.embeds?.[0]?.description).toMatch(/^The article doesn’t cover this/);

    const empty = await answerOf(
      fake,
      fake.dispatchInteraction(
        fake.build.messageCommand({ name: 'Check against the article', user: freshUser(), target: { content: '', embeds: [{ title: 'a link preview' }] } }),
      ),
    );
    expect(empty.ephemeral).toBe(true);
    expect(empty.data.content).toMatch(/only embeds or attachments/);

    const long = await answerOf(fake, check('They met for thirty five minutes. '.repeat(120)));
    expect(long.data.content).toMatch(/too long to check as one claim/);
    for (const answer of [uncovered, empty, long]) expect(allText(answer.data)).not.toMatch(APOLOGY);
  });
});

describe('DMs and user installs', () => {
  it('answers /ask in a DM with the bot and a check in a user-installed private channel; logs them without a guild', async () => {
    const before = bot.logs().length;
    const dm = await answerOf(fake, command('ask', { question: 'where did they meet?' }, freshUser(), { guildId: null }));
    expect(allText(dm.data)).toMatch(/Great Hall of the People/);
    const elsewhere = await answerOf(fake, check('They met at the Great Hall of the People', freshUser(), { guildId: null, install: 'user' }));
    expect(elsewhere.data.embeds?.[0]?.fields?.length).toBeGreaterThan(0);
    const userInstalledInGuild = await answerOf(fake, command('ask', { question: 'how long did they meet?' }, freshUser(), { install: 'user' }));
    expect(userInstalledInGuild.data.embeds?.[0]?.description).toMatch(/35/);

    // Lines are written once each reply is sent, so other tests' last lines may come after `before`.
    const expected = [
      ['command', null, 'answered'],
      ['message-command', null, 'answered'],
      ['command', fake.guildId, 'answered'],
    ];
    const lines = await fake.waitFor(() => {
      const seen = bot
        .logs()
        .slice(before)
        .map((l) => [l['kind'], l['guild'], l['outcome']]);
      return expected.every((e) => seen.some((s) => JSON.stringify(s) === JSON.stringify(e))) ? seen : null;
    });
    expect(lines).toEqual(expect.arrayContaining(expected));
  });
});

describe('live knowledge reload', () => {
  it('serves an added entry after a file change, and answers an old button for a removed entry as stale', async () => {
    const old = command('ask', { question: 'where did they meet?' });
    const oldAnswer = await answerOf(fake, old);
    const venue = feedbackIds(customIds(oldAnswer.data))[0]!;
    expect(venue).toBe('fb:y:e:meeting-venue');

    const before = bot.logs().length;
    editJson(knowledgeDir, 'qa.json', (json) => {
      json.entries.push(NEW_ENTRY);
      json.entries = json.entries.filter((e: { id: string }) => e.id !== 'meeting-venue');
    });
    const reloaded = await logLine((l) => l['msg'] === 'knowledge reloaded', before, 'the reload');
    expect(reloaded).toMatchObject({
      level: 30,
      trigger: 'watch',
      counts: { qa: JSON.parse(readFileSync(join(knowledgeDir, 'qa.json'), 'utf8')).entries.length },
    });

    const answer = await answerOf(fake, command('ask', { question: NEW_QUESTION }));
    expect(answer.data.embeds?.[0]?.description).toBe(NEW_ENTRY.answer);
    expect(feedbackIds(customIds(answer.data))[0]).toBe(`fb:y:e:${NEW_ENTRY.id}`);

    const stale = await answerOf(fake, press(venue, fake.originalMessage(old)));
    expect(stale.data.content).toMatch(STALE);
    const staleSuggestion = await answerOf(fake, press('ask:meeting-venue', null));
    expect(staleSuggestion.data.content).toMatch(STALE);
  });

  it('refuses a broken edit at error level with the named-field message and keeps answering; SIGHUP reloads the fix', async () => {
    const topics = join(knowledgeDir, 'topics.json');
    const good = readFileSync(topics, 'utf8');
    let before = bot.logs().length;
    editJson(knowledgeDir, 'topics.json', (json) => {
      json.topics[0].passages = ['p404'];
    });
    const refused = await logLine((l) => l['msg'] === 'knowledge reload refused', before, 'the refusal');
    expect(refused).toMatchObject({ level: 50, trigger: 'watch' });
    expect(refused['problems']).toEqual([expect.stringMatching(/topics\.json: topics\[0\]\.passages\[0\]: no passage "p404"/)]);

    // Still answering, from the knowledge it had (the entry added by the last good reload included).
    const answer = await answerOf(fake, command('ask', { question: NEW_QUESTION }));
    expect(answer.data.embeds?.[0]?.description).toBe(NEW_ENTRY.answer);

    before = bot.logs().length;
    writeFileSync(topics, good);
    await logLine((l) => l['msg'] === 'knowledge reloaded' && l['trigger'] === 'watch', before, 'the reload of the fix');
    before = bot.logs().length;
    const pid = Number(bot.logs().find((l) => typeof l['pid'] === 'number')!['pid']);
    process.kill(pid, 'SIGHUP');
    await logLine((l) => l['msg'] === 'knowledge reloaded' && l['trigger'] === 'SIGHUP', before, 'the SIGHUP reload');
    const after = await answerOf(fake, command('topic', { name: 'taiwan' }));
    expect(after.data.embeds?.[0]?.title).toBe('Taiwan');
  });
});

describe('npm run report', () => {
  it('is built from this session’s own log: repeated unanswered questions, the suggestion pressed, Not helpful answers, totals', async () => {
    const asker = freshUser();
    const refusal = command('ask', { question: 'What did Biden eat for dinner?' }, asker);
    const first = await answerOf(fake, refusal);
    await answerOf(fake, command('ask', { question: 'what did biden eat for dinner' }));
    await answerOf(fake, command('ask', { question: '  What did Biden eat for DINNER??' }));
    const suggestion = customIds(first.data)[0]!;
    expect(suggestion).toMatch(/^ask:/);
    await answerOf(fake, press(suggestion, fake.originalMessage(refusal), asker));

    const asked = command('ask', { question: 'where is the great hall?' });
    const answered = await answerOf(fake, asked);
    const notHelpful = feedbackIds(customIds(answered.data))[1]!;
    const voter = freshUser();
    const feedbackLines = () => bot.logs().filter((l) => l['msg'] === 'feedback').length;
    const feedbackBefore = feedbackLines();
    await answerOf(fake, press(notHelpful.replace('fb:n:', 'fb:y:'), fake.originalMessage(asked), voter));
    await answerOf(fake, press(notHelpful, fake.originalMessage(asked), voter)); // changed their mind: counts once, as Not helpful
    await fake.waitFor(() => feedbackLines() >= feedbackBefore + 2, 5000, 'the feedback lines');

    const dir = mkdtempSync(join(tmpdir(), 'bot-log-'));
    try {
      const logFile = join(dir, 'bot.log');
      writeFileSync(logFile, `> us-china-talks-bot@0.1.0 start\n${bot.stdout()}`);
      const runReport = (args: string[], input?: string) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], { cwd: ROOT, encoding: 'utf8', input, timeout: 30_000 });
      const json = runReport([logFile, '--json']);
      expect(json.stderr).toBe('');
      expect(json.status).toBe(0);
      const report = JSON.parse(json.stdout);

      expect(report.lines.skipped).toBe(1);
      const dinner = report.unanswered.find((g: { normalised: string }) => g.normalised === 'what did biden eat for dinner');
      expect(dinner).toMatchObject({ count: 3, question: 'What did Biden eat for dinner?', suggestion: { customId: suggestion }, suggestionPressed: 1 });
      expect(Date.parse(dinner.lastSeen)).toBeGreaterThanOrEqual(Date.parse(dinner.firstSeen));
      const entry = notHelpful.split(':')[3];
      expect(report.notHelpful).toContainEqual(
        expect.objectContaining({ source: 'entry', id: entry, questions: expect.arrayContaining([{ question: 'where is the great hall?', count: 1 }]) }),
      );
      expect(report.totals.feedback.notHelpful).toBeGreaterThanOrEqual(2);
      expect(report.totals.reloads).toEqual({ ok: 3, refused: 1 });
      // Refusals by why: the three dinner questions are ones the article does not cover at all.
      expect(report.totals.refusals['unanswered: not covered']).toBeGreaterThanOrEqual(3);
      expect(report.totals.answeredShare).toBeGreaterThan(0);

      const text = runReport(['--since', '2000-01-01'], readFileSync(logFile, 'utf8'));
      expect(text.status).toBe(0);
      expect(text.stdout).toMatch(/Unanswered questions: \d+ distinct/);
      expect(text.stdout).toMatch(/\n {2}3 +\d{4}-\d\d-\d\d \d\d:\d\d +\d{4}-\d\d-\d\d \d\d:\d\d +What did Biden eat for dinner\? +.+ 1 of 3\n/);
      expect(text.stdout).toContain('Answers marked Not helpful');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
