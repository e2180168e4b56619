import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/load.ts';

/** A copy of the real knowledge directory in a temporary folder, to break on purpose. */
export function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

/** Rewrites one JSON file of a copied knowledge directory. */
export function editJson(dir: string, file: string, edit: (json: any) => void): void {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  edit(json);
  writeFileSync(path, JSON.stringify(json, null, 2));
}
