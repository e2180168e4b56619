// Issue 11, point 3: a curated answer or topic summary that "quotes" words the article never
// printed must not load.
import { describe, expect, it } from 'vitest';
import { quotations } from '../../src/knowledge/integrity.ts';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.ts';
import { copyKnowledge, editJson } from './fixture.ts';

function problems(dir: string): string {
  try {
    loadKnowledge(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as Error).message;
  }
  return '';
}

describe('quoted spans in curated text', () => {
  it('finds spans in typographic and straight quotes, and notices one left open', () => {
    expect(quotations('He said “we are fine” and "so are we". Then “unclosed')).toEqual([
      { text: 'we are fine', unclosed: false },
      { text: 'so are we', unclosed: false },
      { text: 'unclosed', unclosed: true },
    ]);
  });

  it('the real knowledge quotes only what the article printed', () => {
    expect(problems(copyKnowledge())).toBe('');
  });

  it('rejects an answer quoting words the article never printed, naming file, entry and span', () => {
    const dir = copyKnowledge();
    editJson(dir, 'qa.json', (json) => {
      json.entries[0].answer = 'Blinken said the talks were “a historic breakthrough for both nations”.';
    });
    expect(problems(dir)).toContain('qa.json: entries[0].answer: quotes "a historic breakthrough for both nations", which is not in the article word for word');
  });

  it('rejects a topic summary with a quote altered by one word, or left open', () => {
    const dir = copyKnowledge();
    editJson(dir, 'topics.json', (json) => {
      json.topics[0].summary = 'Xi said "the two sides have also made great progress".';
      json.topics[1].summary = 'Blinken said “progress is hard';
    });
    const message = problems(dir);
    expect(message).toContain('topics.json: topics[0].summary: quotes "the two sides have also made great progress"');
    expect(message).toContain('topics.json: topics[1].summary: a quotation mark opened before "progress is hard" is never closed');
  });

  it('allows what every quotation may change: the case of its first letter and its closing punctuation', () => {
    const dir = copyKnowledge();
    editJson(dir, 'qa.json', (json) => {
      json.entries[0].answer = 'Xi said “the two sides have also made progress and reached agreement on some specific issues.”';
    });
    expect(problems(dir)).toBe('');
  });
});
