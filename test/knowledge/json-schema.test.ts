import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeJsonSchemas } from '../../src/knowledge/json-schema.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/load.ts';

describe('the JSON Schemas editors use', () => {
  it('are generated from the zod schemas and up to date (npm run knowledge:schema)', () => {
    for (const [name, text] of knowledgeJsonSchemas()) {
      expect(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'schema', name), 'utf8'), name).toBe(text);
    }
  });

  it('are what each knowledge file points its editor at', () => {
    for (const name of knowledgeJsonSchemas().keys()) {
      const data = JSON.parse(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, name.replace('.schema', '')), 'utf8'));
      expect(data.$schema).toBe(`./schema/${name}`);
    }
  });
});
