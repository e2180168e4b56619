// npm run knowledge:check [dir]: validates the knowledge files and prints what they hold.
import { join, relative } from 'node:path';
import { checkPhrasingKinds } from '../engine/kind-check.ts';
import { DEFAULT_KNOWLEDGE_DIR, KnowledgeError, loadKnowledge } from '../knowledge/load.ts';
import { KNOWLEDGE_FILES } from '../knowledge/schema.ts';

try {
  const dir = process.argv[2];
  const k = loadKnowledge(dir);
  // Phrasings that ask for what their entry's answer is not (see src/engine/kinds.ts).
  const kindProblems = checkPhrasingKinds(k, relative(process.cwd(), join(dir ?? DEFAULT_KNOWLEDGE_DIR, KNOWLEDGE_FILES.qa.file)));
  if (kindProblems.length > 0) throw new KnowledgeError(kindProblems);
  const phrasings = k.qa.reduce((n, e) => n + e.questions.length, 0);
  const quoted = new Set(k.quotes.map((q) => q.speaker)).size;
  console.log('knowledge OK');
  console.log(`  passages   ${k.passages.length}`);
  console.log(`  speakers   ${k.speakers.length} (${quoted} quoted)`);
  console.log(`  quotes     ${k.quotes.length}`);
  console.log(`  topics     ${k.topics.length}`);
  console.log(`  Q&A        ${k.qa.length} entries, ${phrasings} phrasings`);
  console.log(`  synonyms   ${k.synonyms.length} groups, ${k.categories.length} categories`);
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
