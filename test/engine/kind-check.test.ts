import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPhrasingKinds } from '../../src/engine/kind-check.ts';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.ts';
import { copyKnowledge, editJson } from '../knowledge/fixture.ts';

describe('knowledge:check on the kinds of answer', () => {
  it('passes the curated knowledge', () => {
    expect(checkPhrasingKinds(loadKnowledge(), 'knowledge/qa.json')).toEqual([]);
  });

  it('flags a phrasing that asks for something its entry’s answer is not, naming file, entry and field', () => {
    const dir = copyKnowledge();
    editJson(dir, 'qa.json', (json) => {
      const entry = json.entries.find((e: { id: string }) => e.id === 'meeting-length');
      entry.questions.push('Who did Blinken meet for 35 minutes?');
    });
    const problems = checkPhrasingKinds(loadKnowledge(dir), 'knowledge/qa.json');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^knowledge\/qa\.json: entries\[0\]\.questions\[7\]: “Who did Blinken meet for 35 minutes\?” asks for a person .*entry "meeting-length"/,
    );
  });

  it('reads an entry’s kinds from its answer when it lists none, and rejects an unknown kind', () => {
    const dir = copyKnowledge();
    editJson(dir, 'qa.json', (json) => {
      delete json.entries[0].answerKinds;
    });
    expect(checkPhrasingKinds(loadKnowledge(dir), 'qa.json')).toEqual([]);
    editJson(dir, 'qa.json', (json) => {
      json.entries[0].answerKinds = ['colour'];
    });
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
    expect(() => loadKnowledge(dir)).toThrow(/qa\.json: entries\[0\]\.answerKinds\[0\]: .*\(entry "meeting-length"\)/);
  });

  it('validates synonyms.json like the rest, and loads without it', () => {
    const dir = copyKnowledge();
    editJson(dir, 'synonyms.json', (json) => {
      json.groups[0].words = ['Lonely'];
    });
    expect(() => loadKnowledge(dir)).toThrow(/synonyms\.json: groups\[0\]\.words/);
    rmSync(join(dir, 'synonyms.json'));
    expect(loadKnowledge(dir).synonyms).toEqual([]);
  });
});
