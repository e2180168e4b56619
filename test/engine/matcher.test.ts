import { describe, expect, it } from 'vitest';
import { coverage, prepare, TermWeights, type Doc } from '../../src/engine/matcher.ts';

const set = (...t: string[]) => new Set(t);
const docs = [set('meet', 'venu', 'hall'), set('balloon', 'spy'), set('taiwan', 'independ'), set('meet', 'length')];
const weights = new TermWeights(docs);
const synonyms = new Map([
  ['place', new Set(['venu'])],
  ['venu', new Set(['place'])],
]);
const doc = (core: Set<string>, answer = set(), passage = set()): Doc => ({ core, answer, passage });

describe('coverage', () => {
  it('credits exact words, synonyms, answer and passage words less and less', () => {
    const exact = coverage(prepare(['venu'], weights, synonyms), doc(set('venu')));
    const synonym = coverage(prepare(['place'], weights, synonyms), doc(set('venu')));
    const inAnswer = coverage(prepare(['venu'], weights, synonyms), doc(set(), set('venu')));
    expect(exact.coverage).toBe(1);
    expect(synonym.coverage).toBeLessThan(1);
    expect(inAnswer.coverage).toBeLessThan(synonym.coverage);
    expect(inAnswer.anchored).toBe(false);
  });

  it('counts a word the knowledge base never uses as missing, weighted like a rare word', () => {
    const c = coverage(prepare(['balloon', 'pizza'], weights, synonyms), doc(set('balloon', 'spy')));
    expect(c.missing).toBeGreaterThan(0.3);
    expect(weights.knows('pizza')).toBe(false);
    expect(weights.knows('balloon')).toBe(true);
  });

  it('weighs unknown words down when asked, and context words only ever add', () => {
    const strict = coverage(prepare(['balloon', 'roommate'], weights, synonyms), doc(set('balloon')));
    const loose = coverage(prepare(['balloon', 'roommate'], weights, synonyms, { unknownFactor: 0.2 }), doc(set('balloon')));
    expect(loose.coverage).toBeGreaterThan(strict.coverage);
    const withContext = coverage(prepare(['balloon'], weights, synonyms, { context: ['spy', 'dinner'], contextWeight: 0.25 }), doc(set('balloon', 'spy')));
    expect(withContext.coverage).toBe(1);
    expect(withContext.missing).toBe(0);
    expect(withContext.matched).toBe(1);
  });
});
