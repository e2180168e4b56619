import * as z from 'zod';
import { KNOWLEDGE_FILES } from './schema.ts';

/** The JSON Schema for each knowledge file, generated from the zod schemas, keyed by file name. */
export function knowledgeJsonSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const { file, schema } of Object.values(KNOWLEDGE_FILES)) {
    // "input" so that fields with defaults (keywords, topics) are optional for the curator.
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    out.set(file.replace(/\.json$/, '.schema.json'), `${JSON.stringify(json, null, 2)}\n`);
  }
  return out;
}
