// npm run knowledge:check [dir]: validates the knowledge files and prints what they hold.
import { KnowledgeError, loadKnowledge } from '../knowledge/load.ts';

try {
  const k = loadKnowledge(process.argv[2]);
  const phrasings = k.qa.reduce((n, e) => n + e.questions.length, 0);
  const quoted = new Set(k.quotes.map((q) => q.speaker)).size;
  console.log('knowledge OK');
  console.log(`  passages   ${k.passages.length}`);
  console.log(`  speakers   ${k.speakers.length} (${quoted} quoted)`);
  console.log(`  quotes     ${k.quotes.length}`);
  console.log(`  topics     ${k.topics.length}`);
  console.log(`  Q&A        ${k.qa.length} entries, ${phrasings} phrasings`);
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
