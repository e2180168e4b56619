import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.ts';
import { copyKnowledge, editJson } from './fixture.ts';

/** The message a curator sees when loading `dir` fails. */
function failure(dir: string): string {
  try {
    loadKnowledge(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message;
  }
  throw new Error('expected the knowledge to be rejected');
}

describe('the real knowledge base', () => {
  const k = loadKnowledge();

  it('holds the article as 25 passages, in order and verbatim', () => {
    expect(k.passages).toHaveLength(25);
    expect(k.passages.map((p) => p.id)).toEqual(k.passages.map((_, i) => `p${i + 1}`));
    for (const p of k.passages) expect(k.article).toContain(p.text);
    expect(k.passages[4]!.text).toContain('35-minute meeting at the Great Hall of the People');
  });

  it('holds the ten direct quotations, each verbatim in its passage', () => {
    expect(k.quotes).toHaveLength(10);
    for (const q of k.quotes) expect(k.passageById.get(q.passage)!.text).toContain(q.text);
    expect(k.quotes.filter((q) => q.speaker === 'xi').map((q) => q.id)).toEqual(['made-progress', 'very-good']);
  });

  it('names people the article never quotes, so they are not "unknown"', () => {
    const quoted = new Set(k.quotes.map((q) => q.speaker));
    for (const id of ['biden', 'wang-yi', 'qin-gang', 'bill-gates']) {
      expect(k.speakers.some((s) => s.id === id)).toBe(true);
      expect(quoted.has(id)).toBe(false);
    }
  });

  it('meets the curation targets: 10+ topics, 60+ Q&A entries with 4+ phrasings, every passage cited', () => {
    expect(k.topics.length).toBeGreaterThanOrEqual(10);
    expect(k.qa.length).toBeGreaterThanOrEqual(60);
    for (const e of k.qa) expect(e.questions.length).toBeGreaterThanOrEqual(4);
    const cited = new Set(k.qa.flatMap((e) => e.passages));
    expect(k.passages.filter((p) => !cited.has(p.id))).toEqual([]);
  });

  it('reads the whole page from the project itself, its headline, tags and source line citable by name', () => {
    expect(k.article).toContain('\nUS and China pledge to stabilise tense relationship after talks\n');
    expect(k.page.map((l) => [l.id, l.label])).toEqual([
      ['headline', 'headline'],
      ['tags', 'tags'],
      ['credit', 'source line'],
    ]);
    expect(k.passageById.get('credit')).toEqual({ id: 'credit', paragraph: 0, label: 'source line', text: 'Source: BBC' });
    // Page lines are not paragraphs: p1 is still the first paragraph.
    expect(k.passages[0]!.text).toMatch(/^The US and China have pledged/);
  });
});

describe('a broken knowledge file is reported with file, entry and field', () => {
  it('a misquote', () => {
    const dir = copyKnowledge();
    editJson(dir, 'quotes.json', (j) => {
      j.quotes[3].text = 'clear eyed';
    });
    expect(failure(dir)).toMatch(/quotes\.json: quotes\[3\]\.text: not found verbatim in passage p7 \(quote "clear-eyed"\)/);
  });

  it('a dangling passage reference', () => {
    const dir = copyKnowledge();
    editJson(dir, 'quotes.json', (j) => {
      j.quotes[3].passage = 'p41';
    });
    expect(failure(dir)).toMatch(/quotes\.json: quotes\[3\]\.passage: no passage "p41"$/);
  });

  it('a dangling speaker, topic and Q&A passage reference', () => {
    const dir = copyKnowledge();
    editJson(dir, 'quotes.json', (j) => {
      j.quotes[0].speaker = 'putin';
    });
    editJson(dir, 'qa.json', (j) => {
      j.entries[2].passages.push('p99');
      j.entries[2].topics = ['no-such-topic'];
    });
    editJson(dir, 'topics.json', (j) => {
      j.topics[1].passages = ['p77'];
    });
    const message = failure(dir);
    expect(message).toMatch(/quotes\.json: quotes\[0\]\.speaker: no speaker "putin"/);
    expect(message).toMatch(/qa\.json: entries\[2\]\.passages\[\d+\]: no passage "p99"/);
    expect(message).toMatch(/qa\.json: entries\[2\]\.topics\[0\]: no topic "no-such-topic"/);
    expect(message).toMatch(/topics\.json: topics\[1\]\.passages\[0\]: no passage "p77"/);
  });

  it('a duplicate id', () => {
    const dir = copyKnowledge();
    let first = '';
    editJson(dir, 'qa.json', (j) => {
      first = j.entries[0].id;
      j.entries[5].id = first;
    });
    expect(failure(dir)).toContain(`qa.json: entries[5].id: duplicate id "${first}" (also entries[0])`);
  });

  it('a phrasing shared by two entries, even in other case and punctuation', () => {
    const dir = copyKnowledge();
    let phrasing = '';
    editJson(dir, 'qa.json', (j) => {
      phrasing = j.entries[0].questions[0];
      j.entries[1].questions.push(`${phrasing.toUpperCase()}!!`);
    });
    expect(failure(dir)).toMatch(/qa\.json: entries\[1\]\.questions\[\d+\]: ".*" is also a phrasing of entry/);
  });

  it('malformed JSON, with the line it broke on', () => {
    const dir = copyKnowledge();
    writeFileSync(join(dir, 'topics.json'), '{\n  "topics": [\n    { "id": "taiwan", }\n  ]\n}\n');
    expect(failure(dir)).toMatch(/topics\.json: not valid JSON at line 3, column \d+/);
  });

  it('a wrong type', () => {
    const dir = copyKnowledge();
    editJson(dir, 'qa.json', (j) => {
      j.entries[4].answer = 42;
    });
    expect(failure(dir)).toMatch(/qa\.json: entries\[4\]\.answer: Invalid input: expected string, received number \(entry "[a-z0-9-]+"\)/);
  });

  it('a passage that is not in the article text', () => {
    const dir = copyKnowledge();
    editJson(dir, 'source.json', (j) => {
      j.passages[8].text = 'Mr Blinken’s visit is the first by a top US diplomat in almost six years.';
    });
    expect(failure(dir)).toContain('source.json: passages[8].text: not found verbatim in the article text');
  });

  it('a Q&A entry that cites nothing', () => {
    const dir = copyKnowledge();
    editJson(dir, 'qa.json', (j) => {
      j.entries[0].passages = [];
    });
    expect(failure(dir)).toMatch(/qa\.json: entries\[0\]\.passages: must cite at least one passage/);
  });

  it('a passage that no Q&A entry cites', () => {
    const dir = copyKnowledge();
    editJson(dir, 'qa.json', (j) => {
      for (const e of j.entries) if (e.passages.length > 1) e.passages = e.passages.filter((p: string) => p !== 'p17');
      j.entries = j.entries.filter((e: { passages: string[] }) => !e.passages.includes('p17'));
    });
    expect(failure(dir)).toContain('qa.json: entries: no entry cites passage p17');
  });

  it('a page line that is not on the page', () => {
    const dir = copyKnowledge();
    editJson(dir, 'source.json', (j) => {
      j.page[2].text = 'Source: Reuters';
    });
    expect(failure(dir)).toContain('source.json: page[2].text: not found verbatim in the article text');
  });

  it('a category instance the article never uses', () => {
    const dir = copyKnowledge();
    editJson(dir, 'synonyms.json', (j) => {
      j.categories[0].instances.push('narnia');
    });
    expect(failure(dir)).toMatch(/synonyms\.json: categories\[0\]\.instances\[\d+\]: "narnia" is not a word of the article/);
  });

  it('an unknown field, so a typo in a field name does not pass silently', () => {
    const dir = copyKnowledge();
    editJson(dir, 'topics.json', (j) => {
      j.topics[0].sumary = j.topics[0].summary;
    });
    expect(failure(dir)).toMatch(/topics\.json: topics\[0\]: Unrecognized key: "sumary"/);
  });

  it('a missing file', () => {
    const dir = copyKnowledge();
    writeFileSync(join(dir, 'speakers.json'), '');
    expect(failure(dir)).toMatch(/speakers\.json: not valid JSON/);
  });

  it('lists every problem, not only the first', () => {
    const dir = copyKnowledge();
    editJson(dir, 'quotes.json', (j) => {
      j.quotes[0].passage = 'p41';
      j.quotes[1].passage = 'p42';
    });
    const message = failure(dir);
    expect(message).toMatch(/^2 problems in the knowledge files:/);
    expect(message).toContain('no passage "p41"');
    expect(message).toContain('no passage "p42"');
  });
});
