// npm run eval [-- --verbose]: the engine's accuracy on the eval cases in test/data.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../engine/index.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { ASK_SETS } from '../eval/sets.ts';
import { AskCaseSchema, QuoteCaseSchema, readJsonl, TopicCaseSchema } from '../eval/cases.ts';
import { runAsk, runQuote, runTopic, summarise } from '../eval/score.ts';

const data = (name: string) => fileURLToPath(new URL(`../../test/data/${name}`, import.meta.url));
const verbose = process.argv.includes('--verbose');
// `--file <path>` (repeatable): run these ask sets instead of test/data's, e.g. a fresh blind set.
const files = process.argv.flatMap((arg, i) => (arg === '--file' && process.argv[i + 1] ? [process.argv[i + 1]!] : []));
const knowledge = loadKnowledge();
const engine = createEngine(knowledge);
const pct = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

const askSets = files.length > 0 ? files : ASK_SETS.map(data);
for (const file of askSets) {
  if (!existsSync(file)) {
    if (files.length > 0) console.log(`\n${file}: no such file`);
    continue;
  }
  const outcomes = runAsk(engine, readJsonl(file, AskCaseSchema), knowledge.article);
  console.log(`\n${file}`);
  console.log('  kind      n   top-1    top-3    refused');
  for (const s of summarise(outcomes)) {
    const answerable = s.kind !== 'oos' && s.kind !== 'hardneg';
    console.log(
      `  ${s.kind.padEnd(8)}${String(s.n).padStart(3)}  ${answerable ? pct(s.top1, s.n) : '   -  '}   ${answerable ? pct(s.top3, s.n) : '   -  '}   ${pct(s.refused, s.n)}`,
    );
  }
  const answerable = outcomes.filter((o) => o.c.expect);
  const faithful = outcomes.filter((o) => o.faithful).length;
  const wrong = answerable.filter((o) => o.answered && !o.top1).length;
  console.log(
    `  in-scope top-1 ${pct(answerable.filter((o) => o.top1).length, answerable.length)}, top-3 ${pct(answerable.filter((o) => o.top3).length, answerable.length)}, answered wrong ${pct(wrong, answerable.length)}; citations verbatim in ${faithful}/${outcomes.length} replies`,
  );
  for (const o of outcomes) {
    const wrong = o.c.expect ? !o.top1 : o.answered;
    if (wrong || verbose) console.log(`  ${wrong ? 'MISS' : 'ok  '} ${o.c.id} [${o.c.kind}] ${o.c.q} -> ${o.answered ? o.firstCitation : 'refused'}`);
  }
}

for (const [file, run] of files.length > 0
  ? []
  : ([
      ['quote-cases.jsonl', () => runQuote(engine, readJsonl(data('quote-cases.jsonl'), QuoteCaseSchema), knowledge.article)],
      ['topic-cases.jsonl', () => runTopic(engine, readJsonl(data('topic-cases.jsonl'), TopicCaseSchema), knowledge.article)],
    ] as const)) {
  if (!existsSync(data(file))) continue;
  const outcomes = run();
  console.log(`\n${file}: ${outcomes.filter((o) => o.ok).length}/${outcomes.length} right`);
  for (const o of outcomes) if (!o.ok || verbose) console.log(`  ${o.ok ? 'ok  ' : 'MISS'} ${o.c.id}: ${o.why}`);
}
