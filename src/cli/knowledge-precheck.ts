// Run by scripts/build.mjs (bundled, not an npm script): validates the repository's knowledge
// files and writes the record the compiled bot reads at start (src/knowledge/precheck.ts) to the
// path given. Files with problems write nothing and exit 1: the bot then validates them at start
// and reports the problems itself, as `npm run knowledge:check` does.
import { KnowledgeError } from '../knowledge/load.ts';
import { writePrechecked } from '../knowledge/precheck.ts';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: knowledge-precheck <output file>');
try {
  writePrechecked(path);
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  process.exitCode = 1;
}
