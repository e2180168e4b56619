// Live reload on a copy of knowledge/: a good edit is served at once, a broken one is refused with
// the loader's named-field message and the old engine keeps answering.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createReloader } from '../../src/live/reload.ts';
import { serve, ServedHolder } from '../../src/live/served.ts';
import { watchKnowledge } from '../../src/live/watch.ts';
import { copyKnowledge, editJson } from '../knowledge/fixture.ts';
import { NEW_ENTRY, NEW_QUESTION } from '../support/knowledge-edits.ts';
import { memoryLogger } from '../support/recording.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setUp() {
  const dir = copyKnowledge();
  dirs.push(dir);
  const holder = new ServedHolder(serve(loadKnowledge(dir)));
  const log = memoryLogger('info');
  return { dir, holder, log, reloader: createReloader({ dir, holder, logger: log.logger }) };
}

describe('knowledge reload', () => {
  it('serves an added Q&A entry after a reload, and logs the counts it loaded', () => {
    const { dir, holder, log, reloader } = setUp();
    const before = holder.current;
    expect(before.engine.askEntry(NEW_ENTRY.id)).toBeNull();
    expect(before.engine.ask(NEW_QUESTION).entryId).not.toBe(NEW_ENTRY.id);

    editJson(dir, 'qa.json', (json) => json.entries.push(NEW_ENTRY));
    expect(reloader.reload('test')).toBe(true);

    const after = holder.current;
    expect(after).not.toBe(before);
    const answer = after.engine.ask(NEW_QUESTION);
    expect(answer.entryId).toBe(NEW_ENTRY.id);
    expect(answer.answer).toBe(NEW_ENTRY.answer);
    // What was already handed out keeps working on the knowledge it came from.
    expect(before.engine.askEntry(NEW_ENTRY.id)).toBeNull();
    const entries = loadKnowledge(dir).qa.length;
    expect(log.lines().at(-1)).toMatchObject({ level: 30, msg: 'knowledge reloaded', trigger: 'test', counts: { qa: entries, passages: 25 } });
  });

  it('refuses a broken edit at error level, naming file, entry and field, and keeps the old engine', () => {
    const { dir, holder, log, reloader } = setUp();
    const before = holder.current;
    editJson(dir, 'qa.json', (json) => {
      json.entries[0].passages = ['p99'];
    });
    expect(reloader.reload('test')).toBe(false);
    expect(holder.current).toBe(before);
    expect(holder.current.engine.ask('how long did they meet?').answered).toBe(true);
    const line = log.lines().at(-1)!;
    expect(line).toMatchObject({ level: 50, msg: 'knowledge reload refused', trigger: 'test' });
    expect(line['problems']).toEqual([expect.stringMatching(/qa\.json: entries\[0\]\.passages\[0\]: no passage "p99"/)]);

    writeFileSync(join(dir, 'topics.json'), '{ "topics": [');
    expect(reloader.reload('test')).toBe(false);
    expect(String(log.lines().at(-1)!['detail'])).toMatch(/topics\.json: not valid JSON/);
    expect(holder.current).toBe(before);
  });

  it('watching: a burst of writes to the directory makes one reload', async () => {
    const { dir, log } = setUp();
    let calls = 0;
    let resolve!: () => void;
    const changed = new Promise<void>((r) => (resolve = r));
    const watcher = watchKnowledge(
      dir,
      () => {
        calls += 1;
        resolve();
      },
      log.logger,
      100,
    );
    try {
      for (let i = 0; i < 5; i++) editJson(dir, 'qa.json', (json) => json.entries[0].keywords.push(`k${i}`));
      await changed;
      await new Promise((r) => setTimeout(r, 300));
      expect(calls).toBe(1);
    } finally {
      watcher.close();
    }
  });
});
