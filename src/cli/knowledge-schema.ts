// Writes knowledge/schema/*.schema.json from the zod schemas, for editors to validate and complete.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeJsonSchemas } from '../knowledge/json-schema.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/load.ts';

const dir = join(DEFAULT_KNOWLEDGE_DIR, 'schema');
mkdirSync(dir, { recursive: true });
for (const [name, text] of knowledgeJsonSchemas()) {
  writeFileSync(join(dir, name), text);
  console.log(`wrote knowledge/schema/${name}`);
}
