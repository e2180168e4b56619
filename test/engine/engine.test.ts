import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, EngineInputError } from '../../src/engine/index.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const knowledge = loadKnowledge();
const engine = createEngine(knowledge);

describe('ask', () => {
  it('answers with the entry and its passages, full text, best first', () => {
    const r = engine.ask('how long did they meet?');
    expect(r.answered).toBe(true);
    expect(r.answer).toMatch(/35/);
    expect(r.citations[0]!.id).toBe('p5');
    expect(r.citations[0]!.paragraph).toBe(5);
    expect(r.citations[0]!.text).toBe(knowledge.passageById.get('p5')!.text);
    expect(r.suggestions.length).toBeGreaterThan(0);
    expect(r.suggestions.length).toBeLessThanOrEqual(3);
    expect(r.suggestions.every((s) => s.id !== r.entryId)).toBe(true);
  });

  it('reads messy input: case, chat words, no question mark, typos, single words', () => {
    for (const q of ['HOW LONG WAS THE MEETING', 'wat was the venue lol', 'fentanil', 'blinkn age', 'taiwan independance']) {
      expect(engine.ask(q).answered, q).toBe(true);
    }
  });

  it('refuses with suggestions instead of citing something unrelated', () => {
    const r = engine.ask('What is the population of Beijing?');
    expect(r.answered).toBe(false);
    expect(r.answer).toBeNull();
    expect(r.citations).toEqual([]);
    expect(r.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('never credits one person with another’s facts', () => {
    for (const q of ['how old is xi', 'xi age', 'where did biden meet xi', 'how long did biden meet xi']) expect(engine.ask(q).answered, q).toBe(false);
    expect(engine.ask('how old is blinken').citations[0]!.id).toBe('p7');
    expect(engine.ask('what did the us president say about taiwan').citations[0]!.id).toBe('p20');
  });

  it('keeps question words as question words: "where" alone is no question', () => {
    expect(engine.ask('where').answered).toBe(false);
    expect(engine.ask('where did they meet').citations[0]!.id).toBe('p5');
  });

  it('offers good first questions when nothing in the article is related', () => {
    const r = engine.ask('who won the super bowl');
    expect(r.answered).toBe(false);
    expect(r.suggestions.map((s) => s.id)).toEqual(knowledge.qa.slice(0, 3).map((e) => e.id));
    expect(engine.starters(2).map((s) => s.kind)).toEqual(['question', 'question']);
  });

  it('survives thousands of characters, control characters and emoji', () => {
    const long = `${'how long was the meeting '.repeat(300)}`;
    expect(long.length).toBeGreaterThan(6000);
    expect(() => engine.ask(long)).not.toThrow();
    expect(engine.ask('how long was the\u0000 meeting\u200b 🤔').answered).toBe(true);
    expect(engine.ask('\u202eسؤال؟ 🤷').answered).toBe(false);
  });

  it('rejects empty and whitespace-only questions with a clear error', () => {
    expect(() => engine.ask('')).toThrow(EngineInputError);
    expect(() => engine.ask('   \n\t ')).toThrow(/empty/);
  });

  it('answers a curated entry by id, and says null for an unknown one', () => {
    const id = knowledge.qa[0]!.id;
    expect(engine.askEntry(id)!.entryId).toBe(id);
    expect(engine.askEntry('no-such-entry')).toBeNull();
  });
});

describe('quote', () => {
  it('resolves names, aliases and misspellings to the speaker', () => {
    for (const name of ['blinken', 'Antony Blinken', 'blinkin', 'the secretary of state', 'top US diplomat'])
      expect(engine.quote(name).speaker, name).toBe('blinken');
    for (const name of ['xi', 'President Xi', 'xi jinpin', 'chinese president']) expect(engine.quote(name).speaker, name).toBe('xi');
  });

  it('lists all quotes in article order, verbatim', () => {
    const r = engine.quote('blinken');
    expect(r.quotes).toHaveLength(8);
    const paragraphs = r.quotes.map((q) => q.citation.paragraph);
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b));
    for (const q of r.quotes) expect(q.citation.text).toContain(q.text);
  });

  it('filters by what the quote is about', () => {
    const r = engine.quote('blinken', 'progress');
    expect(r.quotes.map((q) => q.id)).toEqual(['progress-is-hard']);
    expect(engine.quote('xi', 'progress').quotes.map((q) => q.id)).toContain('made-progress');
  });

  it('says so for a person the article names but never quotes', () => {
    const r = engine.quote('joe biden');
    expect(r.speaker).toBe('biden');
    expect(r.quotes).toEqual([]);
    expect(r.message).toMatch(/no direct quote/);
    expect(r.suggestions.map((s) => s.id)).toEqual(expect.arrayContaining(['blinken', 'xi']));
  });

  it('suggests speakers for an unknown name', () => {
    const r = engine.quote('Vladimir Putin');
    expect(r.speaker).toBeNull();
    expect(r.suggestions.length).toBeGreaterThan(0);
  });
});

describe('topic', () => {
  it('resolves ids, aliases and misspellings, with passages in article order', () => {
    for (const name of ['taiwan', 'Taiwan', 'tiawan']) expect(engine.topic(name).topic, name).toBe('taiwan');
    const r = engine.topic('fentanyl');
    expect(r.summary).toBeTruthy();
    const paragraphs = r.citations.map((c) => c.paragraph);
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b));
  });

  it('suggests topics for an unknown one', () => {
    const r = engine.topic('climate change');
    expect(r.topic).toBeNull();
    expect(r.citations).toEqual([]);
    expect(r.suggestions.length).toBeGreaterThan(0);
  });
});

describe('autocomplete', () => {
  it('offers curated questions matching what is typed, within Discord limits', () => {
    const choices = engine.completeQuestion('how long');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    expect(engine.completeQuestion('').length).toBeGreaterThan(0);
  });

  it('offers speakers and topics', () => {
    expect(engine.completeSpeaker('blin')[0]!.value).toBe('blinken');
    expect(engine.completeTopic('taiw')[0]!.value).toBe('taiwan');
  });
});

describe('the engine and the knowledge loader stay free of Discord', () => {
  it('import nothing from discord.js', () => {
    const root = new URL('../../src/', import.meta.url).pathname;
    for (const dir of ['engine', 'knowledge', 'text', 'eval']) {
      for (const file of readdirSync(join(root, dir))) {
        expect(readFileSync(join(root, dir, file), 'utf8'), `${dir}/${file}`).not.toMatch(/from ['"](discord\.js|@discordjs\/)/);
      }
    }
  });
});

describe('recent answers', () => {
  it('gives the same answer for a repeated question, from memory, and a reload starts afresh', () => {
    const first = engine.ask('how long did they meet?');
    const again = engine.ask('how long did they meet?');
    expect(again).toBe(first);
    expect(engine.ask('How long did they meet?')).toEqual({ ...first, query: 'How long did they meet?' });
    const rebuilt = createEngine(knowledge);
    expect(rebuilt.ask('how long did they meet?')).not.toBe(first);
    expect(rebuilt.ask('how long did they meet?')).toEqual(first);
  });
});
