// One test per way the engine used to fail on wording nobody tuned for (the answer-quality issue),
// each with examples written for this test, not taken from the eval sets.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/index.ts';
import type { AskResult } from '../../src/engine/types.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const knowledge = loadKnowledge();
const engine = createEngine(knowledge);
const first = (r: AskResult) => (r.answered ? r.citations[0]?.id : 'refused');

describe('answers on wording nobody tuned for', () => {
  it('finds the question inside a long message', () => {
    expect(
      first(engine.ask('ugh my group chat has been arguing about this all morning and nobody reads past headlines, but did fentanyl come up at all')),
    ).toBe('p10');
    expect(first(engine.ask('so my teacher mentioned it in class today and i missed the end, where did the two of them sit down'))).toBe('p5');
  });

  it('puts right a real word typed for a word of the article, only when that makes the question answerable', () => {
    expect(first(engine.ask('did they meat in beijing'))).toBe('p2');
    expect(first(engine.ask('the spa balloon, what was that about'))).toBe('p8');
    expect(first(engine.ask('grate hall where is it'))).toBe('p5');
    // A real word near a name is not taken for it, nor one whose correction leaves the rest unanswered.
    expect(engine.ask('tell me a joke').answered).toBe(false);
    expect(engine.ask('any tips for sleeping better').answered).toBe(false);
  });

  it('tolerates typos in names and in one-word queries', () => {
    expect(first(engine.ask('who is wang yii'))).toBe('p15');
    expect(first(engine.ask('chin gang?'))).toBe('p15');
    expect(first(engine.ask('breakthrows?'))).toBe('p11');
    expect(first(engine.ask('is america trying to contane china'))).toBe('p21');
  });

  it('understands paraphrase by role and description', () => {
    expect(first(engine.ask("who is america's chief diplomat"))).toBe('p1');
    expect(first(engine.ask('is the length of the meeting known'))).toBe('p5');
    expect(first(engine.ask('does the white house see beijing as an enemy'))).toBe('p16');
  });

  it('answers only with the kind of answer asked for', () => {
    for (const q of [
      "what's the date today",
      'what time is it right now in beijing',
      'how many aides went with blinken',
      'which fighter jet shot down the balloon',
    ]) {
      expect(engine.ask(q).answered, q).toBe(false);
    }
    const speech = engine.ask('what did xi say about fentanyl');
    expect(speech.answered).toBe(false);
    expect(speech.answered ? '' : speech.note).toMatch(/doesn't report what Xi Jinping said about fentanyl/);
    // About the report itself: its paragraphs cannot say, but the bot says what it is.
    const report = engine.ask('who published this story?');
    expect(report.answered).toBe(false);
    expect(report.answered ? '' : report.note).toMatch(/BBC report “US and China pledge/);
    // Not "Yes." to a question that did not ask yes or no.
    const open = engine.ask('what happened regarding north korea');
    expect(open.answered && open.answer).not.toMatch(/^(Yes|No)\b/);
  });

  it('answers the first part of a two-part question first', () => {
    const r = engine.ask('what did Beijing accept and what did it reject');
    expect(first(r)).toBe('p12');
    expect(r.citations.map((c) => c.id)).toContain('p23');
  });

  it('refuses what the article comes near without answering, citing where it comes nearest', () => {
    const r = engine.ask('what did china say about human rights');
    expect(r.answered).toBe(false);
    expect(r.citations.map((c) => c.id)).toEqual(['p10']);
    expect(r.answered ? '' : r.note).toMatch(/doesn't report what China said about human rights; the nearest it comes is paragraph 10/);
    for (const c of r.citations) expect(knowledge.article).toContain(c.text);
    expect(engine.ask('how did japan react to the talks').answered).toBe(false);
    // Sharing one rare word with the article does not make a question about it. (The first was
    // answered with Bill Gates on the first run of blind8.)
    for (const q of ['is microsoft teams down for anyone else', 'is the microsoft store open on sundays', 'how do i get a visa for beijing'])
      expect(engine.ask(q).answered, q).toBe(false);
    expect(engine.ask('what did the kremlin make of it all, what did it say').answered).toBe(false);
  });

  it('folds American spellings the same way on every door', () => {
    expect(engine.topic('stabilizing relations').topic).toBe(engine.topic('stabilising relations').topic);
    expect(engine.topic('stabilizing relations').topic).not.toBeNull();
    expect(engine.completeTopic('stabiliz').map((c) => c.value)).toEqual(engine.completeTopic('stabilis').map((c) => c.value));
    expect(engine.completeQuestion('stabilize').length).toBeGreaterThan(0);
    expect(first(engine.ask('did they agree to stabilize relations'))).toBe(first(engine.ask('did they agree to stabilise relations')));
  });

  it('survives every Object.prototype property name as input, on every door', () => {
    for (const name of [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype', 'constructor constructor']) {
      expect(() => engine.ask(name), name).not.toThrow();
      expect(() => engine.ask(`what did ${name} say about ${name}`), name).not.toThrow();
      expect(() => engine.quote(name, name), name).not.toThrow();
      expect(() => engine.topic(name), name).not.toThrow();
      expect(() => engine.completeQuestion(name), name).not.toThrow();
      expect(() => engine.completeSpeaker(name), name).not.toThrow();
      expect(() => engine.completeTopic(name), name).not.toThrow();
      expect(engine.askEntry(name), name).toBeNull();
    }
  });
});
