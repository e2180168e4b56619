import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine/analysis.ts';
import { namesIn } from '../../src/engine/people.ts';
import { askingClause, splitParts } from '../../src/engine/clause.ts';
import { parseQuestion } from '../../src/engine/question.ts';
import { words } from '../../src/engine/text.ts';
import { EngineInputError } from '../../src/engine/types.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const a = analyse(loadKnowledge());

describe('reading a question once', () => {
  it('finds the asking clause of a long message', () => {
    expect(askingClause('my brother and I were arguing at lunch about all this stuff, but was the trade war part of why things got bad').clause).toBe(
      'was the trade war part of why things got bad',
    );
    expect(askingClause('sorry if this is dumb. i read half the article on the bus. where did they actually meet?').clause).toBe(
      'where did they actually meet?',
    );
    // Short questions are their own clause.
    expect(askingClause('so where did they meet').clause).toBe('so where did they meet');
  });

  it('splits a two-part question at its seam and keeps the first part', () => {
    expect(splitParts('what did they settle and what did they refuse')).toEqual({ first: 'what did they settle', second: 'what did they refuse' });
    expect(splitParts('did russia and ukraine come up')).toEqual({ first: 'did russia and ukraine come up', second: null });
    const q = parseQuestion(a, 'how long did they talk, and why was it announced so late?');
    expect(q.clause).toBe('how long did they talk');
    expect(q.second).toBe('why was it announced so late?');
    expect(q.kind).toBe('duration');
  });

  it('keeps the rest of a long message as weak context, never as the question', () => {
    const q = parseQuestion(a, 'my uncle who works in logistics keeps talking about fentanyl at dinner, but did the drug crisis come up in the meeting');
    expect(q.terms).toContain(a.spell.correct('drug'));
    expect(q.context.length).toBeGreaterThan(0);
    expect(q.terms).not.toContain('uncl');
  });

  it('reads the people named, put right when misspelt, and whose words are asked for', () => {
    expect(parseQuestion(a, 'who is chin gang').speakers).toEqual(['qin-gang']);
    expect(parseQuestion(a, 'what does wang yii do').speakers).toEqual(['wang-yi']);
    expect(parseQuestion(a, 'what did xi jinpin say about progress').speakers).toEqual(['xi']);
    expect(parseQuestion(a, 'bil gates and xi').speakers).toEqual(['bill-gates', 'xi']);
    expect(parseQuestion(a, 'what did the kremlin say').voice).toEqual(['kremlin']);
    // A name typed right is not "corrected" into another.
    expect(namesIn(a, words('the gang of four')).speakers).toEqual([]);
  });

  it('reads a role in another order or wording of its country as the person holding it', () => {
    expect(namesIn(a, words("how old is america's top diplomat")).speakers).toEqual(['blinken']);
    expect(namesIn(a, words('what did the president of china think')).speakers).toEqual(['xi']);
    expect(namesIn(a, words("who is china's top diplomat")).speakers).toEqual(['wang-yi']);
    // Other words between them make another role: "top US trade diplomat" is nobody the article names.
    expect(namesIn(a, words('who is the top us trade diplomat')).speakers).toEqual([]);
  });

  it('refuses empty input', () => {
    expect(() => parseQuestion(a, '   ')).toThrow(EngineInputError);
  });
});
