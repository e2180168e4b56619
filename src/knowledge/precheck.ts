// The build's record of the knowledge files it validated (scripts/build.mjs writes it into dist/,
// src/cli/knowledge-precheck.ts), read by the compiled bot at start so that unchanged files are not
// validated a second time (loadKnowledge's `prechecked`). Edited files are validated at start in full.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { precheckKnowledge, type Prechecked } from './load.ts';

export const PRECHECKED_FILE = 'knowledge.checked.json';

/**
 * The record beside the running script: dist/knowledge.checked.json for the compiled bot. Run from
 * the sources there is none (src/knowledge/ holds no such file), and nothing is taken as checked.
 */
export function readPrechecked(path: string = fileURLToPath(new URL(`./${PRECHECKED_FILE}`, import.meta.url))): Prechecked | null {
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as Partial<Prechecked>;
    return typeof record.digest === 'string' && typeof record.files === 'object' && record.files !== null ? (record as Prechecked) : null;
  } catch {
    // Missing or unreadable: the files are validated at start, as from the sources.
    return null;
  }
}

/** Validates the knowledge files in `dir` in full and writes the record; throws a KnowledgeError for files with problems. */
export function writePrechecked(path: string, dir?: string): void {
  writeFileSync(path, JSON.stringify(precheckKnowledge(dir)));
}
