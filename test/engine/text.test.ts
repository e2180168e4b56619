import { describe, expect, it } from 'vitest';
import { britishSpelling, foldSpelling, stem, terms, words } from '../../src/engine/text.ts';

describe('how the engine reads text', () => {
  it('maps chat words, drops filler, folds typography and phrases', () => {
    expect(words('wat was the mtg lol')).toEqual(['what', 'was', 'the', 'meeting']);
    expect(words('Blinken’s 35-minute talks')).toEqual(['blinken', '35', 'minute', 'talks']);
    expect(words('does the White House see china as an enemy')).toContain('washington');
    expect(words('did it come up or not')).toEqual(['did', 'it', 'discussed']);
  });

  it('never reads a word as a property of Object.prototype', () => {
    for (const name of [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype']) {
      expect(() => words(name), name).not.toThrow();
      expect(words(`is ${name} a word`).join(' '), name).toContain('word');
    }
    expect(words('constructor')).toEqual(['constructor']);
  });

  it('folds American spellings to the article’s British ones', () => {
    expect(britishSpelling('stabilize')).toBe('stabilise');
    expect(britishSpelling('stabilizing')).toBe('stabilising');
    expect(britishSpelling('analyzed')).toBe('analysed');
    expect(britishSpelling('defense')).toBe('defence');
    expect(britishSpelling('prize')).toBe('prize');
    expect(britishSpelling('size')).toBe('size');
    expect(foldSpelling('Stabilizing Relations')).toBe('stabilising Relations');
    expect(terms('stabilizing relations')).toEqual(terms('stabilising relations'));
  });

  it('stems with Porter, identically on both sides, and keeps words Porter would cut to a stub', () => {
    expect(stem('negotiation')).toBe(stem('negotiate'));
    expect(stem('expectations')).toBe(stem('expected'));
    expect(stem('toppings')).not.toBe(stem('top'));
    expect(stem('ages')).not.toBe(stem('age'));
    expect(stem('who')).toBe('who');
    expect(stem('35')).toBe('35');
  });

  it('keeps question words and drops stop words and contractions', () => {
    expect(terms("where didn't they meet")).toEqual(['where', 'meet']);
    expect(terms('whether the balloon')).toEqual(['balloon']);
  });
});
