import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAbstractNoun, loadEnglishWords } from '../../src/engine/english.ts';
import { editDistance, SpellChecker } from '../../src/engine/spell.ts';

describe('spelling correction', () => {
  const vocabulary = ['taiwan', 'fentanyl', 'heating', 'visit', 'gates', 'independence', 'blinken'];
  const frequency = new Map(vocabulary.map((w) => [w, 1]));
  const english = loadEnglishWords();
  const spell = new SpellChecker(vocabulary, frequency, english);

  it('spends at most the budget on searches, leaving later unknown words as typed', () => {
    const fresh = new SpellChecker(vocabulary, frequency, english);
    const budget = { searches: 1 };
    expect(fresh.correct('tiawan', budget)).toBe('taiwan');
    expect(budget.searches).toBe(0);
    expect(fresh.correct('fentanil', budget)).toBe('fentanil');
    // Known words and words already looked up cost nothing.
    expect(fresh.correct('taiwan', budget)).toBe('taiwan');
    expect(fresh.correct('tiawan', budget)).toBe('taiwan');
  });

  it('corrects typos within the allowed edits', () => {
    expect(spell.correct('tiawan')).toBe('taiwan');
    expect(spell.correct('fentanil')).toBe('fentanyl');
    expect(spell.correct('independance')).toBe('independence');
    expect(spell.correct('blinkin')).toBe('blinken');
  });

  it('takes a 4-letter word only for one inserted, dropped or swapped letter, or a letter for its neighbour on the keyboard', () => {
    expect(spell.correct('vist')).toBe('visit');
    expect(new SpellChecker(['gates'], new Map()).correct('rate')).toBe('rate');
    // "m" sits beside "n"; "k" is nowhere near "g".
    expect(new SpellChecker(['long'], new Map()).correct('lomg')).toBe('long');
    expect(new SpellChecker(['long'], new Map()).correct('lokg')).toBe('lokg');
  });

  it('leaves real English words alone', () => {
    expect(english('heading')).toBe(true);
    expect(spell.correct('heading')).toBe('heading');
    expect(new SpellChecker(vocabulary, frequency).correct('heading')).toBe('heating');
  });

  it('edit distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('tiawan', 'taiwan')).toBe(1);
    expect(editDistance('vladimir putin', 'us secretary stat')).toBeGreaterThan(3);
  });
});

describe('the English word list', () => {
  it('tells abstract nouns (and their plurals) from things one can name, by WordNet', () => {
    for (const w of ['ambition', 'ambitions', 'effect', 'policies', 'signal', 'misunderstanding']) expect(isAbstractNoun(w), w).toBe(true);
    for (const w of ['hotel', 'tariffs', 'aircraft', 'company', 'officials', 'city']) expect(isAbstractNoun(w), w).toBe(false);
  });

  it('answers by binary search over sorted lines', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'words-')), 'words.txt');
    writeFileSync(path, ['apple', 'banana', 'cherry', 'date', 'elder'].join('\n'));
    const has = loadEnglishWords(path);
    for (const w of ['apple', 'cherry', 'elder']) expect(has(w), w).toBe(true);
    for (const w of ['', 'aardvark', 'blueberry', 'zebra', 'cherr']) expect(has(w), w).toBe(false);
  });
});
